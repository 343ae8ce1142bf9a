import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The School area's test suites, grouped so that `swift test --filter School` runs them all.
@Suite enum SchoolTests {
    /// The school.yaml example of INTERFACE.md, verbatim.
    static let contractExample = """
        school:
          name: Larkfield Primary School
          aliases: [Larkfield, LPS]          # words that refer to the school in text
          timezone: Europe/London            # IANA name; all calendar rules are local to it
          region: england-and-wales          # which built-in bank-holiday table applies
        working_hours:                       # the default staff day
          days: [mon, tue, wed, thu, fri]
          start: "08:30"
          end: "16:00"
          lunch: {start: "12:00", end: "13:00"}
        terms:                               # inclusive ranges of term time
          - {start: 2024-01-08, end: 2024-02-09}
        closures: [2024-05-06]               # school closed inside term (bank holidays are also built in)
        inset_days: [2024-01-08]             # staff working, no pupils: still working days
        staff:
          - name: Rebecca Hale
            role: Class teacher
            accounts: {facebook: "Rebecca Hale", instagram: "becky.hale", twitter: "beckyhale", whatsapp: "+44 7700 900123"}
            days: [mon, tue, wed, thu]        # overrides working_hours.days (part-time)
            start: "08:00"                    # overrides, each optional
            end: "15:30"
            lunch: {start: "12:15", end: "13:15"}
            absences: [{start: 2024-06-03, end: 2024-06-07, reason: "leave"}]
            declared_links:                   # family links declared to the headteacher
              - {pupil: "Maisie Hale", relationship: "niece"}
        lexicons:                             # optional additions to the built-in word lists
          confidential: ["EHCP", "child protection"]
          abusive: []
        policy:                               # optional: the school's own clause text, quoted in reports
          working-hours: {section: "Use of sites", text: "…"}
        """

    /// A school shaped like a real English primary over 2022–2024: real term dates with half
    /// terms, INSET days inside and outside term, a closure, a part-time teacher and a full-time one.
    static let larkfield = """
        school:
          name: Larkfield Primary School
          aliases: [Larkfield, LPS]
          timezone: Europe/London
          region: england-and-wales
        working_hours:
          days: [mon, tue, wed, thu, fri]
          start: "08:30"
          end: "16:00"
          lunch: {start: "12:00", end: "13:00"}
        terms:
          - {start: 2022-09-05, end: 2022-10-21}
          - {start: 2022-10-31, end: 2022-12-20}
          - {start: 2023-01-04, end: 2023-02-10}
          - {start: 2023-02-20, end: 2023-03-31}
          - {start: 2023-04-17, end: 2023-05-26}
          - {start: 2023-06-05, end: 2023-07-21}
          - {start: 2024-01-08, end: 2024-02-09}
          - {start: 2024-02-19, end: 2024-03-28}
          - {start: 2024-04-15, end: 2024-05-24}
          - {start: 2024-06-03, end: 2024-07-23}
        closures: [2024-03-01]
        inset_days: [2024-01-08, 2024-07-24, 2024-07-26]
        staff:
          - name: Rebecca Hale
            role: Class teacher
            days: [mon, tue, wed, thu]
            start: "08:00"
            end: "15:30"
            lunch: {start: "12:15", end: "13:15"}
            absences: [{start: 2024-06-03, end: 2024-06-07, reason: "leave"}]
          - name: Tom Reed
            role: Teaching assistant
        """

    /// The parsed ``larkfield`` configuration.
    static func larkfieldConfiguration() throws -> SchoolConfiguration {
        try SchoolConfiguration.parse(yaml: larkfield, file: "school.yaml")
    }

    /// A UTC instant from an ISO 8601 string with an offset, such as "2024-03-26T11:30:05Z".
    static func instant(_ iso: String) throws -> Date {
        try #require(try? Date(iso, strategy: .iso8601), "bad instant \(iso)")
    }

    /// A day from "yyyy-MM-dd".
    static func day(_ iso: String) throws -> LocalDay {
        try #require(LocalDay(iso: iso), "bad day \(iso)")
    }
}
