import AuditModel
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

    /// Reads several archives of this format that were given together, one result per archive,
    /// in the order given.
    ///
    /// A format whose archives say more together than apart overrides this: WhatsApp chats do not
    /// name their exporter, but the one participant present in every chat given is. The default
    /// reads each archive on its own with ``importArchive(_:context:)``.
    /// - Throws: as ``importArchive(_:context:)``.
    func importArchives(_ archives: [(archive: ArchiveReader, context: ImportContext)]) throws
        -> [ImportResult]

    /// The owners of archives of this format given together, one per archive (nil when an
    /// archive names none), read as cheaply as the format allows: this is how the tool tells
    /// whose archives it was given before it chooses a case. The default reads the archives
    /// with ``importArchives(_:)``, handing the items to a sink that drops them.
    /// - Throws: as ``importArchives(_:)``.
    func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) throws
        -> [Person?]
}

extension ArchiveImporter {
    /// Reads each archive on its own.
    public func importArchives(_ archives: [(archive: ArchiveReader, context: ImportContext)])
        throws -> [ImportResult]
    {
        try archives.map { try importArchive($0.archive, context: $0.context) }
    }

    /// The owners as a full reading finds them, the items dropped as they are read.
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) throws
        -> [Person?]
    {
        let dropping = archives.map { archive in
            var context = archive.context
            context.sink = ItemSink { _ in }
            return (archive: archive.archive, context: context)
        }
        return try importArchives(dropping).map(\.archive.owner)
    }
}

/// What an importer needs besides the archive itself.
public struct ImportContext: Sendable {
    /// The archive's SHA-256, cited by every item's ``SourceReference``.
    public var archiveSHA256: String
    /// The path the user gave, for citations.
    public var archivePath: String
    /// The zone in which wall-clock times without a zone (WhatsApp, HTML) are read.
    public var localTimeZone: TimeZone
    /// Names, handles or phone numbers that may identify the archive's owner on this platform:
    /// the accounts the school lists for its staff (`staff[].accounts`). Formats whose archives do
    /// not name their owner (WhatsApp chats) use them to tell the owner among the participants;
    /// a hint is evidence to match, never an owner to assume.
    public var ownerHints: [String]
    /// Where the items go as they are read; nil to collect them in the ``ImportResult``.
    public var sink: ItemSink?
    /// The owner stated by the person running the audit (`--owner`), as the archive writes
    /// their name; also the first of ``ownerHints``. An archive that names no owner and whose
    /// threads decide none is taken to be theirs (``MessageThreadOwner``).
    public var statedOwner: String?

    public init(
        archiveSHA256: String, archivePath: String, localTimeZone: TimeZone,
        ownerHints: [String] = [], sink: ItemSink? = nil, statedOwner: String? = nil
    ) {
        self.archiveSHA256 = archiveSHA256
        self.archivePath = archivePath
        self.localTimeZone = localTimeZone
        self.ownerHints = ownerHints
        self.sink = sink
        self.statedOwner = statedOwner
    }

    /// A source reference into this archive.
    public func source(file: String, locator: String) -> SourceReference {
        SourceReference(
            archiveSHA256: archiveSHA256, archivePath: archivePath, file: file, locator: locator)
    }
}
