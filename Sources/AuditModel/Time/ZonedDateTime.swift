import Foundation

/// An instant as a wall clock in one time zone shows it, with the zone's offset at that instant.
///
/// Computed arithmetically from the zone's offset (``LocalWallClock``), rounded to the
/// millisecond, so evidence pages show the same text on every machine and locale.
package struct ZonedDateTime: Equatable {
    package var year: Int
    package var month: Int
    package var day: Int
    package var hour: Int
    package var minute: Int
    package var second: Int
    package var millisecond: Int
    /// ISO 8601 weekday: 1 is Monday, 7 is Sunday.
    package var weekday: Int
    /// The zone's offset from UTC at the instant, in seconds.
    package var offsetSeconds: Int
    /// The zone's IANA name ("Europe/London").
    package var zoneIdentifier: String

    package init(_ date: Date, in timeZone: TimeZone) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        offsetSeconds = timeZone.secondsFromGMT(for: date)
        zoneIdentifier = timeZone.identifier
        let localMilliseconds = milliseconds + Int64(offsetSeconds) * 1000
        let (seconds, millisecond) = Self.floorDivision(localMilliseconds, 1000)
        let clock = LocalWallClock(localSeconds: Int(seconds), utcOffset: offsetSeconds)
        self.millisecond = Int(millisecond)
        hour = clock.hour
        minute = clock.minute
        second = clock.second
        // 1970-01-01 was a Thursday (ISO weekday 4).
        weekday = Int(Self.floorDivision(Int64(clock.day.daysSinceEpoch) + 3, 7).remainder) + 1
        (year, month, day) = (clock.day.year, clock.day.month, clock.day.day)
    }

    /// "2024-06-12T10:15:00+01:00" (with ".123" when the instant has milliseconds).
    package var iso8601: String {
        date + "T" + clock + TimeFormatting.offsetString(seconds: offsetSeconds)
    }

    /// "2024-06-12".
    package var date: String {
        TimeFormatting.padded(year, width: 4) + "-" + TimeFormatting.padded(month) + "-"
            + TimeFormatting.padded(day)
    }

    /// "10:15:00", or "10:15:00.123".
    package var clock: String {
        let base =
            TimeFormatting.padded(hour) + ":" + TimeFormatting.padded(minute) + ":"
            + TimeFormatting.padded(second)
        return millisecond == 0 ? base : base + "." + TimeFormatting.padded(millisecond, width: 3)
    }

    /// "Wednesday 12 June 2024".
    package var readableDate: String {
        "\(Self.weekdayNames[weekday - 1]) \(day) \(Self.monthNames[month - 1]) \(year)"
    }

    /// "Sat 12 Oct 2024".
    package var shortDate: String {
        "\(Self.weekdayNames[weekday - 1].prefix(3)) \(day) "
            + "\(Self.monthNames[month - 1].prefix(3)) \(year)"
    }

    /// "18:20".
    package var shortClock: String {
        TimeFormatting.padded(hour) + ":" + TimeFormatting.padded(minute)
    }

    /// The zone's abbreviation at the instant as people in the zone write it: "BST" or "GMT" for
    /// the United Kingdom, "IST"/"GMT" for Ireland, "UTC" for UTC, else the offset
    /// ("UTC+02:00"): Foundation on Linux gives other zones only "GMT+2".
    package var zoneAbbreviation: String {
        let isSummer = offsetSeconds != 0
        switch zoneIdentifier {
        case "Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Jersey",
            "Europe/Isle_of_Man", "GB":
            return isSummer ? "BST" : "GMT"
        case "Europe/Dublin": return isSummer ? "IST" : "GMT"
        case "UTC", "Etc/UTC", "GMT", "Etc/GMT": return "UTC"
        default: break
        }
        return "UTC" + TimeFormatting.offsetString(seconds: offsetSeconds)
    }

    /// The UTC form of an instant: "2024-06-12T09:15:00Z" (with milliseconds when present).
    package static func utc(_ date: Date) -> String {
        let utc = ZonedDateTime(date, in: TimeZone(secondsFromGMT: 0) ?? .current)
        return utc.date + "T" + utc.clock + "Z"
    }

    package static let weekdayNames = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
    package static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    private static func floorDivision(_ value: Int64, _ divisor: Int64)
        -> (quotient: Int64, remainder: Int64)
    {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }
}
