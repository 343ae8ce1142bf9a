/// One JSON file of a Facebook export, classified by its content and decoded in one pass.
///
/// The file's role comes from its top-level keys (`comments_v2`, `friends`, `participants` +
/// `messages` …), which survive the folder and file renames of FORMATS.md §1.1; only files whose
/// top level is a bare array need the file name (posts or likes). Decoding throws only when the
/// bytes are not JSON at all; a known key holding the wrong shape becomes ``malformed(key:reason:)``
/// and a bad record becomes a ``MetaRecord`` with a failure.
enum FacebookDocument: Decodable {
    /// Activity-log entries (posts, comments, reactions …) under a JSON pointer prefix.
    case entries(FacebookSection, pointer: String, [MetaRecord<FacebookDTO.Entry>])
    /// Friends, requests, follows or followers.
    case connections(FacebookSection, pointer: String, [MetaRecord<FacebookDTO.Connection>])
    /// Uploaded photos and videos (uploads lists and albums).
    case uploads(pointer: String, [MetaRecord<FacebookDTO.Media>])
    case profile(pointer: String, MetaRecord<FacebookDTO.Profile>)
    case thread(FacebookDTO.Thread)
    case encryptedThread(FacebookDTO.EncryptedThread)
    /// A file that was read and deliberately not turned into items, with the reason.
    case notImported(reason: String)
    /// A JSON file of no shape this importer knows.
    case unrecognized(description: String)
    /// A known key whose value does not have the expected shape.
    case malformed(key: String, reason: String)

