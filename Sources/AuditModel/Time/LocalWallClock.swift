import Foundation

/// What a wall clock in a time zone shows at an instant: the local day, the seconds since local
/// midnight and the zone's offset from UTC then.
///
/// Read by arithmetic from the zone's offset at the instant, which gives what a Gregorian
/// `Calendar` in that zone gives (tested against it) several times faster: analysis and reports
/// read the local time of every item. Instants outside 1900–2099 are read through `Calendar`.
public struct LocalWallClock: Sendable, Equatable {
    /// The local day.
    public let day: LocalDay
    /// Whole seconds since local midnight, 0 to 86,399.
    public let secondsSinceMidnight: Int
    /// The zone's offset from UTC at the instant, in seconds (3600 for BST).
    public let utcOffset: Int

    public var hour: Int { secondsSinceMidnight / 3600 }
    public var minute: Int { secondsSinceMidnight % 3600 / 60 }
    public var second: Int { secondsSinceMidnight % 60 }

    /// The wall clock of `zone` at `instant`.
    public init(_ instant: Date, in zone: TimeZone) {
        let offset = zone.secondsFromGMT(for: instant)
        let seconds = instant.timeIntervalSince1970
        guard seconds >= Self.fastRange.lowerBound, seconds < Self.fastRange.upperBound else {
            self.init(calendarReading: instant, in: zone, offset: offset)
            return
        }
        self.init(localSeconds: Int(seconds.rounded(.down)) + offset, utcOffset: offset)
    }

    /// The wall clock showing `localSeconds` (whole seconds since 1970-01-01 00:00 on the local
    /// clock, negative before) in a zone `utcOffset` seconds ahead of UTC.
    init(localSeconds: Int, utcOffset: Int) {
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        self.init(
            day: LocalDay(daysSinceEpoch: days), secondsSinceMidnight: localSeconds - days * 86_400,
            utcOffset: utcOffset)
    }

    private init(day: LocalDay, secondsSinceMidnight: Int, utcOffset: Int) {
        self.day = day
        self.secondsSinceMidnight = secondsSinceMidnight
        self.utcOffset = utcOffset
    }

    /// The reading of a Gregorian `Calendar` in `zone` (the reference the arithmetic agrees with).
    init(calendarReading instant: Date, in zone: TimeZone, offset: Int? = nil) {
        let parts = Calendar.gregorian(in: zone).dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: instant)
        // The components of a Gregorian calendar always form a real day; the fallback is
        // unreachable and only avoids a force unwrap.
        self.init(
            day: LocalDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
                ?? LocalDay(daysSinceEpoch: 0),
            secondsSinceMidnight: (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60
                + (parts.second ?? 0),
            utcOffset: offset ?? zone.secondsFromGMT(for: instant))
    }

    /// 1900-01-01 to 2100-01-01 UTC, in seconds since 1970.
    static let fastRange: Range<TimeInterval> = -2_208_988_800..<4_102_444_800
}
