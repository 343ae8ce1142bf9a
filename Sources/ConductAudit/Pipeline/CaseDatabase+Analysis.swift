import AuditAnalysis
import AuditModel
import AuditReport
import AuditStore
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
}
