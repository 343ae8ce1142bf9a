import AuditAnalysis
import AuditModel
import AuditStore
import Foundation

extension CaseDatabase {
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
}
