import AuditAnalysis
import Foundation

/// A reviewer's decision on a finding, as recorded in the case's append-only review table.
///
/// A finding's status is its latest decision; earlier decisions stay in the case as its history.
public struct ReviewDecision: Codable, Sendable, Equatable {
    public var findingID: FindingID
    public var decision: ReviewStatus
    /// Why the reviewer decided so, in their words.
    public var reason: String
    /// Who decided.
    public var reviewer: String
    /// When the decision was recorded (stored to the millisecond).
    public var decidedAt: Date

    public init(
        findingID: FindingID, decision: ReviewStatus, reason: String, reviewer: String,
        decidedAt: Date
    ) {
        self.findingID = findingID
        self.decision = decision
        self.reason = reason
        self.reviewer = reviewer
        self.decidedAt = decidedAt
    }
}
