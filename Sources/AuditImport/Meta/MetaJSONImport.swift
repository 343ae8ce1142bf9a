import AuditModel
import Foundation

/// What a Meta JSON download's layout tells the shared import (``MetaJSONImport``): the order its
/// files are read in, what each is, and where the profile may be.
protocol MetaJSONLayout {
    /// The layout of an archive's entries.
    init(entries: [ArchiveReader.Entry])
    /// Every entry, in reading order.
    var orderedEntries: [ArchiveReader.Entry] { get }
    /// The JSON files that may hold the profile, read first to learn the owner.
    var profileCandidates: [ArchiveReader.Entry] { get }
    /// What the import does with one file.
    func role(of entry: ArchiveReader.Entry) -> MetaFileRole
}

/// A coverage section of a Meta download (Posts, Messenger: inbox …), in report order.
protocol MetaSection: Hashable, Comparable {
    /// The section's readable name.
    var title: String { get }
}

/// The items and issues one file of a Meta download gives, by coverage section.
struct MetaFileReading<Section: MetaSection> {
    /// Each section the file covers, with the items it gave there (possibly none).
    var sections: [(Section, [TimelineItem])] = []
    var issues: [ImportIssue] = []

    /// Every item of the file, section by section.
    var items: [TimelineItem] { sections.flatMap(\.1) }
}

/// What differs between the JSON importers of Meta's downloads (Facebook, Instagram): the layout,
/// the document a file decodes to, the owner a profile names, the people of the message threads,
/// and the items a document gives. ``MetaJSONImport`` does the rest once for both.
protocol MetaJSONFormat {
    associatedtype Layout: MetaJSONLayout
    associatedtype Document: Decodable
    associatedtype Section: MetaSection

    /// The platform of the archives read.
    var platform: Platform { get }
    /// The `userInfo` key under which ``Document`` is given the file's name.
    static var fileNameKey: CodingUserInfoKey { get }
    /// What a file that is JSON but of no known shape is called in its issue ("Facebook").
    static var formatName: String { get }
    /// The owner a decoded profile candidate names, or nil.
    func profileOwner(in document: Document) -> Person?
    /// The people of each message thread (participants and senders, mojibake repaired), for
    /// deciding the owner of a download without a profile.
    /// - Parameter decode: decodes one entry of the archive.
    func threadPeople(
        in archive: ArchiveReader, layout: Layout,
        decode: (ArchiveReader.Entry) throws -> Document
    ) -> [[String]]
    /// The items and issues of one decoded file, or nil when the document is one of the kinds
    /// the shared import reports itself (``MetaJSONImport/reading(of:in:)``).
    func reading(
        of document: Document, in entry: ArchiveReader.Entry, context: ImportContext,
        owner: Person?
    ) -> MetaFileReading<Section>
}

/// The import every Meta JSON download shares: decide the owner (the profile, else the threads),
/// then read every file in order into media, items by coverage section, and `unparsed`.
struct MetaJSONImport<Format: MetaJSONFormat> {
    let format: Format

    /// Reads every file of the archive into items, coverage, media and issues.
    /// - Throws: what the context's ``ImportContext/sink`` throws.
    func importArchive(_ archive: ArchiveReader, context: ImportContext) throws -> ImportResult {
        let layout = Format.Layout(entries: archive.entries)
        let decided = decideOwner(in: archive, layout: layout, context: context)
        let owner = decided.owner
        var items = ImportedItems(context: context)
        var files = MetaArchiveFiles()
        var sections: [Format.Section: SectionCoverage] = [:]

        for entry in layout.orderedEntries {
            switch layout.role(of: entry) {
            case .media:
                files.index(entry, in: archive) { MetaArchiveFiles.describe($0) }
            case .skipped(let reason):
                files.skip(entry, reason: reason)
            case .json:
                let reading = read(entry, from: archive, context: context, owner: owner)
                files.unparsed += reading.issues
                try items.add(reading.items)
                for (section, sectionItems) in reading.sections {
                    sections[section, default: SectionCoverage(section: section.title, items: [])]
                        .add(sectionItems, from: entry.path)
                }
            }
        }

        let coverage = sections.keys.sorted().compactMap { sections[$0] }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: format.platform,
            variant: .json, owner: owner, itemCount: items.count, unparsed: files.unparsed,
            media: files.media, coverage: coverage, ownerEvidence: decided.basis)
        return ImportResult(archive: imported, items: items.items)
    }

    /// The owners of the archives (see ``decideOwner(in:layout:context:)``).
    func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?] {
        archives.map {
            decideOwner(
                in: $0.archive, layout: Format.Layout(entries: $0.archive.entries),
                context: $0.context
            ).owner
        }
    }

    /// The owner the first readable profile names; without one, the one decided from the
    /// threads (``MetaArchiveOwner``), with the basis.
    func decideOwner(in archive: ArchiveReader, layout: Format.Layout, context: ImportContext)
        -> (owner: Person?, basis: String?)
    {
        let profileOwner = layout.profileCandidates.lazy.compactMap { entry in
            (try? self.decode(entry, from: archive)).flatMap(self.format.profileOwner(in:))
        }.first
        return MetaArchiveOwner.decide(profileOwner: profileOwner, context: context) {
            format.threadPeople(in: archive, layout: layout) { try decode($0, from: archive) }
        }
    }

    /// Decodes one file of the archive.
    /// - Throws: ``ImportError/invalidFile(_:locator:reason:)`` when it is not JSON; what reading
    ///   the archive throws.
    func decode(_ entry: ArchiveReader.Entry, from archive: ArchiveReader) throws
        -> Format.Document
    {
        do {
            return try MetaJSONDecoding.decode(
                Format.Document.self, from: try archive.data(of: entry),
                userInfo: [Format.fileNameKey: entry.fileName])
        } catch let error as MetaJSONDecoding.InvalidJSON {
            throw ImportError.invalidFile(entry.path, locator: "", reason: error.detail)
        }
    }

    private func read(
        _ entry: ArchiveReader.Entry, from archive: ArchiveReader, context: ImportContext,
        owner: Person?
    ) -> MetaFileReading<Format.Section> {
        do {
            let document = try decode(entry, from: archive)
            return format.reading(of: document, in: entry, context: context, owner: owner)
        } catch {
            return MetaFileReading(issues: [
                ImportIssue(file: entry.path, reason: MetaArchiveFiles.describe(error))
            ])
        }
    }

    /// The issue of a file read and deliberately not imported.
    static func notImported(_ entry: ArchiveReader.Entry, reason: String)
        -> MetaFileReading<Format.Section>
    {
        MetaFileReading(issues: [ImportIssue(file: entry.path, reason: reason, kind: .notImported)])
    }

    /// The issue of a JSON file of no shape the format knows.
    static func unrecognized(_ entry: ArchiveReader.Entry, description: String)
        -> MetaFileReading<Format.Section>
    {
        MetaFileReading(issues: [
            ImportIssue(
                file: entry.path,
                reason:
                    "JSON file of no known \(Format.formatName) shape (\(description)); not read")
        ])
    }

    /// The issue of a file whose known key holds the wrong shape.
    static func malformed(_ entry: ArchiveReader.Entry, key: String, reason: String)
        -> MetaFileReading<Format.Section>
    {
        MetaFileReading(issues: [
            ImportIssue(
                file: entry.path, locator: "/\(key)",
                reason: "not the expected shape, nothing in the file was imported: \(reason)")
        ])
    }
}
