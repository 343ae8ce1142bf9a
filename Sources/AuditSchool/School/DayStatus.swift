import AuditModel

/// What kind of day a local day was for the school, with the reason in words.
public enum DayStatus: Sendable, Equatable, Hashable {
    /// A normal school day inside term.
    case termDay
    /// A staff training day (listed under `inset_days`): staff work, pupils do not.
    case insetDay
    /// A weekday that is not worked, such as a Saturday, or a part-timer's day off.
    case nonWorkingWeekday(Weekday)
    /// A bank holiday of the school's region.
    case bankHoliday(name: String)
    /// A day the school was closed (listed under `closures`).
    case closure
    /// A day outside every term: a school holiday.
    case outsideTerm

    /// Whether staff work on this day (a term day or an INSET day).
    public var isWorkingDay: Bool {
        switch self {
        case .termDay, .insetDay: true
        case .nonWorkingWeekday, .bankHoliday, .closure, .outsideTerm: false
        }
    }

    /// The status as a phrase completing "Tuesday 26 March 2024 was …", such as "a term day".
    public var reason: String {
        switch self {
        case .termDay: "a term day"
        case .insetDay: "an INSET day (staff working, no pupils)"
        case .nonWorkingWeekday(let weekday): "a \(weekday.displayName), not a working day"
        case .bankHoliday(let name): "a bank holiday (\(name))"
        case .closure: "a day the school was closed"
        case .outsideTerm: "outside term time (a school holiday)"
        }
    }
}
