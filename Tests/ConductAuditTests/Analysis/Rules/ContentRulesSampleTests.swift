import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The four content rules on the Facebook sample export, against its answer key.
@Suite struct ContentRulesSampleTests {
    static let contentRules: [RuleID] = [
        .confidentialDisclosure, .childIdentification, .abusiveContent, .ageMisrepresentation,
    ]

    struct AnswerKey: Decodable {
        struct Expectation: Decodable {
            var rule: String
            var status: String
            var locator: String
        }
        struct Row: Decodable {
            var key: String
            var file: String
            var pointer: String
            var expected: [Expectation]
            var mustNot: [String]

            enum CodingKeys: String, CodingKey {
                case key, file, pointer, expected
                case mustNot = "must_not"
            }
        }
        var items: [Row]
    }

    static func answerKey() throws -> AnswerKey {
        let url = SampleSchool.samples.appendingPathComponent(
            "facebook-rebeccahale-2025-03-14.answer-key.json")
        return try JSONDecoder().decode(AnswerKey.self, from: Data(contentsOf: url))
    }

    static func analysis() throws -> AnalysisResult {
        let archive = SampleSchool.samples.appendingPathComponent("facebook-rebeccahale-2025-03-14")
        let imported = try ImportStage(importers: [FacebookJSONImporter()]).importArchive(
            at: archive, localTimeZone: SampleSchool.london)
        let configuration = try SampleSchool.configuration(rules: contentRules)
        return Analyzer().analyze(Timeline(items: imported.items), configuration: configuration)
    }

    /// "rule|file|locator|status".
    static func signature(rule: String, file: String, locator: String, status: String) -> String {
        "\(rule)|\(file)|\(locator)|\(status)"
    }

    @Test("the content findings are exactly the answer key's")
    func findingsMatchTheKey() throws {
        let key = try Self.answerKey()
        let wanted = Set(Self.contentRules.map(\.rawValue))
        let expected = Set(
            key.items.flatMap { row in
                row.expected.filter { wanted.contains($0.rule) }.map {
                    Self.signature(
                        rule: $0.rule, file: row.file, locator: $0.locator, status: $0.status)
                }
            })
        let actual = Set(
            try Self.analysis().findings.map {
                Self.signature(
                    rule: $0.rule.rawValue, file: $0.source.file, locator: $0.source.locator,
                    status: $0.status.rawValue)
            })
        #expect(actual == expected)
        #expect(expected.count == 4)
    }

    @Test("no decoy of the key fires a content rule")
    func decoysStayQuiet() throws {
        let key = try Self.answerKey()
        let findings = try Self.analysis().findings
        for row in key.items {
            for rule in row.mustNot where Self.contentRules.map(\.rawValue).contains(rule) {
                let fired = findings.filter {
                    $0.rule.rawValue == rule && $0.source.file == row.file
                        && ($0.source.locator == row.pointer
                            || $0.source.locator.hasPrefix(row.pointer + "/"))
                }
                #expect(
                    fired.isEmpty, "\(row.key) must not fire \(rule): \(fired.map(\.explanation))")
            }
        }
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var key: String
        var rule: RuleID
        var locator: String
        var severity: Severity
        var highlights: [String]
        var testDescription: String { "\(key) \(rule)" }
    }

    @Test(
        "each planted breach is found with its spans highlighted and a fitting severity",
        arguments: [
            Expected(
                key: "M11", rule: .confidentialDisclosure, locator: "/messages/3", severity: .high,
                highlights: ["Freddie Turner", "social services", "EHCP"]),
            Expected(
                key: "P22", rule: .confidentialDisclosure, locator: "/6", severity: .medium,
                highlights: ["Ofsted call", "Larkfield", "can't tell anyone yet"]),
            Expected(
                key: "P14", rule: .childIdentification, locator: "/14", severity: .high,
                highlights: ["Year 5", "sports day", "Larkfield"]),
            Expected(
                key: "P23", rule: .abusiveContent, locator: "/5", severity: .high,
                highlights: ["Whitfield", "useless idiot"]),
        ])
    func plantedBreach(_ expected: Expected) throws {
        let findings = try Self.analysis().findings.filter {
            $0.rule == expected.rule && $0.source.locator == expected.locator
        }
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == expected.severity)
        #expect(SampleSchool.highlightedTexts(finding).sorted() == expected.highlights.sorted())
        #expect(finding.confidence > 0.5 && finding.confidence < 1)
        #expect(finding.incidentKey.hasSuffix(finding.item.rawValue))
    }

    @Test("the findings explain what matched and name the pupil where one is named")
    func explanations() throws {
        let findings = try Self.analysis().findings
        let disclosure = try #require(findings.first { $0.source.locator == "/messages/3" })
        #expect(disclosure.explanation.contains("Frederick Turner"))
        #expect(disclosure.explanation.contains("'Freddie Turner' is the preferred name"))
        #expect(disclosure.explanation.contains("Prosecco Club"))
        #expect(disclosure.counterparty?.rosterID == "K373247319104")
        let photo = try #require(findings.first { $0.rule == .childIdentification })
        #expect(photo.explanation.contains("tags Tyler Greaves"))
        #expect(photo.explanation.contains("not examined"))
        #expect(photo.counterparty?.rosterID == "A886206118214")
        let abuse = try #require(findings.first { $0.rule == .abusiveContent })
        #expect(abuse.explanation.contains("Mark Whitfield (Headteacher)"))
    }

    @Test("each content finding is its own incident, titled with its day")
    func incidents() throws {
        let result = try Self.analysis()
        #expect(result.incidents.count == result.findings.count)
        let titles = result.incidents.map(\.title)
        #expect(
            titles.contains(
                "Possible disclosure of confidential information in a Facebook message on "
                    + "Wednesday 20 November 2024"))
    }
}
