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
    @Suite struct BankHolidaysTests {
        func name(_ iso: String, _ region: BankHolidayRegion) throws -> String? {
            BankHolidays.holiday(on: try SchoolTests.day(iso), region: region)
        }

        @Test("the one-off holidays apply in every region", arguments: BankHolidayRegion.allCases)
        func oneOffs(_ region: BankHolidayRegion) throws {
            #expect(try name("2020-05-08", region) == "Early May bank holiday (VE day)")
            // The first Monday of May 2020 was moved.
            #expect(try name("2020-05-04", region) == nil)
            #expect(try name("2022-06-02", region) == "Spring bank holiday")
            #expect(try name("2022-06-03", region) == "Platinum Jubilee bank holiday")
            #expect(try name("2022-05-30", region) == nil)  // the last Monday of May 2022 was moved
            #expect(
                try name("2022-09-19", region)
                    == "Bank Holiday for the State Funeral of Queen Elizabeth II")
            #expect(
                try name("2023-05-08", region)
                    == "Bank holiday for the coronation of King Charles III")
            #expect(try name("2023-05-01", region) == "Early May bank holiday")
        }

        @Test("substitute days when a holiday falls at a weekend")
        func substitutes() throws {
            #expect(try name("2021-12-27", .englandAndWales) == "Christmas Day (substitute day)")
            #expect(try name("2021-12-28", .englandAndWales) == "Boxing Day (substitute day)")
            #expect(try name("2021-12-25", .englandAndWales) == nil)
            #expect(try name("2022-12-27", .englandAndWales) == "Christmas Day (substitute day)")
            #expect(try name("2023-01-02", .englandAndWales) == "New Year's Day (substitute day)")
            #expect(try name("2026-12-28", .englandAndWales) == "Boxing Day (substitute day)")
        }

        @Test("Scotland: 2 January and St Andrew's Day, first Monday of August, no Easter Monday")
        func scotland() throws {
            #expect(try name("2024-01-02", .scotland) == "2nd January")
            #expect(try name("2024-01-02", .englandAndWales) == nil)
            #expect(try name("2022-01-04", .scotland) == "2nd January (substitute day)")
            #expect(try name("2023-11-30", .scotland) == "St Andrew's Day")
            #expect(try name("2024-12-02", .scotland) == "St Andrew's Day (substitute day)")
            #expect(try name("2024-08-05", .scotland) == "Summer bank holiday")
            #expect(try name("2024-08-26", .scotland) == nil)
            #expect(try name("2024-04-01", .scotland) == nil)
            #expect(try name("2024-04-01", .englandAndWales) == "Easter Monday")
        }

        @Test("Northern Ireland: St Patrick's Day and the Battle of the Boyne, with substitutes")
        func northernIreland() throws {
            #expect(try name("2023-03-17", .northernIreland) == "St Patrick's Day")
            #expect(try name("2024-03-18", .northernIreland) == "St Patrick's Day (substitute day)")
            #expect(
                try name("2024-07-12", .northernIreland) == "Battle of the Boyne (Orangemen's Day)")
            #expect(
                try name("2025-07-14", .northernIreland)
                    == "Battle of the Boyne (Orangemen's Day) (substitute day)")
            #expect(try name("2024-07-12", .englandAndWales) == nil)
            #expect(try name("2024-08-26", .northernIreland) == "Summer bank holiday")
        }

        @Test("the table covers 2015–2030 and every holiday falls on a weekday")
        func coverage() throws {
            let table = BankHolidays.builtIn
            #expect(table.firstYear == 2015 && table.lastYear == 2030)
            for region in BankHolidayRegion.allCases {
                let holidays = table.holidays(in: region)
                #expect(holidays.allSatisfy { !$0.day.weekday.isWeekend })
                #expect(Set(holidays.map(\.day.year)) == Set(2015...2030))
            }
            let englandByYear = Dictionary(
                grouping: table.holidays(in: .englandAndWales), by: \.day.year)
            for year in 2015...2030 {
                let expected = year == 2022 ? 10 : year == 2023 ? 9 : 8
                #expect(englandByYear[year]?.count == expected, "England and Wales, \(year)")
            }
            #expect(table.covers(try SchoolTests.day("2030-12-31")))
            #expect(!table.covers(try SchoolTests.day("2031-01-01")))
        }

        @Test("Easter moves: Good Friday and Easter Monday of several years")
        func easter() throws {
            #expect(try name("2016-03-25", .englandAndWales) == "Good Friday")
            #expect(try name("2019-04-22", .englandAndWales) == "Easter Monday")
            #expect(try name("2030-04-19", .northernIreland) == "Good Friday")
            #expect(try name("2030-04-22", .englandAndWales) == "Easter Monday")
        }
    }
}
