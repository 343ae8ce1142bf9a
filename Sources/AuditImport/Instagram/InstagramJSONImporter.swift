import AuditModel
import Foundation

/// Reads Instagram's JSON "Download Your Information" export, every layout era from 2018 to 2026
/// (FORMATS.md §2.1), zipped or unpacked.
///
/// What becomes a ``TimelineItem`` (FORMATS.md §2):
/// - posts (`posts_N.json`, archived posts, reels, IGTV): one `.post` per post with every media
///   item as an attachment, so a carousel is one post with several attachments; the caption is
///   the post-level `title` (carousels) or the first media item's. Stories are `.post`s too.
///   People `@mentioned` in a caption are counterparties (Instagram keeps no mention list);
/// - profile pictures (`profile_photos.json`): `.profile` items with the picture attached;
/// - comments on posts, reels and stories: `.comment`, with the media owner's handle and any
///   `@mentioned` handle as counterparties;
/// - liked posts, liked comments and story interactions (likes, poll and quiz answers on other
///   people's stories): `.reaction`, with the liked account's handle as counterparty;
/// - direct messages: every `message_N.json` of every folder (`inbox`, `message_requests` …),
///   parts in numeric order: one `.message` per message, authored by the owner when the sender
///   is the profile's display name; counterparties are the thread's other participants, by
///   display name (the only identity Instagram gives them there);
/// - followers (`.follower`), following (`.follow`), close friends (`.friend`, titled as such),
///   follow requests sent (`.friendRequestSent`) and received (`.friendRequestReceived`,
///   pending), recently unfollowed accounts (`.follow`, removed). The account's username is read
///   from `value`, else `title`, else the link (§2.4), and kept as `Person.handle`;
/// - the profile (`personal_information.json`): one `.profile` item listing its labelled values;
///   its `Name` and `Username` are the archive owner. Without a profile the owner is nil (it is
///   not guessed), so no message counts as the owner's.
///
/// The flat files of the 2018-2020 layout (`profile.json`, `media.json`, `comments.json`,
/// `likes.json`, `connections.json`, `messages.json`) are read into the same kinds, one coverage
/// section per file; their ISO dates without a zone are read in the school's zone and marked
/// inferred. That layout is known only from parsers' descriptions (FORMATS.md rates it [M]/[L]),
/// not from a real export.
///
/// Read and deliberately not imported: blocked, restricted and dismissed accounts, followed
/// hashtags, the secret-groups list, and files that record no interaction (settings, searches,
/// ads, logins). Every file ends up in exactly one place: a coverage section's `files`, the
/// media index (with size and SHA-256), or `unparsed` with the reason. A damaged record is an
/// issue at its JSON pointer and the rest of its file still imports.
public struct InstagramJSONImporter: ArchiveImporter {
    /// Always ``Platform/instagram``.
    public let platform = Platform.instagram

    /// Creates the importer.
    public init() {}

    /// Returns `.json` when the archive holds Instagram JSON files, recognised by content (keys
    /// no Facebook file has); Facebook exports and Instagram HTML exports are not claimed.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        InstagramJSONLayout(entries: archive.entries).recognizes(archive) ? .json : nil
    }

    /// Reads every file of the archive; see the type's description for what each becomes.
    /// - Throws: what the context's ``ImportContext/sink`` throws; unreadable or damaged files
    ///   are recorded in `unparsed`.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        try MetaJSONImport(format: self).importArchive(archive, context: context)
    }

    /// The owners named by the archives' profile files, or, for a download without one, decided
    /// from its message threads (``MessageThreadOwner``).
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?]
    {
        MetaJSONImport(format: self).owners(of: archives)
    }
}

extension InstagramJSONImporter: MetaJSONFormat {
    static var fileNameKey: CodingUserInfoKey { InstagramJSONDocument.fileNameKey }
    static var formatName: String { "Instagram" }

