import AuditModel
import Foundation

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
        try MetaJSONImport(format: self).importArchive(archive, context: context)
    }

    /// The owners named by the archives' profile files, or, for a download without one, decided
    /// from its message threads (``MessageThreadOwner``).
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?]
    {
        MetaJSONImport(format: self).owners(of: archives)
    }
}

extension FacebookJSONImporter: MetaJSONFormat {
    static var fileNameKey: CodingUserInfoKey { FacebookDocument.fileNameKey }
    static var formatName: String { "Facebook" }

    /// The profile's full name (else first and last name) and username.
    func profileOwner(in document: FacebookDocument) -> Person? {
        guard case .profile(_, let record) = document, let profile = record.value else {
            return nil
        }
        let fullName = MetaText.repairMojibake(profile.name?.fullName)
        let parts = [profile.name?.firstName, profile.name?.lastName].compactMap {
            MetaText.repairMojibake($0)
        }
        let name =
            fullName.flatMap { $0.isEmpty ? nil : $0 }
            ?? (parts.isEmpty ? nil : parts.joined(separator: " "))
        let owner = Person(name: name, handle: MetaText.repairMojibake(profile.username))
        return owner.isAnonymous ? nil : owner
    }

    /// The people of each thread file (each part of a thread counts on its own).
    func threadPeople(
        in archive: ArchiveReader, layout: FacebookArchiveLayout,
        decode: (ArchiveReader.Entry) throws -> FacebookDocument
    ) -> [[String]] {
        var threads: [[String]] = []
        for entry in layout.threadCandidates {
            let people: [FacebookDTO.NamedPerson]?
            let senders: [String?]
            switch try? decode(entry) {
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
        return threads
    }

    func reading(
        of document: FacebookDocument, in entry: ArchiveReader.Entry, context: ImportContext,
        owner: Person?
    ) -> MetaFileReading<FacebookSection> {
        typealias Import = MetaJSONImport<Self>
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
            return Import.notImported(entry, reason: reason)
        case .unrecognized(let description):
            return Import.unrecognized(entry, description: description)
        case .malformed(let key, let reason):
            return Import.malformed(entry, key: key, reason: reason)
        }
        return MetaFileReading(sections: [(section, builder.items)], issues: builder.issues)
    }
}

extension FacebookArchiveLayout: MetaJSONLayout {}
extension FacebookSection: MetaSection {}
