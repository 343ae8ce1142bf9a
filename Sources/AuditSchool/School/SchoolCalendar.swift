import AuditModel

/// The school's calendar: which local days are term days, INSET days, holidays or closures.
///
/// A day's status is decided in this order, the first match winning:
/// 1. a listed closure;
/// 2. a weekday that is not worked (the school's `working_hours.days`, or a staff member's days);
/// 3. a listed INSET day, inside or outside term (the school's own list beats the built-in
///    bank-holiday table, so a school can correct it);
/// 4. a bank holiday of the school's region;
/// 5. a day outside every term;
/// 6. otherwise a term day.
public struct SchoolCalendar: Sendable {
    /// The configuration the calendar reads.
    public let configuration: SchoolConfiguration
    /// The bank-holiday table used.
    public let bankHolidays: BankHolidays
    private let closures: Set<LocalDay>
    private let insetDays: Set<LocalDay>

    /// Creates the calendar of a school.
    /// - Parameters:
    ///   - configuration: the school's configuration.
    ///   - bankHolidays: the table to use; the built-in one by default.
    public init(configuration: SchoolConfiguration, bankHolidays: BankHolidays = .builtIn) {
        self.configuration = configuration
        self.bankHolidays = bankHolidays
        closures = Set(configuration.closures)
        insetDays = Set(configuration.insetDays)
    }

    /// The status of `day` for the school, with its default working days.
    public func status(of day: LocalDay) -> DayStatus {
        status(of: day, workingDays: configuration.workingHours.days)
    }

    /// The status of `day` for someone who works `workingDays` (a part-timer's own days).
    public func status(of day: LocalDay, workingDays: [Weekday]) -> DayStatus {
        if closures.contains(day) { return .closure }
        if !workingDays.contains(day.weekday) { return .nonWorkingWeekday(day.weekday) }
        if insetDays.contains(day) { return .insetDay }
        if let name = bankHolidays.holiday(on: day, region: configuration.school.region) {
            return .bankHoliday(name: name)
        }
        if term(containing: day) == nil { return .outsideTerm }
        return .termDay
    }

    /// The term that contains `day`, if any.
    public func term(containing day: LocalDay) -> DayRange? {
        configuration.terms.first { $0.contains(day) }
    }

    /// Whether bank holidays are known for the year of `day`; outside the table none is assumed.
    public func knowsBankHolidays(for day: LocalDay) -> Bool {
        bankHolidays.covers(day)
    }
}
