import AuditModel

/// A rule whose findings are its share of one ``PupilContactAnalysis``, so that the analyzer
/// analyses pupil contact once for all such rules instead of once per rule.
public protocol PupilContactShareRule: PolicyRule {}

extension PupilContactShareRule {
    public var evaluation: RuleEvaluation { .pupilContact(self) }

    /// Posts: a finding on a Meta post cites the tag of the pupil in its source record.
    public var rawFragmentKinds: Set<ActivityKind> { [.post] }

    public func findings(in timeline: Timeline, configuration: AuditConfiguration) -> [Finding] {
        findings(in: PupilContactAnalysis(timeline: timeline, configuration: configuration))
    }

    /// The rule's findings among those of an analysis already made.
    public func findings(in analysis: PupilContactAnalysis) -> [Finding] {
        analysis.findings.filter { $0.rule == id }
    }
}
