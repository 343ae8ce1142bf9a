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
    @Suite struct RosterTests {
        /// A roster as SIMS writes it: UK dates, extra columns, a former pupil, quoted names.
        static let sims = """
            UPN,Legal Forename,Legal Surname,Preferred Forename,Preferred Surname,DOB,Year Group,Admission Date,Leaving Date,Known Accounts,Gender
            A123456789012,Maisie,Hale,,,14/03/2013,Year 6,04/09/2017,,instagram:maisie.h;tiktok:@maisieh;linkedin:maisie-h,F
            B123456789012,Oluwaseun,Adeyemi,Seun,,2/11/2012,Year 6,2017-09-04,,,M
            C123456789012,"Jean-Luc","O'Neill, Jr",,,30/06/2006,,01/09/2010,21/07/2017,"X:@jlo; whatsapp:+44 7700 900456",M
            """

        func parse(_ csv: String) throws -> Roster {
            try Roster.parse(csv: csv, file: "pupils.csv")
        }

        @Test("reads a SIMS-shaped roster with every column")
        func readsRoster() throws {
            let roster = try parse(Self.sims)
            #expect(roster.pupils.count == 3)
            let maisie = try #require(roster.pupil(withID: "A123456789012"))
            #expect(maisie.legalName == "Maisie Hale")
            #expect(maisie.preferredForename == nil)
            #expect(maisie.dateOfBirth == (try SchoolTests.day("2013-03-14")))
            #expect(maisie.yearGroup == "Year 6")
            #expect(maisie.admissionDate == (try SchoolTests.day("2017-09-04")))
            #expect(maisie.leavingDate == nil)
            #expect(maisie.line == 2)
            #expect(
                maisie.knownAccounts == [
                    KnownAccount(platformName: "instagram", handle: "maisie.h"),
                    KnownAccount(platformName: "tiktok", handle: "@maisieh"),
                    KnownAccount(platformName: "linkedin", handle: "maisie-h"),
                ])
            #expect(maisie.knownAccounts.map(\.platform) == [.instagram, .tiktok, nil])

            let seun = try #require(roster.pupil(withID: "B123456789012"))
            #expect(seun.preferredName == "Seun Adeyemi")
            #expect(seun.names == ["Oluwaseun Adeyemi", "Seun Adeyemi"])
            #expect(seun.dateOfBirth == (try SchoolTests.day("2012-11-02")))

            let former = try #require(roster.pupil(withID: "C123456789012"))
            #expect(former.legalSurname == "O'Neill, Jr")
            #expect(former.leavingDate == (try SchoolTests.day("2017-07-21")))
            #expect(former.knownAccounts.map(\.platform) == [.twitter, .whatsapp])
            #expect(former.knownAccounts.map(\.handle) == ["@jlo", "+44 7700 900456"])
            #expect(former.line == 4)
        }

        /// Every (column, header) pair of the contract's table.
        static let aliases: [(RosterColumn, String)] = RosterColumn.allCases.flatMap { column in
            column.acceptedHeaders.map { (column, $0) }
        }

        /// A value for each column, recognisable after parsing.
        static func sample(_ column: RosterColumn) -> String {
            switch column {
            case .id: "U1"
            case .legalForename: "Maisie"
            case .legalSurname: "Hale"
            case .preferredForename: "Mai"
            case .preferredSurname: "Hale-Smith"
            case .dateOfBirth: "14/03/2013"
            case .yearGroup: "6"
            case .admissionDate: "04/09/2017"
            case .leavingDate: "19/07/2024"
            case .knownAccounts: "instagram:maisie.h"
            }
        }

        static func value(of column: RosterColumn, in pupil: Pupil) -> String? {
            switch column {
            case .id: pupil.id
            case .legalForename: pupil.legalForename
            case .legalSurname: pupil.legalSurname
            case .preferredForename: pupil.preferredForename
            case .preferredSurname: pupil.preferredSurname
            case .dateOfBirth:
                pupil.dateOfBirth.map {
                    String(format: "%02d/%02d/%04d", $0.day, $0.month, $0.year)
                }
            case .yearGroup: pupil.yearGroup
            case .admissionDate:
                pupil.admissionDate.map {
                    String(format: "%02d/%02d/%04d", $0.day, $0.month, $0.year)
                }
            case .leavingDate:
                pupil.leavingDate.map {
                    String(format: "%02d/%02d/%04d", $0.day, $0.month, $0.year)
                }
            case .knownAccounts: pupil.knownAccounts.first.map { "\($0.platformName):\($0.handle)" }
            }
        }

        @Test(
            "every header alias of the contract is recognised, in any case, with spaces, dots or underscores",
            arguments: aliases)
        func headerAlias(_ column: RosterColumn, header: String) throws {
            let spellings = [
                header, header.uppercased(),
                header.lowercased().replacingOccurrences(of: " ", with: "_"),
                header.replacingOccurrences(of: " ", with: "."), " \(header) ",
            ]
            for spelling in spellings {
                // The tested column under the alias, the others under their first accepted header.
                let others = RosterColumn.allCases.filter { $0 != column }
                let headers = [spelling] + others.compactMap(\.acceptedHeaders.first)
                let values = [Self.sample(column)] + others.map(Self.sample)
                let csv =
                    headers.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
                    + values.joined(separator: ",") + "\n"
                let pupil = try #require(try parse(csv).pupils.first)
                #expect(
                    Self.value(of: column, in: pupil) == Self.sample(column), "header '\(spelling)'"
                )
            }
        }

        @Test(
            "dates are read as dd/MM/yyyy, d/M/yyyy or yyyy-MM-dd",
            arguments: [
                ("05/09/2012", "2012-09-05"), ("5/9/2012", "2012-09-05"),
                ("2012-09-05", "2012-09-05"),
                ("31/12/2012", "2012-12-31"), ("29/02/2012", "2012-02-29"),
                ("1/12/2012", "2012-12-01"),
            ])
        func dateFormats(_ text: String, expected: String) throws {
            let pupil = try #require(
                try parse("UPN,Forename,Surname,DOB\nU1,Maisie,Hale,\(text)\n").pupils.first)
            #expect(pupil.dateOfBirth?.description == expected)
        }

        @Test(
            "a bad date names its line, column and value",
            arguments: [
                "31/02/2012", "2012/09/05", "09-05-2012", "5 Sept 2012", "12/13/2012", "05/09/12",
            ])
        func badDate(_ text: String) throws {
            let csv = "UPN,Forename,Surname,DOB\nU1,Maisie,Hale,14/03/2013\nU2,Tom,Reed,\(text)\n"
            #expect(
                throws: RosterError.invalidDate(
                    file: "pupils.csv", line: 3, header: "DOB", value: text)
            ) {
                try parse(csv)
            }
            let message =
                RosterError.invalidDate(file: "pupils.csv", line: 3, header: "DOB", value: text)
                .errorDescription ?? ""
            #expect(
                message.contains("pupils.csv") && message.contains("line 3")
                    && message.contains("dd/MM/yyyy"))
        }

        @Test(
            "quoted fields may hold commas, quotes and line breaks; later line numbers stay right")
        func quotedFields() throws {
            let csv =
                "UPN,Forename,Surname,Known As\r\n"
                + "U1,\"Mary, Jane\",\"Smith \"\"MJ\"\"\",\"Mae\"\r\n"
                + "U2,\"Anna\nMarie\",Jones,\r\n"
                + "U3,Tom,Reed,\r\n"
                + "U4,Sam,,\r\n"
            #expect(
                throws: RosterError.missingValue(
                    file: "pupils.csv", line: 6, column: .legalSurname, header: "Surname")
            ) {
                try parse(csv)
            }
            let roster = try parse(csv.replacingOccurrences(of: "U4,Sam,,\r\n", with: ""))
            #expect(roster.pupils.map(\.legalForename) == ["Mary, Jane", "Anna\nMarie", "Tom"])
            #expect(roster.pupils.first?.legalSurname == "Smith \"MJ\"")
            #expect(roster.pupils.first?.preferredForename == "Mae")
            #expect(roster.pupils.map(\.line) == [2, 3, 5])
        }

        @Test("a byte-order mark before the header is ignored")
        func byteOrderMark() throws {
            let roster = try parse("\u{FEFF}UPN,Forename,Surname\nU1,Maisie,Hale\n")
            #expect(roster.pupils.first?.id == "U1")
        }

        @Test("a missing required column lists the accepted headers")
        func missingColumn() throws {
            let csv = "Pupil ID,Forename,Name\nU1,Maisie,Hale\n"
            let error = try #require(throws: RosterError.self) { try parse(csv) }
            #expect(
                error
                    == .missingColumns(
                        file: "pupils.csv", columns: [.legalSurname],
                        foundHeaders: ["Pupil ID", "Forename", "Name"]))
            let message = error.errorDescription ?? ""
            #expect(message.contains("Legal Surname, Surname, Last Name, Family Name"))
            #expect(message.contains("Pupil ID, Forename, Name"))
        }

        /// Arbor's default pupil export: no id column, surname first.
        static let arbor = """
            Legal Surname,Legal Forename,Date of Birth,Year
            Hale,Maisie,14/03/2013,Year 6
            Bennett,Oliver,02/11/2013,Year 6
            Bennett,Oliver,19/05/2016,Year 3
            """

        @Test("a roster without an id column gets stable ids derived from name and birth date")
        func derivedIDs() throws {
            let roster = try parse(Self.arbor)
            #expect(roster.idsAreDerived)
            #expect(
                roster.pupils.map(\.legalName) == [
                    "Maisie Hale", "Oliver Bennett", "Oliver Bennett",
                ])
            let ids = roster.pupils.map(\.id)
            #expect(Set(ids).count == 3)  // two Oliver Bennetts, told apart by birth date
            for id in ids {
                #expect(id.hasPrefix("R-") && id.count == 14)
                #expect(id.dropFirst(2).allSatisfy { $0.isHexDigit && !$0.isLowercase })
            }
            #expect(
                ids[0]
                    == Roster.derivedID(
                        legalForename: "Maisie", legalSurname: "Hale",
                        dateOfBirth: try SchoolTests.day("2013-03-14")))
            // The same pupils exported again, columns reordered, case and spacing changed, keep
            // their ids.
            let again = try parse(
                """
                Year,Date of Birth,Legal Forename,Legal Surname
                Year 3,19/05/2016,OLIVER, bennett
                Year 6,2013-03-14,maisie,Hale
                """)
            #expect(again.pupils.map(\.id) == [ids[2], ids[0]])
            // A roster with an id column keeps the MIS's ids.
            #expect(try parse(Self.sims).idsAreDerived == false)
        }

        @Test(
            "without an id column, two rows of the same name and birth date are refused, naming both lines"
        )
        func derivedIDDuplicate() throws {
            let csv = Self.arbor + "\nHale,Maisie,14/03/2013,Year 6\n"
            let error = try #require(throws: RosterError.self) { try parse(csv) }
            #expect(
                error
                    == .duplicatePupil(
                        file: "pupils.csv", line: 5, name: "Maisie Hale", firstLine: 2))
            #expect(error.line == 5)
            let message = error.errorDescription ?? ""
            #expect(message.contains("line 5") && message.contains("line 2"))
            #expect(message.contains("no id column"))
        }

        @Test(
            "rows with a missing name, a bad account, too many fields or a repeated id are errors naming the line"
        )
        func badRows() throws {
            let header = "UPN,Forename,Surname,Known Accounts\n"
            #expect(
                throws: RosterError.missingValue(
                    file: "pupils.csv", line: 2, column: .legalForename, header: "Forename")
            ) {
                try parse(header + "U1, ,Hale,\n")
            }
            #expect(
                throws: RosterError.missingValue(
                    file: "pupils.csv", line: 2, column: .id, header: "UPN")
            ) {
                try parse(header + ",Maisie,Hale,\n")
            }
            #expect(
                throws: RosterError.invalidKnownAccount(
                    file: "pupils.csv", line: 2, header: "Known Accounts", value: "maisie.h")
            ) {
                try parse(header + "U1,Maisie,Hale,instagram:ok;maisie.h\n")
            }
            #expect(
                throws: RosterError.tooManyFields(
                    file: "pupils.csv", line: 2, expected: 4, found: 6)
            ) {
                try parse(header + "U1,Maisie,Hale,,O'Neill, Jr\n")
            }
            #expect(
                throws: RosterError.duplicateID(file: "pupils.csv", line: 3, id: "U1", firstLine: 2)
            ) {
                try parse(header + "U1,Maisie,Hale,\nU1,Tom,Reed,\n")
            }
            #expect(throws: RosterError.unterminatedQuote(file: "pupils.csv", line: 2)) {
                try parse(header + "U1,\"Maisie,Hale,\nU2,Tom,Reed,\n")
            }
            #expect(
                throws: RosterError.leavingBeforeAdmission(
                    file: "pupils.csv", line: 2, admission: try SchoolTests.day("2017-09-04"),
                    leaving: try SchoolTests.day("2017-07-21"))
            ) {
                try parse(
                    "UPN,Forename,Surname,Entry Date,Leave Date\nU1,Maisie,Hale,04/09/2017,21/07/2017\n"
                )
            }
            #expect(
                throws: RosterError.duplicateColumn(
                    file: "pupils.csv", column: .legalForename, headers: ["Forename", "First Name"])
            ) {
                try parse("UPN,Forename,First Name,Surname\nU1,Maisie,Maisie,Hale\n")
            }
            #expect(throws: RosterError.empty(file: "pupils.csv")) { try parse("\n\n") }
        }

        @Test("blank lines and trailing empty fields are tolerated; a header-only roster is empty")
        func tolerances() throws {
            let roster = try parse("UPN,Forename,Surname\n\nU1,Maisie,Hale,,\n\n")
            #expect(roster.pupils.map(\.line) == [3])
            #expect(try parse("UPN,Forename,Surname").pupils.isEmpty)
        }

        @Test("tab-separated exports are read too")
        func tabSeparated() throws {
            let roster = try parse("UPN\tForename\tSurname\tDOB\nU1\tMaisie\tHale\t14/03/2013\n")
            #expect(roster.pupils.first?.dateOfBirth?.description == "2013-03-14")
        }

        @Test("loads UTF-8 and Windows-1252 files")
        func loadsFiles() throws {
            let directory = FileManager.default.temporaryDirectory
            let utf8 = directory.appendingPathComponent("roster-\(UUID().uuidString).csv")
            let latin = directory.appendingPathComponent("roster-\(UUID().uuidString).csv")
            defer {
                try? FileManager.default.removeItem(at: utf8)
                try? FileManager.default.removeItem(at: latin)
            }
            try Data("UPN,Forename,Surname\nU1,Zoë,Hale\n".utf8).write(to: utf8)
            try Data([
                0x55, 0x50, 0x4E, 0x2C, 0x46, 0x6F, 0x72, 0x65, 0x6E, 0x61, 0x6D, 0x65, 0x2C, 0x53,
                0x75, 0x72, 0x6E,
                0x61, 0x6D, 0x65, 0x0A, 0x55, 0x31, 0x2C, 0x5A, 0x6F, 0xEB, 0x2C, 0x48, 0x61, 0x6C,
                0x65, 0x0A,
            ]).write(to: latin)
            #expect(try Roster.load(from: utf8).pupils.first?.legalForename == "Zoë")
            #expect(try Roster.load(from: latin).pupils.first?.legalForename == "Zoë")
            #expect(throws: RosterError.self) {
                try Roster.load(
                    from: directory.appendingPathComponent("missing-\(UUID().uuidString).csv"))
            }
        }
    }
}
