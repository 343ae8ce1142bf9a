import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

extension SchoolTests {
    @Suite struct SchoolConfigurationTests {
        @Test("parses the contract's example school.yaml completely")
        func contractExample() throws {
            let configuration = try SchoolConfiguration.parse(
                yaml: SchoolTests.contractExample, file: "school.yaml")
            #expect(configuration.school.name == "Larkfield Primary School")
            #expect(configuration.school.aliases == ["Larkfield", "LPS"])
            #expect(configuration.school.timeZone.identifier == "Europe/London")
            #expect(configuration.school.region == .englandAndWales)
            #expect(configuration.workingHours.days == [.mon, .tue, .wed, .thu, .fri])
            #expect(configuration.workingHours.start.description == "08:30")
            #expect(configuration.workingHours.end.description == "16:00")
            #expect(configuration.workingHours.lunch?.description == "12:00–13:00")
            #expect(
                configuration.terms == [
                    DayRange(
                        start: try SchoolTests.day("2024-01-08"),
                        end: try SchoolTests.day("2024-02-09"))
                ])
            // Unquoted dates stay calendar days: no UTC midnight shifting them.
            #expect(configuration.closures == [try SchoolTests.day("2024-05-06")])
            #expect(configuration.insetDays == [try SchoolTests.day("2024-01-08")])
            #expect(configuration.lexicons.confidential == ["EHCP", "child protection"])
            #expect(configuration.lexicons.abusive.isEmpty)
            #expect(
                configuration.policy["working-hours"]
                    == PolicyClause(section: "Use of sites", text: "…"))

