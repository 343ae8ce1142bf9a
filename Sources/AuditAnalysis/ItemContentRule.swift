import AuditModel

/// A rule that judges each item on its own words, so that one pass over the timeline serves
/// several such rules and each item's text is read once for all of them (``ContentPass``).
///
/// The rule makes at most one finding per item. Its ``PolicyRule/findings(in:configuration:)``
/// is a content pass over the rule alone.
public protocol ItemContentRule: PolicyRule {
    /// The built-in word lists the rule reads; rules with equal lists share one vocabulary.
    var lexicon: ContentLexicon { get }

    /// The finding the rule makes on one item, if any.
    /// - Parameters:
    ///   - item: an item of the audited timeline; items come in timeline order.
    ///   - text: the item's text, read at most once across the rules of the pass.
    ///   - context: what the audit's content rules share.
    /// - Returns: the finding, or `nil` when the item shows nothing the rule flags.
    func finding(for item: TimelineItem, text: inout ItemText, context: ContentContext)
        -> Finding?
}

extension ItemContentRule {
    public var evaluation: RuleEvaluation { .itemContent(self) }

    public func findings(in timeline: Timeline, configuration: AuditConfiguration) -> [Finding] {
        ContentPass(rules: [self]).findings(in: timeline, configuration: configuration)
    }
}
