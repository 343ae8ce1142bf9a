import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Incident numbers are assigned once per case and never change or get reused: re-runs,
/// targeted runs and added archives only add numbers; `findings` and the evidence agree.
@Suite struct IncidentNumberTests {
    /// Each incident's number, by rule and key.
    static func numbers(_ analysis: CaseAnalysis) -> [String: String] {
        Dictionary(uniqueKeysWithValues: analysis.incidents.map { ("\($0.rule) \($0.key)", $0.id) })
    }

    @Test(
        "numbers survive a re-run, a targeted run (period, rules) and a run with an added archive")
    func numbersNeverMove() throws {
        // Given the Facebook sample audited once
        let configuration = try ReviewWorkflowTests.configuration()
        let (database, _) = try ReviewWorkflowTests.sampleCase()
        let first = try database.analyse(with: configuration)
        let original = Self.numbers(first)
        #expect(original.count == first.incidents.count)
        #expect(Set(original.values).count == original.count)

        // When it is re-run, the numbers are the same
        #expect(Self.numbers(try database.analyse(with: configuration)) == original)

        // When a targeted run covers one month and two rules, its incidents keep their numbers
        var targeted = configuration
        targeted.from = LocalDay(iso: "2024-11-01")
        targeted.to = LocalDay(iso: "2024-11-30")
        targeted.rules = [.pupilContact, .exPupilContact]
        let narrow = try database.analyse(with: targeted)
        #expect(!narrow.incidents.isEmpty)
        #expect(narrow.incidents.count < first.incidents.count)
        for (key, id) in Self.numbers(narrow) { #expect(original[key] == id, "\(key)") }

        // And `findings` shows the targeted run's findings by default, every run's on request,
        // with the same numbers as that run's evidence
        let latest = try database.storedAnalysis()
        #expect(Set(latest.findings.map(\.id)) == Set(narrow.findings.map(\.id)))
        #expect(Self.numbers(latest) == Self.numbers(narrow))
        let all = try database.storedAnalysis(scope: .allRuns)
        #expect(Set(all.findings.map(\.id)) == Set(first.findings.map(\.id)))
        #expect(Self.numbers(all) == original)
        let runs = try database.runs()
        #expect(runs.count == 3)
        #expect(runs.last?.rules == [.pupilContact, .exPupilContact])
        #expect(runs.last?.from?.description == "2024-11-01")
        #expect(runs.last?.scopeDescription.contains("2024-11-01 to 2024-11-30") == true)

        // When an archive is added, old numbers stay and new incidents get new numbers
        let twitter = try ImportStage().importArchive(
            at: ReviewWorkflowTests.samples.appendingPathComponent(
                "twitter-beckyhale-2025-03-14.zip"),
            localTimeZone: EvidenceFixture.london)
        try database.store(twitter.archive, items: twitter.items)
        let widened = try database.analyse(with: configuration)
        let after = Self.numbers(widened)
        for (key, id) in original { #expect(after[key] == id, "\(key)") }
        let highest = original.values.max() ?? ""
        let added = after.filter { original[$0.key] == nil }
        #expect(!added.isEmpty)
        #expect(added.values.allSatisfy { $0 > highest })
        #expect(Set(after.values).count == after.count)
    }

    @Test("the case refuses to change or delete an incident number")
    func numbersAreAppendOnly() throws {
        let (database, _) = try ReviewWorkflowTests.sampleCase()
        _ = try database.analyse(with: try ReviewWorkflowTests.configuration())
        #expect(throws: (any Error).self) {
            try database.execute(sql: "UPDATE incident_number SET number = number + 100")
        }
        #expect(throws: (any Error).self) {
            try database.execute(sql: "DELETE FROM incident_number")
        }
    }

    @Test("incidents grouped with stored numbers keep them; new ones follow the highest")
    func groupingWithNumbers() {
        func finding(_ id: String, key: String, at seconds: Double) -> Finding {
            var finding = EvidenceFixture.bundle().findings[0]
            finding.id = FindingID(rawValue: id)
            finding.incidentKey = key
            finding.occurredAt = Date(timeIntervalSince1970: seconds)
            return finding
        }
        let findings = [
            finding("F-1", key: "a", at: 10), finding("F-2", key: "b", at: 20),
            finding("F-3", key: "c", at: 5),
        ]
        let rule = findings[0].rule
        let incidents = Incident.group(
            findings, numbers: [Incident.numberKey(rule: rule, key: "b"): 7]
        ) { _, key, _ in key }
        #expect(incidents.map(\.id) == ["INC-0007", "INC-0008", "INC-0009"])
        #expect(incidents.map(\.key) == ["b", "c", "a"])
    }
}
