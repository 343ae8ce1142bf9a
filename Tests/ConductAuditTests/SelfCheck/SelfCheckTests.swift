import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct SelfCheckTests {
    static let yaml =
        WorkingHoursRuleTests.yaml + """

                declared_links:
                  - {pupil: "Maisie Hale", relationship: "niece"}
            policy:
              working-hours: {section: "Use of sites", text: "Not in working hours."}
            """

    static func configuration(roster: Roster = Roster(pupils: [])) throws -> AuditConfiguration {
        let school = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        return AuditConfiguration(school: school, staff: staff, roster: roster)
    }

    static func timeline() throws -> Timeline {
        Timeline(items: [
            try WorkingHoursRuleTests.item("2024-03-26 11:30:00", text: "in class "),
            RosterDigestTests.item(Person(name: "Zoë Kowalczyk"), at: 1_711_000_000),
            RosterDigestTests.item(Person(name: "Maisie Hale"), at: 1_711_100_000),
        ])
    }

    static func digestMatcher() throws -> RosterDigestMatcher {
        let csv = RosterDigestTests.csv + "\nM1,Maisie,Hale,,01/01/2016,,"
        let roster = try Roster.parse(csv: csv, file: "pupils.csv")
        return try RosterDigestMatcher(
            digest: RosterDigest(
                roster: roster, key: RosterDigest.makeKey(), includesKey: true,
                on: try #require(LocalDay(year: 2025, month: 1, day: 1))))
    }

    @Test(
        "with a digest, the summary names the working-hours items and the people with pupils' names"
    )
    func summaryWithDigest() throws {
        // Given the staff member's own timeline and the school's digest instead of the roster
        let report = SelfCheck().run(
            timeline: try Self.timeline(), archives: [EvidenceFixture.archive],
            configuration: try Self.configuration(), digest: try Self.digestMatcher())

        // Then it finds the post in working time and the two people whose names are pupils'
        #expect(report.findings.map(\.rule) == [.workingHours])
        #expect(report.digestContacts.map(\.labels) == [["Zoë Kowalczyk"], ["Maisie Hale"]])
        #expect(report.needsAttention)
        #expect(report.pupilCheck == .digest(entries: 4, madeOn: "2025-01-01"))

        // And the plain-language summary says what was checked, found and can be done
        let text = SelfCheckSummary().text(of: report)
        #expect(text.contains("Private: nothing has been saved"))
        #expect(text.contains("checked against the school's roster digest (4 pupils"))
        #expect(text.contains("1. Personal social media used during your working hours: 1 item"))
        #expect(text.contains("The policy says (Use of sites): “Not in working hours.”"))
        #expect(text.contains("Tuesday 26 March 2024 at 11:30: Facebook post"))
        #expect(text.contains("“Zoë Kowalczyk” — a pupil on roll"))
        #expect(text.contains("You have declared this link (niece) to the headteacher."))
        #expect(text.contains("WHAT YOU CAN DO"))
        #expect(text.contains("keep personal social media to your lunch break"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 92 })
    }

    @Test("without roster or digest it says pupils were not checked")
    func withoutPupils() throws {
        let report = SelfCheck().run(
            timeline: Timeline(items: []), archives: [], configuration: try Self.configuration())
        #expect(report.pupilCheck == .none)
        #expect(!report.needsAttention)
        let text = SelfCheckSummary().text(of: report)
        #expect(text.contains("Pupils: NOT checked"))
        #expect(text.contains("Nothing the checks look for. That is not a guarantee"))
    }
}
