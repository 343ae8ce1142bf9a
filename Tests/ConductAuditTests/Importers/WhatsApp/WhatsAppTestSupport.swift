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

/// Shared helpers for the WhatsApp importer tests: the real samples, the Samples/ exports and
/// hand-made chats.
enum WhatsAppTestSupport {
    /// The repository root, reached from this file (…/Tests/ConductAuditTests/Importers/WhatsApp/).
    static let repositoryRoot: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { root.deleteLastPathComponent() }
        return root
    }()

    /// `../shared/formats/samples/whatsapp`; the samples are never copied into the repository.
    static let samplesRoot = SharedSamples.platform("whatsapp")

    /// One real sample file.
    static func sample(_ path: String) -> URL {
        samplesRoot.appendingPathComponent(path)
    }

    /// A file of the repository's own `Samples/`.
    static func repositorySample(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Samples").appendingPathComponent(name)
    }

    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Imports through the public pipeline with only the WhatsApp importer registered.
    static func importArchive(at url: URL, hints: [String] = []) throws -> ImportResult {
        try ImportStage(importers: [WhatsAppChatImporter()]).importArchive(
            at: url, localTimeZone: london, ownerHints: [.whatsapp: hints])
    }

    /// Imports chats given together.
    static func importArchives(at urls: [URL], hints: [String] = []) throws -> [ImportResult] {
        try ImportStage(importers: [WhatsAppChatImporter()]).importArchives(
            at: urls, localTimeZone: london, ownerHints: [.whatsapp: hints])
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolder.make("wa-tests")
    }

    /// Writes `text` as a chat file called `name` in `folder`.
    static func write(_ text: String, named name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Imports `text` as a chat file on its own.
    static func importChat(
        _ text: String, named name: String = "chat.txt", hints: [String] = []
    ) throws -> ImportResult {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try importArchive(at: write(text, named: name, in: folder), hints: hints)
    }

    /// Zips `files` into `zipURL`.
    static func zip(_ files: [(String, Data)], to zipURL: URL) throws {
        let archive = try Archive(url: zipURL, accessMode: .create)
        for (path, data) in files {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// The item whose locator is `line N`.
    static func item(_ result: ImportResult, line: Int) -> TimelineItem? {
        result.items.first { $0.source.locator == "line \(line)" }
    }

    /// "2024-10-27T00:24:00Z".
    static func utc(_ item: TimelineItem?) -> String? {
        item?.occurredAt.map(TimeFormatting.utcISO8601)
    }
}
