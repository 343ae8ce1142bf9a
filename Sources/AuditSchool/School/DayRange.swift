import AuditModel

/// An inclusive run of local days, such as a term (8 January to 9 February 2024) or an absence.
public struct DayRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day of the range.
    public let start: LocalDay
    /// The last day of the range (inclusive).
    public let end: LocalDay

    /// Creates a range; `start` should not be after `end` (the configuration checks this).
    public init(start: LocalDay, end: LocalDay) {
        self.start = start
        self.end = end
    }

    /// Whether `day` is on or after the start and on or before the end.
    public func contains(_ day: LocalDay) -> Bool {
        start <= day && day <= end
    }

    /// The range for a reader, such as "Monday 3 June 2024 to Friday 7 June 2024", or one day.
    public var longDescription: String {
        start == end ? start.longDescription : "\(start.longDescription) to \(end.longDescription)"
    }

    /// The range as "2024-06-03…2024-06-07".
    public var description: String { "\(start)…\(end)" }
}
