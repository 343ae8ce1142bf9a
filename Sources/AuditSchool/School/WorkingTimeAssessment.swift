import AuditModel
import Foundation

/// Whether one instant was in a staff member's working time, and why, in words.
public struct WorkingTimeAssessment: Sendable, Equatable {
    /// The instant assessed.
    public let instant: Date
    /// Whether the instant was working time (outside lunch) under the school's policy.
    public let isWorkingTime: Bool
    /// The local day in the school's time zone.
    public let localDay: LocalDay
    /// The local wall-clock time, "11:30:05".
    public let localTime: String
    /// The school zone's offset from UTC at that instant, "+01:00" (BST) or "+00:00" (GMT).
    public let utcOffset: String
    /// The local time in ISO 8601 with its offset, "2024-03-26T11:30:05+00:00".
    ///
    /// This is the form of the result document's `local_time`.
    public let localTimestamp: String
    /// What kind of day it was for this staff member.
    public let dayStatus: DayStatus
    /// Why, in one sentence a headteacher understands.
    ///
    /// For example "Tuesday 26 March 2024 was a term day; 11:30 is inside Rebecca Hale's working
    /// day (08:00–15:30) and outside lunch (12:15–13:15)."
    public let reason: String

    /// Creates an assessment (``StaffTimetable/assess(_:)`` makes them).
    public init(
        instant: Date, isWorkingTime: Bool, localDay: LocalDay, localTime: String,
        utcOffset: String,
        localTimestamp: String, dayStatus: DayStatus, reason: String
    ) {
        self.instant = instant
        self.isWorkingTime = isWorkingTime
        self.localDay = localDay
        self.localTime = localTime
        self.utcOffset = utcOffset
        self.localTimestamp = localTimestamp
        self.dayStatus = dayStatus
        self.reason = reason
    }
}
