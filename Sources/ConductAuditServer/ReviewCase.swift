import AuditAnalysis
import AuditModel
import AuditReport
import AuditStore
import ConductAudit
import Foundation

/// The case a review server shows: its findings and evidence pages (re-read when anything has
/// changed the case, by this server or by the command line) and the actions HR takes on it,
/// each through the library function the command line uses.
public actor ReviewCase {
    /// The case file.
    public let database: CaseDatabase
    /// How the evidence is assembled and written, as `report` does it.
    public let report: CaseReport
    /// Where "Write the sealed evidence folder" writes.
    public let evidenceFolder: URL

    /// The pages as of the audit-log entry `stamp`: every change to a case is logged, so a new
    /// entry means the pages may differ.
    private var cached: (stamp: Int64?, pages: EvidencePages, analysis: CaseAnalysis)?

    public init(database: CaseDatabase, report: CaseReport, evidenceFolder: URL) {
        self.database = database
        self.report = report
        self.evidenceFolder = evidenceFolder
    }

    /// The evidence pages and findings as the case now holds them.
    /// - Throws: store errors when the case cannot be read.
    func current() throws -> (pages: EvidencePages, analysis: CaseAnalysis) {
        let stamp = try database.auditLog().last?.id
        if let cached, cached.stamp == stamp { return (cached.pages, cached.analysis) }
        let analysis = try database.storedAnalysis()
        let bundle = try report.bundle(
            for: analysis, database: database, archives: try database.archives()
        ).bundle
        let pages = EvidencePages(bundle: bundle)
        cached = (stamp, pages, analysis)
        return (pages, analysis)
    }

    /// Records `decisions` as `conduct-audit review` does (``CaseDatabase/recordReviews(_:command:arguments:)``).
    /// - Throws: ``StoreError`` for an unknown finding (nothing recorded) or a case that
    ///   cannot be written.
    func record(_ decisions: [ReviewDecision]) throws {
        guard !decisions.isEmpty else { return }
        let first = decisions[0]
        try database.recordReviews(
            decisions, command: "serve",
            arguments: decisions.map(\.findingID.rawValue) + [
                "--\(Self.flag(for: first.decision))", "--reason", first.reason,
                "--reviewer", first.reviewer,
            ])
    }

    /// Records an incident's outcome as `conduct-audit outcome` does
    /// (``CaseDatabase/recordOutcome(incident:outcome:reason:reviewer:at:arguments:analyzer:)``),
    /// logged in the same transaction.
    /// - Throws: ``StoreError`` for an unknown incident or a blank reason or reviewer.
    func recordOutcome(
        incident: String, outcome: OutcomeKind, reason: String, reviewer: String
    ) throws -> IncidentOutcome {
        try database.recordOutcome(
            incident: incident, outcome: outcome, reason: reason, reviewer: reviewer, at: Date(),
            arguments: [
                incident, "--\(outcome.rawValue)", "--reason", reason, "--reviewer", reviewer,
            ])
    }

    /// Writes the sealed evidence folder as `conduct-audit report` does.
    /// - Throws: store and report errors.
    func writeEvidence(pdf: Bool, redactThirdParties: Bool) throws -> CaseReport.Outcome {
        var report = report
        report.pdf = pdf
        report.redactThirdParties = redactThirdParties
        var arguments = ["--out", evidenceFolder.path]
        if pdf { arguments.append("--pdf") }
        if redactThirdParties { arguments.append("--redact-third-parties") }
        return try report.rewrite(
            database, to: evidenceFolder, command: "serve", arguments: arguments)
    }

    /// The case's audit log, newest first.
    func auditLog() throws -> [AuditLogEntry] {
        try database.auditLog().reversed()
    }

    /// The item ids whose text matches `query` in the case's full-text index.
    func items(matching query: String) throws -> Set<ItemID> {
        Set(try database.items(matching: ItemSearch(query: query, limit: 100_000)).map(\.id))
    }

    /// The `review` flag for a status.
    static func flag(for status: ReviewStatus) -> String {
        switch status {
        case .open: "reopen"
        case .confirmed: "confirm"
        case .dismissed: "dismiss"
        case .declared: "declared"
        }
    }
}
