import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The real samples under `shared/formats/samples/whatsapp`, with values checked by reading the
/// files.
@Suite struct WhatsAppSampleTests {
    typealias Support = WhatsAppTestSupport

    static let chatMiner = "chat-miner_test-fixtures/test/whatsapp/"
    static let chatMinerFiles = [
        "test_ddmmyy_24hrs.txt", "test_mmddyy_24hrs.txt", "test_[mmddyy]_24hrs.txt",
        "test_yyyymmdd_24hrs.txt", "test_mmddyyyy_12hrs.txt",
    ]

    /// The chat-miner files hold one chat in five layouts.
    ///
    /// Day-first, month-first, bracketed, year-first and 12-hour "a. m.": every one must give the
    /// same instants.
    @Test(
        "chat-miner: five layouts of one chat give the same messages at the same instants",
        .needsSharedSamples,
        arguments: chatMinerFiles)
    func chatMinerLayouts(file: String) throws {
        let result = try Support.importArchive(at: Support.sample(Self.chatMiner + file))
        #expect(result.archive.platform == .whatsapp)
        #expect(result.items.count == 7)  // 9 dated lines, 2 of them notices
        #expect(
            result.items.compactMap(Support.utc) == [
                "2019-01-01T11:25:00Z", "2019-01-20T11:23:00Z", "2019-01-30T20:49:00Z",
                "2020-06-10T14:55:00Z", "2021-12-10T10:10:00Z", "2021-12-20T12:10:00Z",
                "2021-12-30T22:01:00Z",
            ])
        #expect(result.items.allSatisfy { $0.timeBasis == .inferredLocal })
        #expect(
            result.items.map { $0.author?.label ?? "" } == [
                "John Doe", "John Doe", "Jahn Doe", "John-John Doe", "John Doe \u{1F913}",
                "\u{1F913}", "John Doe",
            ])
        // "John Doe:." has no space after the colon; John Doe sends other messages, so it is his.
        #expect(result.items[1].text == ".")
        #expect(
            result.items[2].text
                == "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero.")
        #expect(result.items[3].text == "Lorem ipsum : dolor sit amet.")
        #expect(result.items.allSatisfy { $0.conversation == "Groupname" })
        // The group's creator is known only from the notice, by number.
        #expect(
            result.items[0].counterparties == [
                Person(accountID: "+12 345 578"), Person(name: "Jahn Doe"),
                Person(name: "John Doe"),
                Person(name: "John Doe \u{1F913}"), Person(name: "John-John Doe"),
                Person(name: "\u{1F913}"),
            ])
        // The one thing not understood: who exported the chat.
        #expect(result.archive.unparsed.count == 1)
        #expect(result.archive.unparsed.first?.reason.contains("cannot be determined") == true)
        #expect(result.archive.owner == nil)
        #expect(result.items.allSatisfy { !$0.isAuthoredByOwner })
        #expect(result.items[2].source.locator == "line 3")
        #expect(result.items[3].source.locator == "line 5")
    }

    @Test(
        "whatstk pokemon.txt: German dotted dates, the group named by its encryption notice",
        .needsSharedSamples)
    func pokemon() throws {
        let url = Support.sample("whatstk_chats/chats/whatsapp/pokemon.txt")
        let result = try Support.importArchive(at: url)
        #expect(result.items.count == 18)  // 20 dated lines; 2 encryption notices
        let first = try #require(result.items.first)
        #expect(first.source.locator == "line 3")
        #expect(first.author == Person(name: "Ash Ketchum"))
        #expect(first.text == "Hey guys!")
        #expect(Support.utc(first) == "2016-08-06T12:23:00Z")  // 13:23 BST
        #expect(first.conversation == "Pokemon Chat")
        #expect(
            first.counterparties.map(\.label) == [
                "Ash Ketchum", "Brock", "Jessie & James", "Meowth", "Misty", "Prof. Oak", "Raichu",
                "Wobbuffet",
            ])
        let last = try #require(result.items.last)
        #expect(last.source.locator == "line 20")
        #expect(Support.utc(last) == "2016-10-31T12:23:00Z")  // after the clocks went back: GMT
        #expect(last.rawFragment == "31.10.2016, 12:23 - Wobbuffet: Wo-bbu-ffet")
        #expect(result.archive.unparsed.map(\.file) == ["pokemon.txt"])  // the owner, only
        #expect(result.archive.coverage.map(\.itemCount) == [18])
    }

    @Test(
        "timelinize _chat.txt: iOS marks, CRLF, mixed date forms, attachments, polls, deletions",
        .needsSharedSamples)
    func timelinize() throws {
        let url = Support.sample(
            "timelinize_test-fixture/datasources/whatsapp/testdata/fixtures/_chat.txt")
        let result = try Support.importArchive(at: url)
        #expect(result.items.count == 17)  // 24 dated lines; 2 notices (encryption, number change)

        // "You deleted this message." at line 10 is Person 1's: Person 1 exported the chat.
        #expect(result.archive.owner == Person(name: "Person 1"))
        #expect(result.archive.ownerEvidence?.contains("(line 10)") == true)
        #expect(result.items.filter(\.isAuthoredByOwner).count == 6)
        #expect(
            result.items.first?.counterparties == [
                Person(name: "Person 2"), Person(name: "Person 3"),
                Person(name: "Persona espa\u{F1}ol"),
            ])
        // Its encryption notice is attributed to the owner, so it does not name the chat.
        #expect(result.items.allSatisfy { $0.conversation == nil })

        let reply = try #require(Support.item(result, line: 4))
        #expect(Support.utc(reply) == "2020-04-01T11:00:04Z")  // "2020.04.01", BST
        #expect(reply.text?.hasSuffix("emoji \u{263A}\u{FE0F}") == true)
        let multiLine = try #require(Support.item(result, line: 5))
        #expect(multiLine.text == "Someone else\nwith a lot to say\nover multiple lines!")
        #expect(Support.utc(multiLine) == "2020-05-01T11:00:05Z")  // "2020/05/01"
        let image = try #require(Support.item(result, line: 8))
        #expect(image.attachments == [Attachment(kind: .photo, uri: "some-image.jpg")])
        #expect(image.text == nil)
        #expect(
            image.rawFragment.hasPrefix(
                "\u{200E}[2020-06-01, 12:00:06] Person 1: \u{200E}<attached:"))
        let deleted = try #require(Support.item(result, line: 10))
        #expect(deleted.title == "You deleted this message.")
        #expect(deleted.text == nil)
        #expect(deleted.isAuthoredByOwner)
        let document = try #require(Support.item(result, line: 12))
        #expect(document.text == "A PDF.pdf \u{2022} 1 page")
        #expect(document.attachments == [Attachment(kind: .file, uri: "some-doc.pdf")])
        let poll = try #require(Support.item(result, line: 13))
        #expect(
            poll.text == "POLL:\nA question\nOPTION: Option A (1 vote)\nOPTION: Option B (2 votes)")
        #expect(
            Support.item(result, line: 19)?.attachments == [
                Attachment(kind: .photo, caption: "image omitted")
            ])
        // Call logs are the caller's, with WhatsApp's note as the title and no text.
        let missed = try #require(Support.item(result, line: 20))
        #expect(missed.title == "Missed voice call")
        #expect(missed.text == nil)
        #expect(Support.item(result, line: 21)?.title == "Video call, 5 min")
        #expect(Support.item(result, line: 21)?.text == nil)
        #expect(Support.item(result, line: 22)?.title == "This message was deleted.")
        let edited = try #require(Support.item(result, line: 23))
        #expect(edited.text == "An edited message")
        #expect(edited.title == "This message was edited")

        // "01/07/2025" is the only date whose order matters, and the file cannot settle it.
        let spanish = try #require(Support.item(result, line: 24))
        #expect(spanish.author == Person(name: "Persona espa\u{F1}ol"))
        #expect(Support.utc(spanish) == "2025-07-01T11:00:19Z")
        #expect(spanish.timeBasis == .ambiguousLocal)
        #expect(result.items.filter { $0.timeBasis == .ambiguousLocal }.count == 1)

        // Not understood: the date order, and two attached files that are not in the folder.
        #expect(
            result.archive.unparsed.map { $0.locator ?? "file" } == ["file", "line 8", "line 12"])
        #expect(result.archive.media.isEmpty)  // the folder holds the chat only
    }
}
