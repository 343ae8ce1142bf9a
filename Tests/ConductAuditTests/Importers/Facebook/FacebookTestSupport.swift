import Foundation
import Testing
import ZIPFoundation

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Shared helpers for the Facebook importer tests: the real samples, hand-made archives and the
/// "every file accounted for" check.
enum FacebookTestSupport {
    /// The shared samples folder, reached from this file.
    ///
    /// …/Tests/ConductAuditTests/Importers/Facebook/ → repository root →
    /// `../shared/formats/samples/facebook`. The samples are never copied into the repository.
    static let samplesRoot = SharedSamples.platform("facebook")

    /// One real sample export.
    static func sample(_ name: String) -> URL {
        samplesRoot.appendingPathComponent(name)
    }

    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Imports through the public pipeline, with only the Facebook importer registered.
    static func importArchive(at url: URL) throws -> ImportResult {
        try ImportStage(importers: [FacebookJSONImporter()]).importArchive(
            at: url, localTimeZone: london)
    }

    /// Files of the archive that are in none of coverage, media or whole-file `unparsed`, plus
    /// files that are in more than one of them.
    static func accountingProblems(_ result: ImportResult, archive url: URL) throws -> [String] {
        let reader = try ArchiveReader(url: url)
        var places: [String: Int] = [:]
        let covered = Set(result.archive.coverage.flatMap(\.files))
        for file in result.archive.coverage.flatMap(\.files) { places[file, default: 0] += 1 }
        for file in result.archive.media.map(\.path) { places[file, default: 0] += 1 }
        // A file is "unparsed" when it has an issue without a locator, or (a known key holding
        // the wrong shape) an issue and no coverage; item-level issues belong to covered files.
        let wholeFile = Set(
            result.archive.unparsed.filter { $0.locator == nil || !covered.contains($0.file) }.map(
                \.file))
        for file in wholeFile { places[file, default: 0] += 1 }
        var problems: [String] = []
        for entry in reader.entries {
            switch places[entry.path] ?? 0 {
            case 0: problems.append("unaccounted: \(entry.path)")
            case 1: break
            default: problems.append("in several places: \(entry.path)")
            }
        }
        return problems
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolder.make("fb-tests")
    }

    /// Writes `files` (relative path → contents) under `root`.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    /// Zips `files` into `zipURL` with ZIPFoundation, each under `prefix`.
    static func zip(_ files: [String: Data], prefix: String, to zipURL: URL) throws {
        let archive = try Archive(url: zipURL, accessMode: .create)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(
                with: prefix + path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// The item at `locator` in `file` (a path suffix).
    static func item(_ result: ImportResult, file: String, locator: String) -> TimelineItem? {
        result.items.first { $0.source.file.hasSuffix(file) && $0.source.locator == locator }
    }

    /// The coverage section with this title.
    static func coverage(_ result: ImportResult, _ section: String) -> SectionCoverage? {
        result.archive.coverage.first { $0.section == section }
    }
}
