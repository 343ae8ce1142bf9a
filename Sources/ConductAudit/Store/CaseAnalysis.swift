/// The findings of a case as the evidence shows them: each with its current review status,
/// grouped into incidents, with the timeline they cite.
public struct CaseAnalysis: Sendable {
    /// The case's timeline; after ``CaseDatabase/analyse(with:analyzer:runID:)``, with raw
    /// fragments only of the kinds the rules read (the evidence reads cited items in full).
    public var timeline: Timeline
    /// The findings, each with the status of its latest review (else the rule's own status).
    public var findings: [Finding]
    public var incidents: [Incident]
    /// The rules the analysis ran.
    public var rulesRun: [RuleID]

    public init(timeline: Timeline, findings: [Finding], incidents: [Incident], rulesRun: [RuleID])
    {
        self.timeline = timeline
        self.findings = findings
        self.incidents = incidents
        self.rulesRun = rulesRun
    }

    /// How many findings are still open.
    public var openCount: Int { findings.filter { $0.status == .open }.count }
}
