import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Runs every rule's own examples: each triggering example gives exactly one finding that
/// highlights what the example names; each non-triggering example gives none.
@Suite struct RuleExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: RuleID
        var example: RuleExample
        var testDescription: String { "\(rule): \(example)" }
    }

    static let rules: [any ExampleDocumentedRule] = Analyzer.standardRules.compactMap {
        $0 as? any ExampleDocumentedRule
    }

    static let triggering: [Case] = rules.flatMap { rule in
        rule.triggeringExamples.map { Case(rule: rule.id, example: $0) }
    }

    static let nonTriggering: [Case] = rules.flatMap { rule in
        rule.nonTriggeringExamples.map { Case(rule: rule.id, example: $0) }
    }

    static func rule(_ id: RuleID) throws -> any PolicyRule {
        try #require(Analyzer().rule(id))
    }

    @Test("the content rules carry many examples of each kind")
    func examplesArePlentiful() {
        let ids = Set(Self.rules.map(\.id))
        #expect(
            ids.isSuperset(of: [
                .confidentialDisclosure, .childIdentification, .abusiveContent,
                .ageMisrepresentation,
            ]))
        for rule in Self.rules {
            #expect(rule.triggeringExamples.count >= 10, "\(rule.id)")
            #expect(rule.nonTriggeringExamples.count >= 10, "\(rule.id)")
        }
    }

    @Test(
        "a triggering example gives one finding highlighting what it names", arguments: triggering)
    func triggers(_ testCase: Case) throws {
        let configuration = try SampleSchool.configuration()
        let rule = try Self.rule(testCase.rule)
        let findings = rule.findings(
            in: Timeline(items: [testCase.example.item(in: SampleSchool.london)]),
            configuration: configuration)
        try #require(findings.count == 1, "\(findings.map(\.explanation))")
        let finding = findings[0]
        #expect(finding.rule == testCase.rule)
        #expect(!finding.explanation.isEmpty)
        let highlighted = SampleSchool.highlightedTexts(finding)
        for expected in testCase.example.highlights {
            #expect(
                highlighted.contains { $0.contains(expected) },
                "'\(expected)' not highlighted; highlights: \(highlighted)")
        }
        #expect(finding.highlights.count == highlighted.count, "a span lies outside the excerpt")
    }

    @Test("a non-triggering example gives no finding", arguments: nonTriggering)
    func doesNotTrigger(_ testCase: Case) throws {
        let configuration = try SampleSchool.configuration()
        let rule = try Self.rule(testCase.rule)
        let findings = rule.findings(
            in: Timeline(items: [testCase.example.item(in: SampleSchool.london)]),
            configuration: configuration)
        #expect(findings.isEmpty, "\(findings.map(\.explanation))")
    }
}
