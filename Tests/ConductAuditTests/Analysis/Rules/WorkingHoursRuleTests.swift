import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct WorkingHoursRuleTests {
    static let yaml = """
        school:
          name: Larkfield Primary School
          aliases: [Larkfield]
          timezone: Europe/London
          region: england-and-wales
        working_hours:
          days: [mon, tue, wed, thu, fri]
          start: "08:30"
          end: "16:00"
          lunch: {start: "12:00", end: "13:00"}
        terms:
          - {start: 2024-01-08, end: 2024-03-28}
          - {start: 2024-04-15, end: 2024-07-19}
        staff:
          - name: Rebecca Hale
            accounts: {facebook: "Rebecca Hale"}
            days: [mon, tue, wed, thu]
            start: "08:00"
            end: "15:30"
            lunch: {start: "12:15", end: "13:15"}
        """

    static func configuration() throws -> AuditConfiguration {
        let school = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let roster = try Roster.parse(csv: "UPN,Forename,Surname\n", file: "pupils.csv")
        return AuditConfiguration(school: school, staff: staff, roster: roster)
    }

    /// A Facebook item at a London local time.
    static func item(
        _ local: String, kind: ActivityKind = .post, authored: Bool = true, text: String = "hello"
    ) throws -> TimelineItem {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let instant = try #require(formatter.date(from: local))
        return TimelineItem(
            platform: .facebook, kind: kind, isAuthoredByOwner: authored,
            author: Person(name: authored ? "Rebecca Hale" : "Someone Else"), text: text + local,
            occurredAt: instant, timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: "00", archivePath: "fb", file: "posts.json", locator: "/0"),
            rawFragment: "{}")
    }

    @Test(
        "flags own activity in working time and nothing outside it",
        arguments: [
            ("2024-03-26 11:30:00", true),  // Tuesday in term, GMT
            ("2024-06-18 08:00:00", true),  // start of her day, BST
            ("2024-06-18 12:14:59", true),  // a second before lunch
            ("2024-06-18 12:15:00", false),  // lunch start is allowed
            ("2024-06-18 13:14:59", false),  // still lunch
            ("2024-06-18 13:15:00", true),  // lunch end is working time again
            ("2024-06-18 15:29:59", true),
            ("2024-06-18 15:30:00", false),  // end of day is not working time
            ("2024-06-18 07:59:59", false),
            ("2024-06-21 10:00:00", false),  // Friday: her day off
            ("2024-06-22 10:00:00", false),  // Saturday
            ("2024-04-02 10:00:00", false),  // Easter holiday
            ("2024-05-06 10:00:00", false),  // early May bank holiday
        ])
    func boundaries(local: String, flagged: Bool) throws {
        let findings = WorkingHoursRule().findings(
            in: Timeline(items: [try Self.item(local)]), configuration: try Self.configuration())
        #expect(findings.count == (flagged ? 1 : 0), "\(local)")
    }

    @Test("ignores what others did and connections that are not her own action")
    func onlyOwnActions() throws {
        let items = [
            try Self.item("2024-03-26 11:30:00", kind: .message, authored: false),
            try Self.item("2024-03-26 11:31:00", kind: .friend, authored: false),
            try Self.item("2024-03-26 11:32:00", kind: .profile, authored: true),
            try Self.item("2024-03-26 11:33:00", kind: .message, authored: true),
        ]
        let findings = WorkingHoursRule().findings(
            in: Timeline(items: items), configuration: try Self.configuration())
        #expect(findings.map(\.activity) == [.message])
    }

    @Test("explains itself and groups a day's findings into one incident")
    func explanationAndIncidents() throws {
        let items = [
            try Self.item("2024-03-26 11:30:00"), try Self.item("2024-03-26 14:00:00"),
            try Self.item("2024-03-27 09:00:00"),
        ]
        let result = Analyzer().analyze(
            Timeline(items: items), configuration: try Self.configuration())
        #expect(result.findings.count == 3)
        #expect(result.incidents.map(\.findings.count) == [2, 1])
        #expect(result.incidents.first?.id == "INC-0001")
        #expect(result.incidents.first?.title.contains("Tuesday 26 March 2024") == true)
        let explanation = try #require(result.findings.first?.explanation)
        #expect(explanation.contains("11:30"))
        #expect(explanation.contains("Europe/London"))
    }

    @Test("finding ids are the same on every run and differ between items")
    func stableIDs() throws {
        let items = [try Self.item("2024-03-26 11:30:00"), try Self.item("2024-03-26 14:00:00")]
        let first = Analyzer().analyze(
            Timeline(items: items), configuration: try Self.configuration())
        let second = Analyzer().analyze(
            Timeline(items: items.reversed()), configuration: try Self.configuration())
        #expect(first.findings.map(\.id) == second.findings.map(\.id))
        #expect(Set(first.findings.map(\.id)).count == 2)
    }

    @Test("a targeted period leaves out items outside it")
    func period() throws {
        var configuration = try Self.configuration()
        configuration.from = LocalDay(iso: "2024-03-27")
        let items = [try Self.item("2024-03-26 11:30:00"), try Self.item("2024-03-27 09:00:00")]
        let result = Analyzer().analyze(Timeline(items: items), configuration: configuration)
        #expect(result.findings.count == 1)
    }
}
