import Foundation

/// A calendar day in the school's time zone, such as 26 March 2024, with no time and no zone.
///
/// School dates (terms, closures, absences, dates of birth) are days, not instants. Keeping them
/// as a year, month and day avoids the classic bug of letting UTC midnight stand for a local day,
/// which puts every BST date on the wrong day. Arithmetic (``adding(days:)``, ``weekday``) is done
/// on the proleptic Gregorian calendar with whole numbers, never through a `Date`.
///
/// Encoded as a `"yyyy-MM-dd"` string.
public struct LocalDay: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The year, such as 2024.
    public let year: Int
    /// The month, 1 (January) to 12 (December).
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a day from its parts, or `nil` for a day that does not exist.
    ///
    /// 31 April and 29 February 2023 give `nil`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Self.daysInMonth(month, of: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date, `"2024-03-26"`; `nil` for anything else.
    public init?(iso: String) {
        let parts = iso.trimmingCharacters(in: .whitespaces).split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The local day on which an instant falls in a time zone.
    ///
    /// For example 2024-03-26T23:30:00Z is Wednesday 27 March 2024 in Europe/London (BST).
    public static func containing(_ instant: Date, in zone: TimeZone) -> LocalDay {
        LocalWallClock(instant, in: zone).day
    }

    /// The day `days` later (or earlier, when negative).
    public func adding(days: Int) -> LocalDay {
        LocalDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The number of days from this day to `other` (positive when `other` is later).
    public func days(until other: LocalDay) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday; Weekday.allCases starts on Monday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    /// The instant the day starts in `zone` (normally local midnight).
    ///
    /// - Returns: `nil` if the calendar cannot say.
    public func startInstant(in zone: TimeZone) -> Date? {
        let calendar = Calendar.gregorian(in: zone)
        // Noon always exists; startOfDay then finds the first instant of the day even where
        // midnight itself is skipped by a clock change.
        let parts = DateComponents(timeZone: zone, year: year, month: month, day: day, hour: 12)
        return calendar.date(from: parts).map { calendar.startOfDay(for: $0) }
    }

    /// The instant a local wall-clock time of this day happens in `zone`.
    ///
    /// - Returns: `nil` if the zone cannot say. A time skipped by a clock change resolves as the
    ///   calendar does (to the instant after the gap).
    public func instant(at time: LocalTime, in zone: TimeZone) -> Date? {
        let parts = DateComponents(
            timeZone: zone, year: year, month: month, day: day, hour: time.hour, minute: time.minute
        )
        return Calendar.gregorian(in: zone).date(from: parts)
    }

    /// The day as `"yyyy-MM-dd"`, such as `"2024-03-26"`.
    public var description: String {
        TimeFormatting.padded(year, width: 4) + "-" + TimeFormatting.padded(month) + "-"
            + TimeFormatting.padded(day)
    }

    /// The day as a reader expects it in a report, such as "Tuesday 26 March 2024".
    public var longDescription: String {
        "\(weekday.displayName) \(day) \(Self.monthNames[month - 1]) \(year)"
    }

    /// The English name of the month, such as "March".
    public var monthName: String { Self.monthNames[month - 1] }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes a `"yyyy-MM-dd"` string.
    /// - Throws: `DecodingError.dataCorrupted` for any other string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = LocalDay(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a day; expected yyyy-MM-dd such as 2024-03-26")
        }
        self = day
    }

    /// Encodes the day as a `"yyyy-MM-dd"` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Whether `year` has a 29 February in the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day a number of days after 1970-01-01, by Howard Hinnant's `civil_from_days`.
    init(daysSinceEpoch: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }
}
