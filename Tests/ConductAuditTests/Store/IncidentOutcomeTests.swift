import Foundation
import GRDB
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Recording an incident's outcome in KCSIE's terms: stored append-only, logged, kept with the
/// incident across re-runs, and shown in the evidence.
@Suite struct IncidentOutcomeTests {
    @Test(
        "an outcome is stored, logged, shown on the incident page and the index, and kept on re-run"
    )
    func outcomeIsRecordedAndShown() throws {
        let configuration = try ReviewWorkflowTests.configuration()
        let (database, archives) = try ReviewWorkflowTests.sampleCase()
        let analysis = try database.analyse(with: configuration)
        let incident = try #require(analysis.incidents.first { $0.rule == .pupilContact })
        let at = Date(timeIntervalSince1970: 1_741_950_000)

        let recorded = try database.recordOutcome(
            incident: incident.id.lowercased(), outcome: .unsubstantiated,
            reason: "Account <not> tied to the pupil", reviewer: "J. Smith (HR)", at: at,
            arguments: ["outcome", incident.id])
        try database.recordOutcome(
            incident: incident.id, outcome: .substantiated, reason: "Pupil confirmed the account",
            reviewer: "A. Head", at: at.addingTimeInterval(60))

        #expect(recorded.incidentID == incident.id)
        #expect(recorded.rule == incident.rule && recorded.incidentKey == incident.key)
        #expect(try database.outcomes().map(\.outcome) == [.unsubstantiated, .substantiated])
        let log = try database.auditLog().filter { $0.command == "outcome" }
        #expect(log.count == 2)
        #expect(
            log[0].summary.contains("recorded \(incident.id) (pupil-contact) as unsubstantiated"))

        // A re-run finds the same incident again: the outcome stays with it.
        let rerun = try database.analyse(with: configuration)
        let bundle = try ReviewWorkflowTests.bundle(
            rerun, database: database, archives: archives, configuration: configuration)
        #expect(bundle.outcomes[incident.id]?.count == 2)
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        try EvidenceWriter().write(bundle, to: out)
        let page = try EvidenceFixture.text(
            out.appendingPathComponent("\(incident.id)/incident.html"))
        #expect(
            page.contains(
                "<strong>substantiated</strong> (there is sufficient evidence to prove the allegation) by <strong>A. Head</strong>"
            ))
        #expect(page.contains("Earlier: unsubstantiated by J. Smith (HR)"))
        #expect(page.contains("Account &lt;not&gt; tied to the pupil"))
        let json = try EvidenceFixture.text(
            out.appendingPathComponent("\(incident.id)/incident.json"))
        #expect(json.contains(#""outcome" : "substantiated""#))
        #expect(json.contains(#""matter" : ""#))
        let index = try EvidenceFixture.text(out.appendingPathComponent("index.html"))
        #expect(index.contains("<strong>substantiated</strong>"))
        #expect(try EvidenceVerifier().verify(directory: out).isIntact)
    }

    @Test("an unknown incident or a blank reason is refused, and outcomes cannot be changed")
    func outcomesAreCheckedAndAppendOnly() throws {
        let configuration = try ReviewWorkflowTests.configuration()
        let (database, _) = try ReviewWorkflowTests.sampleCase()
        let analysis = try database.analyse(with: configuration)
        let incident = try #require(analysis.incidents.first)
        let error = #expect(throws: StoreError.self) {
            try database.recordOutcome(
                incident: "INC-9999", outcome: .false, reason: "x", reviewer: "y", at: Date())
        }
        #expect(error?.errorDescription?.contains("There is no incident 'INC-9999'") == true)
        #expect(throws: StoreError.self) {
            try database.recordOutcome(
                incident: incident.id, outcome: .false, reason: "  ", reviewer: "y", at: Date())
        }
        #expect(try database.outcomes().isEmpty)
        try database.recordOutcome(
            incident: incident.id, outcome: .malicious, reason: "Fabricated", reviewer: "A. Head",
            at: Date())
        for sql in [
            "UPDATE incident_outcome SET outcome = 'false'", "DELETE FROM incident_outcome",
        ] {
            #expect(throws: (any Error).self) { try database.execute(sql: sql) }
        }
        #expect(try database.outcomes().map(\.outcome) == [.malicious])
    }

    @Test("outcomes follow the incident's rule and key, not its number")
    func outcomesFollowTheIncident() {
        var bundle = EvidenceFixture.bundle()
        let pupil = bundle.incidents.first { $0.rule == .pupilContact }!
        let outcome = IncidentOutcome(
            incidentID: "INC-0099", rule: pupil.rule, incidentKey: pupil.key, outcome: .unfounded,
            reason: "No basis", reviewer: "A. Head", decidedAt: Date(timeIntervalSince1970: 0))
        let other = IncidentOutcome(
            incidentID: pupil.id, rule: .workingHours, incidentKey: "elsewhere", outcome: .false,
            reason: "", reviewer: "", decidedAt: Date(timeIntervalSince1970: 0))
        bundle.attachOutcomes([outcome, other])
        #expect(bundle.outcomes == [pupil.id: [outcome]])
    }
}
