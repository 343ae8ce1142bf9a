import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The lean timeline analysis reads (raw fragments only of the kinds the rules declare) and the
/// evidence that still cites items in full.
@Suite struct LeanTimelineTests {
    @Test("a lean timeline keeps raw fragments of the kinds asked for only")
    func leanTimelineKeepsAskedKinds() throws {
        // Given the sample case
        let (database, _) = try ReviewWorkflowTests.sampleCase()
        let full = try database.timeline()

        // When it is read with the fragments of profiles only, or of none
        let profiles = try database.timeline(rawFragmentsOf: [.profile])
        let none = try database.timeline(rawFragmentsOf: [])

        // Then everything but the other kinds' fragments is as stored
        #expect(full.items.contains { $0.kind == .profile && !$0.rawFragment.isEmpty })
        #expect(profiles.items.map(\.id) == full.items.map(\.id))
        for (lean, whole) in zip(profiles.items, full.items) {
            var expected = whole
            if whole.kind != .profile { expected.rawFragment = "" }
            #expect(lean == expected)
        }
        #expect(none.items.allSatisfy { $0.rawFragment.isEmpty })
    }

    @Test(
        "each rule finds the same on a timeline with only the fragments it declares",
        arguments: Analyzer.standardRules.map(\.id))
    func rulesDeclareTheFragmentsTheyRead(_ id: RuleID) throws {
        let (database, _) = try ReviewWorkflowTests.sampleCase()
        let configuration = try ReviewWorkflowTests.configuration()
        let rule = try #require(Analyzer().rule(id))
        let full = rule.findings(in: try database.timeline(), configuration: configuration)
        let lean = rule.findings(
            in: try database.timeline(rawFragmentsOf: rule.rawFragmentKinds),
            configuration: configuration)
        #expect(lean == full)
    }

    @Test("the age rule's raw-JSON birthday needs the fragments of profiles, and only those")
    func ageRuleDeclaresProfiles() throws {
        let rule = AgeMisrepresentationRule()
        let items = [
            AgeMisrepresentationRuleTests.profile(
                "Name: Becky", raw: #"{"birthday": {"year": 2011, "month": 3, "day": 4}}"#),
            try AgeMisrepresentationRuleTests.activity(on: "2025-03-14"),
        ]
        func timeline(keeping kinds: Set<ActivityKind>) -> Timeline {
            Timeline(
                items: items.map { item in
                    var item = item
                    if !kinds.contains(item.kind) { item.rawFragment = "" }
                    return item
                })
        }
        let configuration = try SampleSchool.configuration()
        #expect(
            rule.findings(
                in: timeline(keeping: rule.rawFragmentKinds), configuration: configuration
            )
            .count == 1)
        #expect(rule.findings(in: timeline(keeping: []), configuration: configuration).isEmpty)
    }

    @Test("the evidence of a lean analysis cites its items in full")
    func evidenceCitesItemsInFull() throws {
        // Given the sample case analysed (on a lean timeline)
        let (database, archives) = try ReviewWorkflowTests.sampleCase()
        let configuration = try ReviewWorkflowTests.configuration()
        let analysis = try database.analyse(with: configuration)
        let lean = try database.timeline(
            rawFragmentsOf: Analyzer().rawFragmentKinds(for: configuration))
        #expect(lean.items.contains { $0.rawFragment.isEmpty })

        // When its evidence is assembled
        let bundle = try database.evidenceBundle(
            for: analysis, archives: archives, configuration: configuration,
            ruleDescriptions: [:], inputHashes: [:], generatedAt: Date(timeIntervalSince1970: 0))

        // Then every cited item is the stored item, raw fragment and all
        #expect(!bundle.items.isEmpty)
        let stored = try database.items(ids: Array(bundle.items.keys))
        #expect(bundle.items == stored)
        #expect(bundle.items.values.allSatisfy { !$0.rawFragment.isEmpty })
    }
}