    /// The profile's display name and username (`Name` and `Username`, or the 2018-2020 layout's
    /// `name` and `username`).
    func profileOwner(in document: InstagramJSONDocument) -> Person? {
        let owner: Person
        switch document {
        case .profile(_, let record):
            guard let profile = record.value else { return nil }
            owner = Person(
                name: MetaText.repairMojibake(profile.entry("Name")?.value),
                handle: MetaText.repairMojibake(profile.entry("Username")?.value))
        case .legacyProfile(let record):
            guard let profile = record.value else { return nil }
            owner = Person(
                name: MetaText.repairMojibake(profile.name),
                handle: MetaText.repairMojibake(profile.username))
        default:
            return nil
        }
        return owner.isAnonymous ? nil : owner
    }

    /// The people of each thread folder (all its parts together), in folder order; a download
    /// without a profile is then read twice.
    func threadPeople(
        in archive: ArchiveReader, layout: InstagramJSONLayout,
        decode: (ArchiveReader.Entry) throws -> InstagramJSONDocument
    ) -> [[String]] {
        var threads: [String: [String]] = [:]
        for entry in archive.entries
        where InstagramJSONLayout.isMessagePart(entry.fileName.lowercased()) {
            guard case .thread(let thread)? = try? decode(entry) else { continue }
            let names =
                (thread.participants ?? []).map(\.name)
                + thread.messages.map { $0.value?.senderName }
            threads[MetaExportFiles.folder(of: entry.path), default: []] += names.compactMap {
                MetaText.repairMojibake($0)
            }
        }
        return threads.keys.sorted().compactMap { threads[$0] }
    }

    func reading(
        of document: InstagramJSONDocument, in entry: ArchiveReader.Entry, context: ImportContext,
        owner: Person?
    ) -> MetaFileReading<InstagramJSONSection> {
        typealias Import = MetaJSONImport<Self>
        var reading = MetaFileReading<InstagramJSONSection>()
        func builder() -> InstagramJSONItemBuilder {
            InstagramJSONItemBuilder(context: context, owner: owner, file: entry.path)
        }
        func add(_ section: InstagramJSONSection, _ builder: InstagramJSONItemBuilder) {
            reading.sections.append((section, builder.items))
            reading.issues += builder.issues
        }
        switch document {
        case .profile(let pointer, let record):
            var profile = builder()
            profile.addProfile(record, pointer: pointer)
            add(.profile, profile)
        case .posts(let section, let pointer, let records):
            var posts = builder()
            posts.addPosts(records, section: section, pointer: pointer)
            add(section, posts)
        case .records(let section, let pointer, let records):
            var list = builder()
            list.addRecords(records, section: section, pointer: pointer)
            add(section, list)
        case .thread(let thread):
            var messages = builder()
            messages.addThread(
                thread, folder: InstagramJSONLayout.folder(of: entry.path))
            add(
                .messages(
                    InstagramJSONLayout.messageFolder(
                        of: entry.path, threadPath: MetaText.repairMojibake(thread.threadPath))),
                messages)
        case .legacyProfile(let record):
            var profile = builder()
            profile.addLegacyProfile(record)
            add(.profile, profile)
        case .legacyMedia(let lists):
            var posts = builder()
            for list in lists { posts.addLegacyMedia(list) }
            add(
                .legacy("Posts, stories and profile pictures (media.json, 2018-2020 layout)"), posts
            )
        case .legacyRows(let lists):
            var rows = builder()
            for list in lists { rows.addLegacyRows(list) }
            let isComments = entry.fileName.lowercased() == "comments.json"
            add(
                .legacy(
                    isComments
                        ? "Comments (comments.json, 2018-2020 layout)"
                        : "Likes (likes.json, 2018-2020 layout)"), rows)
        case .legacyConnections(let lists):
            var connections = builder()
            for list in lists { connections.addLegacyConnections(list) }
            add(
                .legacy("Followers and following (connections.json, 2018-2020 layout)"), connections
            )
        case .legacyMessages(let conversations):
            var messages = builder()
            messages.addLegacyMessages(conversations)
            add(.messages("messages.json (2018-2020 layout)"), messages)
        case .notImported(let reason):
            return Import.notImported(entry, reason: reason)
        case .unrecognized(let description):
            return Import.unrecognized(entry, description: description)
        case .malformed(let key, let reason):
            return Import.malformed(entry, key: key, reason: reason)
        }
        return reading
    }
}

extension InstagramJSONLayout: MetaJSONLayout {}
extension InstagramJSONSection: MetaSection {}
