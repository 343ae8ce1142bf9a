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
    @Suite struct LocalDayTests {
        let london = TimeZone(identifier: "Europe/London") ?? .gmt

        @Test(
            "parses yyyy-MM-dd and rejects other shapes and impossible days",
            arguments: ["2024-03-26", "2024-02-29", "2000-02-29"])
        func parsesRealDays(_ text: String) throws {
            let day = try #require(LocalDay(iso: text))
            #expect(day.description == text)
        }

        @Test(
            "rejects malformed or impossible days",
            arguments: [
                "2023-02-29", "1900-02-29", "2024-04-31", "2024-3-26", "26/03/2024", "2024-13-01",
                "", "2024-03-26T00:00",
            ])
        func rejectsBadDays(_ text: String) {
            #expect(LocalDay(iso: text) == nil)
        }

        @Test("weekdays of known dates, including before 1970")
        func weekdays() throws {
            #expect(try SchoolTests.day("2024-03-26").weekday == .tue)
            #expect(try SchoolTests.day("1970-01-01").weekday == .thu)
            #expect(try SchoolTests.day("1969-12-31").weekday == .wed)
            #expect(try SchoolTests.day("2000-01-01").weekday == .sat)
            #expect(try SchoolTests.day("2023-05-08").weekday == .mon)
        }

        @Test("adds days across month, year and leap-day boundaries")
        func arithmetic() throws {
            let leap = try SchoolTests.day("2024-02-28")
            #expect(leap.adding(days: 1).description == "2024-02-29")
            #expect(leap.adding(days: 2).description == "2024-03-01")
            #expect(try SchoolTests.day("2023-02-28").adding(days: 1).description == "2023-03-01")
            #expect(try SchoolTests.day("2023-12-31").adding(days: 1).description == "2024-01-01")
            #expect(try SchoolTests.day("2024-01-01").adding(days: -1).description == "2023-12-31")
            // Over the spring clock change.
            #expect(try SchoolTests.day("2024-03-30").adding(days: 2).description == "2024-04-01")
            #expect(
                try SchoolTests.day("2024-01-01").days(until: SchoolTests.day("2025-01-01")) == 366)
        }

        @Test("orders days by date, not by text length")
        func ordering() throws {
            #expect(try SchoolTests.day("2024-02-09") < SchoolTests.day("2024-10-01"))
            #expect(try SchoolTests.day("2023-12-31") < SchoolTests.day("2024-01-01"))
        }

        @Test("the local day of an instant follows the school's zone, not UTC")
        func containing() throws {
            // 23:30 UTC on 4 June 2024 is 00:30 BST on 5 June.
            let lateInJune = try SchoolTests.instant("2024-06-04T23:30:00Z")
            #expect(LocalDay.containing(lateInJune, in: london).description == "2024-06-05")
            #expect(LocalDay.containing(lateInJune, in: .gmt).description == "2024-06-04")
            // In winter London is on GMT.
            let lateInJanuary = try SchoolTests.instant("2024-01-09T23:30:00Z")
            #expect(LocalDay.containing(lateInJanuary, in: london).description == "2024-01-09")
        }

        @Test("a BST day starts at 23:00 UTC the evening before; a GMT day at midnight UTC")
        func startInstant() throws {
            let summer = try #require(try SchoolTests.day("2024-06-05").startInstant(in: london))
            #expect(summer == (try SchoolTests.instant("2024-06-04T23:00:00Z")))
            let winter = try #require(try SchoolTests.day("2024-01-09").startInstant(in: london))
            #expect(winter == (try SchoolTests.instant("2024-01-09T00:00:00Z")))
        }

        @Test("long description reads as in a letter")
        func longDescription() throws {
            #expect(try SchoolTests.day("2024-03-26").longDescription == "Tuesday 26 March 2024")
            #expect(try SchoolTests.day("2023-05-08").longDescription == "Monday 8 May 2023")
        }

        @Test("encodes and decodes as a yyyy-MM-dd string")
        func codable() throws {
            let day = try SchoolTests.day("2024-05-06")
            let data = try JSONEncoder().encode([day])
            #expect(String(decoding: data, as: UTF8.self) == #"["2024-05-06"]"#)
            #expect(try JSONDecoder().decode([LocalDay].self, from: data) == [day])
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode([LocalDay].self, from: Data(#"["06/05/2024"]"#.utf8))
            }
        }

        @Test(
            "times parse as HH:mm",
            arguments: [("08:30", 510), ("8:30", 510), ("00:00", 0), ("23:59", 1439)])
        func times(_ text: String, minutes: Int) throws {
            let time = try #require(LocalTime(string: text))
            #expect(time.minutesSinceMidnight == minutes)
            #expect(time.description.count == 5)
        }

        @Test(
            "bad times are rejected",
            arguments: ["24:00", "08:60", "08.30", "0830", "8:3", "", "08:30:00"])
        func badTimes(_ text: String) {
            #expect(LocalTime(string: text) == nil)
        }

        @Test("weekdays parse from short or long names and summarise runs")
        func weekdayNames() {
            #expect(Weekday(name: "mon") == .mon)
            #expect(Weekday(name: "Thursday") == .thu)
            #expect(Weekday(name: "mo") == nil)
            #expect(Weekday.mon.displayName == "Monday")
            #expect(Weekday.summary(of: [.thu, .mon, .tue, .wed]) == "Mon–Thu")
            #expect(Weekday.summary(of: [.mon, .wed, .fri]) == "Mon, Wed, Fri")
        }

        @Test("day ranges are inclusive at both ends")
        func dayRange() throws {
            let range = DayRange(
                start: try SchoolTests.day("2024-06-03"), end: try SchoolTests.day("2024-06-07"))
            #expect(range.contains(try SchoolTests.day("2024-06-03")))
            #expect(range.contains(try SchoolTests.day("2024-06-07")))
            #expect(!range.contains(try SchoolTests.day("2024-06-02")))
            #expect(!range.contains(try SchoolTests.day("2024-06-08")))
        }
    }
}
