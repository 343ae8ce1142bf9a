extension CaseDatabase {
    /// Analyses the case's whole timeline and stores the run's findings.
    ///
    /// Findings of the rules that ran are replaced; reviews are never touched, and because a
    /// finding's id depends only on the archive content, the rule and its subject, a finding that
    /// comes back keeps every decision recorded on it.
    /// - Parameters:
    ///   - configuration: the audit's configuration (rules, period, school, roster).
    ///   - analyzer: the rules available.
    ///   - runID: a name for the run, stored with each finding.
    /// - Returns: the run's findings with their current status, and their incidents.
    /// - Throws: ``StoreError`` when the case cannot be read or written.
    public func analyse(
        with configuration: AuditConfiguration, analyzer: Analyzer = Analyzer(),
        runID: String? = nil
    ) throws -> CaseAnalysis {
        let timeline = try timeline()
        let result = analyzer.analyze(timeline, configuration: configuration)
        try replaceFindings(result.findings, rules: result.rulesRun, runID: runID)
        let wanted = Set(result.findings.map(\.id))
        let stored = try findings().filter { wanted.contains($0.id) }
        return CaseAnalysis(
            timeline: timeline, findings: stored,
            incidents: Self.incidents(of: stored, analyzer: analyzer), rulesRun: result.rulesRun)
    }

    /// Every stored finding with its current status, grouped into incidents, without analysing
    /// again (for re-rendering the evidence after reviews).
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func storedAnalysis(analyzer: Analyzer = Analyzer()) throws -> CaseAnalysis {
        let findings = try findings()
        return CaseAnalysis(
            timeline: try timeline(), findings: findings,
            incidents: Self.incidents(of: findings, analyzer: analyzer),
            rulesRun: Array(Set(findings.map(\.rule))).sorted())
    }

    /// Groups findings into incidents titled by their rules.
    static func incidents(of findings: [Finding], analyzer: Analyzer) -> [Incident] {
        Incident.group(findings) { rule, key, members in
            analyzer.rule(rule)?.incidentTitle(key: key, findings: members) ?? "\(rule) \(key)"
        }
    }
}
