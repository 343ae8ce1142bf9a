import AuditModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Records reviewers' decisions the way every front end does (`review` on the command line,
    /// the review page of `serve`): each decision is appended to the review table and gets its
    /// own audit-log entry naming the reviewer, all in one transaction, so either every decision
    /// of a batch is recorded and logged or none is.
    /// - Parameters:
    ///   - decisions: the decisions, recorded in this order.
    ///   - command: the front end's name for the audit log ("review", "serve").
    ///   - arguments: what the user gave it, for the audit log.
    /// - Returns: the audit-log entries written, one per decision.
    /// - Throws: ``StoreError/unknownFinding(_:location:)`` when a finding is not in the case
    ///   (nothing of the batch is then recorded); store errors when the case cannot be written.
    @discardableResult
    public func recordReviews(
        _ decisions: [ReviewDecision], command: String, arguments: [String]
    ) throws -> [AuditLogEntry] {
        try write { db in
            try decisions.map { decision in
                guard try FindingRecord.exists(db, key: decision.findingID.rawValue) else {
                    throw StoreError.unknownFinding(decision.findingID, location: location)
                }
                var review = ReviewRecord(decision)
                try review.insert(db)
                var entry = AuditLogRecord(
                    AuditLogEntry(
                        at: decision.decidedAt, command: command, arguments: arguments,
                        toolVersion: ToolVersion.current,
                        summary: "\(decision.reviewer) marked \(decision.findingID) "
                            + "\(decision.decision.rawValue): \(decision.reason)"))
                entry.id = nil
                try entry.insert(db)
                return entry.entry
            }
        }
    }
}
