import AuditModel
import Foundation

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

    /// The findings of every rule on `timeline`: for each vocabulary group, for each item in
    /// timeline order, those of the group's rules in their order.
    public func findings(in timeline: Timeline, configuration: AuditConfiguration) -> [Finding] {
        let groups = self.groups(
            facts: TimelineFacts(timeline, configuration: configuration),
            configuration: configuration)
        return Self.findings(of: groups, on: timeline.items)
    }

    /// The findings of `groups` on `items`: for each group, for each item in order, those of the
    /// group's rules in their order.
    ///
    /// Each item is judged on its own, so the items are shared out between the machine's cores
    /// (reading texts is most of an audit's work); the findings come back in the same order as
    /// from one core.
    /// - Parameters:
    ///   - groups: the rules to run, grouped by vocabulary (see ``groups(facts:configuration:)``).
    ///   - items: the items to judge, in timeline order.
    ///   - maximumSlices: how many slices at most (the machine's cores by default).
    /// - Returns: the findings, group by group and within a group item by item; empty when there
    ///   are no groups.
    public static func findings(
        of groups: [Group], on items: [TimelineItem],
        maximumSlices: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> [Finding] {
        guard !groups.isEmpty else { return [] }
        let slices = items.mapSlicesConcurrently(maximumSlices: maximumSlices) { slice in
            groups.map { group in
                var findings: [Finding] = []
                for item in slice { group.appendFindings(for: item, to: &findings) }
                return findings
            }
        }
        var findings: [Finding] = []
        for group in groups.indices {
            for slice in slices { findings += slice[group] }
        }
        return findings
    }

    /// The pass's rules grouped by word lists, each group with its context: rules with the same
    /// lists share one vocabulary, hence one reading per text.
    /// - Parameters:
    ///   - facts: what a first pass gathered from the timeline (its profile texts and latest
    ///     item time).
    ///   - configuration: the audit's configuration.
    /// - Returns: one group per distinct set of word lists, in the order of each group's first
    ///   rule; a group's rules keep the pass's order.
    public func groups(facts: TimelineFacts, configuration: AuditConfiguration) -> [Group] {
        var groups: [Group] = []
        for rule in rules {
            if let index = groups.firstIndex(where: { $0.lexicon.entries == rule.lexicon.entries })
            {
                groups[index].rules.append(rule)
            } else {
                groups.append(
                    Group(
                        lexicon: rule.lexicon, rules: [rule],
                        context: ContentContext(
                            facts: facts, configuration: configuration,
                            lexicon: rule.lexicon)))
            }
        }
        return groups
    }

    /// Content rules sharing one vocabulary, with the context they judge items in.
    public struct Group: Sendable {
        /// The word lists the rules share.
        public let lexicon: ContentLexicon
        /// The rules, in the pass's order.
        public var rules: [any ItemContentRule]
        /// What the rules share.
        public let context: ContentContext

        /// Appends the findings the group's rules make on `item` to `findings`, in the rules'
        /// order, the item's text read once for all of them.
        public func appendFindings(for item: TimelineItem, to findings: inout [Finding]) {
            var text = ItemText(of: item, vocabulary: context.vocabulary)
            for rule in rules {
                if let finding = rule.finding(for: item, text: &text, context: context) {
                    findings.append(finding)
                }
            }
        }
    }
}
