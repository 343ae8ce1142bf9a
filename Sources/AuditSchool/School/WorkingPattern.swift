import AuditModel

/// A staff working day: which weekdays, from when to when, and the lunch break taken out of it.
///
/// school.yaml `working_hours` gives the school's default; a ``StaffMember`` may override any part.
/// Working time is `start <= t < end`, minus the lunch break `lunch.start <= t < lunch.end`
/// (a post at the lunch start minute is in lunch; one at the lunch end minute is working time).
public struct WorkingPattern: Sendable, Equatable {
    /// The weekdays worked.
    public var days: [Weekday]
    /// The first minute of the working day.
    public var start: LocalTime
    /// The minute the working day ends (not itself working time).
    public var end: LocalTime
    /// The lunch break excluded from working time, if any.
    public var lunch: TimeRange?

    /// Creates a pattern.
    public init(days: [Weekday], start: LocalTime, end: LocalTime, lunch: TimeRange? = nil) {
        self.days = days
        self.start = start
        self.end = end
        self.lunch = lunch
    }

    /// The whole working day, "08:30–16:00".
    public var day: TimeRange { TimeRange(start: start, end: end) }

    /// The part of the lunch break that falls inside the working day, or `nil` when none does.
    ///
    /// A lunch break inherited from the school's default may lie outside a part-time member's
    /// shorter day; it then takes nothing away.
    public var effectiveLunch: TimeRange? {
        guard let lunch, lunch.start < end, lunch.end > start, lunch.start < lunch.end else {
            return nil
        }
        return TimeRange(start: max(lunch.start, start), end: min(lunch.end, end))
    }

    /// The working periods of a working day, in order: the day with the lunch break taken out.
    public var workingPeriods: [TimeRange] {
        guard start < end else { return [] }
        guard let lunch = effectiveLunch else { return [day] }
        var periods: [TimeRange] = []
        if start < lunch.start { periods.append(TimeRange(start: start, end: lunch.start)) }
        if lunch.end < end { periods.append(TimeRange(start: lunch.end, end: end)) }
        return periods
    }
}
