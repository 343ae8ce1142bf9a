import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The header of a chat line: every layout, clock and date form of FORMATS.md §4.
@Suite struct WhatsAppHeaderTests {
    /// A header line, the fields it must give, and the text after it.
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var layout: WhatsAppHeader.Layout
        var dateFields: [Int]
        var hour24: Int
        var minute: Int
        var second: Int
        var rest: String
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(
            line: "[14/10/2021, 15:34:09] Name: text", layout: .bracketed,
            dateFields: [14, 10, 2021], hour24: 15, minute: 34, second: 9, rest: "Name: text"),
        Case(
            line: "09/10/2023, 14:11 - Name: text", layout: .dashed, dateFields: [9, 10, 2023],
            hour24: 14, minute: 11, second: 0, rest: "Name: text"),
        Case(
            line: "09/10/2023, 11:11\u{202F}am - +44 7123 456789: <Media omitted>", layout: .dashed,
            dateFields: [9, 10, 2023], hour24: 11, minute: 11, second: 0,
            rest: "+44 7123 456789: <Media omitted>"),
        Case(
            line: "1/5/21, 1:05 PM - Sam: hi", layout: .dashed, dateFields: [1, 5, 21], hour24: 13,
            minute: 5, second: 0, rest: "Sam: hi"),
        Case(
            line: "[14/10/2021, 3:34:09\u{202F}PM] Sam: hi", layout: .bracketed,
            dateFields: [14, 10, 2021], hour24: 15, minute: 34, second: 9, rest: "Sam: hi"),
        Case(
            line: "12/30/2021, 10:01 p. m. - John Doe: Lorem", layout: .dashed,
            dateFields: [12, 30, 2021], hour24: 22, minute: 1, second: 0, rest: "John Doe: Lorem"),
        Case(
            line: "14/11/2024, 12:05\u{202F}am - Priya: late", layout: .dashed,
            dateFields: [14, 11, 2024], hour24: 0, minute: 5, second: 0, rest: "Priya: late"),
        Case(
            line: "14/11/2024, 12:40\u{202F}pm - Priya: lunch", layout: .dashed,
            dateFields: [14, 11, 2024], hour24: 12, minute: 40, second: 0, rest: "Priya: lunch"),
        Case(
            line: "\u{200E}[2020-06-01, 12:00:06] Person 1: \u{200E}<attached: a.jpg>",
            layout: .bracketed, dateFields: [2020, 6, 1], hour24: 12, minute: 0, second: 6,
            rest: "Person 1: \u{200E}<attached: a.jpg>"),
        Case(
            line: "[01/01/19 11:25] John Doe: Lorem", layout: .bracketed, dateFields: [1, 1, 19],
            hour24: 11, minute: 25, second: 0, rest: "John Doe: Lorem"),
        Case(
            line: "15.04.2016, 15:04 - Pokemon Chat: Messages", layout: .dashed,
            dateFields: [15, 4, 2016], hour24: 15, minute: 4, second: 0,
            rest: "Pokemon Chat: Messages"),
        Case(
            line: "13.6.2018 klo 21.25.15 - Aino: moi", layout: .dashed, dateFields: [13, 6, 2018],
            hour24: 21, minute: 25, second: 15, rest: "Aino: moi"),
        Case(
            line: "20/06/20, 00:08 - +12 345 578 created group \"Groupname\"", layout: .dashed,
            dateFields: [20, 6, 20], hour24: 0, minute: 8, second: 0,
            rest: "+12 345 578 created group \"Groupname\""),
        Case(
            line: "09/10/2023, 14:11 \u{2013} Name: en dash", layout: .dashed,
            dateFields: [9, 10, 2023], hour24: 14, minute: 11, second: 0, rest: "Name: en dash"),
    ]

    @Test("reads the header's date, time and rest", arguments: cases)
    func reads(_ example: Case) throws {
        let header = try #require(WhatsAppHeader.parse(Substring(example.line)))
        #expect(header.layout == example.layout)
        #expect(header.dateFields == example.dateFields)
        #expect(header.hour24 == example.hour24)
        #expect(header.minute == example.minute)
        #expect(header.second == example.second)
        #expect(header.rest == example.rest)
    }

    @Test(
        "lines that only look like headers are text",
        arguments: [
            "", "consectetur adipiscing elit. Duis libero.", "12/03 is my birthday",
            "2024 was a good year, 10:00 - right", "[14/10/2021 15:34:09 Name: no bracket",
            "14/10/2021, 15:34 Name: no dash", "14/10/21021, 15:34 - Name: year too long",
            "14/10/2021, 15:4 - Name: one-digit minute", "1/2/3, 10:00 - one-digit year",
            "16/10/2124, 18:48 - Name: a year no chat has", "1970-01-01, 00:00 - Name: before",
        ])
    func refuses(_ line: String) {
        #expect(WhatsAppHeader.parse(Substring(line)) == nil)
    }

    @Test("an impossible 12-hour time has no 24-hour reading")
    func impossibleMeridiem() throws {
        let header = try #require(WhatsAppHeader.parse("01/02/2024, 13:05 pm - A: b"))
        #expect(header.hour24 == nil)
    }

    @Test("the date order decides day and month; year-first dates ignore it")
    func dateOrder() throws {
        let header = try #require(WhatsAppHeader.parse("03/04/24, 10:00 - A: b"))
        #expect(header.date(order: .dayFirst) == (2024, 4, 3))
        #expect(header.date(order: .monthFirst) == (2024, 3, 4))
        #expect(header.dependsOnDateOrder)
        let iso = try #require(WhatsAppHeader.parse("[2020-06-01, 12:00:06] A: b"))
        #expect(iso.date(order: .monthFirst) == (2020, 6, 1))
        #expect(!iso.dependsOnDateOrder)
        let same = try #require(WhatsAppHeader.parse("05/05/2024, 10:00 - A: b"))
        #expect(!same.dependsOnDateOrder)
    }
}
