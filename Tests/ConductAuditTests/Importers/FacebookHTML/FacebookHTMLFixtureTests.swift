import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Small hand-made Facebook HTML exports, built in a temporary folder, each showing one behaviour.
@Suite struct FacebookHTMLFixtureTests {
    typealias Support = HTMLTestSupport

    /// A 2022+ thread page with one message block per (sender, text, date).
    static func threadPage(_ title: String, _ messages: [(String, String, String)]) -> String {
        let blocks = messages.map { sender, text, date in
            """
            <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">\(sender)</div>\
            <div class="_2ph_ _a6-p"><div><div></div><div>\(text)</div><div></div><div></div></div></div>\
            <div class="_3-94 _a6-o"><div class="_a72d">\(date)</div></div></div>
            """
        }
        return """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\
            <base href="../../../../" /><title>\(title)</title></head><body class="_5vb_ _2yq _a7o5">\
            <div class="_a705"><div class="_a70e">\(title)</div><div class="_a706" role="main">\
            \(blocks.joined())</div></div></body></html>
            """
    }

    private func importFolder(_ files: [String: String]) throws -> (ImportResult, URL) {
        let folder = try FacebookTestSupport.temporaryFolder()
        try FacebookTestSupport.write(files, under: folder)
        return (try Support.importArchive(at: folder), folder)
    }

    static let inbox = "your_facebook_activity/messages/inbox"

