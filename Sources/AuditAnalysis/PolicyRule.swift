import AuditModel

/// One clause of the school's policy, checked against a timeline.
///
/// A rule is a pure function of its inputs: the same timeline and configuration always give the
/// same findings, in the same order.
public protocol PolicyRule: Sendable {
    /// The rule's stable id.
    var id: RuleID { get }
    /// What the rule checks, in one sentence for reports ("Personal social media used during …").
    var summary: String { get }
    /// The findings the rule makes on `timeline`.
    func findings(in timeline: Timeline, configuration: AuditConfiguration) -> [Finding]
    /// A one-line title for an incident made of `findings` sharing incident key `key`.
    func incidentTitle(key: String, findings: [Finding]) -> String
    /// The kinds of item whose ``TimelineItem/rawFragment`` the rule reads.
    ///
    /// Raw fragments are the largest part of a timeline; a case loads them for analysis only
    /// for the kinds its rules declare here (``Analyzer/rawFragmentKinds(for:)``), so a rule
    /// that reads one must say so. None by default.
    var rawFragmentKinds: Set<ActivityKind> { get }
    /// How the analyzer runs the rule, which each kind of rule states through its protocol:
    /// ``ItemContentRule``, ``PupilContactShareRule`` and ``BatchRule`` say so by default, and a
    /// plain `PolicyRule` is given the audited timeline whole.
    var evaluation: RuleEvaluation { get }
}

extension PolicyRule {
    public var rawFragmentKinds: Set<ActivityKind> { [] }
    public var evaluation: RuleEvaluation { .wholeTimeline }
}

/// How the analyzer gives a rule the timeline (``PolicyRule/evaluation``), each case holding the
/// rule as the kind it is.
public enum RuleEvaluation: Sendable {
    /// Each item's text, read once for every content rule (``ContentPass``).
    case itemContent(any ItemContentRule)
    /// One analysis of pupil contact shared by the pupil rules (``PupilContactAnalysis``).
    case pupilContact(any PupilContactShareRule)
    /// Batch by batch, slices judged on every core.
    case batch(any BatchRule)
    /// The audited items in one ``Timeline``, held in memory.
    case wholeTimeline
}
