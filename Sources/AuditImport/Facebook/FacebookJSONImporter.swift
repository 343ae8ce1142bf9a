import Foundation
import AuditModel

/// Reads Facebook's JSON "Download Your Information" export, every layout era from 2018 to 2026,
/// zipped or unpacked, plus the flat end-to-end-encrypted Messenger download.
///
/// What becomes a ``TimelineItem`` (FORMATS.md §1):
/// - posts (`your_posts*_N.json`): `.post` by the owner; tagged people and the person whose
///   timeline was written on ("X wrote on Y's timeline.") are counterparties, and no separate
///   `.tag` items are made. Uploaded photos and videos (`your_uncategorized_photos.json`,
///   `your_videos.json`, `album/<n>.json`) are `.post`s too, and so are posts in groups
///   (`conversation` = the group) and other people's posts on the owner's timeline (authored by
///   them);
/// - comments (`comments_v2`/`comments`, group comments): `.comment`; the commented-on person comes
///   from the English title ("commented on Y's post", "replied to Y's comment"), the raw title is
///   kept in `title`, and "her own"/"his own"/"their own" name nobody;
/// - reactions (`reactions_v2`/`reactions`, the 2024+ `likes_and_reactions_N.json` in both shapes,
///   story reactions): `.reaction`, with the reaction type as text and the other person from the
///   title ("likes Y's photo") or the `Name` label;
/// - Messenger: every `message_N.json` of every folder (`inbox`, `archived_threads`,
///   `filtered_threads`, `message_requests`, `e2ee_cutover` …), parts in numeric order: one
///   `.message` per message, authored by the owner when the sender is the profile's name, with the
///   thread's other participants (everyone but the owner) as counterparties; reactions to messages
///   stay in the raw fragment only;
/// - friends (`.friend`, active), removed friends (`.friend`, removed), sent requests
///   (`.friendRequestSent`), received requests (`.friendRequestReceived`, pending), rejected
///   requests (`.friendRequestReceived`, rejected), follows (`.follow`) and followers (`.follower`,
///   without a time, as the export gives none);
/// - the profile: one `.profile` item whose text lists name, birthday, cities, e-mails …; its
///   `name.full_name` is the archive owner. Without a profile (a messages-only download, the
///   secure-storage download) the owner is decided from the threads, which are then read twice
///   (``MessageThreadOwner``: the one person in every thread who matches an owner hint); when
///   that decides no one, the owner is nil and no message counts as the owner's (`audit` then
///   refuses the archive).
///
/// Read and deliberately not imported: "friends you see less" (a feed setting) and "people you may
/// know" (Facebook's suggestions). Every file of the archive ends up in exactly one place: a
/// coverage section's `files`, the media index (photos, videos, audio, message attachments, with
/// size and SHA-256), or `unparsed` with the reason (not an activity file, not valid JSON, HTML
/// page …). A damaged record is an issue at its JSON pointer and the rest of its file still imports.
///
/// Files are read one at a time; each JSON file is parsed once.
public struct FacebookJSONImporter: ArchiveImporter {
    /// Always ``Platform/facebook``.
    public let platform = Platform.facebook

    /// Creates the importer.
    public init() {}

