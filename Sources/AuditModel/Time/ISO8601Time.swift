import Foundation

/// Reads the ISO 8601 date-times exports write ("2019-12-28T18:56:32.210Z",
/// "2018-10-16T12:34:56+00:00", and zone-less "2018-03-03T12:00:00").
///
/// A string with a zone designator is an instant; one without is only a wall-clock time, which
/// the caller must resolve in a zone and label as inferred (``WallClockTime``). Parsing is done by
/// hand so that the result does not depend on the host's locale or Foundation version.
package enum ISO8601Time {
    /// The instant of a date-time with `Z` or a `±hh:mm` / `±hhmm` offset; nil when the string
    /// has no zone or is not ISO 8601.
    package static func instant(from text: String) -> Date? {
        guard let parts = parse(text), let offset = parts.offsetSeconds else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let clock = parts.clock
        guard
            let date = calendar.date(
                from: DateComponents(
                    year: clock.year, month: clock.month, day: clock.day, hour: clock.hour,
                    minute: clock.minute, second: clock.second)),
            calendar.component(.day, from: date) == clock.day
        else { return nil }
        return date.addingTimeInterval(parts.fraction - Double(offset))
    }

    /// The wall-clock fields of a date-time without a zone designator; nil when the string has
    /// a zone (use ``instant(from:)``) or is not ISO 8601.
    package static func wallClock(from text: String) -> WallClockTime? {
        guard let parts = parse(text), parts.offsetSeconds == nil else { return nil }
        return parts.clock
    }

    private struct Parts {
        var clock: WallClockTime
        var fraction: Double
        var offsetSeconds: Int?
    }

    private static func parse(_ text: String) -> Parts? {
        let scalars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[index..<index + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard index < scalars.count, characters.utf8.contains(scalars[index]) else {
                return false
            }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"),
            let day = number(2), expect("T "), let hour = number(2), expect(":"),
            let minute = number(2), expect(":"), let second = number(2)
        else { return nil }
        var fraction = 0.0
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            var divisor = 1.0
            let start = index
            while index < scalars.count, (0x30...0x39).contains(scalars[index]) {
                if index - start < 9 {
                    digits = digits * 10 + Int(scalars[index] - 0x30)
                    divisor *= 10
                }
                index += 1
            }
            guard index > start else { return nil }
            fraction = Double(digits) / divisor
        }
        var offset: Int?
        if index < scalars.count {
            if expect("Zz") {
                offset = 0
            } else if index < scalars.count,
                scalars[index] == UInt8(ascii: "+") || scalars[index] == UInt8(ascii: "-")
            {
                let sign = scalars[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = number(2) else { return nil }
                _ = expect(":")
                guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            }
            guard index == scalars.count else { return nil }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            second <= 60
        else { return nil }
        return Parts(
            clock: WallClockTime(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second),
            fraction: fraction, offsetSeconds: offset)
    }
}
