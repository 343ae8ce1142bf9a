import Foundation

/// The content of `incident.json`: an incident with everything its page shows, for machines.
struct IncidentDocument: Encodable {
    var toolVersion: String
    var generatedAt: Date
    /// The IANA zone local times on the page are shown in.
    var timeZone: String
    var staff: String
    var incident: Incident
    var policyClause: EvidenceBundle.PolicyClause?
    var ruleDescription: String?
    /// The findings, in the incident's order, with their review status.
    var findings: [Finding]
    /// The items the findings cite (their items and supporting items), by time then id.
    var citedItems: [TimelineItem]
    /// Context items that are not cited, by time then id.
    var contextItems: [TimelineItem]
    /// The context item ids of each finding, keyed by finding id.
    var context: [String: [ItemID]]
    /// Each finding's review decisions, oldest first, keyed by finding id.
    var reviews: [String: [ReviewDecision]]
}
