import Foundation

/// Reads one export format into timeline items.
///
/// Importers recognise their format from the content of the archive (file names and shapes inside
/// it), never from the archive's own name.
public protocol ArchiveImporter: Sendable {
    /// The platform this importer reads.
    var platform: Platform { get }

    /// The variant of this importer's format that the archive holds, or nil if it is not this format.
    func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant?

    /// Reads every item of the archive.
    /// - Throws: ``ImportError`` only when nothing usable can be read; a bad file or item is an
    ///   ``ImportIssue`` in the result instead.
    func importArchive(_ archive: ArchiveReader, context: ImportContext) throws -> ImportResult
}

/// What an importer needs besides the archive itself.
public struct ImportContext: Sendable {
    /// The archive's SHA-256, cited by every item's ``SourceReference``.
    public var archiveSHA256: String
    /// The path the user gave, for citations.
    public var archivePath: String
    /// The zone in which wall-clock times without a zone (WhatsApp, HTML) are read.
    public var localTimeZone: TimeZone

    public init(archiveSHA256: String, archivePath: String, localTimeZone: TimeZone) {
        self.archiveSHA256 = archiveSHA256
        self.archivePath = archivePath
        self.localTimeZone = localTimeZone
    }

    /// A source reference into this archive.
    public func source(file: String, locator: String) -> SourceReference {
        SourceReference(archiveSHA256: archiveSHA256, archivePath: archivePath, file: file, locator: locator)
    }
}
