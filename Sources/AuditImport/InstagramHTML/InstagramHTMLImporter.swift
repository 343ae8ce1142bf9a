import Foundation
import AuditModel

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

    /// Reads every file of the archive; see the type's description.
    /// - Throws: what the context's ``ImportContext/sink`` throws; unreadable or damaged files
    ///   are recorded in `unparsed`.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let layout = InstagramHTMLLayout(entries: archive.entries)
        let owner = findOwner(in: archive, layout: layout, context: context)
        var items = ImportedItems(context: context)
        var unparsed: [ImportIssue] = []
        var media: [MediaFile] = []
        var sections: [InstagramHTMLSection: SectionCoverage] = [:]
        var threads: [(key: String, folder: String, parts: [ArchiveReader.Entry])] = []

        func parse(_ entry: ArchiveReader.Entry) -> MetaHTMLFile? {
            do {
                let file = try MetaHTMLFile(
                    entry: entry, archive: archive, zone: context.localTimeZone)
                unparsed += file.fileIssues
                return file
            } catch {
                unparsed.append(ImportIssue(file: entry.path, reason: Self.describe(error)))
                return nil
            }
        }
        func add(_ builder: InstagramHTMLItemBuilder, section: InstagramHTMLSection) throws {
            guard !builder.file.page.records.isEmpty else {
                unparsed.append(builder.file.emptyPageIssue)
                return
            }
            try items.add(builder.items)
            unparsed += builder.issues
            sections[section, default: SectionCoverage(section: section.title, items: [])]
                .add(builder.items, from: builder.file.path)
        }

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
            case .section(let section):
                guard let file = parse(entry) else { continue }
                var builder = InstagramHTMLItemBuilder(context: context, owner: owner, file: file)
                builder.addRecords(of: section)
                try add(builder, section: section)
            case .thread(let folder):
                let key = FacebookArchiveLayout.folder(of: entry.path)
                if let index = threads.firstIndex(where: { $0.key == key }) {
                    threads[index].parts.append(entry)
                } else {
                    threads.append((key, folder, [entry]))
                }
            }
        }

        for thread in threads {
            let files = thread.parts.compactMap(parse)
            let participants = Self.participants(of: files, owner: owner)
            let conversation =
                files.lazy.compactMap(\.page.title).first
                ?? thread.key.split(separator: "/").last.map(String.init)
            for file in files {
                var builder = InstagramHTMLItemBuilder(context: context, owner: owner, file: file)
                builder.addMessages(participants: participants, conversation: conversation)
                try add(builder, section: .messages(thread.folder))
            }
            let present = Set(thread.parts.map { $0.fileName.lowercased() })
            let linked = Set(
                files.flatMap(\.page.pageLinks).compactMap {
                    $0.split(separator: "/").last.map { $0.lowercased() }
                })
            let missing = linked.subtracting(present).sorted {
                $0.localizedStandardCompare($1) == .orderedAscending
            }
            if let first = files.first, !missing.isEmpty {
                unparsed.append(
                    ImportIssue(
                        file: first.path, locator: "pagination",
                        reason:
                            "the thread's page links to \(missing.joined(separator: ", ")), which this archive does not contain: older messages of this thread are missing (a split export given in part, or pages removed)"
                    ))
            }
        }

        let coverage = sections.keys.sorted().compactMap { sections[$0] }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .instagram,
            variant: .html, owner: owner, itemCount: items.count, unparsed: unparsed,
            media: media, coverage: coverage)
        return ImportResult(archive: imported, items: items.items)
    }

    // MARK: - Private

    /// The thread's people: every sender of every part, or the title when only the owner wrote.
    private static func participants(of files: [MetaHTMLFile], owner: Person?) -> [String] {
        var names: [String] = []
        for file in files {
            for record in file.page.records {
                let name = InstagramHTMLItemBuilder.personName(
                    record.heading?.normalizedText ?? "")
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
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?] {
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
        for entry in layout.profileCandidates {
            guard
                let file = try? MetaHTMLFile(
                    entry: entry, archive: archive, zone: context.localTimeZone)
            else {
                continue
            }
            for record in file.page.records {
                let content = MetaHTMLContent([record.node])
                let owner = Person(
                    name: content.values(for: ["Name"])?.first,
                    handle: content.values(for: ["Username"])?.first)
                if !owner.isAnonymous { return owner }
            }
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case ImportError.invalidFile(_, let locator, let reason):
            let place = locator.isEmpty ? "" : " at \(locator)"
            return "\(reason)\(place); nothing in it was imported"
        case let error as ImportError:
            return error.errorDescription ?? "\(error)"
        default:
            return "could not be read (\(error)); nothing in it was imported"
        }
    }
}
