import Foundation

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Shared helpers for the X importer tests: the real samples, hand-made archives, and imports
/// through the public pipeline with only the X importer registered.
enum TwitterTestSupport {
    /// The shared samples folder, `../shared/formats/samples/twitter` from the repository.
    ///
    /// It is reached from this file's path; the samples are never copied into the repository.
    static let samplesRoot = SharedSamples.platform("twitter")

    /// One real sample archive.
    static func sample(_ name: String) -> URL {
        samplesRoot.appendingPathComponent(name)
    }

    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Imports through the public pipeline, with only the X importer registered.
    static func importArchive(at url: URL) throws -> ImportResult {
        try ImportStage(importers: [TwitterArchiveImporter()]).importArchive(
            at: url, localTimeZone: london)
    }

    /// Writes `files` into a fresh folder, imports it, and removes the folder.
    static func importFiles(_ files: [String: String]) throws -> ImportResult {
        let root = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FacebookTestSupport.write(files, under: root)
        return try importArchive(at: root)
    }

    /// The item at `locator` in `file` (a path suffix).
    static func item(_ result: ImportResult, file: String, locator: String) -> TimelineItem? {
        result.items.first { $0.source.file.hasSuffix(file) && $0.source.locator == locator }
    }

    /// Item counts by coverage section.
    static func counts(_ result: ImportResult) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: result.archive.coverage.map { ($0.section, $0.itemCount) })
    }

    /// `window.YTD.<name>.part<part> = <json>`.
    static func script(_ name: String, part: Int = 0, _ json: String) -> String {
        "window.YTD.\(name).part\(part) = \(json)"
    }

    /// One tweet element with the fields the importer reads.
    static func tweet(
        id: String, at createdAt: String, text: String, mentions: [(String, String, String)] = [],
        replyTo: (id: String, handle: String?)? = nil
    ) -> String {
        let mentionJSON = mentions.map { name, handle, accountID in
            """
            {"name": "\(name)", "screen_name": "\(handle)", "indices": ["0", "1"], "id_str": "\(accountID)", "id": "\(accountID)"}
            """
        }.joined(separator: ", ")
        var reply = ""
        if let replyTo {
            reply =
                ", \"in_reply_to_user_id_str\": \"\(replyTo.id)\", \"in_reply_to_user_id\": \"\(replyTo.id)\""
            if let handle = replyTo.handle {
                reply += ", \"in_reply_to_screen_name\": \"\(handle)\""
            }
        }
        return """
            {"tweet": {"id_str": "\(id)", "id": "\(id)", "created_at": "\(createdAt)", "full_text": "\(text)", "entities": {"user_mentions": [\(mentionJSON)], "urls": [], "hashtags": []}\(reply)}}
            """
    }
}
