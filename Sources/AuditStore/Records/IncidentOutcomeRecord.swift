import AuditModel
import Foundation
import GRDB

/// A row of the append-only `incident_outcome` table: one reviewer's outcome for an incident.
struct IncidentOutcomeRecord: CaseRecord, MutablePersistableRecord {
    static let databaseTableName = "incident_outcome"

    /// The columns queries sort on.
    enum Columns {
        static let id = Column("id")
        static let decidedAt = Column("decided_at")
    }

    var id: Int64?
    var incidentId: String
    var rule: String
    var incidentKey: String
    var outcome: String
    var reason: String
    var reviewer: String
    /// Milliseconds since 1970.
    var decidedAt: Int64

    init(_ outcome: IncidentOutcome) {
        incidentId = outcome.incidentID
        rule = outcome.rule.rawValue
        incidentKey = outcome.incidentKey
        self.outcome = outcome.outcome.rawValue
        reason = outcome.reason
        reviewer = outcome.reviewer
        decidedAt = StoredTime.milliseconds(outcome.decidedAt)
    }

    /// The domain value this row stores.
    /// - Throws: ``StoredValueError`` for an outcome this version does not know.
    func incidentOutcome() throws -> IncidentOutcome {
        IncidentOutcome(
            incidentID: incidentId, rule: RuleID(rawValue: rule), incidentKey: incidentKey,
            outcome: try StoredValueError.decode(
                OutcomeKind.self, outcome, table: Self.databaseTableName,
                key: id.map(String.init) ?? "?", column: "outcome"),
            reason: reason, reviewer: reviewer, decidedAt: StoredTime.date(decidedAt))
    }
}
