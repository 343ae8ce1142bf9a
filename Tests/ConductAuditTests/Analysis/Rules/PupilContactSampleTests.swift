import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The Samples export against its answer key: every planted pupil and ex-pupil contact is found,
/// with the expected status and activity, and no decoy is flagged.
@Suite struct PupilContactSampleTests {
    /// The repository's `Samples/` folder, reached from this file.
    static let samples: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("Samples")
    }()

    /// The parts of the answer key these rules need.
    struct AnswerKey: Decodable {
        struct Item: Decodable {
            struct Expected: Decodable {
                var rule: String
                var status: String
                var activity: String
                var locator: String
            }
            var key: String
            var file: String
            var pointer: String
            var expected: [Expected]
            var mustNot: [String]

            enum CodingKeys: String, CodingKey {
                case key, file, pointer, expected
                case mustNot = "must_not"
            }
        }
        var items: [Item]
    }

    static let rules: Set<String> = [RuleID.pupilContact.rawValue, RuleID.exPupilContact.rawValue]

    static func analyse() throws -> (AnalysisResult, AnswerKey) {
        let archive = samples.appendingPathComponent("facebook-rebeccahale-2025-03-14")
        let school = try SchoolConfiguration.load(
            from: samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let imported = try ImportStage(importers: [FacebookJSONImporter()]).importArchive(
            at: archive, localTimeZone: school.school.timeZone)
        let configuration = AuditConfiguration(
            school: school, staff: staff, roster: roster, rules: [.pupilContact, .exPupilContact])
        let result = Analyzer().analyze(
            Timeline(items: imported.items), configuration: configuration)
        let key = try JSONDecoder().decode(
            AnswerKey.self,
            from: Data(
                contentsOf: samples.appendingPathComponent(
                    "facebook-rebeccahale-2025-03-14.answer-key.json")))
        return (result, key)
    }

    /// "rule status activity file locator", comparable as a set.
    static func row(rule: String, status: String, activity: String, file: String, locator: String)
        -> String
    {
        "\(rule) \(status) \(activity) \(file) \(locator)"
    }

    @Test("pupil-contact and ex-pupil-contact findings are exactly the answer key's")
    func matchesAnswerKey() throws {
        let (result, key) = try Self.analyse()
        let expected = key.items.flatMap { item in
            item.expected.filter { Self.rules.contains($0.rule) }.map {
                Self.row(
                    rule: $0.rule, status: $0.status, activity: $0.activity, file: item.file,
                    locator: $0.locator)
            }
        }
        let found = result.findings.map {
            Self.row(
                rule: $0.rule.rawValue, status: $0.status.rawValue, activity: $0.activity.rawValue,
                file: $0.source.file, locator: $0.source.locator)
        }
        #expect(expected.count == 15)
        #expect(found.count == expected.count)
        #expect(Set(found) == Set(expected))
        #expect(Set(found).subtracting(expected).sorted() == [])
        #expect(Set(expected).subtracting(found).sorted() == [])
    }

    @Test("the analyzer's one shared analysis gives what each pupil rule finds on its own")
    func sharedAnalysisMatchesRulesAlone() throws {
        let school = try SchoolConfiguration.load(
            from: Self.samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: Self.samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let imported = try ImportStage(importers: [FacebookJSONImporter()]).importArchive(
            at: Self.samples.appendingPathComponent("facebook-rebeccahale-2025-03-14"),
            localTimeZone: school.school.timeZone)
        let timeline = Timeline(items: imported.items)
        let configuration = AuditConfiguration(
            school: school, staff: staff, roster: roster, rules: [.pupilContact, .exPupilContact])
        let alone =
            PupilContactRule().findings(in: timeline, configuration: configuration)
            + ExPupilContactRule().findings(in: timeline, configuration: configuration)
        let shared = Analyzer().analyze(timeline, configuration: configuration).findings
        #expect(!alone.isEmpty)
        #expect(shared.sorted { $0.id < $1.id } == alone.sorted { $0.id < $1.id })
    }

    @Test("no decoy is flagged by these rules")
    func decoys() throws {
        let (result, key) = try Self.analyse()
        for item in key.items {
            for rule in item.mustNot where Self.rules.contains(rule) {
                let hits = result.findings.filter {
                    $0.rule.rawValue == rule && $0.source.file == item.file
                        && ($0.source.locator == item.pointer
                            || $0.source.locator.hasPrefix(item.pointer + "/"))
                }
                #expect(hits.isEmpty, "\(item.key) must not give \(rule)")
            }
        }
    }

    @Test("incidents: one per pupil, titled with the pupil and the platform")
    func incidents() throws {
        let (result, _) = try Self.analyse()
        #expect(
            result.incidents.map(\.title).sorted() == [
                "Contact with former pupil Jordan Reece (left July 2019) on Facebook (4 items)",
                "Contact with former pupil Lily-Mae Dawson (left July 2020) on Facebook (1 item)",
                "Contact with pupil Aoife O'Connor (Year 5 on the roster) on Facebook (1 item)",
                "Contact with pupil Chloé Martin (Year 4 on the roster) on Facebook (1 item)",
                "Contact with pupil Harvey Collins (Year 6 on the roster) on Facebook (1 item)",
                "Contact with pupil Maisie Hale (Year 3 on the roster) on Facebook (1 item)",
                "Contact with pupil Oliver Bennett (Year 6 on the roster) on Facebook (3 items)",
                "Contact with pupil Tyler Greaves (Year 6 on the roster) on Facebook (1 item)",
                "Contact with pupil Zoë Kowalczyk (Year 6 on the roster) on Facebook (2 items)",
            ])
    }
}
