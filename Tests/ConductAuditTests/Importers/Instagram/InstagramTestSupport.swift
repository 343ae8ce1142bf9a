import Foundation

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Shared helpers for the Instagram importer tests: the real samples and imports through the
/// public pipeline with only the Instagram importer registered.
enum InstagramTestSupport {
    /// The shared samples folder, `../shared/formats/samples/instagram` from the repository.
    ///
    /// It is reached from this file's path; the samples are never copied into the repository.
    static let samplesRoot = SharedSamples.platform("instagram")

    /// One real sample export.
    static func sample(_ name: String) -> URL {
        samplesRoot.appendingPathComponent(name)
    }

    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Imports through the public pipeline, with only the Instagram importer registered.
    static func importArchive(at url: URL) throws -> ImportResult {
        try ImportStage(importers: [InstagramJSONImporter()]).importArchive(
            at: url, localTimeZone: london)
    }

    /// The item at `locator` in `file` (a path suffix).
    static func item(_ result: ImportResult, file: String, locator: String) -> TimelineItem? {
        result.items.first { $0.source.file.hasSuffix(file) && $0.source.locator == locator }
    }

    /// Item counts by coverage section.
    static func counts(_ result: ImportResult) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: result.archive.coverage.map { ($0.section, $0.itemCount) })
    }
}
