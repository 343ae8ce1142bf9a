import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct AgeMisrepresentationRuleTests {
    typealias Support = ContentRuleTestSupport
    let rule = AgeMisrepresentationRule()

    static func profile(_ text: String, raw: String = "{}") -> TimelineItem {
        TimelineItem(
            platform: .facebook, kind: .profile, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), text: text, occurredAt: nil, timeBasis: .none,
            source: SourceReference(
                archiveSHA256: "", archivePath: "x", file: "profile.json", locator: "/profile_v2"),
            rawFragment: raw)
    }

    /// A post on `day` at noon, giving the timeline its latest activity.
    static func activity(on day: String) throws -> TimelineItem {
        RuleExample("Lovely day", localTime: "\(day) 12:00").item(in: SampleSchool.london, index: 9)
    }

    @Test(
        "a profile birthday is a child's from 5 to 17 on the day of the latest activity",
        arguments: [
            ("Birthday: 2007-03-14", false),  // 18 on 2025-03-14
            ("Birthday: 2007-03-15", true),  // 17, a day before the 18th birthday
            ("Birthday: 2020-03-14", true),  // 5
            ("Birthday: 2020-03-15", false),  // 4: a placeholder, not a claim
            ("Birthday: 1988-06-17", false),
            ("Birthday: 2011", true),
            ("Birthday: 2011-03", true),
            ("Birthday: 14/03 (no year)", false),
            ("Date of birth: 15/03/2012", true),
            ("Born: 15 March 2012", true),
        ])
    func birthdays(line: String, isChild: Bool) throws {
        let timeline = Timeline(items: [
            Self.profile("Name: Becky\n\(line)"), try Self.activity(on: "2025-03-14"),
        ])
        let findings = rule.findings(in: timeline, configuration: try SampleSchool.configuration())
        #expect(findings.count == (isChild ? 1 : 0), "\(findings.map(\.explanation))")
        if let finding = findings.first {
            #expect(finding.severity == .high)
            let value = String(line.split(separator: ":", maxSplits: 1)[1].dropFirst())
            #expect(SampleSchool.highlightedTexts(finding) == [value])
        }
    }

    @Test("without a birthday line, the profile's raw JSON birthday is read")
    func rawBirthday() throws {
        let profile = Self.profile(
            "Name: Becky",
            raw:
                #"{"name": {"full_name": "Becky"}, "birthday": {"year": 2011, "month": 3, "day": 4}}"#
        )
        let timeline = Timeline(items: [profile, try Self.activity(on: "2025-03-14")])
        let finding = try #require(
            rule.findings(in: timeline, configuration: try SampleSchool.configuration()).first)
        #expect(finding.explanation.contains("'2011-03-04'"))
        #expect(finding.explanation.contains("14 years old on Friday 14 March 2025"))
        #expect(finding.highlights.isEmpty)
    }

    @Test("a timeline with no dated item and no audit end cannot date a birthday")
    func noReferenceDay() throws {
        let timeline = Timeline(items: [Self.profile("Birthday: 2011-03-04")])
        var configuration = try SampleSchool.configuration()
        #expect(rule.findings(in: timeline, configuration: configuration).isEmpty)
        configuration.to = LocalDay(year: 2024, month: 6, day: 1)
        #expect(rule.findings(in: timeline, configuration: configuration).count == 1)
    }
}
