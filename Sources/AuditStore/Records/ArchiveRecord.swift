import AuditModel
import Foundation
import GRDB

/// A row of `archive`: one imported archive, keyed by its SHA-256.
struct ArchiveRecord: CaseRecord, PersistableRecord {
    static let databaseTableName = "archive"

    var sha256: String
    var path: String
    var platform: String
    var variant: String
    var owner: Person?
    var itemCount: Int
    var unparsed: [ImportIssue]
    var media: [MediaFile]
    var coverage: [SectionCoverage]
    /// The parts of a split export (migration "v2-archive-parts"; `[]` for older rows).
    var parts: [ArchivePart]
    /// How the owner was established (migration "v2-archive-parts"; NULL for older rows).
    var ownerEvidence: String?
    /// Milliseconds since 1970.
    var importedAt: Int64

    init(_ archive: ImportedArchive, importedAt: Date) {
        sha256 = archive.sha256
        path = archive.path
        platform = archive.platform.rawValue
        variant = archive.variant.rawValue
        owner = archive.owner
        itemCount = archive.itemCount
        unparsed = archive.unparsed
        media = archive.media
        coverage = archive.coverage
        parts = archive.parts
        ownerEvidence = archive.ownerEvidence
        self.importedAt = StoredTime.milliseconds(importedAt)
    }

    /// The domain value this row stores.
    /// - Throws: ``StoredValueError`` for a platform or variant this version does not know.
    func archive() throws -> ImportedArchive {
        ImportedArchive(
            path: path, sha256: sha256,
            platform: try StoredValueError.decode(
                Platform.self, platform, table: Self.databaseTableName, key: sha256,
                column: "platform"),
            variant: try StoredValueError.decode(
                ArchiveVariant.self, variant, table: Self.databaseTableName, key: sha256,
                column: "variant"),
            owner: owner, itemCount: itemCount, unparsed: unparsed, media: media,
            coverage: coverage, parts: parts, ownerEvidence: ownerEvidence)
    }
}
