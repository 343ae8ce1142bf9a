import AuditAnalysis
import AuditModel
import Foundation

extension CaseDatabase {
    /// The stored findings with their current status, grouped into incidents under the numbers
    /// the case assigned them, without analysing again (for re-rendering the evidence after
    /// reviews, and for listing findings).
    /// - Parameters:
    ///   - analyzer: the rules that title the incidents (a rule it does not know titles its
    ///     incidents with its id and the incident key).
    ///   - scope: the latest run's findings (what its evidence shows), or every run's.
    /// - Returns: the findings in time order, their incidents, and the rules among the findings,
    ///   sorted (a rule that found nothing is not listed).
    /// - Throws: ``StoreError`` when the case cannot be read, or when the numbers it assigns to
    ///   incidents that have none cannot be written.
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
        Incident.group(findings, numbers: try incidentNumbers(for: findings)) {
            rule, key, members in
            analyzer.rule(rule)?.incidentTitle(key: key, findings: members) ?? "\(rule) \(key)"
        }
    }
}
