/// A rule that carries examples of what it flags and what it leaves alone.
///
/// One generic test runs every such rule of ``Analyzer/standardRules`` over its examples: each
/// triggering example must give exactly one finding, highlighting the parts the example names;
/// each non-triggering example must give none. The examples thereby document the rule's
/// boundaries where its code is read.
public protocol ExampleDocumentedRule: PolicyRule {
    /// Items the rule must flag.
    var triggeringExamples: [RuleExample] { get }
    /// Items the rule must leave alone, chiefly the tempting decoys.
    var nonTriggeringExamples: [RuleExample] { get }
}
