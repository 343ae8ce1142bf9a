import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct WallClockTimeTests {
    let london = TimeZone(identifier: "Europe/London") ?? .gmt

    @Test("an ordinary summer time is read as BST")
    func summer() throws {
        let resolution = try #require(
            WallClockTime(year: 2024, month: 6, day: 18, hour: 10, minute: 5).resolve(in: london))
        #expect(TimeFormatting.utcISO8601(resolution.instant) == "2024-06-18T09:05:00Z")
        #expect(resolution.basis == .inferredLocal)
        #expect(resolution.note == nil)
    }

    @Test("a time in the spring-forward gap is ambiguous and says so")
    func gap() throws {
        let resolution = try #require(
            WallClockTime(year: 2024, month: 3, day: 31, hour: 1, minute: 30).resolve(in: london))
        #expect(resolution.basis == .ambiguousLocal)
        #expect(resolution.note?.contains("does not exist") == true)
    }

    @Test("a time in the repeated autumn hour takes the earlier instant and says so")
    func overlap() throws {
        let resolution = try #require(
            WallClockTime(year: 2024, month: 10, day: 27, hour: 1, minute: 30).resolve(in: london))
        #expect(resolution.basis == .ambiguousLocal)
        #expect(TimeFormatting.utcISO8601(resolution.instant) == "2024-10-27T00:30:00Z")
        #expect(resolution.note?.contains("twice") == true)
    }

    @Test("impossible dates are refused, not normalised")
    func impossible() {
        #expect(
            WallClockTime(year: 2024, month: 4, day: 31, hour: 9, minute: 0).resolve(in: london)
                == nil)
        #expect(
            WallClockTime(year: 2023, month: 2, day: 29, hour: 9, minute: 0).resolve(in: london)
                == nil)
        #expect(
            WallClockTime(year: 2024, month: 13, day: 1, hour: 9, minute: 0).resolve(in: london)
                == nil)
    }
}
