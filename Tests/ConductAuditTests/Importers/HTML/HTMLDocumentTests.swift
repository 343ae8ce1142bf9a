import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The libxml2 wrapper: Swift snapshots, element paths, text, and damaged input.
@Suite struct HTMLDocumentTests {
    private func parse(_ html: String) throws -> HTMLDocument {
        try HTMLDocument(data: Data(html.utf8), file: "page.html")
    }

    @Test("elements get XPath-style paths, with positions only where a tag repeats")
    func paths() throws {
        let document = try parse(
            "<html><body><div><p>a</p></div><div><span>b</span><p>c</p><p>d</p></div></body></html>"
        )
        let body = document.body
        #expect(body.path == "/html/body")
        let divs = body.elements
        #expect(divs.map(\.path) == ["/html/body/div[1]", "/html/body/div[2]"])
        #expect(
            divs[1].elements.map(\.path) == [
                "/html/body/div[2]/span", "/html/body/div[2]/p[1]", "/html/body/div[2]/p[2]",
            ])
    }

    @Test("text has entities decoded, <br> as a line break, and style and script left out")
    func text() throws {
        let document = try parse(
            "<html><head><title> Caf&eacute; &amp; co </title><style>p{}</style></head>"
                + "<body><div class=\"a  b\" data-x='1'>Tom &#039;s<br/>  second\tline "
                + "<script>x()</script></div></body></html>")
        #expect(document.title == "Café & co")
        let div = try #require(document.body.elements.first)
        #expect(div.classes == ["a", "b"])
        #expect(div.hasClass("b"))
        #expect(div.attribute("DATA-X") == "1")
        #expect(div.normalizedText == "Tom 's\nsecond line")
    }

    @Test("a node written back keeps its text and attributes, escaped")
    func outerHTML() throws {
        let document = try parse(
            "<body><div title=\"a&quot;b\"><img src=\"x.jpg\">1 &lt; 2</div></body>")
        let div = try #require(document.body.elements.first)
        #expect(div.outerHTML == "<div title=\"a&quot;b\"><img src=\"x.jpg\">1 &lt; 2</div>")
    }

    @Test("UTF-8 text, emoji and right-to-left text come through unchanged")
    func unicode() throws {
        let document = try parse(
            "<html><head><meta charset=\"utf-8\"></head><body><p>Zoë 👍 هلوو</p></body></html>")
        #expect(document.body.normalizedText == "Zoë 👍 هلوو")
    }

    @Test("an empty file is an ImportError that says so")
    func empty() {
        #expect(
            throws: ImportError.invalidFile("page.html", locator: "", reason: "the file is empty")
        ) {
            try HTMLDocument(data: Data(), file: "page.html")
        }
    }

    @Test(
        "garbage and broken markup do not crash: the parser recovers and keeps its complaint",
        arguments: [
            Data([0x00, 0x01, 0xFF, 0xFE, 0x3C, 0x3C, 0x3E, 0x00, 0x2F]),
            Data("</div></div><div><p>unclosed <b>bold <table><tr><td>x".utf8),
            Data(String(repeating: "<div>", count: 5_000).utf8),
            Data("plain text, no markup at all".utf8),
            Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
        ])
    func garbage(data: Data) throws {
        do {
            let document = try HTMLDocument(data: data, file: "garbage.html")
            _ = document.body.normalizedText
            _ = document.root.outerHTML
            _ = try MetaHTMLPage.read(data, file: "garbage.html").page.records
        } catch let error as ImportError {
            // Refusing the file is fine too, as long as it is an ImportError with a reason.
            #expect(error.errorDescription?.contains("garbage.html") == true)
        }
    }

    @Test("broken markup records libxml2's last complaint with its line")
    func recoveredError() throws {
        let document = try parse("<html><body>\n<div>text</span></div></body></html>")
        let complaint = try #require(document.recoveredError)
        #expect(complaint.contains("span"))
        #expect(complaint.contains("line 2"))
    }
}
