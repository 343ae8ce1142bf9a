import AuditAnalysis
import AuditModel

/// The findings of a case as the evidence shows them: each with its current review status,
/// grouped into incidents. The timeline they cite stays in the case, which the evidence reads
/// (``CaseDatabase/evidenceBundle(for:archives:configuration:ruleDescriptions:inputHashes:generatedAt:)``).
public struct CaseAnalysis: Sendable {
    /// The findings, each with the status of its latest review (else the rule's own status).
    public var findings: [Finding]
    public var incidents: [Incident]
    /// The rules the analysis ran.
    public var rulesRun: [RuleID]

    public init(findings: [Finding], incidents: [Incident], rulesRun: [RuleID]) {
        self.findings = findings
        self.incidents = incidents
        self.rulesRun = rulesRun
    }

    /// How many findings are still open.
    public var openCount: Int { findings.filter { $0.status == .open }.count }
}
