import AuditModel
import Foundation

/// Reads Instagram's HTML "Download Your Information" export (FORMATS.md §2.9), zipped or
/// unpacked: posts, archived posts, stories and reels (every media file and the caption),
/// comments, likes of posts, comments and stories, direct messages (every part of every thread
/// in `inbox` and `message_requests`), following, followers, follow requests sent and received,
/// recently unfollowed accounts, and the profile, whose "Name" and "Username" rows name the
/// owner.
///
/// Items follow the tool's Instagram conventions (``InstagramHTMLItemBuilder``). Pages are read
/// by structure (``MetaHTMLPage``); a page's section comes from its file name. Instagram writes
/// dates as "Mar 10, 2026 7:25 pm": minutes only, no zone, so every time is read in the school's
/// zone (``TimeBasis/inferredLocal``, or ``TimeBasis/ambiguousLocal`` with a note around the
/// clock changes). A thread page does not list its participants: the thread's other senders,
/// across all its parts, stand in, or its title when nobody else wrote. "Instagram user", the
/// name of a deleted account, is read as no name. Media files are indexed, every other file is
/// in coverage or in `unparsed` with a reason, and missing parts of a thread are reported.
public struct InstagramHTMLImporter: ArchiveImporter {
    /// Always ``Platform/instagram``.
    public let platform = Platform.instagram

    /// Creates the importer.
    public init() {}

    /// Returns `.html` when the archive holds Instagram HTML pages.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        InstagramHTMLLayout(entries: archive.entries).recognizes(archive) ? .html : nil
    }

    /// Reads every file of the archive; see the type's description. Pages are streamed: items are
    /// handed on in batches as their records are read.
    /// - Throws: what the context's ``ImportContext/sink`` throws; unreadable or damaged files
    ///   are recorded in `unparsed`.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let layout = InstagramHTMLLayout(entries: archive.entries)
        let owner = findOwner(in: archive, layout: layout, context: context)
        var reading = MetaHTMLArchiveReading(
            export: layout, archive: archive, context: context, owner: owner)
        try reading.readArchive()
        return reading.result(ownerEvidence: nil)
    }

    // MARK: - Private

    /// The thread's people: every sender of every part, or the title when only the owner wrote.
    static func participants(of files: [MetaHTMLFile], owner: Person?) -> [String] {
        var names: [String] = []
        for file in files {
            for heading in file.headings {
                let name = InstagramHTMLItemBuilder.personName(heading)
                if !name.isEmpty && !names.contains(name) { names.append(name) }
            }
        }
        let isOwner = { (name: String) in name == owner?.name || name == owner?.handle }
        if names.allSatisfy(isOwner), let title = files.lazy.compactMap(\.page.title).first,
            !isOwner(title), !InstagramHTMLItemBuilder.placeholderNames.contains(title)
        {
            names.append(title)
        }
        return names
    }

    /// The owners named by the archives' profile pages; nothing else is read.
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?]
    {
        archives.map {
            findOwner(
                in: $0.archive, layout: InstagramHTMLLayout(entries: $0.archive.entries),
                context: $0.context)
        }
    }

    /// The owner named by the profile page's "Name" and "Username" rows.
    private func findOwner(
        in archive: ArchiveReader, layout: InstagramHTMLLayout, context: ImportContext
    ) -> Person? {
        MetaHTMLArchiveReading<InstagramHTMLLayout>.profileOwner(
            in: archive, pages: layout.profileCandidates, nameLabels: ["Name"], context: context)
    }
}

extension InstagramHTMLLayout: MetaHTMLExport {
    typealias Builder = InstagramHTMLItemBuilder

    var platform: Platform { .instagram }

    /// Instagram's pages carry no header date: times are read in the school's zone.
    var readsHeaderZone: Bool { false }

    func messagesSection(folder: String) -> InstagramHTMLSection { .messages(folder) }

    func title(of section: InstagramHTMLSection) -> String { section.title }

    func participants(of files: [MetaHTMLFile], owner: Person?) -> [String] {
        InstagramHTMLImporter.participants(of: files, owner: owner)
    }
}
