import AuditModel
import Foundation

/// Which findings to list: every condition given must hold; conditions left nil match all.
public struct FindingFilter: Sendable, Equatable {
    public var rules: Set<RuleID>?
    public var statuses: Set<ReviewStatus>?
    public var severities: Set<Severity>?
    public var platforms: Set<Platform>?
    /// First and last school-local day (inclusive); a finding without a time never matches a
    /// filter with a day bound.
    public var from: LocalDay?
    public var to: LocalDay?
    /// Only findings of these incidents ("INC-0003").
    public var incidents: Set<String>?
    /// The time zone days are read in.
    public var timeZone: TimeZone

    public init(
        rules: Set<RuleID>? = nil, statuses: Set<ReviewStatus>? = nil,
        severities: Set<Severity>? = nil, platforms: Set<Platform>? = nil, from: LocalDay? = nil,
        to: LocalDay? = nil, incidents: Set<String>? = nil, timeZone: TimeZone
    ) {
        self.rules = rules
        self.statuses = statuses
        self.severities = severities
        self.platforms = platforms
        self.from = from
        self.to = to
        // Incident ids are upper case ("INC-0003"); one typed in any case means the same.
        self.incidents = incidents.map {
            Set($0.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() })
        }
        self.timeZone = timeZone
    }

    /// The findings that match, in their given order.
    /// - Parameters:
    ///   - findings: the findings to filter.
    ///   - groups: the incidents the findings belong to (for the incident condition).
    /// - Returns: the matching findings.
    public func apply(to findings: [Finding], incidents groups: [Incident] = []) -> [Finding] {
        var incidentOf: [FindingID: String] = [:]
        for incident in groups {
            for id in incident.findings { incidentOf[id] = incident.id }
        }
        return findings.filter { matches($0, incident: incidentOf[$0.id]) }
    }

    /// Whether one finding matches.
    public func matches(_ finding: Finding, incident: String? = nil) -> Bool {
        if let rules, !rules.contains(finding.rule) { return false }
        if let statuses, !statuses.contains(finding.status) { return false }
        if let severities, !severities.contains(finding.severity) { return false }
        if let platforms, !platforms.contains(finding.platform) { return false }
        if let incidents, !incidents.contains(incident ?? "") { return false }
        if from != nil || to != nil {
            guard let instant = finding.occurredAt else { return false }
            let day = LocalDay.containing(instant, in: timeZone)
            if let from, day < from { return false }
            if let to, day > to { return false }
        }
        return true
    }
}
