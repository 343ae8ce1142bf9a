import AuditModel
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

    public init(
        id: String, rule: RuleID, key: String, title: String, findings: [FindingID],
        severity: Severity, firstOccurredAt: Date?
    ) {
        self.id = id
        self.rule = rule
        self.key = key
        self.title = title
        self.findings = findings
        self.severity = severity
        self.firstOccurredAt = firstOccurredAt
    }

    /// The key under which a case stores an incident's number: its rule and incident key.
    public static func numberKey(rule: RuleID, key: String) -> String {
        "\(rule.rawValue)\u{1F}\(key)"
    }

    /// "INC-0007" for number 7.
    public static func id(number: Int) -> String {
        String(format: "INC-%04d", number)
    }

    /// Groups findings into incidents as ``group(_:title:)`` does, numbered by `numbers` (the
    /// numbers a case assigned once, keyed by ``numberKey(rule:key:)``); an incident without a
    /// number there gets the next after the highest, in order.
    /// - Returns: the incidents, in number order.
    public static func group(
        _ findings: [Finding], numbers: [String: Int], title: (RuleID, String, [Finding]) -> String
    ) -> [Incident] {
        var next = (numbers.values.max() ?? 0) + 1
        return group(findings, title: title).map { incident in
            var numbered = incident
            let number =
                numbers[numberKey(rule: incident.rule, key: incident.key)]
                ?? {
                    defer { next += 1 }
                    return next
                }()
            numbered.id = id(number: number)
            return numbered
        }.sorted { $0.id < $1.id }
    }

    /// Groups findings by rule and incident key, numbering incidents by first time then key.
    /// - Parameters:
    ///   - findings: the findings to group.
    ///   - title: makes an incident's title from its rule, key and findings.
    /// - Returns: the incidents, numbered from 1 in order of their first finding's time (undated
    ///   last), then rule, then key; each with its findings in time order and the highest of
    ///   their severities.
    public static func group(
        _ findings: [Finding], title: (RuleID, String, [Finding]) -> String
    ) -> [Incident] {
        let groups = Dictionary(grouping: findings) {
            numberKey(rule: $0.rule, key: $0.incidentKey)
        }
        let sorted = groups.values.map { members in
            members.sorted {
                ($0.occurredAt ?? .distantFuture, $0.id) < ($1.occurredAt ?? .distantFuture, $1.id)
            }
        }.sorted { lhs, rhs in
            let l = (lhs[0].occurredAt ?? .distantFuture, lhs[0].rule.rawValue, lhs[0].incidentKey)
            let r = (rhs[0].occurredAt ?? .distantFuture, rhs[0].rule.rawValue, rhs[0].incidentKey)
            return l < r
        }
        return sorted.enumerated().map { index, members in
            let first = members[0]
            return Incident(
                id: id(number: index + 1), rule: first.rule, key: first.incidentKey,
                title: title(first.rule, first.incidentKey, members), findings: members.map(\.id),
                severity: members.map(\.severity).max() ?? .low, firstOccurredAt: first.occurredAt)
        }
    }
}
