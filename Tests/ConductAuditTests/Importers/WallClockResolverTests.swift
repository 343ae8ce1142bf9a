import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// ``WallClockResolver`` against ``WallClockTime/resolve(in:)`` time by time: around every clock
/// change of zones with hour, half-hour and whole-day changes, and at seeded random times.
@Suite struct WallClockResolverTests {
    static let zones = [
        "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
        "America/Sao_Paulo", "Pacific/Apia", "Europe/Dublin",
    ]

    @Test("times of the days around clock changes resolve as on their own", arguments: zones)
    func aroundChanges(_ identifier: String) throws {
        let zone = try #require(TimeZone(identifier: identifier))
        var resolver = WallClockResolver(zone: zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // The days before and after each change of offset from 2018 to 2024, and two days
        // without one.
        var days = [
            DateComponents(year: 2024, month: 1, day: 15),
            DateComponents(year: 2024, month: 7, day: 15),
        ]
        var instant = try #require(
            calendar.date(from: DateComponents(year: 2018, month: 1, day: 1)))
        let end = try #require(calendar.date(from: DateComponents(year: 2024, month: 1, day: 1)))
        while let next = zone.nextDaylightSavingTimeTransition(after: instant), next < end {
            for shift in [-86_400.0, 0, 86_400] {
                days.append(
                    calendar.dateComponents([.year, .month, .day], from: next + shift))
            }
            instant = next
        }
        if identifier == "Pacific/Apia" {  // 30 December 2011 did not happen there
            days.append(DateComponents(year: 2011, month: 12, day: 30))
        }
        var compared = 0
        for day in days {
            for hour in 0..<24 {
                for minute in stride(from: 0, to: 60, by: 13) {
                    for second in [0, 59, 60] {
                        let time = WallClockTime(
                            year: day.year!, month: day.month!, day: day.day!, hour: hour,
                            minute: minute, second: second)
                        #expect(resolver.resolve(time) == time.resolve(in: zone), "\(time)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared >= 2 * 24 * 5 * 3)
    }

    @Test("random times, impossible dates among them, resolve as on their own")
    func randomTimes() throws {
        var random = SplitMix(seed: 3)
        for identifier in Self.zones {
            let zone = try #require(TimeZone(identifier: identifier))
            var resolver = WallClockResolver(zone: zone)
            for _ in 0..<1_000 {
                let time = WallClockTime(
                    year: Int.random(in: 1899...2030, using: &random),
                    month: Int.random(in: 0...13, using: &random),
                    day: Int.random(in: 0...32, using: &random),
                    hour: Int.random(in: 0...24, using: &random),
                    minute: Int.random(in: 0...61, using: &random),
                    second: Int.random(in: 0...61, using: &random))
                #expect(resolver.resolve(time) == time.resolve(in: zone), "\(time) \(identifier)")
            }
        }
    }
}
