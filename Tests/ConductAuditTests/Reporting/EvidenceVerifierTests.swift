import Foundation
import Testing

@testable import ConductAudit

@Suite struct EvidenceVerifierTests {
    /// A freshly written evidence folder and its parent (to delete afterwards).
    static func writtenFolder() throws -> (root: URL, folder: URL) {
        let root = try EvidenceFixture.temporaryFolder()
        let folder = root.appendingPathComponent("evidence")
        try EvidenceWriter().write(EvidenceFixture.bundle(), to: folder)
        return (root, folder)
    }

    @Test("a folder as written verifies intact")
    func intactFolderVerifies() throws {
        let (root, folder) = try Self.writtenFolder()
        defer { try? FileManager.default.removeItem(at: root) }

        let report = try EvidenceVerifier().verify(directory: folder)

        #expect(report.isIntact)
        #expect(report.manifest.files.count == 5)
        #expect(
            report.manifestSHA256
                == (try SHA256Hex.digest(ofFileAt: folder.appendingPathComponent("manifest.json"))))
    }

    @Test("editing one byte, deleting a file or adding one is reported by name")
    func tamperingIsNamed() throws {
        // Given a written folder
        let (root, folder) = try Self.writtenFolder()
        defer { try? FileManager.default.removeItem(at: root) }

        // When one byte of a page is changed, a JSON file deleted and a file added
        let page = folder.appendingPathComponent("INC-0002/incident.html")
        var bytes = try Data(contentsOf: page)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "T")))
        bytes[index] = UInt8(ascii: "t")
        try bytes.write(to: page)
        try FileManager.default.removeItem(
            at: folder.appendingPathComponent("INC-0001/incident.json"))
        try Data("note".utf8).write(to: folder.appendingPathComponent("INC-0001/notes.txt"))

        // Then each is named
        let report = try EvidenceVerifier().verify(directory: folder)
        #expect(!report.isIntact)
        #expect(report.changed == ["INC-0002/incident.html"])
        #expect(report.missing == ["INC-0001/incident.json"])
        #expect(report.added == ["INC-0001/notes.txt"])
    }

    @Test("a file replaced by a link to identical content counts as changed")
    func symbolicLinkIsChanged() throws {
        let (root, folder) = try Self.writtenFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = folder.appendingPathComponent("index.html")
        let copy = root.appendingPathComponent("index-copy.html")
        try FileManager.default.copyItem(at: page, to: copy)
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: copy)

        #expect(try EvidenceVerifier().verify(directory: folder).changed == ["index.html"])
    }

    @Test("an unreadable or missing manifest is a clear error")
    func badManifestIsAnError() throws {
        let (root, folder) = try Self.writtenFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = folder.appendingPathComponent("manifest.json")

        try Data("{ not json".utf8).write(to: manifest)
        let unreadable = #expect(throws: ReportError.self) {
            try EvidenceVerifier().verify(directory: folder)
        }
        guard case .manifestUnreadable(let url, _) = unreadable else {
            Issue.record("expected manifestUnreadable, got \(String(describing: unreadable))")
            return
        }
        #expect(url.lastPathComponent == "manifest.json")
        #expect(unreadable?.errorDescription?.contains("manifest.json") == true)

        try Data(
            #"{"formatVersion":1,"toolVersion":"x","generatedAt":"2024-01-01T00:00:00Z","inputHashes":{},"archives":[],"files":[{"path":"../../etc/passwd","sha256":"0","size":1}]}"#
                .utf8
        ).write(to: manifest)
        #expect(throws: ReportError.self) { try EvidenceVerifier().verify(directory: folder) }

        try FileManager.default.removeItem(at: manifest)
        #expect(throws: ReportError.manifestMissing(manifest)) {
            try EvidenceVerifier().verify(directory: folder)
        }
        #expect(throws: ReportError.folderNotFound(root.appendingPathComponent("nowhere"))) {
            try EvidenceVerifier().verify(directory: root.appendingPathComponent("nowhere"))
        }
    }
}
