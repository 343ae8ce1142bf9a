/// A period a staff member was not at work (leave, sickness, a course), so not in working time.
public struct Absence: Sendable, Equatable, Hashable {
    /// The days of absence, inclusive.
    public var range: DayRange
    /// Why, as the school recorded it (such as "leave"), if given.
    public var reason: String?

    /// Creates an absence.
    public init(range: DayRange, reason: String? = nil) {
        self.range = range
        self.reason = reason
    }
}
