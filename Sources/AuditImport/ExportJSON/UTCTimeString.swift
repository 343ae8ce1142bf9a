import AuditModel
import Foundation

/// The date-times Snapchat and TikTok write: "2024-11-16 19:02:14 UTC" (Snapchat) and
/// "2024-11-16 19:02:14" (TikTok, whose strings are UTC without saying so: FORMATS.md §5).
///
/// Both are instants in UTC; the string is recorded as it is, read in UTC, never in the
/// school's zone.
enum UTCTimeString {
    /// The instant of `text` read in UTC; nil when it is not such a date-time or names another
    /// zone, or lies outside 1971–2100 (a zero or placeholder time). A trailing "UTC" or "GMT"
    /// and a `Z` are accepted; a date without a time is not.
    static func instant(from text: String) -> Date? {
        guard let instant = parse(text), plausible.contains(instant) else { return nil }
        return instant
    }

    /// The instants a real item can have.
    private static let plausible =
        Date(timeIntervalSince1970: 31_536_000)...Date(timeIntervalSince1970: 4_102_444_800)

    private static func parse(_ text: String) -> Date? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        for suffix in [" UTC", " GMT", "UTC", "GMT"] where trimmed.uppercased().hasSuffix(suffix) {
            trimmed = String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if let instant = ISO8601Time.instant(from: trimmed) { return instant }
        guard let clock = ISO8601Time.wallClock(from: trimmed),
            let resolution = clock.resolve(in: .gmt)
        else { return nil }
        return resolution.instant
    }
}
