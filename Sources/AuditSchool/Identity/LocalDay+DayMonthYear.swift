import AuditModel

extension LocalDay {
    /// The day as "5 September 2018", without the weekday.
    package var dayMonthYear: String { "\(day) \(monthName) \(year)" }
}
