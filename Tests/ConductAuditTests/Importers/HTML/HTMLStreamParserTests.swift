import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The streaming parser sees the page libxml2's tree holds: the tree rebuilt from its events is
/// ``HTMLDocument``'s, node for node (tags, attributes, text runs, element paths), on awkward
/// markup and on every HTML page of the samples and real downloads.
@Suite struct HTMLStreamParserTests {
    /// The whole page rebuilt from the stream, as the record reader copies a record.
    private func streamedTree(_ data: Data, rootPath: String) throws -> HTMLNode? {
        var tree: HTMLNode?
        try MetaHTMLRecordReader.forEachRecord(
            at: [MetaHTMLPage.RecordPlace(ordinal: 0, path: rootPath)], in: data, file: "page.html"
        ) { record in
            tree = record.node
        }
        return tree
    }

    private func expectSameTree(_ data: Data, _ name: String) throws {
        let document = try HTMLDocument(data: data, file: name)
        let streamed = try #require(try streamedTree(data, rootPath: document.root.path), "\(name)")
        #expect(streamed == document.root, "\(name)")
        let recovered = try HTMLStreamParser.parse(data, file: name, into: MetaHTMLPageOutliner())
        #expect(recovered == document.recoveredError, "\(name)")
    }

    static let awkwardPages: [String] = [
        "<html><head><title>T</title></head><body><div>a<!-- c -->b<?pi x?>c</div></body></html>",
        "  text before <p>the root</p> and after",
        "<div><input type=checkbox checked><option selected>x</option><td nowrap>y</div>",
        "<html><body><div class='a'>one<div>two</span></div>three</p></body></html>",
        "<body><script>if (a < b && c > d) { x = '</div>'; }</script><style>p{}</style>z</body>",
        "<table><tr><td>a<td>b<tr><td>c</table><ul><li>1<li>2</ul>",
        "<div title=\"&amp;&lt;&quot;&#039;&eacute;\">&amp; &lt; &gt; &nbsp; &#x1F600;</div>",
        "<html><head><meta charset=\"iso-8859-1\"></head><body>Zoë ğ 😀</body></html>",
        "<div>cut off in the mid",
        "<html><body><div><div>a</div>\n  <div>b</div>\n</div>",
        String(repeating: "<div>x", count: 300) + "<p>after</p>",
    ]

    @Test("the stream's tree is libxml2's tree on awkward markup", arguments: awkwardPages.indices)
    func awkwardMarkup(index: Int) throws {
        try expectSameTree(Data(Self.awkwardPages[index].utf8), "page \(index)")
    }

    @Test("the stream's tree is libxml2's tree on the regression export's pages")
    func regressionPages() throws {
        for (path, data) in MetaHTMLRegressionExport.facebookFiles
            .merging(MetaHTMLRegressionExport.instagramFiles, uniquingKeysWith: { a, _ in a })
        where path.hasSuffix(".html") && !data.isEmpty {
            if (try? HTMLDocument(data: data, file: path)) == nil {
                #expect(throws: ImportError.self) {
                    try HTMLStreamParser.parse(data, file: path, into: MetaHTMLPageOutliner())
                }
                continue
            }
            try expectSameTree(data, path)
        }
    }

    @Test("the stream's tree is libxml2's tree on every HTML page of the samples")
    func samplePages() throws {
        var roots = [
            HTMLTestSupport.repositorySample("facebook-rebeccahale-2025-03-14-html"),
            HTMLTestSupport.repositorySample("instagram-beckyhale-2025-03-14-html"),
        ]
        if SharedSamples.isAvailable {
            roots += MetaHTMLStreamingRegressionTests.sharedArchives.map(\.1)
        }
        var count = 0
        for root in roots {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                guard url.pathExtension == "html" else { continue }
                try expectSameTree(try Data(contentsOf: url), url.lastPathComponent)
                count += 1
            }
        }
        // The two repository samples alone hold 29 pages; the shared samples add more.
        #expect(count >= (SharedSamples.isAvailable ? 30 : 29))
    }
}
