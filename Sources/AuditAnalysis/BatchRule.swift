import AuditModel

/// A rule that judges each item on its own, needing nothing from the other items, so that the
/// analyzer can run it over a timeline read a batch at a time (``Analyzer/analyze(source:configuration:)``).
public protocol BatchRule: PolicyRule {
    /// The findings the rule makes on `items`, consecutive items of the audited timeline in
    /// timeline order; the findings of consecutive batches, joined, are those of the whole.
    func findings(inBatch items: [TimelineItem], configuration: AuditConfiguration) -> [Finding]
}

extension BatchRule {
    public var evaluation: RuleEvaluation { .batch(self) }

    public func findings(in timeline: Timeline, configuration: AuditConfiguration) -> [Finding] {
        findings(inBatch: timeline.items, configuration: configuration)
    }
}
