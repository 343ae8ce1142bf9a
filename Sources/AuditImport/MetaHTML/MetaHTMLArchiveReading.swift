import AuditModel
import Foundation

/// What a Meta HTML importer does with one file of the archive.
enum MetaHTMLRole<Section: Equatable>: Equatable {
    /// A page of one section, read as records.
    case section(Section)
    /// One part of a message thread (`message_N.html`), with its folder (`inbox` …).
    case thread(folder: String)
    /// Index as media (size and digest).
    case media
    /// List in `unparsed` with this reason.
    case skipped(String)
}

/// What the Facebook and Instagram HTML exports differ in, for ``MetaHTMLArchiveReading``: the
/// layout of the files, the sections and their names, how a thread's people are told, and the
/// item builder.
protocol MetaHTMLExport {
    associatedtype Section: Hashable & Comparable
    associatedtype Builder: MetaHTMLItemBuilder where Builder.Section == Section

    var platform: Platform { get }
    /// Whether a page header's "… at 20:09 UTC+07:00" decides the zone the pages are read in.
    var readsHeaderZone: Bool { get }
    /// The archive's files in reading order.
    var orderedEntries: [ArchiveReader.Entry] { get }
    func role(of entry: ArchiveReader.Entry) -> MetaHTMLRole<Section>
    /// The section of the threads in a folder (`inbox`, `message_requests` …).
    func messagesSection(folder: String) -> Section
    /// A section's name in coverage.
    func title(of section: Section) -> String
    /// The people of a thread read from `files`, its parts.
    func participants(of files: [MetaHTMLFile], owner: Person?) -> [String]
}

/// Turns the records of one page into items, a record at a time.
protocol MetaHTMLItemBuilder {
    associatedtype Section

    init(context: ImportContext, owner: Person?, file: MetaHTMLFile)
    /// The page read.
    var file: MetaHTMLFile { get }
    /// The items and issues made since the last batch.
    var items: [TimelineItem] { get set }
    var issues: [ImportIssue] { get set }
    /// Adds the item of a record of a section page.
    mutating func addRecord(_ record: MetaHTMLRecord, of section: Section)
    /// Adds the message of a record of a thread page.
    mutating func addMessage(
        _ record: MetaHTMLRecord, participants: [String], conversation: String?)
}

extension MetaHTMLItemBuilder {
    /// The items and issues made since the last call, which are then let go.
    mutating func takeBatch() -> (items: [TimelineItem], issues: [ImportIssue]) {
        defer {
            items.removeAll(keepingCapacity: true)
            issues.removeAll(keepingCapacity: true)
        }
        return (items, issues)
    }

    /// The time of a record, with its issue (if any) noted.
    mutating func instant(of record: MetaHTMLRecord, isExpected: Bool)
        -> MetaHTMLDateReader.Reading
    {
        let time = file.time(of: record, isExpected: isExpected)
        if let issue = time.issue { issues.append(issue) }
        return time.reading
    }
}

/// The reading of a Meta (Facebook or Instagram) HTML archive that both importers share: every
/// file by its role, media indexed, section pages and the parts of each thread read a record at a
/// time with items handed on in batches, missing thread parts reported, coverage kept.
struct MetaHTMLArchiveReading<Export: MetaHTMLExport> {
    let export: Export
    let archive: ArchiveReader
    let context: ImportContext
    let owner: Person?

    /// The items, handed to the context's sink a batch at a time when it has one.
    private var items: ImportedItems
    private var unparsed: [ImportIssue] = []
    private var media: [MediaFile] = []
    private var sections: [Export.Section: SectionCoverage] = [:]
    private var hasZoneNote = false
    /// The zone the pages' wall-clock times are read in, once a page header has decided it:
    /// the school's, unless the header shows the pages were made for an account set to another
    /// offset (then that fixed offset).
    private var pageZone: TimeZone?

    /// How many records' items are handed on together.
    private static var batchSize: Int { 2_000 }

    init(export: Export, archive: ArchiveReader, context: ImportContext, owner: Person?) {
        self.export = export
        self.archive = archive
        self.context = context
        self.owner = owner
        items = ImportedItems(context: context)
    }

