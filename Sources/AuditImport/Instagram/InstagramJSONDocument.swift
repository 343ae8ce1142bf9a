/// One JSON file of an Instagram export, classified by its content and decoded in one pass.
///
/// The file's role comes from its top-level keys (`profile_user`, `relationships_following`,
/// `participants` + `messages` …), which survive the folder renames of FORMATS.md §2.1; files
/// whose top level is a bare array (`posts_1.json`, `followers_1.json`, `post_comments_1.json`)
/// need the file name, and so do the flat files of the 2018-2020 layout. Decoding throws only when
/// the bytes are not JSON at all; a known key holding the wrong shape becomes
/// ``malformed(key:reason:)`` and a bad record becomes a ``MetaRecord`` with a failure.
enum InstagramJSONDocument: Decodable {
    /// `personal_information.json`: the owner's profile.
    case profile(pointer: String, MetaRecord<InstagramJSONDTO.Record>)
    /// Posts, reels, stories, profile pictures: lists of media.
    case posts(InstagramJSONSection, pointer: String, [MetaRecord<InstagramJSONDTO.Post>])
    /// Comments, likes, story interactions and connections: lists of generic records.
    case records(InstagramJSONSection, pointer: String, [MetaRecord<InstagramJSONDTO.Record>])
    case thread(InstagramJSONDTO.Thread)
    /// Legacy `profile.json`.
    case legacyProfile(MetaRecord<InstagramJSONDTO.LegacyProfile>)
    /// Legacy `media.json`: one list per kind of media.
    case legacyMedia([LegacyList<InstagramJSONDTO.LegacyMedia>])
    /// Legacy `comments.json` and `likes.json`: lists of string arrays.
    case legacyRows([LegacyList<[String]>])
    /// Legacy `connections.json`: objects keyed by username, valued by an ISO date.
    case legacyConnections([LegacyConnections])
    /// Legacy `messages.json`.
    case legacyMessages([MetaRecord<InstagramJSONDTO.LegacyConversation>])
    /// A file that was read and deliberately not turned into items, with the reason.
    case notImported(reason: String)
    /// A JSON file of no shape this importer knows.
    case unrecognized(description: String)
    /// A known key whose value does not have the expected shape.
    case malformed(key: String, reason: String)

    /// One list of a legacy file, with the section it feeds and its JSON pointer.
    struct LegacyList<Element: Decodable> {
        let section: InstagramJSONSection
        let pointer: String
        let records: [MetaRecord<Element>]
    }

    /// One connections list of legacy `connections.json`: username → ISO date.
    struct LegacyConnections {
        let section: InstagramJSONSection
        let pointer: String
        let entries: [(username: String, date: String?)]
    }

