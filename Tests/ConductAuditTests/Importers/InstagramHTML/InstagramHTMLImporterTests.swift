import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The Instagram HTML importer on the real sample and on Rebecca Hale's export in `Samples/`.
@Suite struct InstagramHTMLImporterTests {
    typealias Support = HTMLTestSupport

    @Test(
        "the real 2026 page: senders, right-to-left text, a deleted account, reactions, missing parts",
        .needsSharedSamples
    )
    func realPage() throws {
        let url = Support.sharedSample("instagram", "ig_html_2026-04_justx9019")
        let result = try Support.importArchive(at: url)
        #expect(result.archive.platform == .instagram)
        #expect(result.archive.variant == .html)
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        #expect(result.items.count == 6)
        #expect(result.archive.coverage.map(\.section) == ["Direct messages: inbox"])

        // The only issue: the pagination bars link to two parts the sample does not have.
        #expect(result.archive.unparsed.count == 1)
        let missing = try #require(result.archive.unparsed.first)
        #expect(missing.locator == "pagination")
        #expect(missing.reason.contains("message_2.html, message_3.html"))

        let first = result.items[0]
        #expect(first.platform == .instagram)
        #expect(first.kind == .message)
        #expect(first.author?.name == "upinthehellof")
        #expect(first.text == "هلوو🥺")
        #expect(first.conversation == "Instagram user")
        // "Mar 10, 2026 7:25 pm", GMT.
        #expect(Support.utc(first.occurredAt) == "2026-03-10T19:25:00Z")
        #expect(first.timeBasis == .inferredLocal)
        #expect(first.source.locator == "/html/body/div/div[2]/main/div[3]")
        #expect(Support.utc(result.items[1].occurredAt) == "2024-10-09T00:29:00Z")  // 1:29 am BST

        // "Instagram user" is a deleted account: no name.
        let deleted = result.items[3]
        #expect(deleted.author?.isAnonymous == true)
        #expect(deleted.text == "Reacted ❤️ to your message")
        #expect(deleted.counterparties.map(\.label) == ["upinthehellof"])
        // The reaction list under a message stays in the evidence, not in the text.
        let reacted = result.items[4]
        #expect(reacted.text == "تصبحي بخير على كولتج")
        #expect(reacted.rawFragment.contains("❤️Instagram user"))
        #expect(
            result.items[5].attachments == [
                Attachment(
                    kind: .photo,
                    uri:
                        "your_instagram_activity/messages/inbox/instagramuser_963872435008288/photos/1399106424002535.jpg"
                )
            ])
    }

    // MARK: - Samples/instagram-beckyhale-2025-03-14-html

    static let sample = "instagram-beckyhale-2025-03-14-html"

    @Test("the Samples export: owner, every file accounted for, counts per section, times inferred")
    func samplesExport() throws {
        let url = Support.repositorySample(Self.sample)
        let result = try Support.importArchive(at: url)
        #expect(result.archive.owner == Person(name: "Becky Hale", handle: "becky.hale"))
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        #expect(result.items.count == 23)
        #expect(result.archive.media.count == 6)  // five photos and the logo
        #expect(result.archive.unparsed.map(\.file) == ["start_here.html"])
        let counts = Dictionary(
            uniqueKeysWithValues: result.archive.coverage.map { ($0.section, $0.itemCount) })
        #expect(
            counts == [
                "Profile": 1, "Posts": 3, "Stories": 1, "Comments": 2, "Likes: posts": 2,
                "Direct messages: inbox": 5, "Following": 4, "Followers": 3,
                "Follow requests sent": 1, "Follow requests received": 1,
            ])
        #expect(
            result.items.allSatisfy {
                $0.kind == .profile
                    ? $0.timeBasis == TimeBasis.none : $0.timeBasis == .inferredLocal
            })
    }

    @Test(
        "the Samples export agrees with its answer key: element path, kind, time, direction, person"
    )
    func samplesAnswerKey() throws {
        let result = try Support.importArchive(at: Support.repositorySample(Self.sample))
        let items = Support.itemsByLocation(result)
        let key = try Support.answerKey("\(Self.sample).answer-key.json")
        #expect(key.count == result.items.count)
        for entry in key {
            let item = try #require(items["\(entry.file)#\(entry.pointer)"], "\(entry.key)")
            #expect(item.kind.rawValue == entry.activity, "\(entry.key)")
            #expect(item.isAuthoredByOwner == entry.ownerAuthored, "\(entry.key)")
            #expect(
                item.occurredAt.map { TimeFormatting.utcISO8601($0) } == entry.occurredAt,
                "\(entry.key)")
            if let person = entry.counterparty?.name {
                #expect(
                    item.counterparties.contains { $0.name == person || $0.handle == person },
                    "\(entry.key)")
            }
        }
    }

    @Test(
        "the planted items: the pupil's thread, the follow of his account, a carousel with a mention"
    )
    func plantedItems() throws {
        let result = try Support.importArchive(at: Support.repositorySample(Self.sample))
        let ollie = result.items.filter { $0.conversation == "Ollie Bennett" }
        #expect(ollie.map(\.isAuthoredByOwner) == [false, true, false])
        #expect(ollie.allSatisfy { $0.counterparties == [Person(name: "Ollie Bennett")] })
        #expect(
            ollie.map { $0.author?.label ?? "" } == [
                "Ollie Bennett", "Becky Hale", "Ollie Bennett",
            ])
        #expect(ollie[2].text == "hi miss its ollie 😀 is this ur insta")
        #expect(Support.utc(ollie[2].occurredAt) == "2024-12-07T18:40:00Z")

        let follow = try #require(
            result.items.first {
                $0.kind == .follow && $0.counterparties.first?.handle == "ollie.bennett2013"
            })
        #expect(follow.isAuthoredByOwner)
        #expect(follow.connectionState == .active)

        let carousel = try #require(
            result.items.first { $0.text?.hasPrefix("Padley Gorge") == true })
        #expect(carousel.kind == .post)
        #expect(carousel.counterparties == [Person(handle: "zoe.fairfax")])
        #expect(carousel.attachments.map(\.kind) == [.photo, .photo])
        #expect(
            carousel.attachments.map(\.uri) == [
                "media/posts/202410/17923456789012345.jpg",
                "media/posts/202410/17934567890123456.jpg",
            ])

        let comment = try #require(
            result.items.first { $0.kind == .comment && $0.text == "Congratulations lovely!! x" })
        #expect(comment.counterparties == [Person(handle: "zoe.fairfax")])
        #expect(Support.utc(comment.occurredAt) == "2025-02-12T11:20:00Z")

        let like = try #require(result.items.first { $0.kind == .reaction })
        #expect(like.text == "👍")
        #expect(like.attachments.first?.kind == .link)

        let request = try #require(result.items.first { $0.kind == .friendRequestReceived })
        #expect(request.connectionState == .pending)
        #expect(!request.isAuthoredByOwner)
        let sent = try #require(result.items.first { $0.kind == .friendRequestSent })
        #expect(sent.counterparties == [Person(handle: "jamie.ohara")])

        let twoLines = try #require(result.items.first { $0.text?.hasPrefix("Yes! 10am") == true })
        #expect(twoLines.text == "Yes! 10am at the car park\nI'll bring flapjacks")
    }

    @Test("@mentions are read from captions, once each, without trailing punctuation")
    func mentions() {
        #expect(
            InstagramHTMLItemBuilder.mentions(
                in: "With @zoe.fairfax and @grace_t. Thanks @zoe.fairfax!")
                == ["zoe.fairfax", "grace_t"])
        #expect(InstagramHTMLItemBuilder.mentions(in: "mail me at becky@example.com") == [])
    }
}
