import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The real Facebook HTML samples under `shared/formats/samples/facebook` and the HTML twin of
/// Rebecca Hale's export in `Samples/`, with values checked by reading the files.
@Suite struct FacebookHTMLSampleTests {
    typealias Support = HTMLTestSupport

    @Test(
        "the real 2023 page: Vietnamese dates read, placeholder name, media, the header's zone reported",
        .needsSharedSamples
    )
    func vietnamesePage() throws {
        let url = Support.sharedSample("facebook", "fb_html_2023-11_phongpro321")
        let result = try Support.importArchive(at: url)
        #expect(result.archive.platform == .facebook)
        #expect(result.archive.variant == .html)
        #expect(result.archive.owner == nil)  // no profile page in this sample
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        #expect(result.items.count == 6)
        #expect(result.archive.coverage.map(\.section) == ["Messenger: inbox"])

        // The only issue: the page header's "UTC+07:00" is not the school's zone, so the pages'
        // times are read at UTC+07:00, and the reader is told.
        let issue = try #require(result.archive.unparsed.first)
        #expect(result.archive.unparsed.count == 1)
        #expect(issue.locator == "page header")
        #expect(issue.reason.contains("UTC+07:00"))
        #expect(issue.reason.contains("13 tháng 11, 2023 lúc 20:09 UTC+07:00"))
        #expect(issue.reason.contains("were read at UTC+07:00"))

        let first = result.items[0]
        #expect(first.kind == .message)
        #expect(first.author?.name == "Phong Pham")
        #expect(first.text == "Không thấy địa chỉ em bảo")
        #expect(first.conversation == "Người dùng Facebook")
        // "Tháng 10 13, 2023 8:35:59chiều": 20:35:59 at UTC+07:00, the header's offset.
        #expect(Support.utc(first.occurredAt) == "2023-10-13T13:35:59Z")
        #expect(first.timeBasis == .inferredLocal)
        #expect(first.source.locator == "/html/body/div/div/div/div/div[2]/div[1]")
        #expect(first.rawFragment.hasPrefix("<div class=\"_3-95 _a6-g\">"))

        let photo = result.items[3]
        #expect(photo.text == nil)
        #expect(photo.attachments.map(\.kind) == [.photo])
        #expect(
            photo.attachments.first?.uri
                == "your_activity_across_facebook/messages/inbox/nguoidungfacebook_2672374829583290/photos/370221086_350305990861422_2152369760224655505_n_350305987528089.jpg"
        )
        #expect(Support.utc(photo.occurredAt) == "2023-10-13T07:50:44Z")  // 2:50:44chiều

