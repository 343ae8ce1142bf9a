import AuditImport
import AuditModel
import Foundation
import GRDB

extension CaseDatabase {
    /// The calendar months ("YYYY-MM", UTC) in which the archive with this SHA-256 holds at
    /// least one timed item, counting items it shares with other archives.
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func activeMonths(ofArchive sha256: String) throws -> Set<String> {
        try read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT strftime('%Y-%m', occurred_at / 1000, 'unixepoch') FROM item
                        WHERE occurred_at IS NOT NULL AND (source_archive = ?1 OR id IN (
                            SELECT item_id FROM item_source WHERE archive_sha256 = ?1))
                        """,
                    arguments: [sha256]))
        }
    }

    /// The blind spots of each of `archives` (``BlindSpotSurvey``), given together.
    /// - Returns: per archive SHA-256, what its download cannot contain.
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func blindSpots(of archives: [ImportedArchive]) throws -> [String: [BlindSpot]] {
        var result: [String: [BlindSpot]] = [:]
        for archive in archives {
            result[archive.sha256] = BlindSpotSurvey.blindSpots(
                of: archive, among: archives,
                activeMonths: try activeMonths(ofArchive: archive.sha256),
                downloadDay: BlindSpotSurvey.downloadDay(fromPath: archive.path))
        }
        return result
    }
}
