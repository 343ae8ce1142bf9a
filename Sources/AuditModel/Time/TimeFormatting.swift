import Foundation

/// The time formats used in results and reports: ISO 8601 in UTC and in the school's zone.
public enum TimeFormatting {
    /// "2024-03-26T11:30:00Z".
    public static func utcISO8601(_ instant: Date) -> String {
        let utc = TimeZone(secondsFromGMT: 0) ?? .gmt
        return String(localISO8601(instant, in: utc).dropLast(6)) + "Z"
    }

    /// "2024-03-26T11:30:00+00:00" in `zone`.
    public static func localISO8601(_ instant: Date, in zone: TimeZone) -> String {
        let clock = LocalWallClock(instant, in: zone)
        return padded(clock.day.year, width: 4) + "-" + padded(clock.day.month) + "-"
            + padded(clock.day.day) + "T" + padded(clock.hour) + ":"
            + padded(clock.minute) + ":" + padded(clock.second)
            + offsetString(seconds: clock.utcOffset)
    }

    /// "+01:00" for 3600 seconds.
    public static func offsetString(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return sign + padded(magnitude / 3600) + ":" + padded((magnitude % 3600) / 60)
    }

    /// `value` in decimal, zero-padded to `width` characters, as `String(format: "%0*d")`
    /// writes it ("07" for 7, "-005" for -5 in 4), without the cost of a format string: times
    /// and days are written for every item of a timeline.
    public static func padded(_ value: Int, width: Int = 2) -> String {
        let sign = value < 0 ? "-" : ""
        let digits = String(value.magnitude)
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count))
            + digits
    }
}
