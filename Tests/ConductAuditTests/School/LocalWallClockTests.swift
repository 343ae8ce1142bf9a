import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// ``LocalWallClock`` reads local times by arithmetic; a Gregorian `Calendar` is the reference.
@Suite struct LocalWallClockTests {
    static let zones = [
        "Europe/London", "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham",
        "Australia/Lord_Howe", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati",
        "America/Sao_Paulo",
    ].compactMap(TimeZone.init(identifier:))

    @Test("random instants from 1900 to 2099, to the millisecond, read as a Calendar reads them")
    func agreesWithCalendar() {
        #expect(Self.zones.count == 10)
        var generator = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let range = LocalWallClock.fastRange
            let seconds =
                range.lowerBound
                + Double(generator.next() % UInt64(range.upperBound - range.lowerBound))
                + Double(generator.next() % 1000) / 1000
            let instant = Date(timeIntervalSince1970: seconds)
            let zone = Self.zones[Int(generator.next() % UInt64(Self.zones.count))]
            #expect(
                LocalWallClock(instant, in: zone)
                    == LocalWallClock(calendarReading: instant, in: zone),
                "\(seconds) in \(zone.identifier)")
        }
    }

    @Test(
        "the edges of London's clock changes and of days",
        arguments: [
            // 2024-03-31 00:59:59Z is 00:59:59 GMT; a second later 02:00:00 BST.
            (1_711_846_799.0, "2024-03-31", 3_599, 0), (1_711_846_800.0, "2024-03-31", 7_200, 3600),
            // 2024-10-27 00:59:59Z is 01:59:59 BST; a second later 01:00:00 GMT.
            (1_729_990_799.0, "2024-10-27", 7_199, 3600), (1_729_990_800.0, "2024-10-27", 3_600, 0),
            // 2024-06-30 22:59:59.999Z is 23:59:59 BST; a millisecond later the next day.
            (1_719_788_399.999, "2024-06-30", 86_399, 3600),
            (1_719_788_400.0, "2024-07-01", 0, 3600),
            // Before 1970: 1969-12-31 23:59:59.5Z is 1970-01-01 00:59:59 in London, which kept
            // British Standard Time (UTC+1) all year from 1968 to 1971.
            (-0.5, "1970-01-01", 3_599, 3600),
        ])
    func londonEdges(seconds: Double, day: String, sinceMidnight: Int, offset: Int) throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let clock = LocalWallClock(Date(timeIntervalSince1970: seconds), in: london)
        #expect(clock.day == LocalDay(iso: day))
        #expect(clock.secondsSinceMidnight == sinceMidnight)
        #expect(clock.utcOffset == offset)
        #expect(
            clock
                == LocalWallClock(calendarReading: Date(timeIntervalSince1970: seconds), in: london)
        )
    }

    @Test(
        "instants outside 1900–2099 are read through the calendar",
        arguments: [-4_000_000_000.0, 5_000_000_000.0])
    func outsideFastRange(seconds: Double) throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let instant = Date(timeIntervalSince1970: seconds)
        #expect(!LocalWallClock.fastRange.contains(seconds))
        #expect(
            LocalWallClock(instant, in: london)
                == LocalWallClock(calendarReading: instant, in: london))
    }
}
