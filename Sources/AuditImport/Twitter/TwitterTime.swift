import AuditModel
import Foundation

/// Reads the times an X archive writes: tweets' `created_at` ("Wed Oct 10 20:19:24 +0000 2018",
/// always with an offset) and the ISO 8601 `createdAt` of messages and accounts; and derives the
/// creation time a tweet id encodes.
///
/// Parsing is done by hand (English month names are part of the format, not the locale), so the
/// result does not depend on the host.
enum TwitterTime {
    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// The instant of a tweet's `created_at`; nil when the text is not in that format.
    static func instant(fromTweetTime text: String) -> Date? {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 6,
            let monthIndex = months.firstIndex(of: fields[1].lowercased()),
            let day = Int(fields[2]), let year = Int(fields[5])
        else { return nil }
        let clock = fields[3].split(separator: ":")
        let zone = Array(fields[4].utf8)
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
            let second = Int(clock[2]), zone.count == 5,
            zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
            let hours = Int(String(decoding: zone[1...2], as: UTF8.self)),
            let minutes = Int(String(decoding: zone[3...4], as: UTF8.self))
        else { return nil }
        let sign = zone[0] == UInt8(ascii: "-") ? -1 : 1
        let offset = sign * (hours * 3600 + minutes * 60)
        let iso = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", year, monthIndex + 1, day, hour, minute,
            second)
        return ISO8601Time.instant(from: iso + "Z")?.addingTimeInterval(Double(-offset))
    }

    /// The instant of an ISO 8601 `createdAt` with a zone ("2019-12-28T18:56:32.210Z").
    static func instant(fromISO text: String) -> Date? {
        ISO8601Time.instant(from: text)
    }

    /// When the tweet with this id was created, from its snowflake bits
    /// (`(id >> 22) + 1288834974657` ms since 1970, FORMATS.md §3.5); nil for ids too small to be
    /// snowflakes (tweets before November 2010) or not numbers.
    static func creationInstant(ofTweetID id: String) -> Date? {
        guard let value = UInt64(id), value > 1_000_000_000_000_000 else { return nil }
        let milliseconds = (value >> 22) + 1_288_834_974_657
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
