import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Renders evidence pages the way a person sees them, in headless Chromium, when it is
/// installed. Skipped (with the reason shown) where it is not, as in a minimal CI image;
/// `scripts/render-evidence.sh` does the same by hand.
@Suite(.serialized) struct ChromiumRenderingTests {
    static let chromium = try? ChromiumPrinter.locate(
        searchPath: ProcessInfo.processInfo.environment["PATH"], disablesSandbox: geteuid() == 0)

    @Test(
        "index.html and an incident page print to A4 PDFs with 'Page X of Y' and render to PNG",
        .enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium)"),
        .timeLimit(.minutes(3)))
    func rendersInChromium() throws {
        let printer = try #require(Self.chromium)
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")

        // When the fixture is written with PDFs by Chromium
        let manifest = try EvidenceWriter().write(
            ExhibitTests.bundle(), to: out, options: .init(printer: printer))

        // Then each PDF is a real PDF listed in the manifest
        for path in ["index.pdf", "INC-0001/incident.pdf"] {
            let data = try Data(contentsOf: out.appendingPathComponent(path))
            #expect(data.starts(with: Data("%PDF-".utf8)), "\(path)")
            #expect(data.count > 10_000, "\(path) is \(data.count) bytes")
            #expect(manifest.files.contains { $0.path == path })
        }
        // And, when poppler's pdftotext is there, the footer reads "Page 1 of N" on A4
        if ShellTool.exists("pdftotext") {
            let text = try ShellTool.run(
                "pdftotext -layout '\(out.appendingPathComponent("INC-0001/incident.pdf").path)' -")
            #expect(text.contains("Page 1 of"))
            #expect(text.contains("INC-0001 · Rebecca Hale · conduct-audit"))
            #expect(text.contains("Exhibit 1"))
        }
        if ShellTool.exists("pdfinfo") {
            let info = try ShellTool.run(
                "pdfinfo '\(out.appendingPathComponent("index.pdf").path)'")
            #expect(info.contains("(A4)"))
        }

        // And a screenshot of the index renders without error
        let png = root.appendingPathComponent("index.png")
        let command = [
            printer.executable.path, "--headless", printer.disablesSandbox ? "--no-sandbox" : "",
            "--disable-gpu", "--user-data-dir='\(root.appendingPathComponent("profile").path)'",
            "--window-size=1200,1600", "--screenshot='\(png.path)'",
            "'\(out.appendingPathComponent("index.html").absoluteString)'", "2>/dev/null",
        ].joined(separator: " ")
        _ = try ShellTool.run(command)
        let image = try Data(contentsOf: png)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test(
        "the combined bundle's contents give each part's real first page and link to it",
        .enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium)"),
        .enabled(if: ShellTool.exists("pdftotext"), "poppler's pdftotext is not installed"),
        .timeLimit(.minutes(3)))
    func bundleContentsMatchThePrint() throws {
        let printer = try #require(Self.chromium)
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: out, options: .init(printer: printer))
        let pdf = out.appendingPathComponent("evidence-bundle.pdf")
        let html = try EvidenceFixture.text(out.appendingPathComponent("evidence-bundle.html"))
        for anchor in ["INC-0001", "INC-0002", "exhibit-index"] {
            let entry = try #require(html.range(of: "<a href=\"#\(anchor)\">"))
            let line = html[entry.upperBound...].prefix { $0 != "\n" }
            let page = try #require(
                line.components(separatedBy: "<span class=\"page\">").last?
                    .components(separatedBy: "<").first.flatMap { Int($0) })
            let text = try ShellTool.run("pdftotext -f \(page) -l \(page) '\(pdf.path)' -")
            let expected = anchor == "exhibit-index" ? "Exhibit index" : "\(anchor):"
            #expect(
                text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(expected),
                "\(anchor) on page \(page)")
        }
        // The contents' entries are links inside the document.
        let data = try Data(contentsOf: pdf)
        #expect(String(decoding: data, as: UTF8.self).contains("/Subtype /Link"))
    }
}
