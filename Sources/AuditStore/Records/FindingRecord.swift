import AuditAnalysis
import AuditModel
import Foundation
import GRDB

/// A row of `finding`: one finding of the latest analysis run of its rule.
///
/// The row holds no status: a finding's status is its latest row in `review`, so that re-running
/// the analysis (which replaces these rows) never loses a reviewer's decision.
struct FindingRecord: CaseRecord, PersistableRecord {
    static let databaseTableName = "finding"

    /// The columns queries filter and sort on.
    enum Columns {
        static let id = Column("id")
        static let rule = Column("rule")
        static let occurredAt = Column("occurred_at")
    }

    var id: String
    var rule: String
    var severity: String
    var confidence: Double
    var itemId: String
    var supporting: [ItemID]
    var counterparty: FindingCounterparty?
    var excerpt: String?
    var highlights: [TextSpan]
    var source: SourceReference
    var explanation: String
    var incidentKey: String
    /// Milliseconds since 1970, or nil when the item has no time.
    var occurredAt: Int64?
    var platform: String
    var activity: String
    /// The analysis run that produced the row, as the caller names it.
    var runId: String?
    /// The status the rule gave the finding, before any review.
    var initialStatus: String

    init(_ finding: Finding, runID: String?) {
        id = finding.id.rawValue
        rule = finding.rule.rawValue
        severity = finding.severity.rawValue
        confidence = finding.confidence
        itemId = finding.item.rawValue
        supporting = finding.supportingItems
        counterparty = finding.counterparty
        excerpt = finding.excerpt
        highlights = finding.highlights
        source = finding.source
        explanation = finding.explanation
        incidentKey = finding.incidentKey
        occurredAt = finding.occurredAt.map(StoredTime.milliseconds)
        platform = finding.platform.rawValue
        activity = finding.activity.rawValue
        runId = runID
        initialStatus = finding.status.rawValue
    }

    /// The domain value this row stores.
    /// - Parameter status: the finding's latest review decision, or nil for none (the rule's
    ///   own status then stands).
    /// - Returns: the finding with that status.
    /// - Throws: ``StoredValueError`` for an enum value this version does not know.
    func finding(status: ReviewStatus?) throws -> Finding {
        func decode<Value: RawRepresentable>(_ type: Value.Type, _ raw: String, _ column: String)
            throws -> Value where Value.RawValue == String
        {
            try StoredValueError.decode(
                type, raw, table: Self.databaseTableName, key: id, column: column)
        }
        return Finding(
            id: FindingID(rawValue: id), rule: RuleID(rawValue: rule),
            severity: try decode(Severity.self, severity, "severity"), confidence: confidence,
            status: try status ?? decode(ReviewStatus.self, initialStatus, "initial_status"),
            item: ItemID(rawValue: itemId), supportingItems: supporting,
            occurredAt: occurredAt.map(StoredTime.date),
            platform: try decode(Platform.self, platform, "platform"),
            activity: try decode(ActivityKind.self, activity, "activity"),
            counterparty: counterparty, excerpt: excerpt, highlights: highlights, source: source,
            explanation: explanation, incidentKey: incidentKey)
    }
}
