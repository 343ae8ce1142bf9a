import Foundation

/// Detects an archive's format and runs the matching importer.
public struct ArchiveImport: Sendable {
    /// The importers tried, in order.
    public var importers: [any ArchiveImporter]

    public init(importers: [any ArchiveImporter] = ArchiveImport.standardImporters) {
        self.importers = importers
    }

    /// Every importer the tool ships.
    public static let standardImporters: [any ArchiveImporter] = [FacebookJSONImporter()]

    /// Imports the archive at `url`.
    /// - Parameters:
    ///   - url: the archive as the user gave it.
    ///   - localTimeZone: the school's zone, for zone-less times.
    /// - Throws: ``ImportError`` when the archive is missing, unreadable or of no known format.
    public func importArchive(at url: URL, localTimeZone: TimeZone) throws -> ImportResult {
        let reader = try ArchiveReader(url: url)
        for importer in importers {
            guard reader.entries.isEmpty == false, importer.recognizedVariant(of: reader) != nil else { continue }
            let context = ImportContext(
                archiveSHA256: try reader.sha256(), archivePath: url.path, localTimeZone: localTimeZone)
            var result = try importer.importArchive(reader, context: context)
            result.archive.unparsed += reader.refusedEntries.map { ImportIssue(file: $0.path, reason: $0.reason) }
            return result
        }
        throw ImportError.unrecognizedArchive(url, expected: Self.expectedDescription)
    }

    static let expectedDescription = """
        a Facebook or Instagram "Download Your Information" export (JSON or HTML, with folders such as \
        'your_facebook_activity' or 'messages/inbox'), an X/Twitter archive (data/tweets.js), or a \
        WhatsApp chat export (.txt or .zip)
        """
}
