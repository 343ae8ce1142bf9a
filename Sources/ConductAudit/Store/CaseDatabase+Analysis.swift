import Foundation

extension CaseDatabase {
    /// Analyses the case's whole timeline and records the run with its findings
    /// (``recordRun(_:rules:from:to:at:)``).
    ///
    /// Findings of earlier runs stay; reviews are never touched, and because a
    /// finding's id depends only on the archive content, the rule and its subject, a finding that
    /// comes back keeps every decision recorded on it.
    ///
    /// The timeline is read by cursor, a batch at a time (``CaseTimelineReader``), and lean:
    /// raw fragments only of the kinds the rules read (``Analyzer/rawFragmentKinds(for:)``).
    /// ``evidenceBundle(for:archives:configuration:ruleDescriptions:inputHashes:generatedAt:)``
    /// takes the items the evidence cites from the case in full.
    /// - Parameters:
    ///   - configuration: the audit's configuration (rules, period, school, roster).
    ///   - analyzer: the rules available.
    ///   - batchSize: how many items are read at a time.
    ///   - progress: told after each batch of each pass how many of the case's items it has read.
    /// - Returns: the run's findings with their current status, and their incidents.
    /// - Throws: ``StoreError`` when the case cannot be read or written.
    public func analyse(
        with configuration: AuditConfiguration, analyzer: Analyzer = Analyzer(),
        batchSize: Int = 10_000, progress: ProgressHandler? = nil
    ) throws -> CaseAnalysis {
        let total = progress == nil ? nil : try itemCount()
        // The first pass reads no raw fragment and only profiles' texts.
        let facts = try TimelineFacts(
            source: ProgressReportingSource(
                base: CaseTimelineReader(
                    self, rawFragmentsOf: [], textsOf: [.profile], batchSize: batchSize),
                stage: .reading, total: total, report: progress),
            configuration: configuration)
        let result = try analyzer.analyze(
            source: ProgressReportingSource(
                base: CaseTimelineReader(
                    self, rawFragmentsOf: analyzer.rawFragmentKinds(for: configuration),
                    batchSize: batchSize),
                stage: .analysing, total: total, report: progress),
            configuration: configuration, facts: facts)
        try recordRun(
            result.findings, rules: result.rulesRun, from: configuration.from,
            to: configuration.to)
        let wanted = Set(result.findings.map(\.id))
        let stored = try findings(.latestRun).filter { wanted.contains($0.id) }
        return CaseAnalysis(
            findings: stored, incidents: try incidents(of: stored, analyzer: analyzer),
            rulesRun: result.rulesRun)
    }

    /// The stored findings with their current status, grouped into incidents under the numbers
    /// the case assigned them, without analysing again (for re-rendering the evidence after
    /// reviews, and for listing findings).
    /// - Parameter scope: the latest run's findings (what its evidence shows), or every run's.
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func storedAnalysis(analyzer: Analyzer = Analyzer(), scope: FindingScope = .latestRun)
        throws -> CaseAnalysis
    {
        let findings = try findings(scope)
        return CaseAnalysis(
            findings: findings, incidents: try incidents(of: findings, analyzer: analyzer),
            rulesRun: Array(Set(findings.map(\.rule))).sorted())
    }

    /// The evidence of an analysis of this case, with every item it cites read from the case in
    /// full (raw fragment included).
    ///
    /// The bundle is assembled as ``EvidenceBundle/assemble(source:findings:incidents:archives:reviews:configuration:ruleDescriptions:inputHashes:generatedAt:)``
    /// does, from the case's timeline read by cursor without texts or raw fragments, with the case's
    /// review decisions; it has no media yet.
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func evidenceBundle(
        for analysis: CaseAnalysis, archives: [ImportedArchive],
        configuration: AuditConfiguration, ruleDescriptions: [RuleID: String],
        inputHashes: [String: String], generatedAt: Date
    ) throws -> EvidenceBundle {
        var bundle = try EvidenceBundle.assemble(
            source: CaseTimelineReader(self, rawFragmentsOf: [], textsOf: []),
            findings: analysis.findings,
            incidents: analysis.incidents, archives: archives, reviews: try reviews(),
            configuration: configuration, ruleDescriptions: ruleDescriptions,
            inputHashes: inputHashes, generatedAt: generatedAt)
        bundle.items = try items(ids: Array(bundle.items.keys))
        for item in bundle.citedItems {
            let further = try sources(of: item.id).filter {
                ($0.archiveSHA256, $0.file, $0.locator)
                    != (item.source.archiveSHA256, item.source.file, item.source.locator)
            }
            if !further.isEmpty { bundle.furtherSources[item.id] = further }
        }
        bundle.attachOutcomes(try outcomes())
        return bundle
    }

    /// Groups findings into incidents titled by their rules and numbered as the case assigned
    /// them (``recordRun(_:rules:from:to:at:)``).
    func incidents(of findings: [Finding], analyzer: Analyzer) throws -> [Incident] {
        Incident.group(findings, numbers: try incidentNumbers(for: findings)) { rule, key, members in
            analyzer.rule(rule)?.incidentTitle(key: key, findings: members) ?? "\(rule) \(key)"
        }
    }
}
