import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
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

@Suite struct EvidenceVerifierDifferenceTests {
    @Test("a changed file is reported with its recorded and present digest and size")
    func differencesAreExact() throws {
        let (root, folder) = try EvidenceVerifierTests.writtenFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = folder.appendingPathComponent("index.html")
        let before = try Data(contentsOf: page)
        try (before + Data("<!-- edited -->".utf8)).write(to: page)

        let report = try EvidenceVerifier().verify(directory: folder)

        let difference = try #require(report.differences.first)
        #expect(report.differences.count == 1)
        #expect(difference.path == "index.html")
        #expect(difference.expectedSHA256 == SHA256Hex.digest(of: before))
        #expect(difference.actualSHA256 == (try SHA256Hex.digest(ofFileAt: page)))
        #expect(difference.expectedSize == UInt64(before.count))
        #expect(difference.actualSize == UInt64(before.count + 15))
        #expect(difference.summary.contains("SHA-256 was \(SHA256Hex.digest(of: before)), is now"))
        #expect(
            difference.summary.contains(
                "size was \(before.count) bytes, is now \(before.count + 15)"))
        #expect(report.manifest.kind == "sealed")
        #expect(report.manifest.staff == "Rebecca Hale")
    }

    @Test("an edit inside the disclosure copy is caught by verifying the whole folder")
    func disclosureEditIsCaught() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        try EvidenceWriter().write(
            DisclosureRedactionTests.bundle(), to: out,
            options: .init(disclosure: DisclosureRedactionTests.redaction))
        let page = out.appendingPathComponent("disclosure/INC-0001/incident.html")
        let text = try EvidenceFixture.text(page)
        try Data(text.replacingOccurrences(of: "S.N.B.", with: "Siobhan").utf8).write(to: page)

        #expect(
            try EvidenceVerifier().verify(directory: out).changed == [
                "disclosure/INC-0001/incident.html"
            ])
        #expect(
            try EvidenceVerifier().verify(directory: out.appendingPathComponent("disclosure"))
                .changed == ["INC-0001/incident.html"])
    }
}
