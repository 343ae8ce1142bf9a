/// How serious a finding is, if confirmed.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Where a finding stands in review.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    /// Not yet reviewed.
    case open
    /// A reviewer confirmed it as a breach.
    case confirmed
    /// A reviewer decided it is not a breach.
    case dismissed
    /// Covered by a link declared to the headteacher (a family member on roll).
    case declared
}
