import AuditModel
import Foundation

/// One staff member's working time, day by day and instant by instant.
///
/// Working time is `start <= t < end` local time (the member's own times, else the school's) on
/// a working day, minus the lunch break `lunch.start <= t < lunch.end`: a post at the lunch start
/// minute is in lunch, one at the lunch end minute is working time. A working day is one of the
/// member's weekdays that ``SchoolCalendar`` calls a term day or an INSET day (INSET days count
/// inside or outside term, but only on the member's own weekdays), and that no absence covers.
/// Local times come from the school's IANA time zone, so GMT and BST are right for any date.
public struct StaffTimetable: Sendable {
    /// The staff member.
    public let staff: StaffMember
    /// The member's effective working pattern (the school's default with their overrides).
    public let pattern: WorkingPattern
    /// The school's calendar.
    public let calendar: SchoolCalendar
    /// The school's time zone.
    public var timeZone: TimeZone { calendar.configuration.school.timeZone }

    /// Creates the timetable of `staff` at the school described by `configuration`.
    /// - Parameters:
    ///   - staff: the staff member.
    ///   - configuration: the school's configuration.
    ///   - bankHolidays: the table to use; the built-in one by default.
    public init(
        staff: StaffMember, configuration: SchoolConfiguration,
        bankHolidays: BankHolidays = .builtIn
    ) {
        self.staff = staff
        self.pattern = staff.workingPattern(default: configuration.workingHours)
        self.calendar = SchoolCalendar(configuration: configuration, bankHolidays: bankHolidays)
    }

    /// The kind of day `day` was for this member (their own weekdays applied; absences not).
    public func status(of day: LocalDay) -> DayStatus {
        calendar.status(of: day, workingDays: pattern.days)
    }

    /// Whether `day` was one of this member's working days (absences taken into account).
    public func isWorkingDay(_ day: LocalDay) -> Bool {
        status(of: day).isWorkingDay && staff.absence(on: day) == nil
    }

    /// The working periods of `day` as instants, lunch removed; empty on a day not worked.
    ///
    /// Reports use these to shade a chart. Each interval starts at its first working instant and
    /// ends at the first instant after it (`DateInterval.end` is exclusive here).
    public func workingInterval(on day: LocalDay) -> [DateInterval] {
        guard isWorkingDay(day) else { return [] }
        return pattern.workingPeriods.compactMap { period in
            guard let start = day.instant(at: period.start, in: timeZone),
                let end = day.instant(at: period.end, in: timeZone), start < end
            else { return nil }
            return DateInterval(start: start, end: end)
        }
    }

    /// Whether `instant` was in this member's working time, and a sentence saying why.
    public func assess(_ instant: Date) -> WorkingTimeAssessment {
        let wallClock = LocalWallClock(instant, in: timeZone)
        let day = wallClock.day
        let secondsSinceMidnight = wallClock.secondsSinceMidnight
        let clock =
            TimeFormatting.padded(wallClock.hour) + ":" + TimeFormatting.padded(wallClock.minute)
        let offset = TimeFormatting.offsetString(seconds: wallClock.utcOffset)
        let localTime = clock + ":" + TimeFormatting.padded(wallClock.second)
        let status = status(of: day)

        let (isWorking, reason) = explain(
            day: day, status: status, clock: clock, secondsSinceMidnight: secondsSinceMidnight)
        return WorkingTimeAssessment(
            instant: instant, isWorkingTime: isWorking, localDay: day, localTime: localTime,
            utcOffset: offset,
            localTimestamp: "\(day)T\(localTime)\(offset)", dayStatus: status, reason: reason)
    }

    private func explain(
        day: LocalDay, status: DayStatus, clock: String, secondsSinceMidnight: Int
    ) -> (Bool, String) {
        let name = staff.name
        let notWorking = "so \(clock) was not working time."
        var dayPhrase = "\(day.longDescription) was \(status.reason)"
        if !calendar.knowsBankHolidays(for: day), status.isWorkingDay {
            dayPhrase += " (bank holidays are not known for \(day.year); check it was not one)"
        }
        switch status {
        case .nonWorkingWeekday:
            let phrase =
                "\(day.longDescription) was not a working day for \(name), who works "
                + "\(Weekday.summary(of: pattern.days)), \(notWorking)"
            return (false, phrase)
        case .bankHoliday, .closure, .outsideTerm:
            return (false, "\(dayPhrase), \(notWorking)")
        case .termDay, .insetDay:
            break
        }
        if let absence = staff.absence(on: day) {
            let why = absence.reason.map { "\($0), " } ?? ""
            let away = "\(name) was absent (\(why)\(absence.range.longDescription))"
            return (false, "\(dayPhrase), but \(away), \(notWorking)")
        }
        let ownDay = "\(name)'s working day (\(pattern.start)–\(pattern.end))"
        let itIsNot = "so it was not working time."
        let start = pattern.start.minutesSinceMidnight * 60
        let end = pattern.end.minutesSinceMidnight * 60
        if secondsSinceMidnight < start {
            return (false, "\(dayPhrase); \(clock) is before \(ownDay), \(itIsNot)")
        }
        if secondsSinceMidnight >= end {
            return (false, "\(dayPhrase); \(clock) is after the end of \(ownDay), \(itIsNot)")
        }
        guard let lunch = pattern.effectiveLunch else {
            return (true, "\(dayPhrase); \(clock) is inside \(ownDay).")
        }
        let lunchStart = lunch.start.minutesSinceMidnight * 60
        let lunchEnd = lunch.end.minutesSinceMidnight * 60
        if secondsSinceMidnight >= lunchStart, secondsSinceMidnight < lunchEnd {
            return (false, "\(dayPhrase); \(clock) is during lunch (\(lunch)), \(itIsNot)")
        }
        return (true, "\(dayPhrase); \(clock) is inside \(ownDay) and outside lunch (\(lunch)).")
    }
}
