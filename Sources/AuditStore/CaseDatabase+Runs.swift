import AuditAnalysis
import AuditModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Records an analysis run: its scope, its findings (each stored in its latest reading; the
    /// findings of earlier runs stay, so that a targeted run loses nothing) and an incident
    /// number for each new incident, in one transaction.
    ///
    /// Incident numbers are assigned once per rule and incident key, in order of the incident's
    /// first time, rule and key, after the highest number already given; they never change and
    /// are never reused, whatever later runs cover.
    /// - Parameters:
    ///   - findings: the run's findings; each must be of one of `rules` and cite stored items.
    ///   - rules: the rules the run analysed.
    ///   - from: the first day of a targeted run, if any.
    ///   - to: the last day of a targeted run, if any.
    ///   - at: when the run happened.
    /// - Returns: the run as recorded.
    /// - Throws: as ``replaceFindings(_:rules:runID:)``, and nothing is changed.
    @discardableResult
    public func recordRun(
        _ findings: [Finding], rules: [RuleID], from: LocalDay?, to: LocalDay?, at: Date = Date()
    ) throws -> AuditRun {
        try Self.checkFindings(findings, rules: Set(rules))
        return try write { db in
            try Self.checkCitedItems(of: findings, in: db)
            let archives = try String.fetchAll(
                db, sql: "SELECT sha256 FROM archive ORDER BY imported_at, sha256")
            try db.execute(
                sql: """
                    INSERT INTO audit_run (at, archives, period_from, period_to, rules)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    StoredTime.milliseconds(at), try StoredJSON.text(archives),
                    from?.description, to?.description,
                    try StoredJSON.text(rules.map(\.rawValue)),
                ])
            let run = db.lastInsertedRowID
            for finding in findings {
                try db.execute(
                    sql: "DELETE FROM finding WHERE id = ?", arguments: [finding.id.rawValue])
                try FindingRecord(finding, runID: String(run)).insert(db)
                try db.execute(
                    sql: "INSERT INTO finding_run (finding_id, run_id) VALUES (?, ?)",
                    arguments: [finding.id.rawValue, run])
            }
            try Self.assignIncidentNumbers(to: findings, run: run, in: db)
            return AuditRun(
                id: run, at: StoredTime.date(StoredTime.milliseconds(at)), archives: archives,
                from: from, to: to, rules: rules)
        }
    }

    /// Every analysis run recorded in the case, oldest first.
    public func runs() throws -> [AuditRun] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_run ORDER BY id").map { row in
                let archives: String = row["archives"]
                let rules: String = row["rules"]
                return AuditRun(
                    id: row["id"], at: StoredTime.date(row["at"]),
                    archives: try StoredJSON.decoder.decode(
                        [String].self, from: Data(archives.utf8)),
                    from: (row["period_from"] as String?).flatMap(LocalDay.init(iso:)),
                    to: (row["period_to"] as String?).flatMap(LocalDay.init(iso:)),
                    rules: try StoredJSON.decoder.decode([String].self, from: Data(rules.utf8))
                        .map(RuleID.init(rawValue:)))
            }
        }
    }

    /// The incident numbers of these findings' incidents, assigning numbers to incidents that
    /// have none yet (findings stored without a run).
    /// - Returns: the numbers, keyed by ``Incident/numberKey(rule:key:)``.
    func incidentNumbers(for findings: [Finding]) throws -> [String: Int] {
        try write { db in
            try Self.assignIncidentNumbers(to: findings, run: nil, in: db)
            var numbers: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT number, rule, incident_key FROM incident_number")
            {
                numbers[
                    Incident.numberKey(
                        rule: RuleID(rawValue: row["rule"]), key: row["incident_key"])] =
                    row["number"]
            }
            return numbers
        }
    }

    /// The latest run's number, or nil when the case records none.
    static func latestRunID(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_run")
    }

    private static func assignIncidentNumbers(
        to findings: [Finding], run: Int64?, in db: Database
    ) throws {
        var known = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT rule, incident_key FROM incident_number") {
            known.insert(
                Incident.numberKey(rule: RuleID(rawValue: row["rule"]), key: row["incident_key"]))
        }
        let new = Incident.group(findings) { _, _, _ in "" }.filter {
            !known.contains(Incident.numberKey(rule: $0.rule, key: $0.key))
        }
        var next = (try Int.fetchOne(db, sql: "SELECT max(number) FROM incident_number") ?? 0) + 1
        for incident in new {
            try db.execute(
                sql:
                    "INSERT INTO incident_number (number, rule, incident_key, run_id) VALUES (?, ?, ?, ?)",
                arguments: [next, incident.rule.rawValue, incident.key, run])
            next += 1
        }
    }
}
