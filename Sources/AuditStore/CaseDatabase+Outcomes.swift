import AuditAnalysis
import AuditModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Records a reviewer's outcome for an incident of the case's current findings, and logs it
    /// in the audit log (as one transaction).
    ///
    /// This is the one way to record an outcome: the command line and any other front end call
    /// it, so that every outcome is checked against the case and logged alike.
    /// - Parameters:
    ///   - incidentID: the incident's number as the evidence shows it ("INC-0023"), in any case.
    ///   - outcome: the outcome in KCSIE's terms.
    ///   - reason: why, in the reviewer's words (must not be blank).
    ///   - reviewer: who decided (must not be blank).
    ///   - at: when.
    ///   - arguments: the command's arguments, for the audit log.
    ///   - analyzer: the rules, which title and group the incidents.
    /// - Returns: the outcome as stored.
    /// - Throws: ``StoreError/unknownIncident(_:location:)`` when the case has no such incident,
    ///   ``StoreError/emptyValue(_:)`` for a blank reason or reviewer.
    @discardableResult
    public func recordOutcome(
        incident incidentID: String, outcome: OutcomeKind, reason: String, reviewer: String,
        at: Date, arguments: [String] = [], analyzer: Analyzer = Analyzer()
    ) throws -> IncidentOutcome {
        let id = incidentID.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        for (value, name) in [(reason, "reason"), (reviewer, "reviewer")]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError.emptyValue(name)
        }
        guard
            let incident = try storedAnalysis(analyzer: analyzer).incidents.first(where: {
                $0.id == id
            })
        else {
            throw StoreError.unknownIncident(id, location: location)
        }
        let recorded = IncidentOutcome(
            incidentID: incident.id, rule: incident.rule, incidentKey: incident.key,
            outcome: outcome, reason: reason, reviewer: reviewer, decidedAt: at)
        try write { db in
            var record = IncidentOutcomeRecord(recorded)
            try record.insert(db)
            var entry = AuditLogRecord(
                AuditLogEntry(
                    at: at, command: "outcome", arguments: arguments,
                    toolVersion: ToolVersion.current,
                    summary: "\(reviewer) recorded \(incident.id) (\(incident.rule)) as "
                        + "\(outcome.rawValue): \(reason)"))
            entry.id = nil
            try entry.insert(db)
        }
        return recorded
    }

    /// Every outcome recorded in the case, oldest first (including outcomes of incidents a later
    /// run no longer has).
    public func outcomes() throws -> [IncidentOutcome] {
        try read { db in
            try IncidentOutcomeRecord.order(
                IncidentOutcomeRecord.Columns.decidedAt, IncidentOutcomeRecord.Columns.id
            )
            .fetchAll(db)
            .map { try $0.incidentOutcome() }
        }
    }
}
