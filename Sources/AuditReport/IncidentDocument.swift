import AuditAnalysis
import AuditModel
import AuditSchool
import AuditStore
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
    /// The exhibits the page shows, by number.
    var exhibits: [Exhibit]
    /// The attached media files: their copies in the folder with digests, or why there is none.
    var media: [MediaEntry]
    /// Each message's line in its whole thread, keyed by item id.
    var threadPositions: [String: ThreadPosition]
    /// The further places a cited item occurs (the same event in another archive), keyed by
    /// item id.
    var furtherSources: [String: [SourceReference]]
    /// The kind of matter, which decides the next step (KCSIE Part four).
    var matter: MatterKind = .conduct
    /// The outcomes recorded for the incident, oldest first (the latest stands).
    var outcomes: [IncidentOutcome] = []

    /// One attached media file of the incident.
    struct MediaEntry: Encodable {
        var exhibit: Int
        /// The item it is attached to.
        var item: ItemID
        /// The path the export gives it.
        var uri: String
        var pathInArchive: String?
        /// The SHA-256 of the copy (or, when withheld, of the file as imported).
        var sha256: String?
        /// The SHA-256 recorded at import, when the importer indexed the file.
        var importedSHA256: String?
        /// The copy's path relative to the evidence folder, when one was made.
        var copy: String?
        /// Why there is no copy.
        var unavailable: String?
    }
}
