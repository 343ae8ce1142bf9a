import Foundation

/// A day of the week, as written in school.yaml (`mon` … `sun`).
public enum Weekday: String, Codable, Sendable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Parses `"mon"`, `"Monday"` or `"MON"`; `nil` for anything else.
    public init?(name: String) {
        let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let match = Weekday.allCases.first(where: {
                $0.rawValue == lowered || $0.displayName.lowercased() == lowered
            })
        else { return nil }
        self = match
    }

    /// The day's full English name, such as "Tuesday".
    public var displayName: String {
        switch self {
        case .mon: "Monday"
        case .tue: "Tuesday"
        case .wed: "Wednesday"
        case .thu: "Thursday"
        case .fri: "Friday"
        case .sat: "Saturday"
        case .sun: "Sunday"
        }
    }

    /// The day's three-letter English abbreviation, such as "Tue".
    public var shortName: String { String(displayName.prefix(3)) }

    /// Whether this is Saturday or Sunday.
    public var isWeekend: Bool { self == .sat || self == .sun }

    /// Whether `lhs` comes before `rhs` in a week that starts on Monday.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// A list of days for a sentence, such as "Mon–Thu" for a run or "Mon, Wed, Fri" otherwise.
    public static func summary(of days: [Weekday]) -> String {
        let sorted = Set(days).sorted()
        guard let first = sorted.first, let last = sorted.last else { return "no days" }
        let firstIndex = allCases.firstIndex(of: first) ?? 0
        let lastIndex = allCases.firstIndex(of: last) ?? 0
        if sorted.count > 2, lastIndex - firstIndex + 1 == sorted.count {
            return "\(first.shortName)–\(last.shortName)"
        }
        return sorted.map(\.shortName).joined(separator: ", ")
    }
}
