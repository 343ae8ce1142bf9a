import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The machine-readable answer key that `Samples/tools/make_instagram_twitter_samples.py` writes
/// next to each sample archive, and the checks every importer test runs against it.
struct SampleAnswerKey: Decodable {
    /// What the importer should report for the whole archive.
    struct Expectation: Decodable {
        var items: Int
        var itemsWithoutTime: Int
        var sections: [String: Int]
        var mediaFiles: [String]
        var unparsed: [Unparsed]

        private enum CodingKeys: String, CodingKey {
            case items, sections, unparsed
            case itemsWithoutTime = "items_without_time"
            case mediaFiles = "media_files"
        }
    }

    /// A file read and not imported.
    struct Unparsed: Decodable {
        var file: String
    }

    /// One item of the key.
    struct Entry: Decodable {
        var key: String
        var file: String
        var pointer: String
        var activity: String
        var ownerAuthored: Bool
        var imported: Bool
        var occurredAt: String?
        var counterparty: Counterparty?

        private enum CodingKeys: String, CodingKey {
            case key, file, pointer, activity, imported, counterparty
            case ownerAuthored = "owner_authored"
            case occurredAt = "occurred_at"
        }
    }

    /// How the export names an item's counterparty.
    struct Counterparty: Decodable {
        var asInExport: String

        private enum CodingKeys: String, CodingKey { case asInExport = "as_in_export" }
    }

    var export: String
    var ownerHandle: String
    var `import`: Expectation
    var items: [Entry]

    private enum CodingKeys: String, CodingKey {
        case export, items
        case ownerHandle = "owner_handle"
        case `import` = "import"
    }

    /// The repository's `Samples/` folder, reached from this file.
    static let samplesFolder: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("Samples")
    }()

    /// Loads `Samples/<name>`.
    static func load(_ name: String) throws -> SampleAnswerKey {
        let data = try Data(contentsOf: samplesFolder.appendingPathComponent(name))
        return try JSONDecoder().decode(SampleAnswerKey.self, from: data)
    }

    /// Differences between an import and the key, one line each; empty when they agree.
    func differences(from result: ImportResult) -> [String] {
        var problems: [String] = []
        if result.items.count != self.import.items {
            problems.append("\(result.items.count) items, the key says \(self.import.items)")
        }
        let untimed = result.items.filter { $0.occurredAt == nil }.count
        if untimed != self.import.itemsWithoutTime {
            problems.append(
                "\(untimed) items without time, the key says \(self.import.itemsWithoutTime)")
        }
        let sections = Dictionary(
            uniqueKeysWithValues: result.archive.coverage.map { ($0.section, $0.itemCount) })
        if sections != self.import.sections {
            problems.append("sections \(sections), the key says \(self.import.sections)")
        }
        let media = result.archive.media.map(\.path).sorted()
        if media != self.import.mediaFiles.sorted() {
            problems.append("media \(media), the key says \(self.import.mediaFiles)")
        }
        let unparsed = result.archive.unparsed.map(\.file).sorted()
        if unparsed != self.import.unparsed.map(\.file).sorted() {
            problems.append(
                "unparsed \(result.archive.unparsed), the key says \(self.import.unparsed)")
        }
        for entry in items where entry.imported {
            guard
                let item = result.items.first(where: {
                    $0.source.file == entry.file && $0.source.locator == entry.pointer
                })
            else {
                problems.append("\(entry.key): no item at \(entry.file) \(entry.pointer)")
                continue
            }
            if item.kind.rawValue != entry.activity {
                problems.append("\(entry.key): \(item.kind.rawValue), not \(entry.activity)")
            }
            if item.isAuthoredByOwner != entry.ownerAuthored {
                problems.append("\(entry.key): authored by owner is \(item.isAuthoredByOwner)")
            }
            // Compared to the millisecond: the key's decimal text and the export's epoch
            // milliseconds round differently in binary.
            func milliseconds(_ date: Date?) -> Int64? {
                date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
            }
            let expected = entry.occurredAt.flatMap { ISO8601Time.instant(from: $0) }
            if milliseconds(item.occurredAt) != milliseconds(expected)
                || (entry.occurredAt != nil && expected == nil)
            {
                problems.append("\(entry.key): time \(String(describing: item.occurredAt))")
            }
            if let named = entry.counterparty?.asInExport {
                let wanted = named.hasPrefix("@") ? String(named.dropFirst()) : named
                let found = item.counterparties.contains { person in
                    [person.name, person.handle, person.accountID].contains(wanted)
                }
                if !found {
                    problems.append(
                        "\(entry.key): no counterparty '\(named)' in \(item.counterparties)")
                }
            }
        }
        return problems
    }
}
