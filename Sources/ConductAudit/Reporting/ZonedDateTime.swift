import Foundation

/// An instant as a wall clock in one time zone shows it, with the zone's offset at that instant.
///
/// Computed arithmetically from the zone's offset, so evidence pages show the same text on every
/// machine and locale.
struct ZonedDateTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var millisecond: Int
    /// ISO 8601 weekday: 1 is Monday, 7 is Sunday.
    var weekday: Int
    /// The zone's offset from UTC at the instant, in seconds.
    var offsetSeconds: Int
    /// The zone's IANA name ("Europe/London").
    var zoneIdentifier: String

    init(_ date: Date, in timeZone: TimeZone) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        offsetSeconds = timeZone.secondsFromGMT(for: date)
        zoneIdentifier = timeZone.identifier
        let localMilliseconds = milliseconds + Int64(offsetSeconds) * 1000
        let (seconds, millisecond) = Self.floorDivision(localMilliseconds, 1000)
        let (days, secondOfDay) = Self.floorDivision(seconds, 86_400)
        self.millisecond = Int(millisecond)
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay % 3600 / 60)
        second = Int(secondOfDay % 60)
        // 1970-01-01 was a Thursday (ISO weekday 4).
        weekday = Int(Self.floorDivision(days + 3, 7).remainder) + 1
        (year, month, day) = Self.civilDate(daysSince1970: days)
    }

    /// "2024-06-12T10:15:00+01:00" (with ".123" when the instant has milliseconds).
    var iso8601: String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offset = abs(offsetSeconds)
        return date + "T" + clock + sign
            + Self.pad(offset / 3600) + ":" + Self.pad(offset % 3600 / 60)
    }

    /// "2024-06-12".
    var date: String {
        "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))"
    }

    /// "10:15:00", or "10:15:00.123".
    var clock: String {
        let base = "\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))"
        return millisecond == 0 ? base : base + "." + Self.pad(millisecond, 3)
    }

    /// "Wednesday 12 June 2024".
    var readableDate: String {
        "\(Self.weekdayNames[weekday - 1]) \(day) \(Self.monthNames[month - 1]) \(year)"
    }

    /// The UTC form of an instant: "2024-06-12T09:15:00Z" (with milliseconds when present).
    static func utc(_ date: Date) -> String {
        let utc = ZonedDateTime(date, in: TimeZone(secondsFromGMT: 0) ?? .current)
        return utc.date + "T" + utc.clock + "Z"
    }

    static let weekdayNames = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64)
        -> (quotient: Int64, remainder: Int64)
    {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    /// The proleptic Gregorian date of a day count.
    ///
    /// Howard Hinnant's `civil_from_days` algorithm.
    private static func civilDate(daysSince1970 days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
