import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// School words for every UK nation, chosen by school.yaml `region`.
@Suite struct NationVocabularyTests {
    /// The sample school, read as a school of `nations`.
    static func configuration(_ nations: [UKNation]) throws -> AuditConfiguration {
        var configuration = try SampleSchool.configuration()
        configuration.school.school.nations = nations
        return configuration
    }

    static func findings(
        _ rule: any PolicyRule, _ example: RuleExample, nations: [UKNation]
    ) throws -> [Finding] {
        try ContentRuleTestSupport.findings(
            rule, [example], configuration: try configuration(nations))
    }

    @Test("region names the nation: its school words, and the bank holidays it follows")
    func regionNamesTheNation() throws {
        let base = """
            school: {name: Ysgol Larkfield, timezone: Europe/London, region: REGION}
            working_hours: {start: "08:30", end: "15:30"}
            terms: [{start: 2024-09-03, end: 2024-12-20}]
            in_service_days: [2024-09-02]
            governors:
              - {name: Ann Jones, role: chair, accounts: {facebook: "Ann Jones"}}
            """
        for (region, nations, holidays) in [
            ("wales", [UKNation.wales], BankHolidayRegion.englandAndWales),
            ("england", [.england], .englandAndWales),
            ("england-and-wales", [.england, .wales], .englandAndWales),
            ("scotland", [.scotland], .scotland),
            ("northern-ireland", [.northernIreland], .northernIreland),
        ] {
            let school = try SchoolConfiguration.parse(
                yaml: base.replacingOccurrences(of: "REGION", with: region), file: "school.yaml")
            #expect(school.school.nations == nations)
            #expect(school.school.region == holidays)
            #expect(school.insetDays == [LocalDay(iso: "2024-09-02")].compactMap { $0 })
            #expect(school.governors.map(\.description) == ["Ann Jones (governor, chair)"])
        }
    }

    /// A "P7 trip" photo carousel on a school day (Friday 22 November 2024).
    static let p7Trip = RuleExample(
        "P7 trip to the Science Centre today", attachments: [.photo, .photo, .photo],
        localTime: "2024-11-22 18:00", highlights: ["P7"])

    @Test("a P7 trip photo on a school day is school activity in Scotland and Northern Ireland")
    func p7Trip() throws {
        for nations in [[UKNation.scotland], [.northernIreland]] {
            let found = try Self.findings(ChildIdentificationRule(), Self.p7Trip, nations: nations)
            #expect(found.count == 1, "\(nations)")
            #expect(found.first.map(SampleSchool.highlightedTexts) == ["P7"])
        }
        // Not a year group in England and Wales, and not on a Sunday.
        #expect(
            try Self.findings(ChildIdentificationRule(), Self.p7Trip, nations: [.england, .wales])
                .isEmpty)
        var sunday = Self.p7Trip
        sunday.localTime = "2024-11-24 18:00"
        #expect(try Self.findings(ChildIdentificationRule(), sunday, nations: [.scotland]).isEmpty)
    }

    @Test("trips, outings and excursions with a year or class named are school activity")
    func outings() throws {
        for text in [
            "Year 4 outing to the castle", "Class excursion to the beach",
            "Blwyddyn 6 trip i Langrannog",
        ] {
            let example = RuleExample(text, attachments: [.photo], localTime: "2024-11-22 18:00")
            #expect(
                try Self.findings(ChildIdentificationRule(), example, nations: [.wales]).count == 1,
                "\(text)")
        }
        let plain = RuleExample(
            "Trip to the castle with the family", attachments: [.photo],
            localTime: "2024-11-22 18:00")
        #expect(try Self.findings(ChildIdentificationRule(), plain, nations: [.scotland]).isEmpty)
    }

    @Test("each nation's support plans are confidential special needs about a named pupil")
    func supportPlans() throws {
        let cases: [(String, [UKNation])] = [
            ("Isla McKenzie's co-ordinated support plan meeting is Tuesday", [.scotland]),
            ("Isla McKenzie has ASN, the child's plan is being reviewed", [.scotland]),
            ("Isla McKenzie's IDP review is next week", [.wales]),
            ("Isla McKenzie has ALN and needs a one page profile", [.wales]),
            ("Isla McKenzie's EHCP came through", [.england]),
        ]
        for (text, nations) in cases {
            let example = RuleExample(text, kind: .message)
            let found = try Self.findings(ConfidentialDisclosureRule(), example, nations: nations)
            #expect(found.count == 1, "\(text)")
        }
        // Another nation's words are not read: "IDP" means nothing to a Scottish school.
        let idp = RuleExample("Isla McKenzie's IDP review is next week", kind: .message)
        #expect(try Self.findings(ConfidentialDisclosureRule(), idp, nations: [.scotland]).isEmpty)
    }
}
