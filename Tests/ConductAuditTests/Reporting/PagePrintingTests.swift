import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct PagePrintingTests {
    /// Writes a fake PDF for each page and remembers which pages it printed.
    final class FakePrinter: PagePrinter, @unchecked Sendable {
        // @unchecked: only the test's thread uses it.
        var printed: [String] = []

        func printPage(at page: URL, to pdf: URL) throws {
            printed.append(page.lastPathComponent)
            try Data("%PDF-1.7 fake for \(page.lastPathComponent)".utf8).write(to: pdf)
        }
    }

    @Test("--pdf without Chromium on the PATH gives a clear message saying what to do")
    func missingChromiumIsExplained() throws {
        let error = #expect(throws: ReportError.self) {
            try ChromiumPrinter.locate(searchPath: "/nonexistent:/also/not/here")
        }
        let message = try #require(error?.errorDescription)
        #expect(message.contains("PDFs were not written: Chromium was not found on PATH"))
        #expect(message.contains("chromium, chromium-browser, google-chrome"))
        #expect(message.contains("apt-get install chromium"))
        #expect(message.contains("The HTML pages are complete without them"))
        #expect(throws: ReportError.self) { try ChromiumPrinter.locate(searchPath: nil) }
    }

    @Test("every page is printed beside itself before the folder is sealed, owner-only")
    func pdfsAreInTheManifest() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        let printer = FakePrinter()

        let manifest = try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: out, options: .init(printer: printer))

        // The pages, then the combined bundle: its summary, exhibit index and front matter are
        // printed on their own first (in a scratch folder) to count their pages.
        #expect(
            printer.printed.sorted() == [
                "evidence-bundle.html", "front.html", "incident.html", "incident.html",
                "index.html", "part-0.html", "part-3.html",
            ])
        for path in [
            "index.pdf", "INC-0001/incident.pdf", "INC-0002/incident.pdf", "evidence-bundle.pdf",
            "evidence-bundle.html",
        ] {
            #expect(manifest.files.contains { $0.path == path }, "\(path)")
            #expect(try EvidenceFixture.permissions(out.appendingPathComponent(path)) == 0o600)
        }
        #expect(try EvidenceVerifier().verify(directory: out).isIntact)
    }

    @Test("a page that cannot be printed leaves the previous folder as it was")
    func printFailureKeepsPreviousFolder() throws {
        struct BrokenPrinter: PagePrinter {
            func printPage(at page: URL, to pdf: URL) throws {
                throw ReportError.printFailed(page.lastPathComponent, reason: "crashed")
            }
        }
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        let original = try EvidenceWriter().write(EvidenceFixture.bundle(), to: out)

        #expect(throws: ReportError.printFailed("index.html", reason: "crashed")) {
            try EvidenceWriter().write(
                EvidenceFixture.bundle(), to: out, options: .init(printer: BrokenPrinter()))
        }
        #expect(try EvidenceVerifier().verify(directory: out).manifest == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["evidence"])
    }
}