    /// Reads every file of the archive.
    /// - Throws: what the context's sink throws; unreadable or damaged files are recorded.
    mutating func readArchive() throws {
        var threads: [(key: String, folder: String, parts: [ArchiveReader.Entry])] = []
        for entry in export.orderedEntries {
            switch export.role(of: entry) {
            case .media:
                index(entry)
            case .skipped(let reason):
                unparsed.append(ImportIssue(file: entry.path, reason: reason, kind: .notImported))
            case .section(let section):
                guard let file = parse(entry) else { continue }
                try add(file, section: section) { builder, record in
                    builder.addRecord(record, of: section)
                }
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
            try readThread(thread.parts, folder: thread.folder, key: thread.key)
        }
    }

    /// What was read, as the importer's result.
    func result(ownerEvidence: String?) -> ImportResult {
        let coverage = sections.keys.sorted().compactMap { sections[$0] }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: export.platform,
            variant: .html, owner: owner, itemCount: items.count, unparsed: unparsed,
            media: media, coverage: coverage, ownerEvidence: ownerEvidence)
        return ImportResult(archive: imported, items: items.items)
    }

    /// The owner named by the first readable profile page's rows (`nameLabels`, "Username").
    static func profileOwner(
        in archive: ArchiveReader, pages: [ArchiveReader.Entry], nameLabels: [String],
        context: ImportContext
    ) -> Person? {
        for entry in pages {
            guard
                let file = try? MetaHTMLFile(
                    entry: entry, archive: archive, zone: context.localTimeZone)
            else {
                continue
            }
            var found: Person?
            try? file.forEachRecord { record in
                guard found == nil else { return }
                let content = MetaHTMLContent([record.node])
                let owner = Person(
                    name: content.values(for: nameLabels)?.first,
                    handle: content.values(for: ["Username"])?.first)
                if !owner.isAnonymous { found = owner }
            }
            if let found { return found }
        }
        return nil
    }

    // MARK: - Private

    private mutating func index(_ entry: ArchiveReader.Entry) {
        do {
            let data = try archive.data(of: entry)
            media.append(
                MediaFile(
                    path: entry.path, size: UInt64(data.count), sha256: SHA256Hex.digest(of: data)))
        } catch {
            unparsed.append(ImportIssue(file: entry.path, reason: Self.describe(error)))
        }
    }

    /// Reads every part of one thread: the participants come from all parts together.
    private mutating func readThread(_ parts: [ArchiveReader.Entry], folder: String, key: String)
        throws
    {
        let files = parts.compactMap { parse($0) }
        let participants = export.participants(of: files, owner: owner)
        let conversation =
            files.lazy.compactMap(\.page.title).first
            ?? key.split(separator: "/").last.map(String.init)
        let section = export.messagesSection(folder: folder)
        for file in files {
            try add(file, section: section) { builder, record in
                builder.addMessage(record, participants: participants, conversation: conversation)
            }
        }
        // Pagination bars name every part; say which ones the archive lacks.
        let present = Set(parts.map { $0.fileName.lowercased() })
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

    /// Parses a page, or records why it cannot be read.
    private mutating func parse(_ entry: ArchiveReader.Entry) -> MetaHTMLFile? {
        do {
            var file = try MetaHTMLFile(
                entry: entry, archive: archive, zone: pageZone ?? context.localTimeZone)
            guard export.readsHeaderZone else {
                unparsed += file.fileIssues
                return file
            }
            let header = MetaHTMLPageHeader(file)
            if pageZone == nil, let zone = header?.zone(school: context.localTimeZone) {
                pageZone = zone
                if zone != context.localTimeZone { file = file.reading(in: zone) }
            }
            unparsed += file.fileIssues
            if !hasZoneNote, let note = header?.zoneNote(school: context.localTimeZone) {
                hasZoneNote = true
                unparsed.append(note)
            }
            return file
        } catch {
            unparsed.append(ImportIssue(file: entry.path, reason: Self.describe(error)))
            return nil
        }
    }

    /// Reads the records of a page with `read`, handing the items on in batches.
    /// - Throws: what the context's sink throws.
    private mutating func add(
        _ file: MetaHTMLFile, section: Export.Section,
        _ read: (inout Export.Builder, MetaHTMLRecord) -> Void
    ) throws {
        if file.page.records.isEmpty {
            unparsed.append(file.emptyPageIssue)
            return
        }
        var builder = Export.Builder(context: context, owner: owner, file: file)
        var pending = 0
        try file.forEachRecord { record in
            read(&builder, record)
            pending += 1
            if pending == Self.batchSize {
                try hand(builder.takeBatch(), section: section, file: file.path)
                pending = 0
            }
        }
        try hand(builder.takeBatch(), section: section, file: file.path)
    }

    private mutating func hand(
        _ batch: (items: [TimelineItem], issues: [ImportIssue]), section: Export.Section,
        file: String
    ) throws {
        try items.add(batch.items)
        unparsed += batch.issues
        let title = export.title(of: section)
        sections[section, default: SectionCoverage(section: title, items: [])]
            .add(batch.items, from: file)
    }

    static func describe(_ error: any Error) -> String {
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
