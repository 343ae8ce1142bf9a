import AuditAnalysis
import AuditModel
import Foundation

/// The outcome of an incident in the terms of Keeping Children Safe in Education (Part four,
/// Section one: "Allegations that may meet the harms threshold").
public enum OutcomeKind: String, Codable, Sendable, CaseIterable {
    /// There is sufficient evidence to prove the allegation.
    case substantiated
    /// There is insufficient evidence either to prove or disprove the allegation.
    case unsubstantiated
    /// There is no evidence or proper basis which supports the allegation.
    case unfounded
    /// There is sufficient evidence to disprove the allegation.
    case `false`
    /// There is sufficient evidence to disprove the allegation and a deliberate act to deceive.
    case malicious

    /// What the word means, in a sentence a reader of the evidence needs beside it.
    public var meaning: String {
        switch self {
        case .substantiated: "there is sufficient evidence to prove the allegation"
        case .unsubstantiated: "there is insufficient evidence either to prove or disprove it"
        case .unfounded: "there is no evidence or proper basis which supports it"
        case .false: "there is sufficient evidence to disprove it"
        case .malicious:
            "there is sufficient evidence to disprove it and there has been a deliberate act to "
                + "deceive"
        }
    }
}

/// A reviewer's outcome for a whole incident, as recorded in the case's append-only
/// `incident_outcome` table.
///
/// Incidents are numbered afresh on each run, so an outcome is tied to the incident's rule and
/// key (which do not change) and also keeps the number it was recorded under. The latest
/// outcome recorded for an incident is its outcome; earlier ones stay as its history.
public struct IncidentOutcome: Codable, Sendable, Equatable {
    /// The incident's number when the outcome was recorded ("INC-0023").
    public var incidentID: String
    public var rule: RuleID
    /// The incident's grouping key (``Incident/key``).
    public var incidentKey: String
    public var outcome: OutcomeKind
    /// Why, in the reviewer's words.
    public var reason: String
    /// Who decided (name and role).
    public var reviewer: String
    /// When it was recorded (stored to the millisecond).
    public var decidedAt: Date

    public init(
        incidentID: String, rule: RuleID, incidentKey: String, outcome: OutcomeKind,
        reason: String, reviewer: String, decidedAt: Date
    ) {
        self.incidentID = incidentID
        self.rule = rule
        self.incidentKey = incidentKey
        self.outcome = outcome
        self.reason = reason
        self.reviewer = reviewer
        self.decidedAt = decidedAt
    }

    /// Whether this outcome is about `incident` (same rule and key, whatever its number now).
    public func concerns(_ incident: Incident) -> Bool {
        rule == incident.rule && incidentKey == incident.key
    }
}
