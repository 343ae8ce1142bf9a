import AuditModel
import Foundation

/// The import stage: opens archives, detects each one's format from its content and runs the
/// matching ``ArchiveImporter`` (one per format), streaming the items to a sink.
public struct ImportStage: Sendable {
    /// The importers tried, in order.
    public var importers: [any ArchiveImporter]
    /// Owners stated by the person running the audit (`--owner ARCHIVE=NAME`), by the archive's
    /// standardized path (any part's, for a split export): the name as the archive writes it
    /// (``ImportContext/statedOwner``).
    public var statedOwners: [String: String]

    public init(
        importers: [any ArchiveImporter] = ImportStage.standardImporters,
        statedOwners: [String: String] = [:]
    ) {
        self.importers = importers
        self.statedOwners = statedOwners
    }

    /// The owner stated for `reader`'s archive, if any.
    func statedOwner(of reader: ArchiveReader) -> String? {
        ([reader.url] + reader.parts.map(\.url)).lazy
            .compactMap { statedOwners[$0.standardizedFileURL.path] }.first
    }

    /// Every importer the tool ships, in the order they are tried. The JSON importers come first:
    /// an export holding both JSON files and HTML pages is read from its JSON (FORMATS.md §0.6),
    /// and the HTML importers claim only archives with HTML pages. Snapchat comes first: its
    /// download is recognised by its own file names (`chat_history.json`, `snap_history.json`,
    /// `json/friends.json`), and the Facebook importer would otherwise claim any folder of JSON.
    public static let standardImporters: [any ArchiveImporter] = [
        SnapchatImporter(),
        FacebookJSONImporter(),
        InstagramJSONImporter(),
        FacebookHTMLImporter(),
        InstagramHTMLImporter(),
        TwitterArchiveImporter(),
        TikTokImporter(),
        WhatsAppChatImporter(),
    ]

    /// Imports the archive at `url`.
    /// - Parameters:
    ///   - url: the archive as the user gave it.
    ///   - localTimeZone: the school's zone, for zone-less times.
    ///   - ownerHints: per platform, the names, handles or numbers that may identify the owner
    ///     (``ImportContext/ownerHints``).
    /// - Returns: the archive's description and items.
    /// - Throws: ``ImportError`` when the archive is missing, unreadable or of no known format.
    public func importArchive(
        at url: URL, localTimeZone: TimeZone, ownerHints: [Platform: [String]] = [:]
    ) throws -> ImportResult {
        let reader = try ArchiveReader(url: url)
        return try importArchive(
            reader, sha256: reader.sha256(), localTimeZone: localTimeZone, ownerHints: ownerHints)
    }

    /// Imports an archive already opened (and hashed) by the caller.
    /// - Throws: ``ImportError`` when the archive is of no known format or unreadable.
    public func importArchive(
        _ reader: ArchiveReader, sha256: String, localTimeZone: TimeZone,
        ownerHints: [Platform: [String]] = [:]
    ) throws -> ImportResult {
        let results = try importArchives(
            [(reader: reader, sha256: sha256)], localTimeZone: localTimeZone,
            ownerHints: ownerHints)
        guard let result = results.first else {
            throw ImportError.unrecognizedArchive(reader.url, expected: Self.expectedDescription)
        }
        return result
    }

    /// Imports archives already opened (and hashed) by the caller, given together.
    ///
    /// Each archive goes to the first importer that recognises it; each importer then reads all
    /// of its archives in one call (``ArchiveImporter/importArchives(_:)``). Refused entries join
    /// each archive's `unparsed`, a split export's parts are recorded, and items without a time
    /// get ids that survive a later export of the same account
    /// (``identifyingUntimedItems(_:wrapper:)``).
    /// - Returns: one result per archive, in the order given.
    /// - Throws: ``ImportError`` when an archive is empty, of no known format or unreadable.
    public func importArchives(
        _ archives: [(reader: ArchiveReader, sha256: String)], localTimeZone: TimeZone,
        ownerHints: [Platform: [String]] = [:]
    ) throws -> [ImportResult] {
        let assigned = try assignments(of: archives)
        var results: [Int: ImportResult] = [:]
        try importArchives(
            assigned: assigned, archives, localTimeZone: localTimeZone, ownerHints: ownerHints,
            sink: { _ in nil },
            deliver: { results.merge($0) { first, _ in first } })
        return archives.indices.compactMap { results[$0] }
    }

