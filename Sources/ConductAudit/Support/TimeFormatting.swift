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
        let calendar = gregorian(in: zone)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let offset = zone.secondsFromGMT(for: instant)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d%@", parts.year ?? 0, parts.month ?? 0,
            parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0,
            offsetString(seconds: offset))
    }

    /// "+01:00" for 3600 seconds.
    public static func offsetString(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return String(format: "%@%02d:%02d", sign, magnitude / 3600, (magnitude % 3600) / 60)
    }

    /// A Gregorian calendar fixed to `zone` (never the process's locale or zone).
    public static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "en_GB")
        return calendar
    }
}
