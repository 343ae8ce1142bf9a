import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The streaming page reader gives exactly what the whole-page (DOM) reader gave.
///
/// The expectations (``MetaHTMLRegressionExpectations``) were written by the DOM importer before it
/// was replaced: one line per item (file and locator, kind, author, time, the start of the text
/// and a digest of the whole item, its raw fragment included), per reported issue, media file and
/// coverage row. `CONDUCT_AUDIT_WRITE_HTML_BASELINE=<file>` writes the current lines there instead
/// of comparing, to renew them when a change is meant.
@Suite struct MetaHTMLStreamingRegressionTests {
    typealias Support = HTMLTestSupport

    private func lines(of files: [String: Data]) throws -> [String] {
        let folder = try MetaHTMLRegressionExport.write(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try MetaHTMLRegressionExport.digest(Support.importArchive(at: folder))
    }

    private func lines(at url: URL) throws -> [String] {
        try MetaHTMLRegressionExport.digest(Support.importArchive(at: url))
    }

    /// Every set of lines by name, as the baseline file holds them.
    private func current() throws -> [(String, [String])] {
        [
            ("facebookExport", try lines(of: MetaHTMLRegressionExport.facebookFiles)),
            ("instagramExport", try lines(of: MetaHTMLRegressionExport.instagramFiles)),
            (
                "facebookSample",
                try lines(at: Support.repositorySample("facebook-rebeccahale-2025-03-14-html"))
            ),
            (
                "instagramSample",
                try lines(at: Support.repositorySample("instagram-beckyhale-2025-03-14-html"))
            ),
        ]
    }

    /// The real downloads beside the repository, by name (`../shared/formats`): only a digest of
    /// each import's lines is kept here, never their text.
    static let sharedArchives: [(String, URL)] = [
        (
            "fb_html_2023-11_phongpro321",
            SharedSamples.sample("facebook", "fb_html_2023-11_phongpro321")
        ),
        (
            "html_simple",
            SharedSamples.sample("facebook", "SYNTHETIC_msgvault_fixtures/html_simple")
        ),
        (
            "ig_html_2026-04_justx9019",
            SharedSamples.sample("instagram", "ig_html_2026-04_justx9019")
        ),
        (
            "fb-html-2021-09-old-layout",
            SharedSamples.root.appendingPathComponent("../real-corpus/fb-html-2021-09-old-layout")
        ),
        (
            "fb-html-2024-02-full-layout",
            SharedSamples.root.appendingPathComponent("../real-corpus/fb-html-2024-02-full-layout")
        ),
    ]

    /// One line per shared archive: its name, how many lines its import gives and their digest.
    private func sharedDigests() throws -> [String] {
        try Self.sharedArchives.map { name, url in
            let lines = try lines(at: url)
            let digest = SHA256Hex.digest(of: Data(lines.joined(separator: "\n").utf8))
            return "\(name) \(lines.count) \(digest.prefix(24))"
        }
    }

    @Test(
        "the real HTML downloads import as the DOM reader imported them", .needsSharedSamples)
    func sharedDownloadsAsBefore() throws {
        let lines = try sharedDigests()
        if let path = ProcessInfo.processInfo.environment["CONDUCT_AUDIT_WRITE_HTML_BASELINE"] {
            try lines.joined(separator: "\n").write(
                toFile: path + ".shared", atomically: true, encoding: .utf8)
            return
        }
        #expect(lines == MetaHTMLRegressionExpectations.sharedDownloads)
    }

    @Test("the streaming reader gives the DOM reader's items, issues, media and coverage")
    func sameAsDOMReader() throws {
        let sets = try current()
        if let path = ProcessInfo.processInfo.environment["CONDUCT_AUDIT_WRITE_HTML_BASELINE"] {
            var text = "// Written by MetaHTMLStreamingRegressionTests from the DOM importer.\n"
            text += "enum MetaHTMLRegressionExpectations {\n"
            for (name, lines) in sets {
                text += "    static let \(name): [String] = [\n"
                for line in lines {
                    let escaped = line.replacingOccurrences(of: "\\", with: "\\\\")
                        .replacingOccurrences(of: "\"", with: "\\\"")
                    text += "        \"\(escaped)\",\n"
                }
                text += "    ]\n"
            }
            text += "}\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected: [String: [String]] = [
            "facebookExport": MetaHTMLRegressionExpectations.facebookExport,
            "instagramExport": MetaHTMLRegressionExpectations.instagramExport,
            "facebookSample": MetaHTMLRegressionExpectations.facebookSample,
            "instagramSample": MetaHTMLRegressionExpectations.instagramSample,
        ]
        for (name, lines) in sets {
            let wanted = expected[name] ?? []
            #expect(lines.count == wanted.count, "\(name)")
            for (index, pair) in zip(lines, wanted).enumerated() where pair.0 != pair.1 {
                Issue.record("\(name) line \(index): got\n\(pair.0)\nexpected\n\(pair.1)")
            }
        }
    }

    @Test("a damaged, cut-off, empty or binary page is reported with its file and place")
    func damagedPages() throws {
        let folder = try MetaHTMLRegressionExport.write(MetaHTMLRegressionExport.facebookFiles)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Support.importArchive(at: folder)
        let inbox = MetaHTMLRegressionExport.facebookInbox
        let issues = result.archive.unparsed
        #expect(
            issues.contains {
                $0.file == "\(inbox)/binary_333/message_1.html" && $0.locator == nil
                    && $0.reason.contains("the HTML parser had to recover from damaged markup")
                    && $0.reason.contains("(line 1)")
            })
        #expect(
            issues.contains {
                $0.file == "\(inbox)/emptyfile_222/message_1.html"
                    && $0.reason == "the file is empty; nothing in it was imported"
            })
        // The cut-off page keeps the records before the cut; the cut one has lost its date and
        // its shape, as libxml2 recovers it, and is left out.
        let cut = result.items.filter { $0.source.file == "\(inbox)/cutoff_111/message_1.html" }
        #expect(cut.map(\.text) == ["first message arrives whole", "second message arrives whole"])
        #expect(
            cut.map(\.source.locator) == [
                "/html/body/div/div/div/div/div[2]/div[1]",
                "/html/body/div/div/div/div/div[2]/div[2]",
            ])
        // A record that lost its date is kept without a time, cited by its element path.
        #expect(
            issues.contains {
                $0.locator == "/html/body/div/div/div/div/div[2]/div[6]"
                    && $0.reason == "no date in the record; the item is kept without a time"
            })
    }
}