    /// Imports archives already opened (and hashed) by the caller, given together, handing over
    /// each format's results as soon as that format is read, so that a caller storing them
    /// holds one format's items in memory at a time rather than every archive's.
    /// - Parameter deliver: called once per format with its archives' results (in the order
    ///   given).
    /// - Throws: ``ImportError`` as ``importArchives(_:localTimeZone:ownerHints:)``, and what
    ///   `deliver` throws.
    public func importArchives(
        _ archives: [(reader: ArchiveReader, sha256: String)], localTimeZone: TimeZone,
        ownerHints: [Platform: [String]] = [:], eachFormat deliver: ([ImportResult]) throws -> Void
    ) throws {
        try importArchives(
            archives, localTimeZone: localTimeZone, ownerHints: ownerHints, sink: { _ in nil },
            eachFormat: deliver)
    }

    /// Imports archives as ``importArchives(_:localTimeZone:ownerHints:eachFormat:)`` does, but
    /// hands each archive's items to the sink `sink` gives for its SHA-256, a file at a time as
    /// they are read, so that memory holds one file's items rather than an archive's.
    ///
    /// Importers of formats whose files are small (HTML pages) still return their items in the
    /// result; a result's items are those the sink did not receive.
    /// - Throws: as ``importArchives(_:localTimeZone:ownerHints:eachFormat:)``, and what a sink
    ///   throws.
    public func importArchives(
        _ archives: [(reader: ArchiveReader, sha256: String)], localTimeZone: TimeZone,
        ownerHints: [Platform: [String]] = [:], sink: (String) -> ItemSink?,
        eachFormat deliver: ([ImportResult]) throws -> Void
    ) throws {
        let assigned = try assignments(of: archives)
        try importArchives(
            assigned: assigned, archives, localTimeZone: localTimeZone, ownerHints: ownerHints,
            sink: sink
        ) {
            try deliver($0.sorted { $0.key < $1.key }.map(\.value))
        }
    }

    /// Which importer reads which archives: importer index → archive indices.
    /// - Throws: ``ImportError/unrecognizedArchive(_:expected:)`` for an empty or unknown one.
    private func assignments(of archives: [(reader: ArchiveReader, sha256: String)]) throws
        -> [Int: [Int]]
    {
        var assigned: [Int: [Int]] = [:]  // importer index → archive indices
        for (index, archive) in archives.enumerated() {
            let reader = archive.reader
            guard reader.entries.isEmpty == false else {
                throw ImportError.unrecognizedArchive(
                    reader.url, expected: Self.expectedDescription + "; this one holds no files")
            }
            guard let importer = recognizingImporter(of: reader) else {
                throw ImportError.unrecognizedArchive(
                    reader.url, expected: Self.expectedDescription)
            }
            assigned[importer, default: []].append(index)
        }
        return assigned
    }

    private func importArchives(
        assigned: [Int: [Int]], _ archives: [(reader: ArchiveReader, sha256: String)],
        localTimeZone: TimeZone, ownerHints: [Platform: [String]], sink: (String) -> ItemSink?,
        deliver: ([Int: ImportResult]) throws -> Void
    ) throws {
        for (importerIndex, indices) in assigned.sorted(by: { $0.key < $1.key }) {
            var results: [Int: ImportResult] = [:]
            let importer = importers[importerIndex]
            let batch = self.batch(
                indices, of: archives, for: importer, localTimeZone: localTimeZone,
                ownerHints: ownerHints, sink: sink)
            let read = try importer.importArchives(batch)
            for (index, var result) in zip(indices, read) {
                let reader = archives[index].reader
                result.archive.unparsed += reader.refusedEntries.map {
                    ImportIssue(file: $0.path, reason: $0.reason)
                }
                result.archive.parts = try Self.parts(of: reader)
                result.items = Self.identifyingUntimedItems(
                    result.items, wrapper: Self.topFolder(reader))
                results[index] = result
            }
            try deliver(results)
        }
    }

