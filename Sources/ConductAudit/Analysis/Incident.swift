import Foundation

/// A group of findings that a reviewer handles together: one day of working-hours use, one
/// staff–pupil pair on one platform, one post.
public struct Incident: Codable, Sendable, Equatable, Identifiable {
    /// "INC-0001": numbered in order of the first finding's time, then the key.
    public var id: String
    public var rule: RuleID
    public var key: String
    /// A one-line title ("Working-hours use on Tuesday 26 March 2024").
    public var title: String
    /// The findings, in time order.
    public var findings: [FindingID]
    public var severity: Severity
    public var firstOccurredAt: Date?

    public init(id: String, rule: RuleID, key: String, title: String, findings: [FindingID], severity: Severity, firstOccurredAt: Date?) {
        self.id = id
        self.rule = rule
        self.key = key
        self.title = title
        self.findings = findings
        self.severity = severity
        self.firstOccurredAt = firstOccurredAt
    }

    /// Groups findings by rule and incident key, numbering incidents by first time then key.
    /// - Parameter title: makes an incident's title from its rule, key and findings.
    public static func group(
        _ findings: [Finding], title: (RuleID, String, [Finding]) -> String
    ) -> [Incident] {
        let groups = Dictionary(grouping: findings) { "\($0.rule.rawValue)\u{1F}\($0.incidentKey)" }
        let sorted = groups.values.map { members in
            members.sorted { ($0.occurredAt ?? .distantFuture, $0.id) < ($1.occurredAt ?? .distantFuture, $1.id) }
        }.sorted { lhs, rhs in
            let l = (lhs[0].occurredAt ?? .distantFuture, lhs[0].rule.rawValue, lhs[0].incidentKey)
            let r = (rhs[0].occurredAt ?? .distantFuture, rhs[0].rule.rawValue, rhs[0].incidentKey)
            return l < r
        }
        return sorted.enumerated().map { index, members in
            let first = members[0]
            return Incident(
                id: String(format: "INC-%04d", index + 1), rule: first.rule, key: first.incidentKey,
                title: title(first.rule, first.incidentKey, members), findings: members.map(\.id),
                severity: members.map(\.severity).max() ?? .low, firstOccurredAt: first.occurredAt)
        }
    }
}
