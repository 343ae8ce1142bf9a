import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct TimeFormattingTests {
    @Test(
        "padded numbers are written as String(format:) writes them",
        arguments: [0, 1, 7, 9, 10, 59, 99, 100, 2024, 12345, -1, -5, -42, -123])
    func paddedMatchesFormat(_ value: Int) {
        for width in 1...5 {
            #expect(
                TimeFormatting.padded(value, width: width)
                    == String(format: "%0\(width)d", value))
        }
    }

    @Test("local times, offsets and days keep their fixed-width forms")
    func fixedWidthForms() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let winter = Date(timeIntervalSince1970: 1_704_863_105)  // 2024-01-10 05:05:05 UTC
        #expect(TimeFormatting.localISO8601(winter, in: london) == "2024-01-10T05:05:05+00:00")
        #expect(TimeFormatting.utcISO8601(winter) == "2024-01-10T05:05:05Z")
        #expect(TimeFormatting.offsetString(seconds: -16_200) == "-04:30")
        #expect(TimeFormatting.offsetString(seconds: 3_600) == "+01:00")
        #expect(LocalDay(year: 987, month: 3, day: 4)?.description == "0987-03-04")
    }
}
