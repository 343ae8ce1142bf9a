import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Imports each of the 27 real downloads of `../shared/formats/real-corpus` (exports that
/// platforms gave real people, published by their owners or by peer projects; never copied into
/// the repository) and checks what each gives against figures counted by hand from the files.
///
/// The table is also in `docs/formats/real-corpus.md`, with how each figure was counted. Times are
/// UTC; WhatsApp's wall-clock times are read in Europe/London, as the school's zone. The suite
/// runs only where the corpus folder exists.
@Suite(
    .enabled(
        if: FileManager.default.fileExists(atPath: RealCorpus.root.path),
        "the real downloads are not beside the repository (../shared/formats/real-corpus); CI has them"
    ))
struct RealCorpusTests {
    /// What one download must give.
    struct Expected: CustomTestStringConvertible, Sendable {
        /// The download's folder in the corpus.
        var name: String
        var platform: Platform
        /// Timeline items, each counted once.
        var items: Int
        /// Items the export gives no time for.
        var withoutTime: Int
        /// The earliest and latest item times, UTC ("2013-04-13T16:42:51Z").
        var first: String
        var last: String

        init(
            _ name: String, _ platform: Platform, _ items: Int, _ withoutTime: Int,
            _ first: String, _ last: String
        ) {
            (self.name, self.platform, self.items, self.withoutTime) = (
                name, platform, items, withoutTime
            )
            (self.first, self.last) = (first, last)
        }

        var testDescription: String { name }
    }

    static var root: URL { RealCorpus.root }

    /// Counted by hand from the files (docs/formats/real-corpus.md says how, download by download).
    static let expected: [Expected] = [
        Expected(
            "fb-html-2021-09-old-layout", .facebook, 3735, 0,
            "2009-12-26T03:03:00Z", "2019-06-09T14:05:00Z"),
        Expected(
            "fb-html-2024-02-full-layout", .facebook, 755, 0,
            "2023-05-01T10:47:54Z", "2024-02-25T12:28:35Z"),
        Expected(
            "fb-json-2014-messenger-chat-analytics", .facebook, 7, 0,
            "2014-11-05T00:27:20Z", "2014-11-05T00:35:32Z"),
        Expected(
            "fb-json-2024-07-posts-mojibake", .facebook, 155, 0,
            "2014-03-01T12:12:50Z", "2024-07-26T13:18:39Z"),
        Expected(
            "ig-json-2024-07-full-export", .instagram, 497, 1,
            "2022-05-16T20:45:24Z", "2024-07-08T09:25:13Z"),
        Expected(
            "ig-json-2026-05-new-layout", .instagram, 1777, 0,
            "2019-07-22T06:10:57Z", "2026-05-07T15:27:58Z"),
        Expected(
            "wa-android-en-2017-rwhatsapp", .whatsapp, 7, 0,
            "2017-07-12T21:35:00Z", "2018-09-28T12:30:00Z"),
        Expected(
            "wa-android-en-2025-large-group", .whatsapp, 1945, 0,
            "2025-02-09T22:03:00Z", "2026-03-07T22:07:00Z"),
        Expected(
            "wa-android-en-in-2017-12h", .whatsapp, 219, 0,
            "2017-12-14T18:27:00Z", "2017-12-21T08:55:00Z"),
        Expected(
            "wa-android-en-in-2023-nnbsp-am", .whatsapp, 2424, 0,
            "2023-08-04T12:36:00Z", "2024-07-11T16:18:00Z"),
        Expected(
            "wa-android-en-us-2019-mdy-12h", .whatsapp, 6696, 0,
            "2019-12-16T14:46:00Z", "2021-08-11T19:07:00Z"),
        Expected(
            "wa-android-he-2020-rtl-family", .whatsapp, 3551, 0,
            "2020-08-13T07:19:00Z", "2025-04-24T23:17:00Z"),
        Expected(
            "wa-android-id-2026-dot-time", .whatsapp, 12, 0,
            "2026-01-08T14:14:00Z", "2026-01-08T14:20:00Z"),
        Expected(
            "wa-android-zip-chat-analytics", .whatsapp, 11, 0,
            "2020-09-12T22:55:00Z", "2020-09-12T22:56:00Z"),
        Expected(
            "wa-ios-de-2023-school-class", .whatsapp, 31459, 0,
            "2023-09-27T12:09:05Z", "2024-12-18T17:23:08Z"),
        Expected(
            "wa-ios-en-au-2026-class-parents", .whatsapp, 109, 0,
            "2026-02-16T12:29:03Z", "2026-04-18T09:58:18Z"),
        Expected(
            "wa-ios-en-gb-2020-lowercase-pm", .whatsapp, 13, 0,
            "2020-11-02T21:47:19Z", "2020-11-02T21:50:40Z"),
        Expected(
            "wa-ios-en-gb-2022-crlf-group", .whatsapp, 8705, 0,
            "2022-06-02T12:06:29Z", "2023-01-21T11:49:36Z"),
        Expected(
            "wa-ios-en-us-2024-nnbsp-12h", .whatsapp, 879, 0,
            "2024-04-03T12:40:45Z", "2024-08-02T11:43:13Z"),
        Expected(
            "wa-ios-es-2021-family-chat", .whatsapp, 485, 0,
            "2021-10-28T13:23:15Z", "2022-03-30T08:13:17Z"),
        Expected(
            "wa-ios-es-2024-friends-group", .whatsapp, 198, 0,
            "2024-02-28T10:10:41Z", "2024-03-20T18:03:29Z"),
        Expected(
            "wa-ios-es-pe-2022-study-group", .whatsapp, 496, 0,
            "2022-09-17T13:40:22Z", "2023-09-26T02:12:56Z"),
        Expected(
            "wa-ios-nl-2025-family-group", .whatsapp, 119, 0,
            "2025-09-18T14:30:46Z", "2026-05-23T09:27:19Z"),
        Expected(
            "wa-ios-pt-br-2024-shift-log", .whatsapp, 721, 0,
            "2024-09-20T19:47:00Z", "2024-09-24T18:45:24Z"),
        Expected(
            "x-archive-2013-04-grailbird", .twitter, 1358, 1,
            "2009-07-03T16:58:29Z", "2013-04-13T16:42:51Z"),
        Expected(
            "x-archive-2023-06-vovavasylyna", .twitter, 2301, 0,
            "2008-12-06T10:26:45Z", "2023-06-13T12:40:26Z"),
        Expected(
            "x-archive-2025-01-alliepinnell", .twitter, 3573, 0,
            "2018-04-16T16:46:47Z", "2025-01-21T17:36:53Z"),
    ]

    /// The single archive inside a download's folder: the folder itself for an unpacked
    /// Facebook, Instagram or X export, else its one file (a chat `.txt` or a `.zip`).
    static func archive(of name: String) throws -> URL {
        let folder = root.appendingPathComponent(name)
        let children = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }
        if children.count == 1, let only = children.first,
            only.hasSuffix(".zip") || only.hasSuffix(".txt")
        {
            return folder.appendingPathComponent(only)
        }
        return folder
    }

    /// Items, items without time, first and last UTC times of one import.
    static func summary(of result: ImportResult) -> (Int, Int, String, String) {
        let times = result.items.compactMap(\.occurredAt).sorted()
        return (
            result.items.count, result.items.count - times.count,
            times.first.map(TimeFormatting.utcISO8601) ?? "-",
            times.last.map(TimeFormatting.utcISO8601) ?? "-"
        )
    }

    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    @Test("every download of the corpus is listed in the table")
    func tableCoversTheCorpus() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path)
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
        #expect(Set(folders) == Set(Self.expected.map(\.name)))
    }

    @Test("each download is read whole, each item once, at its time", arguments: expected)
    func download(_ expected: Expected) throws {
        // The command's path: a folder is first checked for several exports side by side.
        let results = try ImportStage().importArchives(
            at: [Self.archive(of: expected.name)], localTimeZone: Self.london)
        #expect(results.count == 1)
        let result = try #require(results.first)
        let (items, withoutTime, first, last) = Self.summary(of: result)
        #expect(result.archive.platform == expected.platform)
        #expect(items == expected.items)
        #expect(withoutTime == expected.withoutTime)
        #expect(first == expected.first)
        #expect(last == expected.last)
    }
}

/// Where the real corpus is.
enum RealCorpus {
    /// `../shared/formats/real-corpus`, reached from this file.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("../shared/formats/real-corpus").standardizedFileURL
    }()
}
