import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation
import Testing

/// Inputs that once crashed or stalled an importer (found by ``ImporterFuzzTests`` or the audit
/// of issue 7), each imported in-process: it must now import, with the damage listed.
@Suite struct FuzzRegressionTests {
    /// Writes `files` under a fresh temporary folder and imports it.
    static func importExport(_ files: [String: Data]) throws -> ImportResult {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("conduct-audit-regression-\(UUID().uuidString)/export")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return try ImportStage().importArchive(at: root, localTimeZone: FuzzRun.london)
    }

    static func facebookPosts(_ json: String) -> [String: Data] {
        [
            HostileInputTests.profilePath: HostileInputTests.profile,
            HostileInputTests.postsPath: Data(json.utf8),
        ]
    }

    @Test(
        "a Facebook time too large for a 64-bit integer is listed, not a trap",
        arguments: ["1e30", "99999999999999999999999", #""inf""#, #""-1e300""#, #""nan""#])
    func hugeFacebookTime(_ timestamp: String) throws {
        // Cause: the issue quoting the time converted an integral Double with Int64(_:), which
        // traps beyond ±9.2e18 (and on infinity).
        let result = try Self.importExport(
            Self.facebookPosts(#"[{"timestamp": \#(timestamp), "data": [{"post": "Hi"}]}]"#))
        #expect(result.items.allSatisfy { $0.occurredAt == nil })
        #expect(result.archive.unparsed.contains { $0.file == HostileInputTests.postsPath })
    }

    /// Imports `files` on a worker thread and fails unless it finishes within `seconds`.
    static func importWithin(_ seconds: Double, _ files: [String: Data]) throws -> ImportResult {
        let outcome = try #require(
            FuzzRun.runWithDeadline(seconds: seconds) { Result { try importExport(files) } },
            "did not finish within \(Int(seconds)) s")
        return try outcome.get()
    }

    @Test("a WhatsApp message of one 10 MB line imports in linear time")
    func hugeWhatsAppLine() throws {
        var chat =
            "[18/01/2025, 18:40:12] Ollie Bennett: hello\n[18/01/2025, 18:41:00] Rebecca Hale: "
        chat += String(repeating: "abcdefghi ", count: 1_000_000)
        chat += "\n[18/01/2025, 18:42:00] Ollie Bennett: ok\n"
        let result = try Self.importWithin(90, ["chat.txt": Data(chat.utf8)])
        #expect(result.items.count == 3)
    }

    @Test("a WhatsApp message continued over 200,000 lines imports in linear time")
    func manyContinuationLines() throws {
        var chat =
            "[18/01/2025, 18:40:12] Ollie Bennett: hello\n[18/01/2025, 18:41:00] Rebecca Hale: start\n"
        chat += String(repeating: "more of the same message\n", count: 200_000)
        let result = try Self.importWithin(90, ["chat.txt": Data(chat.utf8)])
        #expect(result.items.count == 2)
    }

    @Test("a Facebook posts file of 100,000 empty objects is read in linear time")
    func manyEmptyObjects() throws {
        // 1,000,000 takes about 150 s in a debug build on 2 shared cores (linear: each record is
        // decoded twice, typed and as raw JSON); 100,000 keeps CI fast and still fails if it
        // became quadratic.
        let posts = "[" + Array(repeating: "{}", count: 100_000).joined(separator: ",") + "]"
        let result = try Self.importWithin(60, Self.facebookPosts(posts))
        #expect(result.items.count <= 100_001)
    }

    @Test("JSON nested 100,000 deep is listed as unreadable, not a stack overflow")
    func deepJSON() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = try Self.importWithin(60, Self.facebookPosts(deep))
        #expect(result.archive.unparsed.contains { $0.file == HostileInputTests.postsPath })
    }

    @Test("an HTML page nested 100,000 deep imports without a stack overflow")
    func deepHTML() throws {
        let root = CommandRunner.repositoryRoot.appendingPathComponent(
            "Samples/facebook-rebeccahale-2025-03-14-html")
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            let relative = String(
                url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        let page = try #require(
            files.keys.sorted().first {
                $0.hasPrefix("your_facebook_activity/posts/") && $0.hasSuffix(".html")
            })
        let nested = String(repeating: "<div><span>", count: 50_000) + "x"
        files[page] = Data(nested.utf8) + (files[page] ?? Data())
        let result = try Self.importWithin(120, files)
        #expect(result.archive.platform == .facebook)
    }
}
