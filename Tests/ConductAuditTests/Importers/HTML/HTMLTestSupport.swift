import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Shared helpers for the HTML importer tests: the real samples, the repository's `Samples/`
/// exports and their answer keys.
enum HTMLTestSupport {
    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// The repository root, reached from this file (…/Tests/ConductAuditTests/Importers/HTML/).
    static let repositoryRoot: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { root.deleteLastPathComponent() }
        return root
    }()

    /// A real sample under `../shared/formats/samples/<platform>/` (never copied into the
    /// repository).
    static func sharedSample(_ platform: String, _ name: String) -> URL {
        SharedSamples.sample(platform, name)
    }

    /// A folder or file under the repository's `Samples/`.
    static func repositorySample(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Samples/\(name)")
    }

    /// Imports through the public pipeline with every standard importer.
    static func importArchive(at url: URL) throws -> ImportResult {
        try ImportStage().importArchive(at: url, localTimeZone: london)
    }

    /// The items of `result` keyed by "file#locator".
    static func itemsByLocation(_ result: ImportResult) -> [String: TimelineItem] {
        Dictionary(
            result.items.map { ("\($0.source.file)#\($0.source.locator)", $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// UTC ISO 8601 of an optional instant ("-" for none).
    static func utc(_ date: Date?) -> String {
        date.map { TimeFormatting.utcISO8601($0) } ?? "-"
    }

    /// One row of a `Samples/*.answer-key.json`.
    struct KeyEntry: Decodable {
        struct Counterparty: Decodable {
            var name: String
            var rosterID: String?

            private enum CodingKeys: String, CodingKey {
                case name
                case rosterID = "roster_id"
            }
        }

        var key: String
        var file: String
        var pointer: String
        var activity: String
        var ownerAuthored: Bool
        var occurredAt: String?
        var counterparty: Counterparty?

        private enum CodingKeys: String, CodingKey {
            case key, file, pointer, activity, counterparty
            case ownerAuthored = "owner_authored"
            case occurredAt = "occurred_at"
        }
    }

    private struct AnswerKey: Decodable {
        var items: [KeyEntry]
    }

    /// The rows of an answer key file in `Samples/`.
    static func answerKey(_ name: String) throws -> [KeyEntry] {
        let data = try Data(contentsOf: repositorySample(name))
        return try JSONDecoder().decode(AnswerKey.self, from: data).items
    }

    /// The key's activity name for an item kind.
    static func activityName(_ kind: ActivityKind) -> String { kind.rawValue }

    /// Epoch seconds of a London wall-clock time (for hand-made JSON fixtures).
    static func epoch(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let date = calendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
        return Int(date?.timeIntervalSince1970 ?? 0)
    }
}
