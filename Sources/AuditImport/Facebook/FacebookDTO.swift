/// The shapes of Facebook's JSON export (FORMATS.md §1), decoded as written.
///
/// Every field is optional unless the format guarantees it, strings are kept with Meta's
/// mojibake (``FacebookItemBuilder`` repairs them), and keys are spelled out because one
/// record can appear under several eras' names. Nothing here is public: the rest of the tool
/// sees only ``TimelineItem``s.
enum FacebookDTO {
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

    /// A person named either as `{"name": "…"}` or as a bare string (E2EE participants, old tags).
    struct NamedPerson: Decodable {
        let name: String?

        private enum CodingKeys: String, CodingKey { case name }

        init(from decoder: any Decoder) throws {
            if let container = try? decoder.singleValueContainer(),
                let text = try? container.decode(String.self)
            {
                name = text
            } else {
                name = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(
                    String.self, forKey: .name)
            }
        }
    }

    /// The activity-log entry shared by posts, comments, reactions, story reactions and group
    /// posts: a time, a generated title, `data` items, attachments and tags (§1.4–§1.6), plus the
    /// 2024+ `label_values` form of likes and reactions.
    struct Entry: Decodable {
        let timestamp: Epoch?
        let title: String?
        let data: [EntryData]?
        let attachments: [AttachmentGroup]?
        let tags: [NamedPerson]?
        let labelValues: [LabelValue]?

        private enum CodingKeys: String, CodingKey {
            case timestamp, title, data, attachments, tags
            case labelValues = "label_values"
        }
    }

    /// One element of an entry's `data` list; each holds one of these keys, or none (`{}`).
    struct EntryData: Decodable {
        let post: String?
        let updateTimestamp: Epoch?
        let comment: Comment?
        let reaction: Reaction?
        let name: String?

        private enum CodingKeys: String, CodingKey {
            case post, comment, reaction, name
            case updateTimestamp = "update_timestamp"
        }
    }

    /// A comment inside a comments entry.
    struct Comment: Decodable {
        let timestamp: Epoch?
        let comment: String?
        let author: String?
        let group: String?
    }

    /// A reaction inside a reactions entry (`LIKE`, `SORRY`, or an emoji in messages).
    struct Reaction: Decodable {
        let reaction: String?
        let actor: String?
    }

    /// One `{label, value}` pair of the 2024+ generic record shape.
    ///
    /// Values that are not text (nested `dict`/`vec` lists) are read as absent.
    struct LabelValue: Decodable {
        let label: String?
        let value: String?

