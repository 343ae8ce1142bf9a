/// Runs the enabled rules over a timeline and groups their findings into incidents.
public struct Analyzer: Sendable {
    /// The rules the analyzer knows, in report order.
    public var rules: [any PolicyRule]

    public init(rules: [any PolicyRule] = Analyzer.standardRules) {
        self.rules = rules
    }

    /// Every rule the tool ships.
    public static let standardRules: [any PolicyRule] = [
        WorkingHoursRule(),
        PupilContactRule(),
        ExPupilContactRule(),
        ConfidentialDisclosureRule(),
        ChildIdentificationRule(),
        AbusiveContentRule(),
        AgeMisrepresentationRule(),
    ]

    /// The rule with `id`, if the analyzer has it.
    public func rule(_ id: RuleID) -> (any PolicyRule)? {
        rules.first { $0.id == id }
    }

    /// The kinds of item whose raw fragment the rules enabled in `configuration` read
    /// (``PolicyRule/rawFragmentKinds``).
    public func rawFragmentKinds(for configuration: AuditConfiguration) -> Set<ActivityKind> {
        rules.filter { configuration.rules.contains($0.id) }
            .reduce(into: []) { $0.formUnion($1.rawFragmentKinds) }
    }

    /// Runs the rules enabled in `configuration` over the part of `timeline` in its period.
    /// - Returns: the findings sorted by time then id, and the incidents they form.
    public func analyze(_ timeline: Timeline, configuration: AuditConfiguration) -> AnalysisResult {
        // Without a period every item is in it: no copy of the timeline is needed.
        let inPeriod =
            configuration.from == nil && configuration.to == nil
            ? timeline : Timeline(items: timeline.items.filter(configuration.isInPeriod))
        // What the whole archive shows (its latest dated item, a lower bound of when it was
        // exported) must not shrink to the audited period.
        var configuration = configuration
        if configuration.latestItemByArchive.isEmpty {
            configuration.latestItemByArchive = AuditConfiguration.latestItems(in: timeline)
        }
        let enabled = rules.filter { configuration.rules.contains($0.id) }
        var findings: [Finding] = []
        var contentRules: [any ItemContentRule] = []
        var pupilContact: PupilContactAnalysis?
        for rule in enabled {
            if let contentRule = rule as? any ItemContentRule {
                contentRules.append(contentRule)
            } else if let shareRule = rule as? any PupilContactShareRule {
                // One analysis of pupil contact serves both pupil rules.
                let analysis =
                    pupilContact
                    ?? PupilContactAnalysis(timeline: inPeriod, configuration: configuration)
                pupilContact = analysis
                findings += shareRule.findings(in: analysis)
            } else {
                findings += rule.findings(in: inPeriod, configuration: configuration)
            }
        }
        // The content rules share one pass, reading each item's text once for all of them.
        findings += ContentPass(rules: contentRules).findings(
            in: inPeriod, configuration: configuration)
        findings.sort { ($0.occurredAt ?? .distantFuture, $0.id) < ($1.occurredAt ?? .distantFuture, $1.id) }
        let incidents = Incident.group(findings) { ruleID, key, members in
            rule(ruleID)?.incidentTitle(key: key, findings: members) ?? "\(ruleID) \(key)"
        }
        return AnalysisResult(rulesRun: enabled.map(\.id), findings: findings, incidents: incidents)
    }
}

/// The output of an analysis: which rules ran, what they found, and the incidents.
public struct AnalysisResult: Sendable {
    public var rulesRun: [RuleID]
    public var findings: [Finding]
    public var incidents: [Incident]
}
