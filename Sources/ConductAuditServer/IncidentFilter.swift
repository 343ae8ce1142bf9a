import AuditAnalysis
import AuditModel
import ConductAudit
import Foundation

/// The incidents page's filters, read from its query string: which findings to list.
struct IncidentFilter: Sendable, Equatable {
    var rule: RuleID?
    var status: ReviewStatus?
    var severity: Severity?
    /// Part of a counterparty's name, handle or roster id, in any letter case.
    var person: String?
    var platform: Platform?
    /// The first local day included.
    var from: LocalDay?
    /// The last local day included.
    var to: LocalDay?
    /// Words for the case's full-text index (FTS5 syntax honoured, as `search` does).
    var query: String?

    /// What a value of the query string could not be read as, to show above the results.
    private(set) var problems: [String] = []

    init(_ fields: FormFields) {
        if let value = fields["rule"] {
            if RuleID.all.contains(RuleID(rawValue: value)) {
                rule = RuleID(rawValue: value)
            } else {
                problems.append("No rule '\(value)'.")
            }
        }
        if let value = fields["status"] {
            status = ReviewStatus(rawValue: value)
            if status == nil { problems.append("No status '\(value)'.") }
        }
        if let value = fields["severity"] {
            severity = Severity(rawValue: value)
            if severity == nil { problems.append("No severity '\(value)'.") }
        }
        if let value = fields["platform"] {
            platform = Platform(rawValue: value)
            if platform == nil { problems.append("No platform '\(value)'.") }
        }
        if let value = fields["from"] {
            from = LocalDay(iso: value)
            if from == nil { problems.append("'\(value)' is not a day (YYYY-MM-DD).") }
        }
        if let value = fields["to"] {
            to = LocalDay(iso: value)
            if to == nil { problems.append("'\(value)' is not a day (YYYY-MM-DD).") }
        }
        person = fields["person"]
        query = fields["q"]
    }

    /// Whether any filter is set.
    var isActive: Bool {
        rule != nil || status != nil || severity != nil || person != nil || platform != nil
            || from != nil || to != nil || query != nil
    }

    /// Whether `finding` passes every filter; the full-text query is run by the caller, which
    /// gives the items it found.
    /// - Parameters:
    ///   - finding: the finding to judge.
    ///   - zone: the school's time zone, in which the period's days are read.
    ///   - matchingItems: the items the full-text query found, or nil when there is none.
    /// - Returns: true when the finding matches every filter set (a day filter excludes a finding
    ///   without a time; with `matchingItems`, the finding must cite one of them).
    func admits(_ finding: Finding, in zone: TimeZone, matchingItems: Set<ItemID>?) -> Bool {
        if let rule, finding.rule != rule { return false }
        if let status, finding.status != status { return false }
        if let severity, finding.severity != severity { return false }
        if let platform, finding.platform != platform { return false }
        if let person {
            let needle = person.lowercased()
            let counterparty = finding.counterparty
            let haystacks = [counterparty?.name, counterparty?.handle, counterparty?.rosterID]
            guard haystacks.contains(where: { $0?.lowercased().contains(needle) == true }) else {
                return false
            }
        }
        if from != nil || to != nil {
            guard let occurredAt = finding.occurredAt else { return false }
            let day = LocalDay.containing(occurredAt, in: zone)
            if let from, day < from { return false }
            if let to, to < day { return false }
        }
        if let matchingItems {
            guard ([finding.item] + finding.supportingItems).contains(where: matchingItems.contains)
            else { return false }
        }
        return true
    }
}