            let rebecca = try #require(configuration.staff.first)
            #expect(configuration.staff.count == 1)
            #expect(rebecca.name == "Rebecca Hale")
            #expect(rebecca.role == "Class teacher")
            #expect(
                rebecca.accounts == [
                    .facebook: "Rebecca Hale", .instagram: "becky.hale", .twitter: "beckyhale",
                    .whatsapp: "+44 7700 900123",
                ])
            #expect(rebecca.days == [.mon, .tue, .wed, .thu])
            #expect(rebecca.start?.description == "08:00")
            #expect(rebecca.end?.description == "15:30")
            #expect(rebecca.lunch?.description == "12:15–13:15")
            #expect(
                rebecca.absences == [
                    Absence(
                        range: DayRange(
                            start: try SchoolTests.day("2024-06-03"),
                            end: try SchoolTests.day("2024-06-07")), reason: "leave")
                ])
            #expect(
                rebecca.declaredLinks == [DeclaredLink(pupil: "Maisie Hale", relationship: "niece")]
            )
            #expect(rebecca.slug == "rebecca-hale")
        }

        @Test("finds staff by name ignoring case and spaces")
        func staffLookup() throws {
            let configuration = try SchoolConfiguration.parse(
                yaml: SchoolTests.contractExample, file: "school.yaml")
            #expect(configuration.staffMember(named: "rebecca HALE ")?.name == "Rebecca Hale")
            #expect(configuration.staffMember(named: "Rebecca") == nil)
        }

        @Test(
            "slugs are ASCII and folder-safe",
            arguments: [
                ("Rebecca Hale", "rebecca-hale"), ("Zoë O'Brien-Smith", "zoe-obrien-smith"),
                ("  Dr. A. N. Other ", "dr-a-n-other"),
                ("Siobhán Ní Bhriain", "siobhan-ni-bhriain"),
            ])
        func slugs(_ name: String, slug: String) {
            #expect(StaffMember(name: name).slug == slug)
        }

        @Test("a name with no Latin letters still gets a stable slug")
        func nonLatinSlug() {
            let slug = StaffMember(name: "李雷").slug
            #expect(slug.hasPrefix("staff-") && slug.count == 14)
            #expect(slug == StaffMember(name: "李雷").slug)
        }

        @Test("unquoted times and dates are read as written (no base-60 numbers, no UTC midnights)")
        func unquotedValues() throws {
            let yaml = SchoolTests.contractExample
                .replacingOccurrences(of: #"start: "08:30""#, with: "start: 8:30")
                .replacingOccurrences(of: #"end: "16:00""#, with: "end: 16:00")
            let configuration = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
            #expect(configuration.workingHours.start.description == "08:30")
            #expect(configuration.workingHours.end.description == "16:00")
        }

        @Test("a staff member without overrides inherits the school's day")
        func inheritance() throws {
            let configuration = try SchoolTests.larkfieldConfiguration()
            let tom = try #require(configuration.staffMember(named: "Tom Reed"))
            #expect(tom.days == nil && tom.start == nil && tom.lunch == nil)
            #expect(
                tom.workingPattern(default: configuration.workingHours)
                    == configuration.workingHours)
        }

        /// One broken school.yaml: what to replace in the contract example, and where the error must point.
        struct BrokenCase: Sendable, CustomTestStringConvertible {
            let label: String
            let replace: String
            let with: String
            let keyPath: String
            let line: Int?
            let mentions: String
            var testDescription: String { label }
        }

        static let brokenCases: [BrokenCase] = [
            BrokenCase(
                label: "bad staff lunch time", replace: #"lunch: {start: "12:15""#,
                with: #"lunch: {start: "12.15""#,
                keyPath: "staff[0].lunch.start", line: 22, mentions: "expected HH:mm such as 08:30"),
            BrokenCase(
                label: "unknown time zone", replace: "Europe/London", with: "Europe/Londres",
                keyPath: "school.timezone", line: 4, mentions: "IANA time zone"),
            BrokenCase(
                label: "unknown region", replace: "region: england-and-wales",
                with: "region: ulster",
                keyPath: "school.region", line: 5,
                mentions: "england-and-wales, scotland, northern-ireland"),
            BrokenCase(
                label: "unknown weekday", replace: "days: [mon, tue, wed, thu]",
                with: "days: [mon, tue, wed, thr]",
                keyPath: "staff[0].days[3]", line: 19,
                mentions: "one of mon, tue, wed, thu, fri, sat, sun"),
            BrokenCase(
                label: "end before start", replace: #"end: "16:00""#, with: #"end: "07:00""#,
                keyPath: "working_hours.end", line: 9, mentions: "before or when it starts"),
            BrokenCase(
                label: "lunch outside the day", replace: #"lunch: {start: "12:00", end: "13:00"}"#,
                with: #"lunch: {start: "16:00", end: "17:00"}"#,
                keyPath: "working_hours.lunch", line: 10, mentions: "is not inside the working day"),
            BrokenCase(
                label: "staff lunch outside their own day", replace: #"end: "15:30""#,
                with: #"end: "12:00""#,
                keyPath: "staff[0].lunch", line: 22,
                mentions: "is not inside Rebecca Hale's working day"),
            BrokenCase(
                label: "lunch ending before it starts",
                replace: #"lunch: {start: "12:15", end: "13:15"}"#,
                with: #"lunch: {start: "13:15", end: "12:15"}"#,
                keyPath: "staff[0].lunch.end", line: 22, mentions: "lunch ends"),
            BrokenCase(
                label: "misspelt key", replace: "absences:", with: "absenses:",
                keyPath: "staff[0].absenses", line: 23, mentions: "unknown key 'absenses'"),
            BrokenCase(
                label: "unknown platform", replace: #"twitter: "beckyhale""#,
                with: #"linkedin: "beckyhale""#,
                keyPath: "staff[0].accounts.linkedin", line: 18,
                mentions: "facebook, instagram, twitter, whatsapp, snapchat, tiktok"),
            BrokenCase(
                label: "missing time zone",
                replace:
                    "  timezone: Europe/London            # IANA name; all calendar rules are local to it\n",
                with: "", keyPath: "school.timezone", line: 2, mentions: "this key is missing"),
            BrokenCase(
                label: "term ending before it starts",
                replace: "{start: 2024-01-08, end: 2024-02-09}",
                with: "{start: 2024-01-08, end: 2023-02-09}",
                keyPath: "terms[0].end", line: 12, mentions: "ends (2023-02-09) before it starts"),
            BrokenCase(
                label: "impossible date", replace: "closures: [2024-05-06]",
                with: "closures: [2024-02-30]",
                keyPath: "closures[0]", line: 13, mentions: "yyyy-MM-dd"),
            BrokenCase(
                label: "policy for an unknown rule", replace: "working-hours: {section",
                with: "working-time: {section",
                keyPath: "policy.working-time", line: 30, mentions: "working-hours"),
            BrokenCase(
                label: "terms given as one mapping",
                replace: "  - {start: 2024-01-08, end: 2024-02-09}",
                with: "  start: 2024-01-08", keyPath: "terms", line: 12, mentions: "a list"),
        ]

        @Test("errors name the key path, the line and what is expected", arguments: brokenCases)
        func errors(_ broken: BrokenCase) throws {
            let yaml = SchoolTests.contractExample.replacingOccurrences(
                of: broken.replace, with: broken.with)
            #expect(yaml != SchoolTests.contractExample, "the replacement did not apply")
            do {
                _ = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
                Issue.record("expected an error")
            } catch let error as SchoolConfigurationError {
                #expect(error.keyPath == broken.keyPath)
                #expect(error.line == broken.line)
                let message = try #require(error.errorDescription)
                #expect(message.contains("school.yaml"))
                #expect(message.contains(broken.keyPath))
                #expect(message.contains(broken.mentions), "\(message)")
            }
        }

        @Test("duplicate staff names are an error")
        func duplicateStaff() throws {
            let yaml = SchoolTests.larkfield.replacingOccurrences(
                of: "name: Tom Reed", with: "name: rebecca hale")
            #expect(throws: SchoolConfigurationError.self) {
                try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
            }
        }

        @Test("invalid YAML reports its line")
        func malformedYAML() throws {
            let yaml = SchoolTests.contractExample.replacingOccurrences(
                of: "  name: Larkfield Primary School", with: "  name: [Larkfield")
            let error = try #require(throws: SchoolConfigurationError.self) {
                try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
            }
            guard case .malformedYAML(let file, let line, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "school.yaml")
            #expect(line != nil)
        }

        @Test("an empty file and a missing file are clear errors")
        func emptyAndMissing() throws {
            #expect(
                throws: SchoolConfigurationError.malformedYAML(
                    file: "school.yaml", line: nil,
                    reason: "the file is empty (it should start with 'school:')")
            ) { try SchoolConfiguration.parse(yaml: "", file: "school.yaml") }
            let missing = URL(fileURLWithPath: "/nonexistent/school.yaml")
            let error = try #require(throws: SchoolConfigurationError.self) {
                try SchoolConfiguration.load(from: missing)
            }
            #expect(error.errorDescription?.contains("/nonexistent/school.yaml") == true)
        }

        @Test("loads from a file")
        func loadsFile() throws {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "school-\(UUID().uuidString).yaml")
            try Data(SchoolTests.contractExample.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let configuration = try SchoolConfiguration.load(from: url)
            #expect(configuration.staff.first?.name == "Rebecca Hale")
        }
    }
}
