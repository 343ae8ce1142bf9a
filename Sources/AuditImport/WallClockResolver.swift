import AuditModel
import Foundation

/// Resolves many wall-clock times in one zone (a chat's hundreds of thousands of lines) as
/// ``WallClockTime/resolve(in:)`` does, reading each hour's offset from UTC once.
///
/// An hour whose first and last second (`HH:00:00` and `HH:59:59`) both resolve plainly (no
/// note, not ambiguous) with the same offset has no clock change inside it and no repeat an hour
/// later, so every time of it resolves plainly with that offset. Any other hour (a clock change,
/// a date that does not exist), and any time with a minute or second outside 0–59, is resolved
/// on its own by ``WallClockTime/resolve(in:)``.
struct WallClockResolver {
    let zone: TimeZone
    /// Per hour (``hourKey(_:)``), its offset in seconds (local time minus UTC), or nil when its
    /// times are resolved one by one.
    private var offsets: [Int: Int?] = [:]

    init(zone: TimeZone) {
        self.zone = zone
    }

    /// The resolution ``WallClockTime/resolve(in:)`` gives in ``zone``.
    mutating func resolve(_ time: WallClockTime) -> WallClockTime.Resolution? {
        guard (0...59).contains(time.minute), (0...59).contains(time.second),
            (1...12).contains(time.month), (1...31).contains(time.day),
            (0...23).contains(time.hour), (1900...2200).contains(time.year)
        else { return time.resolve(in: zone) }
        let key = Self.hourKey(time)
        let offset: Int?
        if let known = offsets[key] {
            offset = known
        } else {
            offset = steadyOffset(of: time)
            offsets[key] = offset
        }
        guard let offset else { return time.resolve(in: zone) }
        return WallClockTime.Resolution(
            instant: Date(timeIntervalSince1970: TimeInterval(Self.localSeconds(time) - offset)),
            basis: .inferredLocal, note: nil)
    }

    /// The offset of the hour of `time` when its first and last second resolve plainly with the
    /// same offset; nil otherwise.
    private func steadyOffset(of time: WallClockTime) -> Int? {
        var first = time
        first.minute = 0
        first.second = 0
        var last = time
        last.minute = 59
        last.second = 59
        guard let start = first.resolve(in: zone), start.note == nil,
            start.basis == .inferredLocal,
            let end = last.resolve(in: zone), end.note == nil, end.basis == .inferredLocal
        else { return nil }
        let startSeconds = start.instant.timeIntervalSince1970
        let endSeconds = end.instant.timeIntervalSince1970
        guard startSeconds == startSeconds.rounded(), endSeconds == endSeconds.rounded() else {
            return nil
        }
        let startOffset = Self.localSeconds(first) - Int(startSeconds)
        guard Self.localSeconds(last) - Int(endSeconds) == startOffset else { return nil }
        return startOffset
    }

    /// A number for the hour of `time`, the same for every minute and second of it.
    private static func hourKey(_ time: WallClockTime) -> Int {
        ((time.year * 13 + time.month) * 32 + time.day) * 24 + time.hour
    }

    /// The wall-clock time's seconds since 1970-01-01 00:00:00 as if it were UTC (proleptic
    /// Gregorian calendar, days counted as in Howard Hinnant's `days_from_civil`).
    private static func localSeconds(_ time: WallClockTime) -> Int {
        let year = time.month <= 2 ? time.year - 1 : time.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (time.month + (time.month > 2 ? -3 : 9)) + 2) / 5 + time.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return ((days * 24 + time.hour) * 60 + time.minute) * 60 + time.second
    }
}
