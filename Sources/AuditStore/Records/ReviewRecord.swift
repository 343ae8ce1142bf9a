import AuditAnalysis
import AuditModel
import Foundation
import GRDB

/// A row of the append-only `review` table: one reviewer's decision on a finding.
struct ReviewRecord: CaseRecord, MutablePersistableRecord {
    static let databaseTableName = "review"

    /// The columns queries filter and sort on.
    enum Columns {
        static let id = Column("id")
        static let findingID = Column("finding_id")
        static let decidedAt = Column("decided_at")
    }

    var id: Int64?
    var findingId: String
    var decision: String
    var reason: String
    var reviewer: String
    /// Milliseconds since 1970.
    var decidedAt: Int64

    init(_ review: ReviewDecision) {
        findingId = review.findingID.rawValue
        decision = review.decision.rawValue
        reason = review.reason
        reviewer = review.reviewer
        decidedAt = StoredTime.milliseconds(review.decidedAt)
    }

    /// The domain value this row stores.
    /// - Throws: ``StoredValueError`` for a decision this version does not know.
    func review() throws -> ReviewDecision {
        ReviewDecision(
            findingID: FindingID(rawValue: findingId),
            decision: try StoredValueError.decode(
                ReviewStatus.self, decision, table: Self.databaseTableName,
                key: id.map(String.init) ?? "?", column: "decision"),
            reason: reason, reviewer: reviewer, decidedAt: StoredTime.date(decidedAt))
    }
}
