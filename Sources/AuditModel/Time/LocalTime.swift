import Foundation

/// A wall-clock time of day to the minute, such as 08:30, as written in school.yaml.
///
/// Encoded as an `"HH:mm"` string.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The hour, 0 to 23.
    public let hour: Int
    /// The minute, 0 to 59.
    public let minute: Int

    /// Creates a time, or `nil` when the hour or minute is out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `"08:30"`; `nil` for anything else.
    ///
    /// A one-digit hour such as `"8:30"` is accepted too.
    public init?(string: String) {
        let parts = string.trimmingCharacters(in: .whitespaces).split(
            separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// Minutes since midnight, 0 to 1439: 08:30 is 510.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// The time as `"HH:mm"`, such as `"08:30"`.
    public var description: String { String(format: "%02d:%02d", hour, minute) }

    /// Whether `lhs` is earlier in the day than `rhs`.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// Decodes an `"HH:mm"` string.
    /// - Throws: `DecodingError.dataCorrupted` for any other string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = LocalTime(string: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a time; expected HH:mm such as 08:30")
        }
        self = time
    }

    /// Encodes the time as an `"HH:mm"` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