        // "Người dùng Facebook" is Facebook's placeholder for a deleted account: no name, as in
        // JSON; the reaction under the message stays out of its text.
        let deleted = result.items[4]
        #expect(deleted.author?.isAnonymous == true)
        #expect(deleted.counterparties.map(\.label) == ["Phong Pham"])
        #expect(deleted.text == "the thi thanh nhan vien hu day aa")
        #expect(deleted.rawFragment.contains("😢Phong Pham"))
        #expect(Support.utc(deleted.occurredAt) == "2023-10-13T03:21:16Z")  // 10:21:16sáng
        #expect(result.items[5].attachments.map(\.kind) == [.sticker])
    }

    @Test(
        "msgvault's synthetic page: senders, UTF-8 text, US dates and its Participants line",
        .needsSharedSamples)
    func synthetic() throws {
        let url = Support.sharedSample("facebook", "SYNTHETIC_msgvault_fixtures/html_simple")
        let result = try Support.importArchive(at: url)
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        #expect(result.archive.unparsed == [])
        #expect(
            result.items.map { $0.author?.label ?? "" } == [
                "Test User", "Alice Example", "Test User",
            ])
        #expect(result.items.map { $0.text ?? "" } == ["Hello", "café time?", "See you soon"])
        #expect(
            result.items.map { Support.utc($0.occurredAt) } == [
                "2020-09-13T11:26:00Z", "2020-09-13T11:27:00Z", "2020-09-13T11:28:00Z",
            ])
        // No profile, so no owner: everyone but the sender is a counterparty.
        #expect(result.items[0].counterparties.map(\.label) == ["Alice Example"])
        #expect(result.items[1].counterparties.map(\.label) == ["Test User"])
        #expect(result.items.allSatisfy { $0.conversation == "Alice Example" })
    }

    @Test(
        "msgvault's bare timestamp pages: one record found by structure alone, each date format read",
        .needsSharedSamples,
        arguments: ["layout1.html", "layout2.html", "layout3.html"])
    func timestampLayouts(page: String) throws {
        let url = Support.sharedSample(
            "facebook", "SYNTHETIC_msgvault_fixtures/html_timestamps/\(page)")
        let data = try Data(contentsOf: url)
        let parsed = try MetaHTMLPage.read(data, file: page).page
        var records: [MetaHTMLRecord] = []
        try MetaHTMLRecordReader.forEachRecord(at: parsed.records, in: data, file: page) {
            records.append($0)
        }
        let record = try #require(records.first)
        #expect(parsed.records.count == 1)
        #expect(record.heading?.normalizedText == "Test User")
        #expect(MetaHTMLContent(record.body).texts == ["ping"])
        #expect(parsed.furnitureTexts.contains("Participants: Test User, TS Test"))
        let text = try #require(record.dateText)
        let reading = MetaHTMLDateReader(texts: [text], zone: Support.london).read(text)
        #expect(Support.utc(reading.instant) == "2019-10-19T13:37:00Z")
    }

    // MARK: - Samples/facebook-rebeccahale-2025-03-14-html

    static let htmlSample = "facebook-rebeccahale-2025-03-14-html"

    @Test("the Samples HTML export: every file accounted for, the owner, the JSON export's counts")
    func samplesExport() throws {
        let url = Support.repositorySample(Self.htmlSample)
        let result = try Support.importArchive(at: url)
        #expect(result.archive.variant == .html)
        #expect(result.archive.owner == Person(name: "Rebecca Hale", handle: "rebecca.hale.3317"))
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        #expect(result.items.count == 90)
        #expect(result.archive.media.count == 2)
        #expect(
            result.archive.unparsed.map(\.file).sorted() == [
                "logged_information/search/your_search_history.html", "start_here.html",
            ])
        #expect(result.archive.unparsed.allSatisfy { $0.locator == nil })
        let counts = Dictionary(
            uniqueKeysWithValues: result.archive.coverage.map { ($0.section, $0.itemCount) })
        #expect(
            counts == [
                "Profile": 1, "Posts": 27, "Comments": 8, "Reactions": 6, "Messenger: inbox": 17,
                "Friends": 13, "Friend requests sent": 3, "Friend requests received": 3,
                "Friend requests rejected": 2, "Removed friends": 2, "Following": 5,
                "Followers": 3,
            ])
        let json = try Support.importArchive(
            at: Support.repositorySample("facebook-rebeccahale-2025-03-14"))
        #expect(json.archive.coverage.map(\.itemCount) == result.archive.coverage.map(\.itemCount))
        #expect(json.archive.coverage.map(\.section) == result.archive.coverage.map(\.section))
    }

    @Test(
        "the Samples HTML export agrees with its answer key: page, element path, time, kind, person"
    )
    func samplesAnswerKey() throws {
        let result = try Support.importArchive(at: Support.repositorySample(Self.htmlSample))
        let items = Support.itemsByLocation(result)
        let key = try Support.answerKey("\(Self.htmlSample).answer-key.json")
        #expect(key.count == 92)
        var matched = 0
        for entry in key where entry.activity != "search" {
            let item = try #require(
                items["\(entry.file)#\(entry.pointer)"], "\(entry.key) at \(entry.pointer)")
            #expect(item.kind.rawValue == entry.activity, "\(entry.key)")
            #expect(
                (item.occurredAt.map { TimeFormatting.utcISO8601($0) }) == entry.occurredAt,
                "\(entry.key)")
            if let person = entry.counterparty?.name {
                #expect(item.counterparties.contains { $0.name == person }, "\(entry.key)")
            }
            if entry.activity == "message" {
                #expect(item.isAuthoredByOwner == entry.ownerAuthored, "\(entry.key)")
            }
            matched += 1
        }
        #expect(matched == result.items.count)
        // Spot checks, read in the pages: P14's tag, P06's check-in, M11's text, a follower.
        let p14 = try #require(items[Self.location(key, "P14")])
        #expect(p14.counterparties.map(\.label) == ["Tyler Greaves"])
        #expect(
            p14.attachments.first?.caption?.hasPrefix("Year 5 sports day at Larkfield!") == true)
        let p06 = try #require(items[Self.location(key, "P06")])
        #expect(
            p06.attachments == [
                Attachment(
                    kind: .place, uri: "https://www.facebook.com/larkfieldprimaryschool",
                    caption: "Larkfield Primary School")
            ])
        let m11 = try #require(items[Self.location(key, "M11")])
        #expect(m11.text?.contains("Poor Freddie Turner in my class") == true)
        #expect(
            Set(m11.counterparties.map(\.label)) == [
                "Grace Thompson", "Siobhán Ní Bhriain", "Zoë Fairfax",
            ])
        let w01 = try #require(items[Self.location(key, "W01")])
        #expect(w01.kind == .follower)
        #expect(w01.occurredAt == nil)
        #expect(w01.timeBasis == TimeBasis.none)
    }

    static func location(_ key: [HTMLTestSupport.KeyEntry], _ name: String) -> String {
        key.first { $0.key == name }.map { "\($0.file)#\($0.pointer)" } ?? name
    }
}
