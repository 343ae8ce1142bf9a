import AuditModel

/// The shapes of an X archive's data files (FORMATS.md §3), decoded as written.
///
/// Every field is optional unless the format guarantees it. X writes numbers as strings, but old
/// and hand-edited files write some as numbers: identifiers decode from either (``Identifier``).
/// Nothing here is public: the rest of the tool sees only ``TimelineItem``s.
enum TwitterDTO {
    /// An id or count written as a string ("1210997979211083782") or as a number.
    struct Identifier: Decodable, Hashable {
        let value: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                value = text
            } else if let number = try? container.decode(UInt64.self) {
                value = String(number)
            } else {
                throw DecodingError.typeMismatch(
                    String.self,
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "expected an id as text or a number"))
            }
        }
    }

    /// An element of `tweets.js` and its kin: `{"tweet": {...}}` since January 2020, the bare
    /// tweet before.
    struct TweetElement: Decodable {
        let tweet: Tweet

        private enum CodingKeys: String, CodingKey { case tweet }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.tweet) {
                tweet = try container.decode(Tweet.self, forKey: .tweet)
            } else {
                tweet = try Tweet(from: decoder)
            }
        }
    }

    /// A tweet (§3.3); `deleted_at` is present in `deleted-tweets.js` only.
    struct Tweet: Decodable {
        let idStr: Identifier?
        let id: Identifier?
        let createdAt: String?
        let fullText: String?
        let text: String?
        let inReplyToStatusID: Identifier?
        let inReplyToUserID: Identifier?
        let inReplyToScreenName: String?
        let entities: Entities?
        let extendedEntities: Entities?
        let deletedAt: String?

        private enum CodingKeys: String, CodingKey {
            case id, entities, text
            case idStr = "id_str"
            case createdAt = "created_at"
            case fullText = "full_text"
            case inReplyToStatusID = "in_reply_to_status_id_str"
            case inReplyToUserID = "in_reply_to_user_id_str"
            case inReplyToScreenName = "in_reply_to_screen_name"
            case extendedEntities = "extended_entities"
            case deletedAt = "deleted_at"
        }

        /// The tweet's id, from `id_str`, else `id`.
        var identifier: String? { (idStr ?? id)?.value }
    }

    /// A tweet's entities: mentions, links and media.
    struct Entities: Decodable {
        let userMentions: [Mention]?
        let urls: [Link]?
        let media: [Media]?

        private enum CodingKeys: String, CodingKey {
            case urls, media
            case userMentions = "user_mentions"
        }
    }

    /// One `@mention`: the account id (stable) and the handle and name at the tweet's time.
    struct Mention: Decodable {
        let name: String?
        let screenName: String?
        let idStr: Identifier?
        let id: Identifier?

        private enum CodingKeys: String, CodingKey {
            case name, id
            case screenName = "screen_name"
            case idStr = "id_str"
        }

        /// The account id, from `id_str`, else `id`.
        var identifier: String? { (idStr ?? id)?.value }
    }

    /// A link in a tweet: the t.co address in the text and where it leads.
    struct Link: Decodable {
        let url: String?
        let expandedURL: String?

        private enum CodingKeys: String, CodingKey {
            case url
            case expandedURL = "expanded_url"
        }
    }

    /// A photo, video or GIF of a tweet; for videos and GIFs `media_url` is a still frame and
    /// the film is among `video_info.variants`.
    struct Media: Decodable {
        let type: String?
        let mediaURL: String?
        let mediaURLHTTPS: String?
        let videoInfo: VideoInfo?

        private enum CodingKeys: String, CodingKey {
            case type
            case mediaURL = "media_url"
            case mediaURLHTTPS = "media_url_https"
            case videoInfo = "video_info"
        }

        /// The address of the film with the highest bit rate, for videos and GIFs.
        var bestVideoURL: String? {
            let films = (videoInfo?.variants ?? []).filter { $0.contentType == "video/mp4" }
            let best = films.max {
                (Int($0.bitrate?.value ?? "") ?? 0) < (Int($1.bitrate?.value ?? "") ?? 0)
            }
            return best?.url
        }
    }

    /// The encodings of a video or GIF.
    struct VideoInfo: Decodable {
        let variants: [VideoVariant]?
    }

    /// One encoding of a video.
    struct VideoVariant: Decodable {
        let bitrate: Identifier?
        let contentType: String?
        let url: String?

        private enum CodingKeys: String, CodingKey {
            case bitrate, url
            case contentType = "content_type"
        }
    }

    /// A long post of `note-tweet.js` (§3.3, [M]): its full text, of which the matching tweet
    /// in `tweets.js` holds only the start.
    struct NoteElement: Decodable {
        let noteTweet: Note
    }

    /// The note itself.
    struct Note: Decodable {
        let noteTweetID: Identifier?
        let createdAt: String?
        let core: NoteCore?

        private enum CodingKeys: String, CodingKey {
            case createdAt, core
            case noteTweetID = "noteTweetId"
        }
    }

    /// The text of a note.
    struct NoteCore: Decodable {
        let text: String?
    }

    /// An element of `tweet-headers.js` and `deleted-tweet-headers.js`: a tweet without its text.
    struct HeaderElement: Decodable {
        let tweet: Header
    }

    /// A tweet header.
    struct Header: Decodable {
        let tweetID: Identifier?
        let userID: Identifier?
        let createdAt: String?
        let deletedAt: String?

        private enum CodingKeys: String, CodingKey {
            case tweetID = "tweet_id"
            case userID = "user_id"
            case createdAt = "created_at"
            case deletedAt = "deleted_at"
        }
    }

    /// An element of `like.js`: no time at all (§3.5).
    struct LikeElement: Decodable {
        let like: Like
    }

    /// A liked tweet; `fullText` is missing when the tweet is gone.
    struct Like: Decodable {
        let tweetID: Identifier?
        let fullText: String?
        let expandedURL: String?

        private enum CodingKeys: String, CodingKey {
            case fullText
            case tweetID = "tweetId"
            case expandedURL = "expandedUrl"
        }
    }

    /// An element of `follower.js` or `following.js`: an account id only.
    struct ConnectionElement: Decodable {
        let account: Connection

        private enum CodingKeys: String, CodingKey { case follower, following }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.follower) {
                account = try container.decode(Connection.self, forKey: .follower)
            } else {
                account = try container.decode(Connection.self, forKey: .following)
            }
        }
    }

    /// A follower or followed account.
    struct Connection: Decodable {
        let accountID: Identifier

        private enum CodingKeys: String, CodingKey { case accountID = "accountId" }
    }

    /// An element of `direct-messages.js` and its kin.
    struct ConversationElement: Decodable {
        let dmConversation: Conversation
    }

    /// A conversation: its id ("<smaller id>-<larger id>" for 1:1) and its events, newest first.
    struct Conversation: Decodable {
        let conversationID: String?
        let messages: [MetaRecord<ConversationEvent>]

        private enum CodingKeys: String, CodingKey {
            case messages
            case conversationID = "conversationId"
        }
    }

    /// One event of a conversation: a message, or a reaction, a join, a rename … (§3.4).
    struct ConversationEvent: Decodable {
        let messageCreate: MessageCreate?
        let participantsJoin: ParticipantsChange?
        let participantsLeave: ParticipantsChange?
        let joinConversation: ParticipantsChange?
        let conversationNameUpdate: NameUpdate?
        /// The event's key, for reporting kinds this importer does not read.
        let kind: String

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            func decode<Value: Decodable>(_ name: String) throws -> Value? {
                try container.decodeIfPresent(Value.self, forKey: Key(stringValue: name))
            }
            messageCreate = try decode("messageCreate")
            participantsJoin = try decode("participantsJoin")
            participantsLeave = try decode("participantsLeave")
            joinConversation = try decode("joinConversation")
            conversationNameUpdate = try decode("conversationNameUpdate")
            kind = container.allKeys.map(\.stringValue).sorted().joined(separator: ", ")
        }
    }

    /// A message (`text` is absent in the headers files).
    struct MessageCreate: Decodable {
        let id: Identifier?
        let senderID: Identifier?
        let recipientID: Identifier?
        let createdAt: String?
        let text: String?
        let mediaURLs: [String]?
        let urls: [MessageLink]?

        private enum CodingKeys: String, CodingKey {
            case id, createdAt, text, urls
            case senderID = "senderId"
            case recipientID = "recipientId"
            case mediaURLs = "mediaUrls"
        }
    }

    /// A link in a message.
    struct MessageLink: Decodable {
        let url: String?
        let expanded: String?
    }

    /// People joining or leaving a group conversation.
    struct ParticipantsChange: Decodable {
        let initiatingUserID: Identifier?
        let userIDs: [Identifier]?

        private enum CodingKeys: String, CodingKey {
            case initiatingUserID = "initiatingUserId"
            case userIDs = "userIds"
        }
    }

    /// A group conversation renamed.
    struct NameUpdate: Decodable {
        let name: String?
        let createdAt: String?
    }

    /// An element of `message-event.js`: an event of an encrypted X Chat conversation (§3.4).
    struct MessageEventElement: Decodable {
        let messageEvent: MessageEvent
    }

    /// An encrypted-chat event; only `messageCreateEvent` details are messages, and their
    /// contents are ciphertext.
    struct MessageEvent: Decodable {
        let senderID: Identifier?
        let conversationID: String?
        let createdAtMsec: Identifier?
        let messageID: String?
        let detail: [String: MetaJSONValue]?

        private enum CodingKeys: String, CodingKey {
            case createdAtMsec, detail
            case senderID = "senderId"
            case conversationID = "conversationId"
            case messageID = "messageId"
        }
    }

    /// The element of `account.js`.
    struct AccountElement: Decodable {
        let account: Account
    }

    /// The owner's account (§3.5).
    struct Account: Decodable {
        let accountID: Identifier?
        let username: String?
        let accountDisplayName: String?
        let createdAt: String?
        let createdVia: String?
        let email: String?
        let phoneNumber: String?

        private enum CodingKeys: String, CodingKey {
            case username, accountDisplayName, createdAt, createdVia, email, phoneNumber
            case accountID = "accountId"
        }
    }

    /// The classic archive's `user_details.js` (2010–2018): one object, not a list.
    struct ClassicUserDetails: Decodable {
        let screenName: String?
        let fullName: String?
        let id: Identifier?
        let createdAt: String?
        let bio: String?
        let location: String?

        private enum CodingKeys: String, CodingKey {
            case id, bio, location
            case screenName = "screen_name"
            case fullName = "full_name"
            case createdAt = "created_at"
        }

        /// The owner it names, or nil when it names nobody.
        var owner: Person? {
            let person = Person(name: fullName, handle: screenName, accountID: id?.value)
            return person.isAnonymous ? nil : person
        }
    }

    /// The element of `profile.js`.
    struct ProfileElement: Decodable {
        let profile: Profile
    }

    /// The public profile: bio, website, location, pictures.
    struct Profile: Decodable {
        let description: ProfileDescription?
        let avatarMediaURL: String?
        let headerMediaURL: String?

        private enum CodingKeys: String, CodingKey {
            case description
            case avatarMediaURL = "avatarMediaUrl"
            case headerMediaURL = "headerMediaUrl"
        }
    }

    /// The profile's texts.
    struct ProfileDescription: Decodable {
        let bio: String?
        let website: String?
        let location: String?
    }

    /// An element of `screen-name-change.js`: one change of the owner's handle.
    struct ScreenNameChangeElement: Decodable {
        let screenNameChange: ScreenNameChangeRecord
    }

    /// The change record.
    struct ScreenNameChangeRecord: Decodable {
        let accountID: Identifier?
        let screenNameChange: ScreenNameChange

        private enum CodingKeys: String, CodingKey {
            case screenNameChange
            case accountID = "accountId"
        }
    }

    /// Old and new handle, and when.
    struct ScreenNameChange: Decodable {
        let changedAt: String?
        let changedFrom: String?
        let changedTo: String?
    }

    /// `manifest.js` (`window.__THAR_CONFIG`): the owner's account, used when `account.js` is
    /// missing.
    struct Manifest: Decodable {
        let userInfo: ManifestUser?
    }

    /// The manifest's account.
    struct ManifestUser: Decodable {
        let accountID: Identifier?
        let userName: String?
        let displayName: String?

        private enum CodingKeys: String, CodingKey {
            case userName, displayName
            case accountID = "accountId"
        }
    }
}
