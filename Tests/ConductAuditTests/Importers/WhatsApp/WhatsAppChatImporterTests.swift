import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Small hand-made chats, each showing one behaviour of the importer.
@Suite struct WhatsAppChatImporterTests {
    typealias Support = WhatsAppTestSupport

    @Test("an iOS chat: seconds, a multi-line message, a notice, the chat's name and its parts")
    func iosChat() throws {
        let chat = """
            [18/01/2025, 18:40:12] Sam Taylor: \u{200E}Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.\r
            [18/01/2025, 18:40:12] Sam Taylor: first line\r
            second line\r
            \r
            third line\r
            [18/01/2025, 18:52:40] Alex Price: reply: with a colon\r

            """
        let result = try Support.importChat(chat, named: "WhatsApp Chat with Sam Taylor.txt")
        #expect(result.archive.platform == .whatsapp)
        #expect(result.archive.variant == .txt)
        #expect(result.items.count == 2)
        let first = try #require(Support.item(result, line: 2))
        #expect(first.kind == .message)
        #expect(first.text == "first line\nsecond line\n\nthird line")
        #expect(
            first.rawFragment
                == "[18/01/2025, 18:40:12] Sam Taylor: first line\nsecond line\n\nthird line")
        #expect(first.author == Person(name: "Sam Taylor"))
        #expect(first.conversation == "Sam Taylor")
        #expect(first.source.file == "WhatsApp Chat with Sam Taylor.txt")
        #expect(Support.utc(first) == "2025-01-18T18:40:12Z")
        #expect(first.timeBasis == .inferredLocal)
        let reply = try #require(Support.item(result, line: 6))
        #expect(reply.text == "reply: with a colon")
        #expect(reply.author == Person(name: "Alex Price"))
        #expect(result.archive.coverage.map(\.section) == ["WhatsApp chat: Sam Taylor"])
        #expect(result.archive.coverage.first?.files == ["WhatsApp Chat with Sam Taylor.txt"])
    }

    @Test("an Android 12-hour group: U+202F before am/pm, notices, numbers, media placeholders")
    func androidGroup() throws {
        let chat = """
            01/09/2024, 7:02\u{202F}pm - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
            01/09/2024, 7:02\u{202F}pm - Sarah created group "Class: 5B"
            01/09/2024, 7:03\u{202F}pm - Sarah added you
            01/09/2024, 7:03\u{202F}pm - Sarah added Dan, Priya and \u{202A}+44 7700 900456\u{202C}
            01/09/2024, 7:05\u{202F}PM - \u{202A}+44 7700 900456\u{202C}: <Media omitted>
            13/09/2024, 12:05\u{202F}am - Dan: This message was deleted
            13/09/2024, 12:40\u{202F}pm - Priya: edited text <This message was edited>
            13/09/2024, 1:10\u{202F}pm - Dan left
            """
        let result = try Support.importChat(chat)
        #expect(result.items.count == 3)
        let media = try #require(Support.item(result, line: 5))
        #expect(media.author == Person(accountID: "+44 7700 900456"))
        #expect(media.text == nil)
        #expect(media.attachments == [Attachment(kind: .other, caption: "<Media omitted>")])
        #expect(media.conversation == "Class: 5B")
        #expect(Support.utc(media) == "2024-09-01T18:05:00Z")
        let deleted = try #require(Support.item(result, line: 6))
        #expect(deleted.text == nil)
        #expect(deleted.title == "This message was deleted")
        #expect(Support.utc(deleted) == "2024-09-12T23:05:00Z")  // 12:05 am BST
        let edited = try #require(Support.item(result, line: 7))
        #expect(edited.text == "edited text")
        #expect(edited.title == "This message was edited")
        #expect(Support.utc(edited) == "2024-09-13T11:40:00Z")
        // Participants come from messages and notices; "you" is the exporter, never a name.
        #expect(
            media.counterparties == [
                Person(accountID: "+44 7700 900456"), Person(name: "Dan"), Person(name: "Priya"),
                Person(name: "Sarah"),
            ])
    }

    @Test("a typed message that reads like a notice stays a message")
    func typedNoticeWordsStayMessages() throws {
        let chat = """
            13/09/2024, 10:00 - Dan: Sarah added Priya to the rota
            13/09/2024, 10:01 - Dan: Messages and calls are end-to-end encrypted, apparently
            """
        let result = try Support.importChat(chat)
        #expect(result.items.map(\.text) == ["Sarah added Priya to the rota"])
        // The encryption wording after a sender is WhatsApp's notice, attributed to the chat.
    }

    @Test("the date order comes from the whole file: a late day-first date decides every line")
    func dayFirstFromWholeFile() throws {
        let chat = """
            03/04/2024, 10:00 - A: early April, read day-first
            05/04/2024, 10:00 - B: still day-first
            25/04/2024, 10:00 - A: this line shows the order
            """
        let result = try Support.importChat(chat)
        #expect(Support.utc(Support.item(result, line: 1)) == "2024-04-03T09:00:00Z")
        #expect(result.items.allSatisfy { $0.timeBasis == .inferredLocal })
        #expect(result.archive.unparsed.allSatisfy { !$0.reason.contains("day-first") })
    }

    @Test("a US file is month-first from its own dates")
    func monthFirstFromWholeFile() throws {
        let chat = """
            3/4/24, 9:00 AM - A: March the fourth
            3/14/24, 9:00 AM - B: pi day shows the order
            """
        let result = try Support.importChat(chat)
        #expect(Support.utc(Support.item(result, line: 1)) == "2024-03-04T09:00:00Z")
        #expect(result.items.allSatisfy { $0.timeBasis == .inferredLocal })
    }

    @Test("a file whose dates could be either way is read day-first, marked ambiguous and reported")
    func undecidableOrderReported() throws {
        let chat = """
            03/04/2024, 10:00 - A: third of April or fourth of March
            05/05/2024, 10:00 - B: reads the same either way
            """
        let result = try Support.importChat(chat)
        let dependent = try #require(Support.item(result, line: 1))
        #expect(Support.utc(dependent) == "2024-04-03T09:00:00Z")
        #expect(dependent.timeBasis == .ambiguousLocal)
        #expect(Support.item(result, line: 2)?.timeBasis == .inferredLocal)
        let issue = try #require(result.archive.unparsed.first { $0.reason.contains("day-first") })
        #expect(issue.file == "chat.txt")
        #expect(issue.locator == nil)
        #expect(issue.reason.contains("1 dated line(s) would read differently month-first"))
    }

    @Test(
        "a time in the repeated autumn hour is ambiguous, takes the earlier instant, and is noted")
    func autumnOverlapNoted() throws {
        let chat = """
            27/10/2024, 1:24\u{202F}am - A: in the hour that happens twice
            27/10/2024, 2:10\u{202F}am - A: after it
            """
        let result = try Support.importChat(chat)
        let overlap = try #require(Support.item(result, line: 1))
        #expect(overlap.timeBasis == .ambiguousLocal)
        #expect(Support.utc(overlap) == "2024-10-27T00:24:00Z")
        #expect(Support.item(result, line: 2)?.timeBasis == .inferredLocal)
        #expect(Support.utc(Support.item(result, line: 2)) == "2024-10-27T02:10:00Z")
        let issue = try #require(result.archive.unparsed.first { $0.locator == "line 1" })
        #expect(issue.reason.contains("happened twice"))
    }

    @Test(
        "a time in the skipped spring hour is noted; an impossible date keeps the message untimed")
    func gapAndImpossibleDates() throws {
        let chat = """
            31/03/2024, 1:30 - A: in the hour that never was
            31/02/2024, 10:00 - A: no such day
            """
        let result = try Support.importChat(chat)
        #expect(Support.item(result, line: 1)?.timeBasis == .ambiguousLocal)
        #expect(result.archive.unparsed.contains { $0.locator == "line 1" })
        let untimed = try #require(Support.item(result, line: 2))
        #expect(untimed.occurredAt == nil)
        #expect(untimed.timeBasis == TimeBasis.none)
        let issue = try #require(result.archive.unparsed.first { $0.locator == "line 2" })
        #expect(issue.reason.contains("not a real date"))
    }

    @Test("the same text sent twice in one minute is two items")
    func repeatsAreDistinct() throws {
        let chat = """
            13/09/2024, 10:00 - A: ok
            13/09/2024, 10:00 - A: ok
            13/09/2024, 10:00 - A: ok
            """
        let result = try Support.importChat(chat)
        #expect(Set(result.items.map(\.id)).count == 3)
        // …and re-reading the same chat gives the same three ids.
        let again = try Support.importChat(chat)
        #expect(again.items.map(\.id) == result.items.map(\.id))
    }

    @Test(
        "a zip with media: attachments linked to their files, media hashed, chat named by the zip")
    func zipWithMedia() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = Data((0..<1500).map { UInt8($0 % 253) })
        let pdf = Data("%PDF-1.4 tiny".utf8)
        let chat = """
            [17/06/2020, 15:13:20] Sam: \u{200E}<attached: 00000012-PHOTO-2020-06-17-15-13-20.jpg>\r
            \u{200E}[17/06/2020, 15:14:00] Sam: Report.pdf \u{2022} \u{200E}1 page \u{200E}<attached: 00000013-Report.pdf>\r
            [17/06/2020, 15:15:00] Sam: \u{200E}<attached: 00000014-AUDIO-2020-06-17-15-15-00.opus>\r

            """
        let zipURL = folder.appendingPathComponent("WhatsApp Chat - Year 5 Trip.zip")
        try Support.zip(
            [
                ("_chat.txt", Data(chat.utf8)),
                ("00000012-PHOTO-2020-06-17-15-13-20.jpg", photo),
                ("00000013-Report.pdf", pdf),
            ], to: zipURL)
        let result = try Support.importArchive(at: zipURL)

        #expect(result.items.count == 3)
        let first = try #require(Support.item(result, line: 1))
        #expect(first.conversation == "Year 5 Trip")
        #expect(
            first.attachments == [
                Attachment(kind: .photo, uri: "00000012-PHOTO-2020-06-17-15-13-20.jpg")
            ])
        #expect(first.text == nil)
        let document = try #require(Support.item(result, line: 2))
        #expect(document.attachments == [Attachment(kind: .file, uri: "00000013-Report.pdf")])
        #expect(document.text == "Report.pdf \u{2022} 1 page")
        let audio = try #require(Support.item(result, line: 3))
        #expect(audio.attachments.first?.kind == .audio)
        #expect(
            result.archive.media.sorted { $0.path < $1.path } == [
                MediaFile(
                    path: "00000012-PHOTO-2020-06-17-15-13-20.jpg", size: 1500,
                    sha256: SHA256Hex.digest(of: photo)),
                MediaFile(
                    path: "00000013-Report.pdf", size: UInt64(pdf.count),
                    sha256: SHA256Hex.digest(of: pdf)),
            ])
        // The audio note is not in the zip: said, with its line.
        let missing = try #require(result.archive.unparsed.first { $0.locator == "line 3" })
        #expect(
            missing.reason.contains(
                "'00000014-AUDIO-2020-06-17-15-15-00.opus' is not in this archive"))
        #expect(result.archive.coverage.first?.files == ["_chat.txt"])
        // Besides the missing audio: nothing shows who exported this chat.
        #expect(result.archive.unparsed.map(\.locator) == [nil, "line 3"])
    }

    @Test("an Android zip with media: the file and its caption on the next line")
    func androidAttachmentWithCaption() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chat = """
            19/09/2024, 8:47\u{202F}pm - Dan: IMG-20240919-WA0003.jpg (file attached)
            Is this the right book?
            """
        let zipURL = folder.appendingPathComponent("chat-export.zip")
        try Support.zip(
            [
                ("WhatsApp Chat with Reading Group.txt", Data(chat.utf8)),
                ("IMG-20240919-WA0003.jpg", Data([0xFF, 0xD8, 0xFF, 0xD9])),
            ], to: zipURL)
        let result = try Support.importArchive(at: zipURL)
        let item = try #require(result.items.first)
        #expect(item.text == "Is this the right book?")
        #expect(item.attachments == [Attachment(kind: .photo, uri: "IMG-20240919-WA0003.jpg")])
        #expect(item.conversation == "Reading Group")
        #expect(result.archive.media.map(\.path) == ["IMG-20240919-WA0003.jpg"])
        #expect(result.archive.unparsed.filter { $0.locator != nil } == [])
    }

    // MARK: - Owner

    static let pupilChat = """
        18/01/2025, 18:40 - Ollie: hi miss
        18/01/2025, 18:52 - Becky Hale: Please only use this number for the trip.
        """

    @Test("without evidence the owner is not guessed: an issue says why, nothing is the owner's")
    func ownerUndetermined() throws {
        let result = try Support.importChat(Self.pupilChat)
        #expect(result.archive.owner == nil)
        #expect(result.archive.ownerEvidence == nil)
        #expect(result.items.allSatisfy { !$0.isAuthoredByOwner })
        // Everyone is a counterparty when no one is the owner.
        #expect(
            result.items.first?.counterparties == [
                Person(name: "Becky Hale"), Person(name: "Ollie"),
            ])
        let issue = try #require(result.archive.unparsed.first { $0.reason.contains("exporter") })
        #expect(issue.locator == nil)
        #expect(issue.reason.contains("only one chat was given"))
    }

    @Test("the owner by hint: a listed name or number matching one participant")
    func ownerByHint() throws {
        let byName = try Support.importChat(
            Self.pupilChat, hints: ["becky hale", "+44 7700 900999"])
        #expect(byName.archive.owner == Person(name: "Becky Hale"))
        #expect(byName.items.map(\.isAuthoredByOwner) == [false, true])
        #expect(byName.items.allSatisfy { $0.counterparties == [Person(name: "Ollie")] })
        #expect(byName.archive.ownerEvidence?.contains("matches a WhatsApp account") == true)

        let byNumber = try Support.importChat(
            """
            18/01/2025, 18:40 - Ollie: hi miss
            18/01/2025, 18:52 - +44 7700 900123: Please only use this number for the trip.
            """, hints: ["07700 900123"])
        #expect(byNumber.archive.owner == Person(accountID: "+44 7700 900123"))
        #expect(byNumber.items.map(\.isAuthoredByOwner) == [false, true])
    }

    @Test("the owner by \"You deleted this message.\", which only the exporter's copy shows")
    func ownerByDeletedLine() throws {
        let result = try Support.importChat(
            Self.pupilChat + "\n18/01/2025, 18:53 - Becky Hale: You deleted this message")
        #expect(result.archive.owner == Person(name: "Becky Hale"))
        #expect(result.archive.ownerEvidence?.contains("line 3") == true)
        #expect(result.items.filter(\.isAuthoredByOwner).count == 2)
    }

    @Test("the owner as the one participant present in every chat given together")
    func ownerByCommonParticipant() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Support.write(Self.pupilChat, named: "one.txt", in: folder)
        let second = try Support.write(
            """
            02/02/2025, 09:00 - Priya: Can you swap duty?
            02/02/2025, 09:05 - Becky Hale: Yes
            """, named: "two.txt", in: folder)
        let results = try Support.importArchives(at: [first, second])
        #expect(results.count == 2)
        for result in results {
            #expect(result.archive.owner == Person(name: "Becky Hale"))
            #expect(result.archive.ownerEvidence?.contains("present in all 2 chats") == true)
            #expect(
                result.items.filter(\.isAuthoredByOwner).map(\.author) == [
                    Person(name: "Becky Hale")
                ])
        }
    }

    @Test("evidence that disagrees leaves the owner undetermined and says so")
    func ownerConflict() throws {
        let result = try Support.importChat(
            Self.pupilChat + "\n18/01/2025, 18:53 - Becky Hale: You deleted this message",
            hints: ["Ollie"])
        #expect(result.archive.owner == nil)
        #expect(result.items.allSatisfy { !$0.isAuthoredByOwner })
        #expect(result.archive.unparsed.contains { $0.reason.contains("the evidence disagrees") })
    }

    // MARK: - Recognition

    @Test("text files that are not chats are not claimed")
    func notAChat() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Support.write(
            "README\nThis archive holds your tweets.\n", named: "README.txt", in: folder)
        #expect(WhatsAppChatImporter().recognizedVariant(of: try ArchiveReader(url: url)) == nil)
        #expect(throws: ImportError.self) { try Support.importArchive(at: url) }
    }
}