    /// The `userInfo` key under which the decoder is given the file's name.
    static let fileNameKey: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "InstagramJSONDocument.fileName") else {
            preconditionFailure("a constant, non-empty key is always valid")
        }
        return key
    }()

    private typealias Key = MetaJSONTopLevel.Key

    init(from decoder: any Decoder) throws {
        self = try MetaJSONTopLevel.classify(
            decoder, fileNameKey: Self.fileNameKey, array: Self.classifyArray,
            object: { try Self.classifyObject($0, decoder: decoder, fileName: $1) },
            singleValue: .unrecognized(
                description: "the file holds a single value, not an object or list"))
    }

    private static func classifyArray(_ array: inout any UnkeyedDecodingContainer, fileName: String)
        throws -> InstagramJSONDocument
    {
        if fileName == "messages.json" {
            var conversations: [MetaRecord<InstagramJSONDTO.LegacyConversation>] = []
            while !array.isAtEnd {
                conversations.append(
                    try array.decode(MetaRecord<InstagramJSONDTO.LegacyConversation>.self))
            }
            return .legacyMessages(conversations)
        }
        guard let section = InstagramJSONSection.arraySection(fileName: fileName) else {
            while !array.isAtEnd { _ = try array.decode(MetaJSONValue.self) }
            return .notImported(
                reason:
                    "not an activity file this tool reads (a list of records with no posts, comments, likes, messages or connections)"
            )
        }
        if section == .posts {
            var records: [MetaRecord<InstagramJSONDTO.Post>] = []
            while !array.isAtEnd {
                records.append(try array.decode(MetaRecord<InstagramJSONDTO.Post>.self))
            }
            return .posts(section, pointer: "", records)
        }
        var records: [MetaRecord<InstagramJSONDTO.Record>] = []
        while !array.isAtEnd {
            records.append(try array.decode(MetaRecord<InstagramJSONDTO.Record>.self))
        }
        return .records(section, pointer: "", records)
    }

    private static func classifyObject(
        _ container: KeyedDecodingContainer<Key>, decoder: any Decoder, fileName: String
    ) throws -> InstagramJSONDocument {
        let keys = Set(container.allKeys.map(\.stringValue))
        func key(_ name: String) -> Key { Key(stringValue: name) }
        func malformed(_ name: String, _ error: any Error) -> InstagramJSONDocument {
            .malformed(key: name, reason: MetaRecord<MetaJSONValue>.describe(error, below: 0))
        }

        if keys.contains("participants") && keys.contains("messages") {
            do {
                return .thread(try InstagramJSONDTO.Thread(from: decoder))
            } catch {
                return malformed("messages", error)
            }
        }
        if keys.contains("profile_user") {
            do {
                let records = try container.decode(
                    [MetaRecord<InstagramJSONDTO.Record>].self, forKey: key("profile_user"))
                guard let first = records.first else {
                    return .notImported(reason: "the profile file lists no profile")
                }
                return .profile(pointer: "/profile_user/0", first)
            } catch {
                return malformed("profile_user", error)
            }
        }
        if let name = keys.sorted().first(where: { InstagramJSONSection.mediaKeys[$0] != nil }),
            let section = InstagramJSONSection.mediaKeys[name]
        {
            do {
                return .posts(
                    section, pointer: "/\(name)",
                    try container.decode(
                        [MetaRecord<InstagramJSONDTO.Post>].self, forKey: key(name)))
            } catch {
                return malformed(name, error)
            }
        }
        let recordKey = keys.sorted().first { name in
            InstagramJSONSection.recordKeys[name] != nil || name.hasPrefix("story_activities_")
        }
        if let name = recordKey {
            let section = InstagramJSONSection.recordKeys[name] ?? .storyInteractions
            do {
                return .records(
                    section, pointer: "/\(name)",
                    try container.decode(
                        [MetaRecord<InstagramJSONDTO.Record>].self, forKey: key(name)))
            } catch {
                return malformed(name, error)
            }
        }
        if let legacy = try classifyLegacy(
            container, decoder: decoder, keys: keys, fileName: fileName)
        {
            return legacy
        }
        // Everything below is read but not imported; decode it anyway so that a damaged file is
        // reported as damaged rather than as "not read".
        for name in keys { _ = try container.decode(MetaJSONValue.self, forKey: key(name)) }
        if let name = keys.sorted().first(where: { InstagramJSONSection.notImportedKeys[$0] != nil }
        ), let what = InstagramJSONSection.notImportedKeys[name] {
            return .notImported(reason: "read, not imported: \(what) ('\(name)')")
        }
        if let name = keys.sorted().first(where: { $0.hasPrefix("relationships_") }) {
            return .notImported(
                reason: "read, not imported: a list of accounts this tool does not read ('\(name)')"
            )
        }
        if keys.isEmpty {
            return .unrecognized(description: "an empty object")
        }
        let listed = keys.sorted().prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return .notImported(
            reason: "not an activity file this tool reads (top-level keys \(listed))")
    }

    /// The flat files of the 2018-2020 layout, recognised by file name and keys together.
    private static func classifyLegacy(
        _ container: KeyedDecodingContainer<Key>, decoder: any Decoder, keys: Set<String>,
        fileName: String
    ) throws -> InstagramJSONDocument? {
        func key(_ name: String) -> Key { Key(stringValue: name) }
        func malformed(_ name: String, _ error: any Error) -> InstagramJSONDocument {
            .malformed(key: name, reason: MetaRecord<MetaJSONValue>.describe(error, below: 0))
        }
        switch fileName {
        case "profile.json" where keys.contains("username"):
            do {
                return .legacyProfile(try MetaRecord<InstagramJSONDTO.LegacyProfile>(from: decoder))
            } catch {
                return malformed("username", error)
            }
        case "media.json":
            let lists: [(String, InstagramJSONSection)] = [
                ("photos", .posts), ("videos", .posts), ("stories", .stories),
                ("profile", .profilePhotos),
            ]
            var found: [LegacyList<InstagramJSONDTO.LegacyMedia>] = []
            for (name, section) in lists where keys.contains(name) {
                do {
                    found.append(
                        LegacyList(
                            section: section, pointer: "/\(name)",
                            records: try container.decode(
                                [MetaRecord<InstagramJSONDTO.LegacyMedia>].self, forKey: key(name))
                        ))
                } catch {
                    return malformed(name, error)
                }
            }
            return found.isEmpty ? nil : .legacyMedia(found)
        case "comments.json", "likes.json":
            let lists: [(String, InstagramJSONSection)] = [
                ("media_comments", .postComments), ("live_comments", .postComments),
                ("media_likes", .likedPosts), ("comment_likes", .likedComments),
            ]
            var found: [LegacyList<[String]>] = []
            for (name, section) in lists where keys.contains(name) {
                do {
                    found.append(
                        LegacyList(
                            section: section, pointer: "/\(name)",
                            records: try container.decode(
                                [MetaRecord<[String]>].self, forKey: key(name))))
                } catch {
                    return malformed(name, error)
                }
            }
            return found.isEmpty ? nil : .legacyRows(found)
        case "connections.json":
            let lists: [(String, InstagramJSONSection)] = [
                ("followers", .followers), ("following", .following),
                ("close_friends", .closeFriends), ("follow_requests_sent", .followRequestsSent),
            ]
            var found: [LegacyConnections] = []
            for (name, section) in lists where keys.contains(name) {
                do {
                    let object = try container.decode([String: String?].self, forKey: key(name))
                    let entries = object.keys.sorted().map { ($0, object[$0] ?? nil) }
                    found.append(
                        LegacyConnections(section: section, pointer: "/\(name)", entries: entries))
                } catch {
                    return malformed(name, error)
                }
            }
            return found.isEmpty ? nil : .legacyConnections(found)
        default:
            return nil
        }
    }
}