        private enum CodingKeys: String, CodingKey { case label, value }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try? container.decodeIfPresent(String.self, forKey: .label)
            value = try? container.decodeIfPresent(String.self, forKey: .value)
        }
    }

    /// An `attachments` element: a group of attachment items.
    struct AttachmentGroup: Decodable {
        let data: [AttachmentData]?
    }

    /// One attachment item; it holds exactly one of these keys (§1.4).
    struct AttachmentData: Decodable {
        let media: Media?
        let externalContext: ExternalContext?
        let place: Place?
        let name: String?
        let text: String?
        let event: Event?
        let lifeEvent: LifeEvent?
        let note: Note?
        let poll: Poll?

        private enum CodingKeys: String, CodingKey {
            case media, place, name, text, event, note, poll
            case externalContext = "external_context"
            case lifeEvent = "life_event"
        }
    }

    /// A photo or video: in a post's attachment, in an album, or in the uploads lists.
    struct Media: Decodable {
        let uri: String?
        let creationTimestamp: Epoch?
        let title: String?
        let description: String?
        let mediaMetadata: MediaMetadata?

        private enum CodingKeys: String, CodingKey {
            case uri, title, description
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

    /// A shared link.
    struct ExternalContext: Decodable {
        let url: String?
        let name: String?
        let source: String?
    }

    /// A check-in place.
    struct Place: Decodable {
        let name: String?
        let address: String?
        let url: String?
    }

    /// An event attached to a post.
    struct Event: Decodable {
        let name: String?
    }

    /// A life event attached to a post.
    struct LifeEvent: Decodable {
        let title: String?
    }

    /// A note (an old long-form post) attached to a post.
    struct Note: Decodable {
        let title: String?
        let text: String?
        let media: [Media]?
    }

    /// A poll attached to a post or story.
    struct Poll: Decodable {
        let question: String?
        let options: [PollOption]?
    }

    /// One option of a poll.
    struct PollOption: Decodable {
        let option: String?
        let voted: Bool?
    }

    /// A friend, request, follow or follower: `{name, timestamp}` (§1.7).
    struct Connection: Decodable {
        let name: String?
        let timestamp: Epoch?
    }

    /// `profile_v2` / `profile` (§1.8).
    struct Profile: Decodable {
        let name: ProfileName?
        let username: String?
        let birthday: PartialDate?
        let gender: Gender?
        let currentCity: NamedValue?
        let hometown: NamedValue?
        let emails: Emails?
        let phoneNumbers: [PhoneNumber]?
        let previousNames: [NamedValue]?
        let otherNames: [NamedValue]?
        let educationExperiences: [Experience]?
        let workExperiences: [Experience]?
        let registrationTimestamp: Epoch?
        let profileURI: String?

        private enum CodingKeys: String, CodingKey {
            case name, username, birthday, gender, hometown, emails
            case currentCity = "current_city"
            case phoneNumbers = "phone_numbers"
            case previousNames = "previous_names"
            case otherNames = "other_names"
            case educationExperiences = "education_experiences"
            case workExperiences = "work_experiences"
            case registrationTimestamp = "registration_timestamp"
            case profileURI = "profile_uri"
        }
    }

    /// The parts of the profile's name.
    struct ProfileName: Decodable {
        let fullName: String?
        let firstName: String?
        let lastName: String?

        private enum CodingKeys: String, CodingKey {
            case fullName = "full_name"
            case firstName = "first_name"
            case lastName = "last_name"
        }
    }

    /// A date with any of its parts missing.
    struct PartialDate: Decodable {
        let year: Int?
        let month: Int?
        let day: Int?
    }

    /// The profile's gender fields.
    struct Gender: Decodable {
        let genderOption: String?
        let pronoun: String?

        private enum CodingKeys: String, CodingKey {
            case pronoun
            case genderOption = "gender_option"
        }
    }

    /// Anything written as `{name, …}` in the profile (cities, previous names).
    struct NamedValue: Decodable {
        let name: String?
    }

    /// The profile's e-mail lists.
    struct Emails: Decodable {
        let emails: [String]?
        let previousEmails: [String]?

        private enum CodingKeys: String, CodingKey {
            case emails
            case previousEmails = "previous_emails"
        }
    }

    /// A phone number on the profile.
    struct PhoneNumber: Decodable {
        let phoneNumber: String?

        private enum CodingKeys: String, CodingKey { case phoneNumber = "phone_number" }
    }

    /// A school or employer on the profile.
    struct Experience: Decodable {
        let name: String?
        let employer: String?
        let title: String?
        let schoolType: String?

        private enum CodingKeys: String, CodingKey {
            case name, employer, title
            case schoolType = "school_type"
        }
    }

    /// A Messenger thread file, `message_N.json` (§1.9).
    struct Thread: Decodable {
        let participants: [NamedPerson]?
        let messages: [MetaRecord<Message>]
        let title: String?
        let threadPath: String?

        private enum CodingKeys: String, CodingKey {
            case participants, messages, title
            case threadPath = "thread_path"
        }
    }

    /// One Messenger message (§1.9).
    ///
    /// `timestamp` (seconds) is the 2018 spelling of `timestamp_ms`.
    struct Message: Decodable {
        let senderName: String?
        let timestampMS: Epoch?
        let timestamp: Epoch?
        let content: String?
        let photos: [MessageMedia]?
        let videos: [MessageMedia]?
        let gifs: [MessageMedia]?
        let audioFiles: [MessageMedia]?
        let files: [MessageMedia]?
        let sticker: MessageMedia?
        let share: Share?

        private enum CodingKeys: String, CodingKey {
            case content, photos, videos, gifs, files, sticker, share, timestamp
            case senderName = "sender_name"
            case timestampMS = "timestamp_ms"
            case audioFiles = "audio_files"
        }
    }

    /// A media file sent in a message.
    struct MessageMedia: Decodable {
        let uri: String?
    }

    /// A link or live location shared in a message.
    struct Share: Decodable {
        let link: String?
        let shareText: String?

        private enum CodingKeys: String, CodingKey {
            case link
            case shareText = "share_text"
        }
    }

    /// A thread of the flat end-to-end-encrypted chat download (§1.10), camelCase.
    struct EncryptedThread: Decodable {
        let participants: [NamedPerson]?
        let threadName: String?
        let messages: [MetaRecord<EncryptedMessage>]
    }

    /// A message of the encrypted chat download; `timestamp` is in milliseconds.
    struct EncryptedMessage: Decodable {
        let senderName: String?
        let timestamp: Epoch?
        let text: String?
        let media: [EncryptedMedia]?
    }

    /// A media entry of the encrypted download: `{"uri": …}` or the text "Failed to download media".
    struct EncryptedMedia: Decodable {
        let uri: String?
        let note: String?

        private enum CodingKeys: String, CodingKey { case uri }

        init(from decoder: any Decoder) throws {
            if let container = try? decoder.singleValueContainer(),
                let text = try? container.decode(String.self)
            {
                uri = nil
                note = text
            } else {
                uri = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(
                    String.self, forKey: .uri)
                note = nil
            }
        }
    }
}
