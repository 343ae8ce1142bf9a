import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Dates as Meta's HTML pages write them: the formats, the per-file day/month order, zones.
@Suite struct MetaHTMLDateTests {
    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// A written date, the instant it must give (UTC) and how sure that instant is.
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var utc: String
        var basis: TimeBasis
        var testDescription: String { "'\(text)' → \(utc)" }
    }

    @Test(
        "English (UK and US), Instagram and Vietnamese dates, in London time unless they say otherwise",
        arguments: [
            Case(
                text: "Sep 13, 2020, 12:26 PM", utc: "2020-09-13T11:26:00Z", basis: .inferredLocal),
            Case(
                text: "Oct 19, 2019 at 2:37 PM", utc: "2019-10-19T13:37:00Z", basis: .inferredLocal),
            Case(text: "19 Oct 2019, 14:37", utc: "2019-10-19T13:37:00Z", basis: .inferredLocal),
            Case(
                text: "Jan 05, 2024 1:00:00 pm", utc: "2024-01-05T13:00:00Z", basis: .inferredLocal),
            Case(
                text: "13 November 2023 at 20:09", utc: "2023-11-13T20:09:00Z",
                basis: .inferredLocal),
            Case(text: "16 Nov 2024, 19:02:14", utc: "2024-11-16T19:02:14Z", basis: .inferredLocal),
            Case(
                text: "Sept 2nd, 2024 at 8:05 a.m.", utc: "2024-09-02T07:05:00Z",
                basis: .inferredLocal),
            Case(text: "Mar 10, 2026 7:25 pm", utc: "2026-03-10T19:25:00Z", basis: .inferredLocal),
            Case(text: "Dec 28, 2020 12:00 am", utc: "2020-12-28T00:00:00Z", basis: .inferredLocal),
            Case(text: "Dec 28, 2020 12:00 pm", utc: "2020-12-28T12:00:00Z", basis: .inferredLocal),
            Case(text: "2023-11-13 20:09", utc: "2023-11-13T20:09:00Z", basis: .inferredLocal),
            Case(
                text: "Monday, 13 November 2023 at 20:09 UTC+07:00", utc: "2023-11-13T13:09:00Z",
                basis: .explicit),
            Case(text: "Nov 13, 2023 8:09 pm GMT-5", utc: "2023-11-14T01:09:00Z", basis: .explicit),
            Case(
                text: "Tháng 10 13, 2023 8:35:59chiều", utc: "2023-10-13T19:35:59Z",
                basis: .inferredLocal),
            Case(
                text: "Tháng 10 01, 2025 10:21:24 ch", utc: "2025-10-01T21:21:24Z",
                basis: .inferredLocal),
            Case(
                text: "Tháng 12 02, 2024 10:15:35 sáng", utc: "2024-12-02T10:15:35Z",
                basis: .inferredLocal),
            Case(
                text: "Thứ Hai, 13 tháng 11, 2023 lúc 20:09 UTC+07:00", utc: "2023-11-13T13:09:00Z",
                basis: .explicit),
        ])
    func formats(example: Case) throws {
        let reader = MetaHTMLDateReader(texts: [example.text], zone: Self.london)
        let reading = reader.read(example.text)
        let instant = try #require(reading.instant, "\(reading.issue ?? "")")
        #expect(TimeFormatting.utcISO8601(instant) == example.utc)
        #expect(reading.basis == example.basis)
        #expect(reading.issue == nil)
    }

    @Test(
        "text that is not a date this tool knows is refused with a reason, never guessed",
        arguments: [
            ("13. Oktober 2023 um 20:35", "'oktober'"),
            ("Updated Oct 11, 2023 8:02:51 pm", "'updated'"),
            ("Oct 19, 2019", "no time of day"),
            ("Oct 19, 2019 13:00 pm", "hour 13"),
            ("19 Oct, 14:37", "four-digit year"),
            ("", "empty"),
        ])
    func refused(text: String, reason: String) {
        #expect(throws: MetaHTMLDate.Failure.self) { try MetaHTMLDate.parse(text) }
        let reading = MetaHTMLDateReader(texts: [text], zone: Self.london).read(text)
        #expect(reading.instant == nil)
        #expect(reading.basis == TimeBasis.none)
        #expect(reading.issue?.contains(reason) == true, "\(reading.issue ?? "")")
    }

    @Test("a date in an unknown language still looks like a date, so its record is not missed")
    func looksLikeDate() {
        #expect(MetaHTMLDate.looksLikeDate("13. Oktober 2023 um 20:35"))
        #expect(MetaHTMLDate.looksLikeDate("2023年10月13日 20:35"))
        #expect(!MetaHTMLDate.looksLikeDate("❤️Instagram user (Aug 11, 2023 2:23 pm)"))
        #expect(
            !MetaHTMLDate.looksLikeDate("See you at 10:30 on the 5th of May 2024, bring the forms"))
        #expect(!MetaHTMLDate.looksLikeDate("Rebecca Hale"))
    }

    // MARK: - Day-first or month-first, per file

    @Test("one date with a day above 12 makes the whole file day-first")
    func dayFirstFile() throws {
        let texts = ["05/06/2024 10:00", "13/11/2023, 20:09", "07/08/2024 11:15"]
        let reader = MetaHTMLDateReader(texts: texts, zone: Self.london)
        #expect(reader.decision == .decided(.dayFirst, evidence: "13/11/2023, 20:09"))
        #expect(reader.orderIssue == nil)
        let instant = try #require(reader.read("05/06/2024 10:00").instant)
        #expect(TimeFormatting.utcISO8601(instant) == "2024-06-05T09:00:00Z")
    }

    @Test("one date with a second number above 12 makes the whole file month-first")
    func monthFirstFile() throws {
        let texts = ["05/06/2024 10:00 AM", "11/13/2023 8:09 PM"]
        let reader = MetaHTMLDateReader(texts: texts, zone: Self.london)
        #expect(reader.decision == .decided(.monthFirst, evidence: "11/13/2023 8:09 PM"))
        let instant = try #require(reader.read("05/06/2024 10:00 AM").instant)
        #expect(TimeFormatting.utcISO8601(instant) == "2024-05-06T09:00:00Z")
    }

    @Test("a file whose all-number dates fit both orders is reported and its dates left empty")
    func undecidedFile() throws {
        let texts = ["05/06/2024 10:00", "07/08/2024 11:15", "Jan 05, 2024 1:00:00 pm"]
        let reader = MetaHTMLDateReader(texts: texts, zone: Self.london)
        #expect(reader.decision == .undecided(example: "05/06/2024 10:00", count: 2))
        let issue = try #require(reader.orderIssue)
        #expect(issue.contains("cannot be told"))
        #expect(issue.contains("2 date(s)"))
        #expect(reader.read("05/06/2024 10:00").instant == nil)
        // Dates with a month name are still read.
        #expect(reader.read("Jan 05, 2024 1:00:00 pm").instant != nil)
    }

    @Test("a file whose all-number dates contradict each other is reported, not guessed")
    func contradictoryFile() throws {
        let reader = MetaHTMLDateReader(
            texts: ["13/11/2023 20:09", "11/14/2023 20:09"], zone: Self.london)
        #expect(
            reader.decision
                == .contradictory(dayFirst: "13/11/2023 20:09", monthFirst: "11/14/2023 20:09"))
        #expect(reader.orderIssue?.contains("contradict") == true)
        #expect(reader.read("13/11/2023 20:09").instant == nil)
    }

    // MARK: - Clock changes

    @Test("a time in the hour skipped in spring is kept, marked ambiguous, and explained")
    func springGap() throws {
        let reading = MetaHTMLDateReader(texts: [], zone: Self.london).read("31 Mar 2024, 01:30:00")
        #expect(reading.basis == .ambiguousLocal)
        #expect(reading.instant != nil)
        #expect(reading.issue?.contains("does not exist in Europe/London") == true)
    }

    @Test("a time in the hour repeated in autumn takes the earlier instant and says so")
    func autumnOverlap() throws {
        let reading = MetaHTMLDateReader(texts: [], zone: Self.london).read("Oct 27, 2024 1:30 am")
        #expect(reading.basis == .ambiguousLocal)
        let instant = try #require(reading.instant)
        #expect(TimeFormatting.utcISO8601(instant) == "2024-10-27T00:30:00Z")
        #expect(reading.issue?.contains("happened twice") == true)
    }

    @Test("a date that does not exist is refused, not rolled over")
    func impossible() {
        let reading = MetaHTMLDateReader(texts: [], zone: Self.london).read("31 Apr 2024, 10:00")
        #expect(reading.instant == nil)
        #expect(reading.issue?.contains("not a real date") == true)
    }
}
