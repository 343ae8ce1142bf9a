import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct EvidenceMediaTests {
    /// An unpacked export in a temporary folder holding one photo, an item attaching it and a
    /// finding on that item.
    struct Scenario {
        var root: URL
        var export: URL
        var archive: ImportedArchive
        var item: TimelineItem
        var photo: Data
        var bundle: EvidenceBundle

        static let uri = "your_facebook_activity/posts/media/album/photo_1.jpg"

        init() throws {
            root = try EvidenceFixture.temporaryFolder()
            export = root.appendingPathComponent("facebook-export")
            let photoURL = export.appendingPathComponent("top/" + Self.uri)
            try FileManager.default.createDirectory(
                at: photoURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            photo = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("a small jpeg".utf8))
            try photo.write(to: photoURL)
            let sha256 = try ArchiveReader(url: export).sha256()
            archive = ImportedArchive(
                path: export.path, sha256: sha256, platform: .facebook, variant: .json,
                owner: Person(name: "Rebecca Hale"), itemCount: 1,
                media: [
                    MediaFile(
                        path: "top/" + Self.uri, size: UInt64(photo.count),
                        sha256: SHA256Hex.digest(of: photo))
                ])
            item = TimelineItem(
                platform: .facebook, kind: .post, isAuthoredByOwner: true,
                author: Person(name: "Rebecca Hale"), text: "Sports day!",
                attachments: [
                    Attachment(kind: .photo, uri: Self.uri),
                    Attachment(kind: .link, uri: "https://example.com/x"),
                ],
                occurredAt: Date(timeIntervalSince1970: 1_718_183_700), timeBasis: .explicit,
                source: SourceReference(
                    archiveSHA256: sha256, archivePath: export.path, file: "posts.json",
                    locator: "/0"),
                rawFragment: #"{"uri":"\#(Self.uri)"}"#)
            let finding = Finding(
                rule: .childIdentification, severity: .high, confidence: 0.8, item: item,
                explanation: "A photo posted with the school named.", incidentKey: "post")
            bundle = EvidenceBundle(
                staffName: "Rebecca Hale", generatedAt: Date(timeIntervalSince1970: 1_720_000_000),
                toolVersion: "0.1.0", timeZone: EvidenceFixture.london, archives: [archive],
                findings: [finding],
                incidents: Incident.group([finding]) { _, _, _ in "A photo" },
                items: [item.id: item])
        }
    }

    @Test("attached media are copied into the incident folder with their SHA-256, and listed")
    func mediaAreCopied() throws {
        // Given an item with a photo in an archive that is still where the case says
        var scenario = try Scenario()
        defer { try? FileManager.default.removeItem(at: scenario.root) }

        // When the media are collected and the folder written
        let collected = EvidenceMediaCollector().collect(
            for: scenario.bundle.citedItems, archives: [scenario.archive])
        scenario.bundle.attach(collected)
        let out = scenario.root.appendingPathComponent("evidence")
        let manifest = try EvidenceWriter().write(scenario.bundle, to: out)

        // Then the photo is copied byte for byte beside the page, hashed in the manifest
        #expect(collected.archiveAccess[scenario.archive.sha256] == .available(.folder))
        let copyPath = "INC-0001/media/E2-photo_1.jpg"
        #expect(try Data(contentsOf: out.appendingPathComponent(copyPath)) == scenario.photo)
        let entry = try #require(manifest.files.first { $0.path == copyPath })
        #expect(entry.sha256 == SHA256Hex.digest(of: scenario.photo))
        #expect(try EvidenceFixture.permissions(out.appendingPathComponent(copyPath)) == 0o600)

        // And the page links it with its digest and says it matches the import
        let page = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.html"))
        #expect(page.contains(#"<a href="media/E2-photo_1.jpg" class="mono">"#))
        #expect(page.contains(SHA256Hex.digest(of: scenario.photo)))
        #expect(page.contains("matches the digest recorded at import"))
        #expect(page.contains("not a file in the archive"))  // the link attachment
        let json = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.json"))
        #expect(json.contains(#""copy" : "INC-0001/media/E2-photo_1.jpg""#))
        #expect(try EvidenceVerifier().verify(directory: out).isIntact)
    }

    @Test("when the archive has gone, the page says so and the folder is still written")
    func missingArchiveIsStated() throws {
        var scenario = try Scenario()
        defer { try? FileManager.default.removeItem(at: scenario.root) }
        try FileManager.default.removeItem(at: scenario.export)

        scenario.bundle.attach(
            EvidenceMediaCollector().collect(
                for: scenario.bundle.citedItems, archives: [scenario.archive]))
        let out = scenario.root.appendingPathComponent("evidence")
        let manifest = try EvidenceWriter().write(scenario.bundle, to: out)

        #expect(!manifest.files.contains { $0.path.contains("/media/") })
        let page = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.html"))
        #expect(page.contains("No copy: the archive is no longer at \(scenario.export.path)"))
        let index = try EvidenceFixture.text(out.appendingPathComponent("index.html"))
        #expect(index.contains("no longer at its recorded path"))
    }

    @Test("a file that no longer matches its import digest is not copied")
    func changedFileIsNotCopied() throws {
        let scenario = try Scenario()
        defer { try? FileManager.default.removeItem(at: scenario.root) }
        try Data("something else".utf8).write(
            to: scenario.export.appendingPathComponent("top/" + Scenario.uri))

        let collected = EvidenceMediaCollector().collect(
            for: scenario.bundle.citedItems, archives: [scenario.archive])

        let media = try #require(collected.media.values.first)
        guard case .unavailable(let reason) = media.content else {
            Issue.record("expected no copy, got \(media.content)")
            return
        }
        #expect(reason.contains("no longer has the SHA-256 recorded at import"))
    }

    @Test("an export's uri finds the entry under a zip's top folder")
    func uriMatchesUnderTopFolder() {
        let entries = [
            ArchiveReader.Entry(path: "facebook-x/your_activity/a.jpg", size: 1),
            ArchiveReader.Entry(path: "your_activity/b.jpg", size: 1),
        ]
        #expect(
            EvidenceMediaCollector.entry(for: "your_activity/a.jpg", in: entries)?.path
                == "facebook-x/your_activity/a.jpg")
        #expect(
            EvidenceMediaCollector.entry(for: "your_activity/b.jpg", in: entries)?.path
                == "your_activity/b.jpg")
        #expect(EvidenceMediaCollector.entry(for: "../etc/passwd", in: entries) == nil)
    }
}
