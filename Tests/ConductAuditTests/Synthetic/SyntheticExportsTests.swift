import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation
import SyntheticExports
import Testing

@Suite struct SyntheticExportsTests {
    private func generate(seed: UInt64, scale: Double) throws -> (URL, [SyntheticExports.Export]) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("synthetic-\(UUID().uuidString)")
        return (folder, try SyntheticExports.generate(seed: seed, scale: scale, into: folder))
    }

    private func digests(of folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = SHA256Hex.digest(
                of: try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return result
    }

    @Test("the same seed and scale give the same bytes; another seed does not")
    func deterministic() throws {
        // Given two runs with seed 7 and one with seed 8
        let (first, _) = try generate(seed: 7, scale: 0.005)
        let (second, _) = try generate(seed: 7, scale: 0.005)
        let (other, _) = try generate(seed: 8, scale: 0.005)
        defer {
            for url in [first, second, other] { try? FileManager.default.removeItem(at: url) }
        }
        // Then every file is byte for byte the same, and the other seed differs
        let digests = try digests(of: first)
        #expect(digests.count == 6)
        #expect(try self.digests(of: second) == digests)
        #expect(try self.digests(of: other) != digests)
    }

    @Test("a tiny export imports with the expected counts and no part it cannot read")
    func importsWithExpectedCounts() throws {
        // Given a tiny synthetic export
        let (folder, exports) = try generate(seed: 1, scale: 0.005)
        defer { try? FileManager.default.removeItem(at: folder) }
        // When every file is imported together
        let urls = exports.map { folder.appendingPathComponent($0.file) }
        let results = try ImportStage().importArchives(
            at: urls, localTimeZone: try #require(TimeZone(identifier: "Europe/London")),
            ownerHints: [.whatsapp: ["Rebecca Hale"]])
        // Then each is recognised as its platform and holds the events written (plus the
        // profile item of Meta exports, the account and profile of X; WhatsApp's notices are
        // not messages)
        let byFile = Dictionary(uniqueKeysWithValues: results.map { ($0.archive.path, $0) })
        let expected: [(String, Platform, Int)] = [
            ("facebook-rebeccahale-synthetic.zip", .facebook, 1),
            ("facebook-rebeccahale-synthetic-html.zip", .facebook, 1),
            ("instagram-beckyhale-synthetic.zip", .instagram, 1),
            ("twitter-beckyhale-synthetic.zip", .twitter, 7),
            ("WhatsApp Chat with Hale Family.txt", .whatsapp, 0),
        ]
        for (file, platform, extra) in expected {
            let result = try #require(byFile[folder.appendingPathComponent(file).path], "\(file)")
            let written = try #require(exports.first { $0.file == file }).events
            #expect(result.archive.platform == platform, "\(file)")
            #expect(result.items.count == written + extra, "\(file)")
            #expect(result.archive.owner?.name == "Rebecca Hale" || platform == .twitter, "\(file)")
        }
        let unread = results.flatMap(\.archive.unparsed).map(\.file).sorted()
        #expect(unread == ["Your archive.html", "data/manifest.js"])
    }
}