    /// The `userInfo` key under which the decoder is given the file's name (for bare arrays).
    static let fileNameKey: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "FacebookDocument.fileName") else {
            preconditionFailure("a constant, non-empty key is always valid")
        }
        return key
    }()

    /// Top-level keys of Facebook files that hold no interactions between people.
    static let nonActivityKeys: Set<String> = [
        "events_invited_v2", "event_responses_v2", "events_invited", "event_responses",
        "your_events_v2", "groups_joined_v2", "groups_joined", "page_likes_v2", "page_likes",
        "pages_followed_v2", "searches_v2", "searches", "notifications_v2", "saves_v2",
        "profile_updates_v2", "profile_updates", "topics_v2", "recently_viewed",
        "visited_things_v2", "account_activity_v2", "ip_address_activity_v2",
        "admin_records_v2", "used_ip_address_v2", "pages_v2",
        "group_membership_questions_answers_v2",
    ]

    private typealias Key = MetaJSONTopLevel.Key

    init(from decoder: any Decoder) throws {
        self = try MetaJSONTopLevel.classify(
            decoder, fileNameKey: Self.fileNameKey, array: Self.classifyArray,
            object: { try Self.classifyObject($0, decoder: decoder, fileName: $1) },
            singleValue: .unrecognized(
                description: "the file holds a single value, not an object or list"))
    }

    private static func classifyArray(_ array: inout any UnkeyedDecodingContainer, fileName: String)
        throws -> FacebookDocument
    {
        let section: FacebookSection?
        if fileName.hasPrefix("likes_and_reactions") {
            section = .reactions
        } else if fileName.hasPrefix("your_posts") {
            section = .posts
        } else {
            section = nil
        }
        guard let section else {
            // Still decode it, so that a damaged file is reported as damaged.
            while !array.isAtEnd { _ = try array.decode(MetaJSONValue.self) }
            return .notImported(
                reason:
                    "not an activity file this tool reads (a list of records with no posts, comments, reactions, messages or connections)"
            )
        }
        var records: [MetaRecord<FacebookDTO.Entry>] = []
        while !array.isAtEnd {
            records.append(try array.decode(MetaRecord<FacebookDTO.Entry>.self))
        }
        return .entries(section, pointer: "", records)
    }

    private static func classifyObject(
        _ container: KeyedDecodingContainer<Key>, decoder: any Decoder, fileName: String
    ) throws -> FacebookDocument {
        let keys = Set(container.allKeys.map(\.stringValue))
        func key(_ name: String) -> Key { Key(stringValue: name) }
        func malformed(_ name: String, _ error: any Error) -> FacebookDocument {
            .malformed(key: name, reason: MetaRecord<MetaJSONValue>.describe(error, below: 0))
        }

        if keys.contains("participants") && keys.contains("messages") {
            do {
                if keys.contains("threadName") {
                    return .encryptedThread(try FacebookDTO.EncryptedThread(from: decoder))
                }
                return .thread(try FacebookDTO.Thread(from: decoder))
            } catch {
                return malformed("messages", error)
            }
        }
        if let name = FacebookSection.profileKeys.first(where: keys.contains) {
            do {
                return .profile(
                    pointer: "/\(name)",
                    try container.decode(MetaRecord<FacebookDTO.Profile>.self, forKey: key(name)))
            } catch {
                return malformed(name, error)
            }
        }
        if let name = keys.sorted().first(where: { FacebookSection.entryKeys[$0] != nil }),
            let section = FacebookSection.entryKeys[name]
        {
            if let records = try? container.decode(
                [MetaRecord<FacebookDTO.Entry>].self, forKey: key(name))
            {
                return .entries(section, pointer: "/\(name)", records)
            }
            // Older exports wrap the list: {"wall_posts_sent_to_you": {"activity_log_data": [...]}}.
            do {
                let nested = try container.nestedContainer(keyedBy: Key.self, forKey: key(name))
                let records = try nested.decode(
                    [MetaRecord<FacebookDTO.Entry>].self,
                    forKey: Key(stringValue: "activity_log_data"))
                return .entries(section, pointer: "/\(name)/activity_log_data", records)
            } catch {
                return malformed(name, error)
            }
        }
        if let name = keys.sorted().first(where: { FacebookSection.connectionKeys[$0] != nil }),
            let section = FacebookSection.connectionKeys[name]
        {
            do {
                return .connections(
                    section, pointer: "/\(name)",
                    try container.decode(
                        [MetaRecord<FacebookDTO.Connection>].self, forKey: key(name)))
            } catch {
                return malformed(name, error)
            }
        }
        if keys.contains("photos") && keys.contains("name") {  // album/<n>.json
            do {
                return .uploads(
                    pointer: "/photos",
                    try container.decode(
                        [MetaRecord<FacebookDTO.Media>].self, forKey: key("photos")))
            } catch {
                return malformed("photos", error)
            }
        }
        if let name = keys.sorted().first(where: FacebookSection.uploadKeys.contains) {
            do {
                return .uploads(
                    pointer: "/\(name)",
                    try container.decode([MetaRecord<FacebookDTO.Media>].self, forKey: key(name)))
            } catch {
                return malformed(name, error)
            }
        }
        // Everything below is read but not imported; decode it anyway so that a damaged file is
        // reported as damaged rather than as "not read".
        for name in keys { _ = try container.decode(MetaJSONValue.self, forKey: key(name)) }
        if keys.contains("friends_you_see_less_v2") || keys.contains("friends_you_see_less") {
            return .notImported(
                reason:
                    "read, not imported: friends whose posts the owner chose to see less of (a news feed setting, not an interaction)"
            )
        }
        if keys.contains("label_values") {
            if fileName.hasPrefix("people_you_may_know") {
                return .notImported(
                    reason:
                        "read, not imported: Facebook's friend suggestions ('people you may know'), which are not the owner's interactions"
                )
            }
            return .notImported(
                reason:
                    "not an activity file this tool reads (a settings or information page of labels and values)"
            )
        }
        if let name = keys.sorted().first(where: nonActivityKeys.contains) {
            return .notImported(reason: "not an activity file this tool reads ('\(name)')")
        }
        let listed = keys.sorted().prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return .unrecognized(
            description: keys.isEmpty ? "an empty object" : "top-level keys \(listed)")
    }
}
