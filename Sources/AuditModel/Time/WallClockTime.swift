import Foundation

/// A date and time read from a source that gives no zone (WhatsApp chats, HTML exports), and its
/// resolution to an instant in the school's zone.
///
/// Wall-clock times are ambiguous twice a year: in spring an hour does not exist (01:00–01:59 on
/// the last Sunday of March in London), in autumn an hour happens twice. Resolution says which
/// case applied so that findings can say how sure the time is.
public struct WallClockTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The outcome of reading a wall-clock time in a zone.
    public struct Resolution: Sendable, Equatable {
        /// The instant chosen (the first of two in the repeated hour; the shifted one in the gap).
        public var instant: Date
        /// `.inferredLocal`, or `.ambiguousLocal` in the repeated hour.
        public var basis: TimeBasis
        /// A sentence for the report when the time needed a choice; nil otherwise.
        public var note: String?

        package init(instant: Date, basis: TimeBasis, note: String?) {
            self.instant = instant
            self.basis = basis
            self.note = note
        }
    }

    /// Reads the time in `zone`.
    /// - Returns: nil when the fields are not a real date (month 13, 31 April).
    public func resolve(in zone: TimeZone) -> Resolution? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second), (1900...2200).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components) else { return nil }
        // Reject dates Foundation normalised (31 April → 1 May).
        let check = calendar.dateComponents([.year, .month, .day], from: date)
        guard check.year == year, check.month == month, check.day == day || isInGap(date, calendar)
        else {
            return nil
        }
        let shown = calendar.dateComponents([.hour, .minute], from: date)
        if shown.hour != hour || shown.minute != minute {
            return Resolution(
                instant: date, basis: .ambiguousLocal,
                note:
                    "\(description) does not exist in \(zone.identifier) (the clocks went forward); it was read as \(TimeFormatting.localISO8601(date, in: zone))."
            )
        }
        // In the repeated hour, the same wall-clock time also occurs one hour later.
        let later = date.addingTimeInterval(3600)
        let laterShown = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute], from: later)
        if laterShown.hour == hour, laterShown.minute == minute, laterShown.day == day {
            return Resolution(
                instant: date, basis: .ambiguousLocal,
                note:
                    "\(description) happened twice in \(zone.identifier) (the clocks went back); the earlier instant was used, the other is an hour later."
            )
        }
        return Resolution(instant: date, basis: .inferredLocal, note: nil)
    }

    /// "2024-03-31 01:30:00".
    public var description: String {
        String(format: "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
    }

    private func isInGap(_ date: Date, _ calendar: Calendar) -> Bool {
        let shown = calendar.dateComponents([.hour], from: date)
        return shown.hour != hour
    }
}