    /// Returns `.json` when the archive holds a Facebook JSON file.
    ///
    /// Posts, profile, friends, comments and reactions files are recognised by name, Messenger
    /// thread and encrypted-chat files by content. HTML-only exports and Instagram exports (which
    /// share the Messenger thread format) are not claimed.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        FacebookArchiveLayout(entries: archive.entries).recognizes(archive) ? .json : nil
    }

    /// Reads every file of the archive; see the type's description for what each becomes.
    /// - Throws: what the context's ``ImportContext/sink`` throws; unreadable or damaged files
    ///   are recorded in `unparsed`.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let layout = FacebookArchiveLayout(entries: archive.entries)
        let decided = decideOwner(in: archive, layout: layout, context: context)
        let owner = decided.owner
        var items = ImportedItems(context: context)
        var unparsed: [ImportIssue] = []
        var media: [MediaFile] = []
        var sections: [FacebookSection: SectionCoverage] = [:]

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
                if let section = reading.section {
                    sections[section, default: SectionCoverage(section: section.title, items: [])]
                        .add(reading.items, from: entry.path)
                }
            }
        }

        let coverage = sections.keys.sorted().compactMap { sections[$0] }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .facebook,
            variant: .json,
            owner: owner, itemCount: items.count, unparsed: unparsed, media: media,
            coverage: coverage, ownerEvidence: decided.basis)
        return ImportResult(archive: imported, items: items.items)
    }

    /// The owners named by the archives' profile files, or, for a download without one, decided
    /// from its message threads (``MessageThreadOwner``).
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?] {
        archives.map {
            decideOwner(
                in: $0.archive, layout: FacebookArchiveLayout(entries: $0.archive.entries),
                context: $0.context
            ).owner
        }
    }

    /// The owner the profile names; without a profile, the one decided from the threads, with
    /// the basis (nil for a profile's owner: the archive names it).
    private func decideOwner(
        in archive: ArchiveReader, layout: FacebookArchiveLayout, context: ImportContext
    ) -> (owner: Person?, basis: String?) {
        if let owner = findOwner(in: archive, layout: layout) { return (owner, nil) }
        var threads: [[String]] = []
        for entry in layout.threadCandidates {
            let people: [FacebookDTO.NamedPerson]?
            let senders: [String?]
            switch try? decode(entry, from: archive) {
            case .thread(let thread)?:
                people = thread.participants
                senders = thread.messages.map { $0.value?.senderName }
            case .encryptedThread(let thread)?:
                people = thread.participants
                senders = thread.messages.map { $0.value?.senderName }
            default:
                continue
            }
            let names = ((people ?? []).map(\.name) + senders).compactMap {
                MetaText.repairMojibake($0)
            }
            threads.append(names)
        }
        return MessageThreadOwner.recorded(threads: threads, context: context)
    }

    // MARK: - Private

    private struct FileReading {
        var section: FacebookSection?
        var items: [TimelineItem] = []
        var issues: [ImportIssue] = []
    }

    private func read(
        _ entry: ArchiveReader.Entry, from archive: ArchiveReader, context: ImportContext,
        owner: Person?
    ) -> FileReading {
        let document: FacebookDocument
        do {
            document = try decode(entry, from: archive)
        } catch {
            return FileReading(issues: [ImportIssue(file: entry.path, reason: Self.describe(error))]
            )
        }
        var builder = FacebookItemBuilder(context: context, owner: owner, file: entry.path)
        let section: FacebookSection
        switch document {
        case .entries(let found, let pointer, let records):
            section = found
            builder.addEntries(records, section: found, pointer: pointer)
        case .connections(let found, let pointer, let records):
            section = found
            builder.addConnections(records, section: found, pointer: pointer)
        case .uploads(let pointer, let records):
            section = .uploads
            builder.addUploads(records, pointer: pointer)
        case .profile(let pointer, let record):
            section = .profile
            builder.addProfile(record, pointer: pointer)
        case .thread(let thread):
            section = .messenger(
                FacebookArchiveLayout.messengerFolder(of: entry.path, threadPath: thread.threadPath)
            )
            builder.addThread(thread, folder: FacebookArchiveLayout.folder(of: entry.path))
        case .encryptedThread(let thread):
            section = .encryptedMessenger
            builder.addEncryptedThread(thread, fallbackName: entry.fileName)
        case .notImported(let reason):
            return FileReading(issues: [ImportIssue(file: entry.path, reason: reason, kind: .notImported)])
        case .unrecognized(let description):
            return FileReading(issues: [
                ImportIssue(
                    file: entry.path,
                    reason: "JSON file of no known Facebook shape (\(description)); not read")
            ])
        case .malformed(let key, let reason):
            return FileReading(issues: [
                ImportIssue(
                    file: entry.path, locator: "/\(key)",
                    reason: "not the expected shape, nothing in the file was imported: \(reason)")
            ])
        }
        return FileReading(section: section, items: builder.items, issues: builder.issues)
    }

    private func decode(_ entry: ArchiveReader.Entry, from archive: ArchiveReader) throws
        -> FacebookDocument
    {
        do {
            return try MetaJSONDecoding.decode(
                FacebookDocument.self, from: try archive.data(of: entry),
                userInfo: [FacebookDocument.fileNameKey: entry.fileName])
        } catch let error as MetaJSONDecoding.InvalidJSON {
            throw ImportError.invalidFile(entry.path, locator: "", reason: error.detail)
        }
    }

    /// The owner named by the first readable profile file, if any.
    private func findOwner(in archive: ArchiveReader, layout: FacebookArchiveLayout) -> Person? {
        for entry in layout.profileCandidates {
            guard case .profile(_, let record)? = try? decode(entry, from: archive),
                let profile = record.value
            else {
                continue
            }
            let fullName = MetaText.repairMojibake(profile.name?.fullName)
            let parts = [profile.name?.firstName, profile.name?.lastName].compactMap {
                MetaText.repairMojibake($0)
            }
            let name =
                fullName.flatMap { $0.isEmpty ? nil : $0 }
                ?? (parts.isEmpty ? nil : parts.joined(separator: " "))
            let owner = Person(name: name, handle: MetaText.repairMojibake(profile.username))
            if !owner.isAnonymous { return owner }
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
