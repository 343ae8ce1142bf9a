import AuditAnalysis
import AuditModel
import Foundation

extension CaseDatabase {
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

    /// Groups findings into incidents titled by their rules and numbered as the case assigned
    /// them (``recordRun(_:rules:from:to:at:)``).
    package func incidents(of findings: [Finding], analyzer: Analyzer) throws -> [Incident] {
        Incident.group(findings, numbers: try incidentNumbers(for: findings)) { rule, key, members in
            analyzer.rule(rule)?.incidentTitle(key: key, findings: members) ?? "\(rule) \(key)"
        }
    }
}