    /// The owners of archives given together (in the order given), read as cheaply as each
    /// format allows (``ArchiveImporter/owners(of:)``): for telling whose archives they are
    /// before choosing a case, without holding their items.
    /// - Throws: ``ImportError`` when an archive is empty, of no known format or unreadable.
    public func owners(
        of archives: [(reader: ArchiveReader, sha256: String)], localTimeZone: TimeZone,
        ownerHints: [Platform: [String]] = [:]
    ) throws -> [(platform: Platform, owner: Person?)] {
        var owners: [Int: (platform: Platform, owner: Person?)] = [:]
        for (importerIndex, indices) in try assignments(of: archives) {
            let importer = importers[importerIndex]
            let batch = self.batch(
                indices, of: archives, for: importer, localTimeZone: localTimeZone,
                ownerHints: ownerHints, sink: { _ in nil })
            for (index, owner) in zip(indices, try importer.owners(of: batch)) {
                owners[index] = (importer.platform, owner)
            }
        }
        return archives.indices.compactMap { owners[$0] }
    }

    /// The archives at `indices` with the context `importer` reads them in.
    private func batch(
        _ indices: [Int], of archives: [(reader: ArchiveReader, sha256: String)],
        for importer: any ArchiveImporter, localTimeZone: TimeZone,
        ownerHints: [Platform: [String]], sink: (String) -> ItemSink?
    ) -> [(archive: ArchiveReader, context: ImportContext)] {
        indices.map { index in
            let reader = archives[index].reader
            let sha256 = archives[index].sha256
            let stated = statedOwner(of: reader)
            return (
                archive: reader,
                context: ImportContext(
                    archiveSHA256: sha256, archivePath: reader.path, localTimeZone: localTimeZone,
                    ownerHints: (stated.map { [$0] } ?? []) + (ownerHints[importer.platform] ?? []),
                    sink: sink(sha256).map {
                        Self.identifying($0, wrapper: Self.topFolder(reader))
                    },
                    statedOwner: stated)
            )
        }
    }

    /// A sink that re-identifies items without a time (``UntimedItemIdentifier``) before
    /// passing them on.
    private static func identifying(_ sink: ItemSink, wrapper: String?) -> ItemSink {
        var identifier = UntimedItemIdentifier(wrapper: wrapper)
        return ItemSink { items in try sink.accept(identifier.identify(items)) }
    }

    /// The index of the first importer that recognises `reader`, if any.
    func recognizingImporter(of reader: ArchiveReader) -> Int? {
        importers.firstIndex { $0.recognizedVariant(of: reader) != nil }
    }

    /// Gives each item without a time an id that does not depend on where the export put it
    /// (``UntimedItemIdentifier``).
    static func identifyingUntimedItems(_ items: [TimelineItem], wrapper: String?)
        -> [TimelineItem]
    {
        var identifier = UntimedItemIdentifier(wrapper: wrapper)
        return identifier.identify(items)
    }

    /// The parts of a split export with the files each holds; empty for a single archive.
    /// - Throws: the file system's error when a part cannot be read to hash it.
    static func parts(of reader: ArchiveReader) throws -> [ArchivePart] {
        var files: [Int: [String]] = [:]
        for entry in reader.entries {
            if let part = entry.part { files[part, default: []].append(entry.path) }
        }
        return try reader.parts.enumerated().map { index, part in
            ArchivePart(path: part.path, sha256: try part.sha256(), files: files[index] ?? [])
        }
    }

    static let expectedDescription = """
        a Facebook or Instagram "Download Your Information" export (JSON or HTML, with folders such as \
        'your_facebook_activity' or 'messages/inbox'), an X/Twitter archive (data/tweets.js), a \
        Snapchat "My Data" download (json/chat_history.json, json/friends.json or their html pages), a \
        TikTok download (user_data_tiktok.json or user_data.json), or a WhatsApp chat export (.txt \
        or .zip)
        """
}
