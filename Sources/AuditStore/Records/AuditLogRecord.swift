import AuditModel
import Foundation
import GRDB

/// A row of the append-only `audit_log` table: one command run against the case.
struct AuditLogRecord: CaseRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_log"

    /// The columns queries sort on.
    enum Columns {
        static let id = Column("id")
    }

    var id: Int64?
    /// Milliseconds since 1970.
    var at: Int64
    var command: String
    var arguments: [String]
    var toolVersion: String
    var summary: String

    init(_ entry: AuditLogEntry) {
        id = entry.id
        at = StoredTime.milliseconds(entry.at)
        command = entry.command
        arguments = entry.arguments
        toolVersion = entry.toolVersion
        summary = entry.summary
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The domain value this row stores.
    var entry: AuditLogEntry {
        AuditLogEntry(
            id: id, at: StoredTime.date(at), command: command, arguments: arguments,
            toolVersion: toolVersion, summary: summary)
    }
}
