/// The shapes of Instagram's JSON export (FORMATS.md §2), decoded as written.
///
/// Every field is optional unless the format guarantees it, and strings keep Meta's mojibake
/// (``InstagramJSONItemBuilder`` repairs them). Nothing here is public: the rest of the tool sees
/// only ``TimelineItem``s.
enum InstagramJSONDTO {
    /// An epoch time written as an integer, a float or a numeric string; the unit is the field's.
    struct Epoch: Decodable, Equatable {
        let value: Double

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                value = number
            } else if let text = try? container.decode(String.self), let number = Double(text) {
                value = number
            } else {
                throw DecodingError.typeMismatch(
                    Double.self,
                    .init(
                        codingPath: decoder.codingPath, debugDescription: "expected an epoch time"))
            }
        }
    }

    /// One element of `label_values`.
    ///
    /// A `{label, value, href}` pair, or a titled `dict` list of them. Parts that are not of
    /// these types are read as absent.
    struct LabelValue: Decodable {
        let label: String?
        let value: String?
        let href: String?
        let title: String?
        let dict: [LabelValue]?

        private enum CodingKeys: String, CodingKey { case label, value, href, title, dict }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try? container.decodeIfPresent(String.self, forKey: .label)
            value = try? container.decodeIfPresent(String.self, forKey: .value)
            href = try? container.decodeIfPresent(String.self, forKey: .href)
            title = try? container.decodeIfPresent(String.self, forKey: .title)
            dict = try? container.decodeIfPresent([LabelValue].self, forKey: .dict)
        }

        /// The first pair labelled `label` in `values` (depth first), inside a list titled
        /// `title` when one is given.
        static func find(
            _ label: String, under title: String?, in values: [LabelValue], inside: String?
        ) -> LabelValue? {
            for value in values {
                if value.label == label, title == nil || inside == title { return value }
                if let nested = value.dict,
                    let found = find(
                        label, under: title, in: nested,
                        inside: value.title.flatMap { $0.isEmpty ? nil : $0 } ?? inside)
                {
                    return found
                }
            }
            return nil
        }
    }

    /// One `{href, value, timestamp}` entry of a generic record (§2.2).
    struct StringEntry: Decodable {
        let href: String?
        let value: String?
        let timestamp: Epoch?
    }

    /// The generic record most Instagram files are lists of (§2.2): a `title` and either a
    /// `string_list_data` list or a `string_map_data` object keyed by English labels.
    ///
    /// `media_map_data` (the profile photo) is read leniently: a value that is not a media
    /// object is ignored rather than failing the record.
    ///
    /// Since 2026 `likes/liked_posts.json` is a plain list of another shape: a top-level
    /// `timestamp`, `label_values` (the post's URL, caption and owner) and `fbid`.
    struct Record: Decodable {
        let title: String?
        let stringListData: [StringEntry]?
        let stringMapData: [String: StringEntry]?
        let mediaMapData: [String: Media]?
        /// The record's own time (2026 likes).
        let timestamp: Epoch?
        /// The record's labelled values (2026 likes).
        let labelValues: [LabelValue]?

        private enum CodingKeys: String, CodingKey {
            case title, timestamp
            case stringListData = "string_list_data"
            case stringMapData = "string_map_data"
            case mediaMapData = "media_map_data"
            case labelValues = "label_values"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            stringListData = try container.decodeIfPresent(
                [StringEntry].self, forKey: .stringListData)
            stringMapData = try container.decodeIfPresent(
                [String: StringEntry].self, forKey: .stringMapData)
            mediaMapData = try? container.decodeIfPresent(
                [String: Media].self, forKey: .mediaMapData)
            timestamp = try? container.decodeIfPresent(Epoch.self, forKey: .timestamp)
            labelValues = try? container.decodeIfPresent([LabelValue].self, forKey: .labelValues)
        }

        /// The value labelled `label` among `label_values`, searched depth first through nested
        /// `dict` lists (the owner's `Username` sits two lists down, under the title "Owner").
        func labelled(_ label: String, under title: String? = nil) -> LabelValue? {
            LabelValue.find(label, under: title, in: labelValues ?? [], inside: nil)
        }

        /// The entry under `label`, matched without regard to case ("Media Owner" and "Media
        /// owner" are both written).
        func entry(_ label: String) -> StringEntry? {
            guard let map = stringMapData else { return nil }
            if let exact = map[label] { return exact }
            let lowered = label.lowercased()
            return map.first { $0.key.lowercased() == lowered }?.value
        }
    }

    /// A photo or video with its caption (§2.5): an element of a post's `media`, a story, a
    /// profile picture.
    struct Media: Decodable {
        let uri: String?
        let creationTimestamp: Epoch?
        let title: String?
        let mediaMetadata: MediaMetadata?

        private enum CodingKeys: String, CodingKey {
            case uri, title
            case creationTimestamp = "creation_timestamp"
            case mediaMetadata = "media_metadata"
        }
    }

    /// Which kind of metadata a media item carries, which says whether it is a photo or a video.
    struct MediaMetadata: Decodable {
        let photoMetadata: MetaJSONValue?
        let videoMetadata: MetaJSONValue?

        private enum CodingKeys: String, CodingKey {
            case photoMetadata = "photo_metadata"
            case videoMetadata = "video_metadata"
        }
    }

    /// A post (`posts_N.json`, archived posts, reels): its media and, for carousels only, a
    /// post-level caption and time (§2.5).
    ///
    /// Stories and profile pictures are single media items, not posts; they decode here too, as
    /// a post of one media item with no post-level fields, so that every media list is read the
    /// same way.
    struct Post: Decodable {
        let media: [Media]
        let title: String?
        let creationTimestamp: Epoch?

        private enum CodingKeys: String, CodingKey {
            case media, title, uri
            case creationTimestamp = "creation_timestamp"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.media) {
                media = try container.decode([Media].self, forKey: .media)
                title = try container.decodeIfPresent(String.self, forKey: .title)
                creationTimestamp = try container.decodeIfPresent(
                    Epoch.self, forKey: .creationTimestamp)
            } else if container.contains(.uri) {
                media = [try Media(from: decoder)]
                title = nil
                creationTimestamp = nil
            } else {
                throw DecodingError.keyNotFound(
                    CodingKeys.media,
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "neither a post ('media') nor a media item ('uri')"))
            }
        }
    }

    /// A direct-message thread file, `message_N.json` (§2.8, Messenger's schema).
    struct Thread: Decodable {
        let participants: [Participant]?
        let messages: [MetaRecord<Message>]
        let title: String?
        let threadPath: String?

        private enum CodingKeys: String, CodingKey {
            case participants, messages, title
            case threadPath = "thread_path"
        }
    }

    /// A thread participant, by display name.
    struct Participant: Decodable {
        let name: String?
    }

    /// One direct message (§2.8).
    struct Message: Decodable {
        let senderName: String?
        let timestampMS: Epoch?
        let content: String?
        let photos: [MessageMedia]?
        let videos: [MessageMedia]?
        let audioFiles: [MessageMedia]?
        let files: [MessageMedia]?
        let share: Share?

        private enum CodingKeys: String, CodingKey {
            case content, photos, videos, files, share
            case senderName = "sender_name"
            case timestampMS = "timestamp_ms"
            case audioFiles = "audio_files"
        }
    }

    /// A media file sent in a message.
    struct MessageMedia: Decodable {
        let uri: String?
    }

    /// A post or link shared in a message; `original_content_owner` is the handle of the account
    /// whose post was shared.
    struct Share: Decodable {
        let link: String?
        let shareText: String?
        let originalContentOwner: String?

        private enum CodingKeys: String, CodingKey {
            case link
            case shareText = "share_text"
            case originalContentOwner = "original_content_owner"
        }
    }

    // MARK: - The 2018-2020 layout (FORMATS.md §2.1 first row; [M]/[L] in the reference)

    /// Legacy `profile.json`: flat keys.
    struct LegacyProfile: Decodable {
        let username: String?
        let name: String?
        let biography: String?
        let email: String?
        let dateJoined: String?

        private enum CodingKeys: String, CodingKey {
            case username, name, biography, email
            case dateJoined = "date_joined"
        }
    }

    /// One photo or video of legacy `media.json`.
    struct LegacyMedia: Decodable {
        let caption: String?
        let takenAt: String?
        let path: String?
        let location: String?

        private enum CodingKeys: String, CodingKey {
            case caption, path, location
            case takenAt = "taken_at"
        }
    }

    /// One legacy direct-message conversation of `messages.json`: participants by username.
    struct LegacyConversation: Decodable {
        let participants: [String]?
        let conversation: [MetaRecord<LegacyMessage>]
    }

    /// One message of a legacy conversation; `created_at` is an ISO 8601 string.
    struct LegacyMessage: Decodable {
        let sender: String?
        let createdAt: String?
        let text: String?
        let mediaShareURL: String?
        let mediaURL: String?

        private enum CodingKeys: String, CodingKey {
            case sender, text
            case createdAt = "created_at"
            case mediaShareURL = "media_share_url"
            case mediaURL = "media_url"
        }
    }
}
