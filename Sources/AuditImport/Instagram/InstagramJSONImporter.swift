import Foundation
import AuditModel

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
        let layout = InstagramJSONLayout(entries: archive.entries)
        let decided = decideOwner(in: archive, layout: layout, context: context)
        let owner = decided.owner
        var items = ImportedItems(context: context)
        var unparsed: [ImportIssue] = []
        var media: [MediaFile] = []
        var sections: [InstagramJSONSection: SectionCoverage] = [:]

        for entry in layout.orderedEntries {
            switch layout.role(of: entry) {
            case .media:
                do {
                    let data = try archive.data(of: entry)
                    media.append(
                        MediaFile(
                            path: entry.path, size: UInt64(data.count),
                            sha256: SHA256Hex.digest(of: data)))
                } catch {
                    unparsed.append(ImportIssue(file: entry.path, reason: Self.describe(error)))
                }
            case .skipped(let reason):
                unparsed.append(ImportIssue(file: entry.path, reason: reason, kind: .notImported))
            case .json:
                let reading = read(entry, from: archive, context: context, owner: owner)
                unparsed += reading.issues
                try items.add(reading.items)
                for (section, sectionItems) in reading.sections {
                    sections[section, default: SectionCoverage(section: section.title, items: [])]
                        .add(sectionItems, from: entry.path)
                }
            }
        }

        let coverage = sections.keys.sorted().compactMap { sections[$0] }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .instagram,
            variant: .json, owner: owner, itemCount: items.count, unparsed: unparsed,
            media: media, coverage: coverage, ownerEvidence: decided.basis)
        return ImportResult(archive: imported, items: items.items)
    }

    /// The owners named by the archives' profile files, or, for a download without one, decided
    /// from its message threads (``MessageThreadOwner``).
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?] {
        archives.map {
            decideOwner(
                in: $0.archive, layout: InstagramJSONLayout(entries: $0.archive.entries),
                context: $0.context
            ).owner
        }
    }

    /// The owner the profile names; without a profile (a messages-only download), the one
    /// decided from the threads, which are then read twice, with the basis (nil for a profile's
    /// owner: the archive names it).
    private func decideOwner(
        in archive: ArchiveReader, layout: InstagramJSONLayout, context: ImportContext
    ) -> (owner: Person?, basis: String?) {
        if let owner = findOwner(in: archive, layout: layout) { return (owner, nil) }
        var threads: [String: [String]] = [:]
        for entry in archive.entries
        where InstagramJSONLayout.isMessagePart(entry.fileName.lowercased()) {
            guard case .thread(let thread)? = try? decode(entry, from: archive) else { continue }
            let names =
                (thread.participants ?? []).map(\.name) + thread.messages.map { $0.value?.senderName }
            threads[MetaExportFiles.folder(of: entry.path), default: []] += names.compactMap {
                MetaText.repairMojibake($0)
            }
        }
        let people = threads.keys.sorted().compactMap { threads[$0] }
        return MessageThreadOwner.recorded(threads: people, context: context)
    }

    // MARK: - Private

    private struct FileReading {
        var sections: [(InstagramJSONSection, [TimelineItem])] = []
        var issues: [ImportIssue] = []

        var items: [TimelineItem] { sections.flatMap(\.1) }
    }

    private func read(
        _ entry: ArchiveReader.Entry, from archive: ArchiveReader, context: ImportContext,
        owner: Person?
    ) -> FileReading {
        let document: InstagramJSONDocument
        do {
            document = try decode(entry, from: archive)
        } catch {
            return FileReading(issues: [ImportIssue(file: entry.path, reason: Self.describe(error))]
            )
        }
        var reading = FileReading()
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
            lists.forEach { posts.addLegacyMedia($0) }
            add(
                .legacy("Posts, stories and profile pictures (media.json, 2018-2020 layout)"), posts
            )
        case .legacyRows(let lists):
            var rows = builder()
            lists.forEach { rows.addLegacyRows($0) }
            let isComments = entry.fileName.lowercased() == "comments.json"
            add(
                .legacy(
                    isComments
                        ? "Comments (comments.json, 2018-2020 layout)"
                        : "Likes (likes.json, 2018-2020 layout)"), rows)
        case .legacyConnections(let lists):
            var connections = builder()
            lists.forEach { connections.addLegacyConnections($0) }
            add(
                .legacy("Followers and following (connections.json, 2018-2020 layout)"), connections
            )
        case .legacyMessages(let conversations):
            var messages = builder()
            messages.addLegacyMessages(conversations)
            add(.messages("messages.json (2018-2020 layout)"), messages)
        case .notImported(let reason):
            reading.issues.append(ImportIssue(file: entry.path, reason: reason, kind: .notImported))
        case .unrecognized(let description):
            reading.issues.append(
                ImportIssue(
                    file: entry.path,
                    reason: "JSON file of no known Instagram shape (\(description)); not read"))
        case .malformed(let key, let reason):
            reading.issues.append(
                ImportIssue(
                    file: entry.path, locator: "/\(key)",
                    reason: "not the expected shape, nothing in the file was imported: \(reason)"))
        }
        return reading
    }

    private func decode(_ entry: ArchiveReader.Entry, from archive: ArchiveReader) throws
        -> InstagramJSONDocument
    {
        do {
            return try MetaJSONDecoding.decode(
                InstagramJSONDocument.self, from: try archive.data(of: entry),
                userInfo: [InstagramJSONDocument.fileNameKey: entry.fileName])
        } catch let error as MetaJSONDecoding.InvalidJSON {
            throw ImportError.invalidFile(entry.path, locator: "", reason: error.detail)
        }
    }

    /// The owner named by the first readable profile file, if any: display name and username.
    private func findOwner(in archive: ArchiveReader, layout: InstagramJSONLayout) -> Person? {
        for entry in layout.profileCandidates {
            switch try? decode(entry, from: archive) {
            case .profile(_, let record)?:
                guard let profile = record.value else { continue }
                let owner = Person(
                    name: MetaText.repairMojibake(profile.entry("Name")?.value),
                    handle: MetaText.repairMojibake(profile.entry("Username")?.value))
                if !owner.isAnonymous { return owner }
            case .legacyProfile(let record)?:
                guard let profile = record.value else { continue }
                let owner = Person(
                    name: MetaText.repairMojibake(profile.name),
                    handle: MetaText.repairMojibake(profile.username))
                if !owner.isAnonymous { return owner }
            default:
                continue
            }
        }
        return nil
    }

    /// A reviewer-readable reason for a file that could not be read or parsed.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case ImportError.invalidFile(_, _, let reason):
            return
                "not valid JSON (\(reason)): the file is damaged or truncated; nothing in it was imported"
        case let error as ImportError:
            return error.errorDescription ?? "\(error)"
        default:
            return "could not be read (\(error)); nothing in it was imported"
        }
    }
}
