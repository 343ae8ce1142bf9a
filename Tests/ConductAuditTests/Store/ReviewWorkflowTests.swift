import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The review workflow end to end through the library, on the repository's sample export:
/// audit, review, re-run, re-render.
@Suite struct ReviewWorkflowTests {
    /// The repository's `Samples/` folder, reached from this file.
    static let samples: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("Samples")
    }()

    static func configuration() throws -> AuditConfiguration {
        let school = try SchoolConfiguration.load(
            from: samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        return AuditConfiguration(school: school, staff: staff, roster: roster)
    }

    /// A case holding the sample export.
    static func sampleCase() throws -> (CaseDatabase, [ImportedArchive]) {
        let database = try CaseDatabase.makeInMemory()
        let result = try ImportStage().importArchive(
            at: samples.appendingPathComponent("facebook-rebeccahale-2025-03-14"),
            localTimeZone: EvidenceFixture.london)
        try database.store(result.archive, items: result.items)
        return (database, [result.archive])
    }

    static func bundle(
        _ analysis: CaseAnalysis, database: CaseDatabase, archives: [ImportedArchive],
        configuration: AuditConfiguration
    ) throws -> EvidenceBundle {
        var bundle = try database.evidenceBundle(
            for: analysis, archives: archives, configuration: configuration,
            ruleDescriptions: [:], inputHashes: [:],
            generatedAt: Date(timeIntervalSince1970: 1_742_000_000))
        bundle.attach(EvidenceMediaCollector().collect(for: bundle.citedItems, archives: archives))
        return bundle
    }

    @Test("a decision is shown with reviewer, time and reason, and kept when the audit is re-run")
    func decisionSurvivesReRun() throws {
        // Given the sample audited once
        let configuration = try Self.configuration()
        let (database, archives) = try Self.sampleCase()
        let first = try database.analyse(with: configuration)
        let open = first.findings.filter { $0.status == .open }
        let finding = try #require(open.first)
        // Only the declared family link starts as anything but open.
        #expect(first.findings.filter { $0.status != .open }.allSatisfy { $0.status == .declared })

        // When a reviewer dismisses one finding and another confirms a second
        let decidedAt = Date(timeIntervalSince1970: 1_741_950_000)
        try database.recordReview(
            ReviewDecision(
                findingID: finding.id, decision: .dismissed,
                reason: "Scheduled post <set the night before>",
                reviewer: "J. Smith (HR)", decidedAt: decidedAt))
        let second = try #require(open.dropFirst().first)
        try database.recordReview(
            ReviewDecision(
                findingID: second.id, decision: .confirmed, reason: "Admitted at interview",
                reviewer: "M. Whitfield", decidedAt: decidedAt.addingTimeInterval(60)))

        // And the audit is run again, as `audit` does
        let rerun = try database.analyse(with: configuration)

        // Then the same findings come back with the same ids, and the decisions are kept
        #expect(rerun.findings.map(\.id) == first.findings.map(\.id))
        #expect(rerun.findings.first { $0.id == finding.id }?.status == .dismissed)
        #expect(rerun.findings.first { $0.id == second.id }?.status == .confirmed)
        #expect(rerun.openCount == first.openCount - 2)

        // And the re-rendered page shows the decision with reviewer, time and reason
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        let bundle = try Self.bundle(
            rerun, database: database, archives: archives, configuration: configuration)
        try EvidenceWriter().write(bundle, to: out)
        let incident = try #require(rerun.incidents.first { $0.findings.contains(finding.id) })
        let page = try EvidenceFixture.text(
            out.appendingPathComponent("\(incident.id)/incident.html"))
        #expect(
            page.contains(
                #"Reviewer's decision: <span class="status-dismissed">dismissed</span> by <strong>J. Smith (HR)</strong>"#
            ))
        #expect(
            page.contains(
                #"<span class="nw">Fri 14 Mar 2025,</span> <span class="nw">11:00 GMT</span>"#))
        #expect(page.contains("Scheduled post &lt;set the night before&gt;"))
        let index = try EvidenceFixture.text(out.appendingPathComponent("index.html"))
        #expect(index.contains(#"<span class="status-dismissed">dismissed</span>"#))
        #expect(index.contains(#"<span class="status-confirmed">confirmed</span>"#))
    }

    @Test("the stored analysis groups every stored finding with its status, as 'report' renders it")
    func storedAnalysis() throws {
        let configuration = try Self.configuration()
        let (database, _) = try Self.sampleCase()
        let run = try database.analyse(with: configuration)
        let stored = try database.storedAnalysis()
        #expect(stored.findings.map(\.id).sorted() == run.findings.map(\.id).sorted())
        #expect(stored.incidents.map(\.findings) == run.incidents.map(\.findings))
    }

    @Test("the sample's disclosure copy hides colleagues, friends and pupils named in messages")
    func sampleDisclosure() throws {
        let configuration = try Self.configuration()
        let (database, archives) = try Self.sampleCase()
        let analysis = try database.analyse(with: configuration)
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")

        try EvidenceWriter().write(
            try Self.bundle(
                analysis, database: database, archives: archives, configuration: configuration),
            to: out,
            options: .init(
                disclosure: DisclosureRedaction(
                    configuration: configuration, source: CaseTimelineReader(database))))

        let texts = try DisclosureRedactionTests.texts(in: out.appendingPathComponent("disclosure"))
        #expect(!texts.isEmpty)
        for (path, text) in texts {
            for name in ["Grace Thompson", "Siobhán", "Priya", "Zoë Fairfax"] {
                #expect(!text.contains(name), "\(path) names \(name)")
            }
        }
        // The person an incident is about (the pupil named in a disclosure, the colleague an
        // abusive post targets) stays named in that incident's own pages, and nowhere else.
        for name in ["Freddie", "Whitfield"] {
            let folders = Set(
                texts.filter { $0.value.contains(name) }.keys.map {
                    $0.split(separator: "/").first ?? ""
                })
            #expect(folders.count <= 1, "\(name) appears in \(folders.sorted())")
            #expect(
                folders.allSatisfy { $0.hasPrefix("INC-") },
                "\(name) appears in \(folders.sorted())")
        }
        let full = try DisclosureRedactionTests.texts(in: out).filter {
            !$0.key.hasPrefix("disclosure/")
        }
        #expect(full.values.contains { $0.contains("Grace Thompson") })
        #expect(full.values.contains { $0.contains("Freddie Turner") })
    }
}
