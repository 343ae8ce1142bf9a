import AuditModel

/// A part of a day between two wall-clock times, such as a lunch break 12:15–13:15.
///
/// The range is half-open: it contains its start minute and stops just before its end minute.
public struct TimeRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first minute of the range.
    public let start: LocalTime
    /// The minute just after the range.
    public let end: LocalTime

    /// Creates a range; `start` should be before `end` (the configuration checks this).
    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    /// The range as "12:15–13:15".
    public var description: String { "\(start)–\(end)" }
}
