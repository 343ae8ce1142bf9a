import AuditModel
import Foundation

/// The stable identity of a finding: the same archive content and rule give the same id on every run,
/// so review decisions survive re-running the audit.
public struct FindingID: RawRepresentable, Codable, Sendable, Hashable, Comparable,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: FindingID, rhs: FindingID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The id a person typed or pasted ("f-57bc77275b4d", " F-57BC77275B4D "): ids are upper
    /// case, so any letter case is accepted and surrounding spaces are ignored.
    public init(typed text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
    }

    /// Derives the id from the rule, the items cited and the subject (e.g. a pupil's roster id).
    public static func make(rule: RuleID, items: [ItemID], subject: String = "") -> FindingID {
        let key = ([rule.rawValue, subject] + items.map(\.rawValue).sorted()).joined(separator: "|")
        return FindingID(rawValue: "F-" + SHA256Hex.digest(of: key).prefix(12).uppercased())
    }
}

/// A span of a finding's excerpt that triggered it, for highlighting in evidence pages.
public struct TextSpan: Codable, Sendable, Hashable {
    /// Offset from the start of the excerpt, in `Character`s.
    public var start: Int
    /// Length in `Character`s.
    public var length: Int
    /// Why this span matters ("pupil's name", "safeguarding term").
    public var label: String

    public init(start: Int, length: Int, label: String) {
        self.start = start
        self.length = length
        self.label = label
    }
}

/// The other person in a finding, with how they were identified.
public struct FindingCounterparty: Codable, Sendable, Hashable {
    public var name: String?
    public var handle: String?
    /// The pupil's UPN or roster id, when matched to the roster.
    public var rosterID: String?
    /// Why the person was identified as this pupil ("display name 'Zoe K…' = legal name …").
    public var matchExplanation: String?

    public init(
        name: String?, handle: String? = nil, rosterID: String? = nil,
        matchExplanation: String? = nil
    ) {
        self.name = name
        self.handle = handle
        self.rosterID = rosterID
        self.matchExplanation = matchExplanation
    }
}

/// One suspected breach of the policy, with its evidence and reasoning.
public struct Finding: Codable, Sendable, Equatable, Identifiable {
    public var id: FindingID
    public var rule: RuleID
    public var severity: Severity
    /// How sure the rule is that the evidence shows what it says (0...1).
    public var confidence: Double
    public var status: ReviewStatus
    /// The item the finding is about (the post, message, request…).
    public var item: ItemID
    /// Further items cited as evidence (other messages of the thread, the accepted request…).
    public var supportingItems: [ItemID]
    public var occurredAt: Date?
    public var platform: Platform
    public var activity: ActivityKind
    public var counterparty: FindingCounterparty?
    /// The item's text as the staff member wrote it (or the platform's title when there is no text).
    public var excerpt: String?
    /// The parts of the excerpt that triggered the rule.
    public var highlights: [TextSpan]
    public var source: SourceReference
    /// One or two sentences a headteacher understands.
    public var explanation: String
    /// Findings with the same key belong to one incident (a day of working-hours posts, a pupil…).
    public var incidentKey: String

    public init(
        rule: RuleID, severity: Severity, confidence: Double, status: ReviewStatus = .open,
        item: TimelineItem, supportingItems: [ItemID] = [],
        counterparty: FindingCounterparty? = nil,
        excerpt: String? = nil, highlights: [TextSpan] = [], explanation: String,
        incidentKey: String,
        subject: String = ""
    ) {
        self.id = FindingID.make(rule: rule, items: [item.id], subject: subject)
        self.rule = rule
        self.severity = severity
        self.confidence = confidence
        self.status = status
        self.item = item.id
        self.supportingItems = supportingItems
        self.occurredAt = item.occurredAt
        self.platform = item.platform
        self.activity = item.kind
        self.counterparty = counterparty
        self.excerpt = excerpt ?? item.text ?? item.title
        self.highlights = highlights
        self.source = item.source
        self.explanation = explanation
        self.incidentKey = incidentKey
    }
}

extension Finding {
    /// Rebuilds a stored (the case file's) finding field by field, keeping its stored id.
    package init(
        id: FindingID, rule: RuleID, severity: Severity, confidence: Double, status: ReviewStatus,
        item: ItemID, supportingItems: [ItemID], occurredAt: Date?, platform: Platform,
        activity: ActivityKind, counterparty: FindingCounterparty?, excerpt: String?,
        highlights: [TextSpan], source: SourceReference, explanation: String, incidentKey: String
    ) {
        self.id = id
        self.rule = rule
        self.severity = severity
        self.confidence = confidence
        self.status = status
        self.item = item
        self.supportingItems = supportingItems
        self.occurredAt = occurredAt
        self.platform = platform
        self.activity = activity
        self.counterparty = counterparty
        self.excerpt = excerpt
        self.highlights = highlights
        self.source = source
        self.explanation = explanation
        self.incidentKey = incidentKey
    }
}
