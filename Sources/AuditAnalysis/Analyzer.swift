import AuditModel

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
        analyze(source: timeline, configuration: configuration)
    }

    /// Runs the rules enabled in `configuration` over the part of `source` in its period, in two
    /// passes that each hold one batch of items at a time.
    ///
    /// The first pass gathers what judging single items needs from the whole timeline
    /// (``TimelineFacts``); the second gives each audited item to the rules. Content rules
    /// (``ItemContentRule``), the pupil-contact rules (``PupilContactShareRule``) and
    /// ``BatchRule``s keep only their findings and small per-person or per-thread state; any
    /// other rule is given the audited items in one ``Timeline``, held in memory.
    /// - Parameters:
    ///   - source: the timeline.
    ///   - configuration: the rules, period, school, roster and staff member.
    ///   - facts: the facts of `source` when the caller gathered them (perhaps from a lighter
    ///     reading of the same timeline); else they are gathered from `source` first.
    /// - Returns: the findings sorted by time then id, and the incidents they form.
    /// - Throws: what reading `source` throws.
    public func analyze<Source: TimelineSource>(
        source: Source, configuration: AuditConfiguration, facts: TimelineFacts? = nil
    ) throws(Source.Failure) -> AnalysisResult {
        let isWhole = configuration.from == nil && configuration.to == nil
        let facts =
            if let facts { facts } else {
                try TimelineFacts(source: source, configuration: configuration)
            }
        // What the whole archive shows (its latest dated item, a lower bound of when it was
        // exported) must not shrink to the audited period.
        let configuration = {
            var configuration = configuration
            if configuration.latestItemByArchive.isEmpty {
                configuration.latestItemByArchive = facts.latestByArchive
            }
            return configuration
        }()
        let enabled = rules.filter { configuration.rules.contains($0.id) }
        var contentRules: [any ItemContentRule] = []
        var shareRules: [any PupilContactShareRule] = []
        var batchRules: [any BatchRule] = []
        var wholeTimelineRules: [any PolicyRule] = []
        for rule in enabled {
            switch rule.evaluation {
            case .itemContent(let contentRule): contentRules.append(contentRule)
            case .pupilContact(let shareRule): shareRules.append(shareRule)
            case .batch(let batchRule): batchRules.append(batchRule)
            case .wholeTimeline: wholeTimelineRules.append(rule)
            }
        }
        // One analysis of pupil contact serves both pupil rules; the content rules share one
        // reading of each item's text.
        var pupilContact =
            shareRules.isEmpty
            ? nil : PupilContactAnalysis(facts: facts, configuration: configuration)
        let groups = ContentPass(rules: contentRules).groups(
            facts: facts, configuration: configuration)
        var findings: [Finding] = []
        var audited: [TimelineItem] = []
        try source.forEachBatch { batch in
            let inPeriod = isWhole ? batch : batch.filter(configuration.isInPeriod)
            for rule in batchRules {
                // A batch rule's findings on consecutive slices, joined, are those of the
                // batch (``BatchRule``): the slices are judged on every core.
                findings += inPeriod.mapSlicesConcurrently {
                    rule.findings(inBatch: Array($0), configuration: configuration)
                }.joined()
            }
            if pupilContact != nil {
                for item in inPeriod { pupilContact?.examine(item) }
            }
            findings += ContentPass.findings(of: groups, on: inPeriod)
            if !wholeTimelineRules.isEmpty { audited += inPeriod }
        }
        if let pupilContact {
            for rule in shareRules { findings += rule.findings(in: pupilContact) }
        }
        let inPeriod = Timeline(items: audited)
        for rule in wholeTimelineRules {
            findings += rule.findings(in: inPeriod, configuration: configuration)
        }
        findings.sort {
            ($0.occurredAt ?? .distantFuture, $0.id) < ($1.occurredAt ?? .distantFuture, $1.id)
        }
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
