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
}

extension PolicyRule {
    public var rawFragmentKinds: Set<ActivityKind> { [] }
}