    @Test("all-number dates are ordered for the whole file: one day above 12 settles it")
    func dayFirstDecidedByFile() throws {
        let (result, folder) = try importFolder([
            "\(Self.inbox)/sam_1/message_1.html": Self.threadPage(
                "Sam",
                [("Sam", "later", "13/06/2024, 09:00"), ("Sam", "first", "05/06/2024, 10:00")])
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            result.items.map { Support.utc($0.occurredAt) } == [
                "2024-06-13T08:00:00Z", "2024-06-05T09:00:00Z",
            ])
        #expect(result.archive.unparsed == [])
    }

    @Test(
        "a file whose all-number dates fit both orders is reported as ambiguous, its items kept without a time"
    )
    func ambiguousFile() throws {
        let path = "\(Self.inbox)/sam_1/message_1.html"
        let other = "\(Self.inbox)/jo_2/message_1.html"
        let (result, folder) = try importFolder([
            path: Self.threadPage(
                "Sam", [("Sam", "one", "05/06/2024, 10:00"), ("Sam", "two", "07/08/2024, 11:15")]),
            // Another file's day-first evidence does not decide this one.
            other: Self.threadPage("Jo", [("Jo", "hi", "13/06/2024, 09:00")]),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let sam = result.items.filter { $0.source.file == path }
        #expect(sam.map(\.text) == ["one", "two"])
        #expect(sam.allSatisfy { $0.occurredAt == nil && $0.timeBasis == TimeBasis.none })
        let issue = try #require(result.archive.unparsed.first { $0.file == path })
        #expect(result.archive.unparsed.count == 1)
        #expect(issue.locator == "/html/body/div/div[2]")
        #expect(issue.reason.contains("'05/06/2024, 10:00'"))
        #expect(issue.reason.contains("cannot be told"))
        #expect(result.items.first { $0.source.file == other }?.occurredAt != nil)
        #expect(
            result.archive.coverage.first?.itemsWithoutTime == 2,
            "coverage counts the items left without a time")
    }

    @Test("times in the spring gap and the autumn overlap are kept, marked ambiguous, and noted")
    func clockChanges() throws {
        let (result, folder) = try importFolder([
            "\(Self.inbox)/sam_1/message_1.html": Self.threadPage(
                "Sam",
                [
                    ("Sam", "autumn", "27 Oct 2024, 01:30:00"),
                    ("Sam", "spring", "31 Mar 2024, 01:30:00"),
                    ("Sam", "plain", "30 Mar 2024, 01:30:00"),
                ])
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            result.items.map(\.timeBasis) == [.ambiguousLocal, .ambiguousLocal, .inferredLocal])
        #expect(Support.utc(result.items[0].occurredAt) == "2024-10-27T00:30:00Z")
        let notes = result.archive.unparsed
        #expect(notes.count == 2)
        #expect(notes[0].locator == result.items[0].source.locator)
        #expect(notes[0].reason.contains("happened twice in Europe/London"))
        #expect(notes[1].locator == result.items[1].source.locator)
        #expect(notes[1].reason.contains("does not exist in Europe/London"))
    }

    @Test(
        "a date in a language this tool does not read: the message is kept without a time, and said so"
    )
    func unknownLanguage() throws {
        let (result, folder) = try importFolder([
            "\(Self.inbox)/sam_1/message_1.html": Self.threadPage(
                "Sam",
                [
                    ("Sam", "Hallo", "13. Oktober 2023 um 20:35"),
                    ("Sam", "Hi", "Oct 12, 2023 8:00 pm"),
                ])
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.items.map(\.text) == ["Hallo", "Hi"])
        #expect(result.items[0].occurredAt == nil)
        #expect(result.items[1].occurredAt != nil)
        let issue = try #require(result.archive.unparsed.first)
        #expect(issue.locator == result.items[0].source.locator)
        #expect(issue.reason.contains("'oktober'"))
        #expect(issue.reason.contains("kept without a time"))
    }

    @Test("garbage, an empty page and a truncated page do not stop the rest of the export")
    func damagedPages() throws {
        let (result, folder) = try importFolder([
            "\(Self.inbox)/sam_1/message_1.html": Self.threadPage(
                "Sam", [("Sam", "fine", "Oct 12, 2023 8:00 pm")]),
            "\(Self.inbox)/jo_2/message_1.html": "\u{1}\u{2}<<<>>></div></table>\u{0}garbage",
            "\(Self.inbox)/al_3/message_1.html": "",
            "\(Self.inbox)/cy_4/message_1.html": String(
                Self.threadPage("Cy", [("Cy", "cut off here", "Oct 13, 2023 9:00 pm")]).prefix(330)),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try FacebookTestSupport.accountingProblems(result, archive: folder) == [])
        #expect(result.items.map(\.text).contains("fine"))
        let reasons = Dictionary(
            uniqueKeysWithValues: result.archive.unparsed.map { ($0.file, $0.reason) })
        #expect(reasons["\(Self.inbox)/al_3/message_1.html"]?.contains("the file is empty") == true)
        #expect(reasons["\(Self.inbox)/jo_2/message_1.html"]?.contains("no records found") == true)
        // The page cut off inside its only message still gives that message, without a time,
        // and says why.
        let cut = result.items.filter { $0.source.file.contains("cy_4") }
        #expect(cut.count == 1)
        #expect(cut.first?.occurredAt == nil)
        #expect(
            reasons["\(Self.inbox)/cy_4/message_1.html"]?.contains("no date in the record") == true)
    }

    @Test(
        "every Messenger folder is read, a thread's parts in numeric order, its people from all parts"
    )
    func messengerFolders() throws {
        let root = "your_facebook_activity/messages"
        let (result, folder) = try importFolder([
            "\(root)/archived_threads/sam_1/message_1.html": Self.threadPage(
                "Sam and Jo", [("Sam", "newest", "Oct 12, 2023 8:00 pm")]),
            "\(root)/archived_threads/sam_1/message_10.html": Self.threadPage(
                "Sam and Jo", [("Jo", "oldest", "Oct 10, 2023 8:00 pm")]),
            "\(root)/archived_threads/sam_1/message_2.html": Self.threadPage(
                "Sam and Jo", [("Sam", "middle", "Oct 11, 2023 8:00 pm")]),
            "\(root)/message_requests/al_2/message_1.html": Self.threadPage(
                "Al", [("Al", "hello?", "Oct 9, 2023 8:00 pm")]),
            "\(root)/e2ee_cutover/cy_3/message_1.html": Self.threadPage(
                "Cy", [("Cy", "before the switch", "Oct 8, 2023 8:00 pm")]),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            result.archive.coverage.map(\.section) == [
                "Messenger: archived_threads", "Messenger: e2ee_cutover",
                "Messenger: message_requests",
            ])
        let thread = result.items.filter { $0.conversation == "Sam and Jo" }
        #expect(thread.map(\.text) == ["newest", "middle", "oldest"])
        // No owner: everyone who wrote in any part, other than the sender, is a counterparty.
        #expect(thread[0].counterparties == [Person(name: "Jo")])
        #expect(thread[2].counterparties == [Person(name: "Sam")])
        #expect(result.archive.unparsed == [])
    }

    @Test("a zipped export with a top folder gives the same items as the folder")
    func zipped() throws {
        let source = Support.repositorySample("facebook-rebeccahale-2025-03-14-html")
        let reader = try ArchiveReader(url: source)
        var files: [String: Data] = [:]
        for entry in reader.entries { files[entry.path] = try reader.data(of: entry) }
        let folder = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("facebook-rebeccahale-2025-03-14-Xy12Ab34.zip")
        try FacebookTestSupport.zip(files, prefix: "facebook-rebeccahale-2025-03-14/", to: zip)
        let zipped = try Support.importArchive(at: zip)
        let unpacked = try Support.importArchive(at: source)
        #expect(zipped.archive.variant == .html)
        #expect(zipped.items.count == unpacked.items.count)
        // Untimed items (followers, the profile) are identified by file and locator, and the
        // zip's top folder is part of every file name: only timed items keep their ids.
        let timed = { (result: ImportResult) in
            result.items.filter { $0.occurredAt != nil }.map(\.id)
        }
        #expect(timed(zipped) == timed(unpacked))
        #expect(
            zipped.items.first?.source.file.hasPrefix("facebook-rebeccahale-2025-03-14/") == true)
        #expect(zipped.archive.unparsed.count == unpacked.archive.unparsed.count)
    }

    // MARK: - Recognition

    @Test(
        "JSON exports stay with the JSON importer, which comes first", .needsSharedSamples,
        arguments: [
            "facebook/fb_json_2022_corsali", "facebook/fb_json_2026_thanhbobber",
            "facebook/fb_json_c2020_HunterHillis", "facebook/fb_json_c2022_Waultar",
        ])
    func jsonStaysJSON(sample: String) throws {
        let parts = sample.split(separator: "/").map(String.init)
        let url = Support.sharedSample(parts[0], parts[1])
        let reader = try ArchiveReader(url: url)
        #expect(FacebookHTMLImporter().recognizedVariant(of: reader) == nil)
        #expect(InstagramHTMLImporter().recognizedVariant(of: reader) == nil)
        #expect(try Support.importArchive(at: url).archive.variant == .json)
    }

    @Test(
        "Facebook and Instagram HTML exports are each claimed by their own importer only",
        .needsSharedSamples)
    func htmlRecognition() throws {
        let facebook = [
            Support.sharedSample("facebook", "fb_html_2023-11_phongpro321"),
            Support.sharedSample("facebook", "SYNTHETIC_msgvault_fixtures/html_simple"),
            Support.repositorySample("facebook-rebeccahale-2025-03-14-html"),
        ]
        let instagram = [
            Support.sharedSample("instagram", "ig_html_2026-04_justx9019"),
            Support.repositorySample("instagram-beckyhale-2025-03-14-html"),
        ]
        for url in facebook {
            let reader = try ArchiveReader(url: url)
            #expect(
                FacebookHTMLImporter().recognizedVariant(of: reader) == .html,
                "\(url.lastPathComponent)")
            #expect(
                InstagramHTMLImporter().recognizedVariant(of: reader) == nil,
                "\(url.lastPathComponent)")
            #expect(
                FacebookJSONImporter().recognizedVariant(of: reader) == nil,
                "\(url.lastPathComponent)")
        }
        for url in instagram {
            let reader = try ArchiveReader(url: url)
            #expect(
                InstagramHTMLImporter().recognizedVariant(of: reader) == .html,
                "\(url.lastPathComponent)")
            #expect(
                FacebookHTMLImporter().recognizedVariant(of: reader) == nil,
                "\(url.lastPathComponent)")
        }
    }

    @Test("a folder of HTML that is no known export fails with what was expected")
    func unknownHTML() throws {
        let folder = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FacebookTestSupport.write(
            ["index.html": "<html><body><p>My blog</p></body></html>"], under: folder)
        #expect(
            throws: ImportError.unrecognizedArchive(
                folder, expected: ImportStage.expectedDescription)
        ) {
            try Support.importArchive(at: folder)
        }
    }
}
