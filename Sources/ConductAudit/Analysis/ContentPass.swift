/// Runs several ``ItemContentRule``s in one pass over a timeline, reading each item's text once
/// and sharing it between them.
///
/// Tokenizing a text and finding the pupils, colleagues and school names in it is most of what
/// content rules cost; rules run one after the other would each do it again for every item.
public struct ContentPass: Sendable {
    /// The rules the pass runs.
    public var rules: [any ItemContentRule]

    /// Creates a pass over `rules`.
    public init(rules: [any ItemContentRule]) {
        self.rules = rules
    }

    /// The findings of every rule on `timeline`: for each item in timeline order, those of the
    /// rules in their order.
    public func findings(in timeline: Timeline, configuration: AuditConfiguration) -> [Finding] {
        // Rules with the same word lists share one vocabulary, hence one reading per text.
        var groups: [(lexicon: ContentLexicon, rules: [any ItemContentRule])] = []
        for rule in rules {
            if let index = groups.firstIndex(where: { $0.lexicon.entries == rule.lexicon.entries }) {
                groups[index].rules.append(rule)
            } else {
                groups.append((rule.lexicon, [rule]))
            }
        }
        var findings: [Finding] = []
        for group in groups {
            let context = ContentContext(
                timeline: timeline, configuration: configuration, lexicon: group.lexicon)
            for item in timeline.items {
                var text = ItemText(of: item, vocabulary: context.vocabulary)
                for rule in group.rules {
                    if let finding = rule.finding(for: item, text: &text, context: context) {
                        findings.append(finding)
                    }
                }
            }
        }
        return findings
    }
}
