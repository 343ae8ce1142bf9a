import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The English title sentences that name the other person of a comment, reaction or post.
@Suite struct FacebookTitleTests {
    @Test(
        "finds the commented-on person",
        arguments: [
            ("Jane Doe commented on Mat Bright's post.", "Mat Bright"),
            ("Jane Doe commented on Mat Bright\u{2019}s photo.", "Mat Bright"),
            ("Jane Doe replied to Sean O'Neil's comment.", "Sean O'Neil"),
            ("Jane Doe commented on Ann Lee's post in Year 6's group.", "Ann Lee"),
        ])
    func commented(title: String, person: String) {
        #expect(FacebookTitle.commentedPerson(in: title) == person)
    }

    @Test(
        "names nobody for own content, unnamed content or other languages",
        arguments: [
            "Jane Doe commented on her own photo.", "Jane Doe commented on his own video.",
            "Jane Doe replied to their own comment.", "Jane Doe commented on a post.",
            "Gustav Johansen har kommenteret Anders Jacobsens opslag.", "",
        ])
    func commentedNobody(title: String) {
        #expect(FacebookTitle.commentedPerson(in: title) == nil)
    }

    @Test(
        "finds the reacted-to person",
        arguments: [
            ("Jack Langdon likes Ester Short's photo.", "Ester Short"),
            ("Jack Langdon reacted to Lenka Ley's post.", "Lenka Ley"),
            ("Georgianne Cleone Gotko was sad about Corie Incorvaia's story.", "Corie Incorvaia"),
            ("Georgianne Cleone Gotko voted on a poll in Steve Prok's story.", "Steve Prok"),
        ])
    func reacted(title: String, person: String) {
        #expect(FacebookTitle.reactedPerson(in: title) == person)
    }

    @Test("reads timeline owners, authors on the owner's timeline and group names")
    func timelinesAndGroups() {
        #expect(
            FacebookTitle.timelineOwner(in: "Jane Doe wrote on Aaron Shores's timeline.")
                == "Aaron Shores")
        #expect(
            FacebookTitle.timelineOwner(in: "Jane Doe wrote on Aaron Shores's wall photo.") == nil)
        #expect(FacebookTitle.timelineOwner(in: "Jane Doe updated her status.") == nil)
        #expect(
            FacebookTitle.authorOfPostOnYourTimeline(in: "Sam Taylor wrote on your timeline.")
                == "Sam Taylor")
        #expect(
            FacebookTitle.groupName(in: "Zoë Hale posted in Year 6 Parents.") == "Year 6 Parents")
        #expect(FacebookTitle.reactedPerson(in: "Jack Langdon likes his own post.") == nil)
    }

    @Test("numbered files sort numerically and message parts are recognised")
    func layoutNames() {
        let paths = [
            "m/message_10.json", "m/message_9.json", "m/message_1.json", "m/message_2.json",
            "m/photos/a.jpg",
        ]
        let entries = paths.map { ArchiveReader.Entry(path: $0, size: 1) }
        let ordered = FacebookArchiveLayout(entries: entries).orderedEntries.map(\.path)
        #expect(
            ordered == [
                "m/message_1.json", "m/message_2.json", "m/message_9.json", "m/message_10.json",
                "m/photos/a.jpg",
            ])
        #expect(FacebookArchiveLayout.isMessagePart("message.json"))
        #expect(FacebookArchiveLayout.isMessagePart("message_12.json"))
        #expect(!FacebookArchiveLayout.isMessagePart("message_.json"))
        #expect(!FacebookArchiveLayout.isMessagePart("messages.json"))
        #expect(FacebookArchiveLayout.isNumberedFile("alice_1.json"))
        #expect(!FacebookArchiveLayout.isNumberedFile("_1.json"))
    }
}
