import Foundation

/// Detects an archive's format and runs the matching importer.
public struct ArchiveImport: Sendable {
    /// The importers tried, in order.
    public var importers: [any ArchiveImporter]

    public init(importers: [any ArchiveImporter] = ArchiveImport.standardImporters) {
        self.importers = importers
    }

    /// Every importer the tool ships, in the order they are tried. The JSON importers come first:
    /// an export holding both JSON files and HTML pages is read from its JSON (FORMATS.md §0.6),
    /// and the HTML importers claim only archives with HTML pages.
    public static let standardImporters: [any ArchiveImporter] = [
        FacebookJSONImporter(), FacebookHTMLImporter(), InstagramHTMLImporter(),
    ]

    /// Imports the archive at `url`.
    /// - Parameters:
    ///   - url: the archive as the user gave it.
    ///   - localTimeZone: the school's zone, for zone-less times.
    /// - Throws: ``ImportError`` when the archive is missing, unreadable or of no known format.
    public func importArchive(at url: URL, localTimeZone: TimeZone) throws -> ImportResult {
        let reader = try ArchiveReader(url: url)
        return try importArchive(reader, sha256: reader.sha256(), localTimeZone: localTimeZone)
    }

    /// Imports an archive already opened (and hashed) by the caller.
    /// - Throws: ``ImportError`` when the archive is of no known format or unreadable.
    public func importArchive(
        _ reader: ArchiveReader, sha256: String, localTimeZone: TimeZone
    ) throws -> ImportResult {
        guard reader.entries.isEmpty == false else {
            throw ImportError.unrecognizedArchive(reader.url, expected: Self.expectedDescription + "; this one holds no files")
        }
        for importer in importers where importer.recognizedVariant(of: reader) != nil {
            let context = ImportContext(
                archiveSHA256: sha256, archivePath: reader.url.path, localTimeZone: localTimeZone)
            var result = try importer.importArchive(reader, context: context)
            result.archive.unparsed += reader.refusedEntries.map { ImportIssue(file: $0.path, reason: $0.reason) }
            return result
        }
        throw ImportError.unrecognizedArchive(reader.url, expected: Self.expectedDescription)
    }

    static let expectedDescription = """
        a Facebook or Instagram "Download Your Information" export (JSON or HTML, with folders such as \
        'your_facebook_activity' or 'messages/inbox'), an X/Twitter archive (data/tweets.js), or a \
        WhatsApp chat export (.txt or .zip)
        """
}
