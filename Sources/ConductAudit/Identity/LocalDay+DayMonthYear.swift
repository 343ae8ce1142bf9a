extension LocalDay {
    /// The day as "5 September 2018", without the weekday.
    var dayMonthYear: String { "\(day) \(monthName) \(year)" }
}
