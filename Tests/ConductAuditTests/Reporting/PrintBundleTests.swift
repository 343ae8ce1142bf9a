import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The combined print bundle and the note about PDFs a re-run would drop.
@Suite struct PrintBundleTests {
    /// Writes a PDF whose page tree says how many pages it has: 3 for the front matter, 2 for
    /// each incident, 4 for the summary, 1 for anything else.
    final class CountingPrinter: PagePrinter, @unchecked Sendable {
        // @unchecked: only the test's thread uses it.
        var printed: [String] = []

        func printPage(at page: URL, to pdf: URL) throws {
            printed.append(page.lastPathComponent)
            let pages: Int
            switch page.lastPathComponent {
            case "front.html": pages = 3
            case "incident.html": pages = 2
            case "part-0.html": pages = 4
            default: pages = 1
            }
            let text =
                "%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n"
                + "2 0 obj\n<</Type /Pages\n/Count \(pages)\n/Kids []>>\nendobj\n"
            try Data(text.utf8).write(to: pdf)
        }
    }

    @Test("a PDF's page count is read from its page tree")
    func pageCount() {
        let pdf = Data(
            "%PDF-1.4\n2 0 obj\n<</Type /Pages\n/Count 12\n/Kids [3 0 R]>>\nendobj\n".utf8)
        #expect(PrintBundle.pageCount(ofPDF: pdf) == 12)
        #expect(PrintBundle.pageCount(ofPDF: Data("%PDF-1.7 fake".utf8)) == nil)
    }

    @Test("the bundle has a cover, contents with the right page numbers, and every part once")
    func bundleContents() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        let manifest = try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: out, options: .init(printer: CountingPrinter()))
        #expect(manifest.files.contains { $0.path == "evidence-bundle.pdf" })
        let html = try EvidenceFixture.text(out.appendingPathComponent("evidence-bundle.html"))
        #expect(html.contains("<h1>Evidence bundle: social media conduct audit</h1>"))
        // Front matter 3 pages; summary from page 4 (4 pages); incidents 2 pages each; then the
        // exhibit index.
        let expected = [("summary", 4), ("INC-0001", 8), ("INC-0002", 10), ("exhibit-index", 12)]
        for (anchor, page) in expected {
            let link = "<a href=\"#\(anchor)\">"
            #expect(html.contains(link))
            #expect(html.contains("id=\"\(anchor)\""))
            let entry = try #require(html.range(of: link))
            let line = html[entry.lowerBound...].prefix { $0 != "\n" }
            #expect(line.hasSuffix(#"<span class="page">\#(page)</span></li>"#), "\(anchor)")
        }
        // Media links of incident parts point into the incident's folder.
        #expect(!html.contains(#"href="media/"#))
        #expect(html.components(separatedBy: #"<section class="bundle-part""#).count == 5)
        #expect(try EvidenceVerifier().verify(directory: out).isIntact)
    }

    @Test("the PDFs a re-run without printing would drop are counted from the old manifest")
    func droppedPDFs() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        #expect(EvidenceWriter.pdfCount(inPreviousFolder: out) == 0)
        try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: out, options: .init(printer: CountingPrinter()))
        #expect(EvidenceWriter.pdfCount(inPreviousFolder: out) == 4)
        try EvidenceWriter().write(EvidenceFixture.bundle(), to: out)
        #expect(EvidenceWriter.pdfCount(inPreviousFolder: out) == 0)
    }
}
