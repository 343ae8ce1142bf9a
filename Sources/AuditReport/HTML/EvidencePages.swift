import AuditAnalysis
import Foundation

/// The sealed evidence folder's pages rendered in memory, for a front end that shows a case
/// without writing its folder (the review page of `conduct-audit serve`). The pages are made by
/// the same code as the folder's, so they show a case exactly as its evidence does.
public struct EvidencePages: Sendable {
    /// What the pages show.
    public let bundle: EvidenceBundle
    private let exhibits: ExhibitIndex
    private let findings: [FindingID: Finding]

    public init(bundle: EvidenceBundle) {
        self.bundle = bundle
        exhibits = ExhibitIndex(bundle: bundle)
        findings = EvidenceWriter.findingsByID(bundle)
    }

    /// The style sheet every page embeds, for serving it as a file of its own.
    public static var styleSheet: String { EvidenceStyle.css }

    /// The folder's `index.html`.
    public func index() -> String {
        IndexPage(bundle: bundle, exhibits: exhibits).render()
    }

    /// The files of one incident's folder, by path inside that folder (`incident.html`,
    /// `incident.json`, `media/…`), or nil when the case has no incident `id`.
    /// - Throws: ``ReportError`` when the bundle lacks a finding the incident lists.
    public func incidentFiles(id: String) throws -> [String: Data]? {
        guard let incident = bundle.incidents.first(where: { $0.id == id }) else { return nil }
        let files = try EvidenceWriter().files(
            of: incident, in: bundle, findings: findings, exhibits: exhibits, bundlePart: false
        ).files
        let prefix = incident.id + "/"
        return Dictionary(
            files.map { (String($0.path.dropFirst(prefix.count)), $0.data) },
            uniquingKeysWith: { first, _ in first })
    }
}
