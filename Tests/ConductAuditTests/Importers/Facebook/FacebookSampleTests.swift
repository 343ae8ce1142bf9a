import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The real samples under `shared/formats/samples/facebook`, with values checked by reading the files.
@Suite struct FacebookSampleTests {
    typealias Support = FacebookTestSupport

    @Test(
        "every file of every JSON sample is imported, indexed or listed with a reason",
        .needsSharedSamples,
        arguments: [
            "fb_json_2022_corsali", "fb_json_2026_thanhbobber", "fb_json_c2020_HunterHillis",
            "fb_json_c2022_Waultar", "SYNTHETIC_msgvault_fixtures/e2ee_simple",
        ])
    func everyFileAccountedFor(sample: String) throws {
        let url = Support.sample(sample)
        let result = try Support.importArchive(at: url)
        #expect(try Support.accountingProblems(result, archive: url) == [])
        #expect(result.archive.platform == .facebook)
        #expect(result.archive.variant == .json)
        #expect(result.archive.itemCount == result.items.count)
        #expect(result.archive.coverage.map(\.itemCount).reduce(0, +) == result.items.count)
        for item in result.items {
            #expect(item.source.archivePath == url.path)
            #expect(item.rawFragment.hasPrefix("{"))
        }
    }

    @Test(
        "HTML-only exports are not claimed", .needsSharedSamples,
        arguments: ["fb_html_2023-11_phongpro321", "SYNTHETIC_msgvault_fixtures/html_simple"])
    func htmlNotClaimed(sample: String) throws {
        let reader = try ArchiveReader(url: Support.sample(sample))
        #expect(FacebookJSONImporter().recognizedVariant(of: reader) == nil)
    }

    @Test(
        "Instagram exports, whose message threads look like Messenger's, are not claimed",
        .needsSharedSamples,
        arguments: [
            "ig_json_2022-07_corsali_test-account", "ig_json_c2021_Waultar",
            "ig_json_2025-04_Hitchgernn",
        ])
    func instagramNotClaimed(sample: String) throws {
        let url = Support.samplesRoot.appendingPathComponent("../instagram/\(sample)")
            .standardizedFileURL
        let reader = try ArchiveReader(url: url)
        #expect(FacebookJSONImporter().recognizedVariant(of: reader) == nil)
    }

    // MARK: - 2022 (corsali): posts, uploads, reactions, story reactions, every connection file

    @Test(
        "2022 export: counts per section, and the feed-setting file read but not imported",
        .needsSharedSamples)
    func corsaliCounts() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_2022_corsali"))
        #expect(result.archive.owner == nil)  // no profile file in this sample
        #expect(result.items.count == 120)
        let counts = Dictionary(
            uniqueKeysWithValues: result.archive.coverage.map { ($0.section, $0.itemCount) })
        #expect(
            counts == [
                "Posts": 24, "Posts: uploaded photos and videos": 7, "Reactions": 4,
                "Story reactions": 10,
                "Friends": 4, "Friend requests sent": 2, "Friend requests received": 4,
                "Friend requests rejected": 3, "Removed friends": 4, "Following": 3,
                "Followers": 55,
            ])
        #expect(result.archive.unparsed.count == 1)
        let seeLess = try #require(result.archive.unparsed.first)
        #expect(seeLess.file == "friends_and_followers/friends_you_see_less.json")
        #expect(seeLess.reason.hasPrefix("read, not imported"))
        #expect(result.archive.media.isEmpty)
    }

    @Test(
        "2022 export: connection kinds, states and times; followers have no time and raise no issue",
        .needsSharedSamples
    )
    func corsaliConnections() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_2022_corsali"))
        let friend = try #require(
            Support.item(result, file: "friends.json", locator: "/friends_v2/0"))
        #expect(friend.kind == .friend)
        #expect(friend.connectionState == .active)
        #expect(friend.counterparties == [Person(name: "Jackie Chan")])
        #expect(friend.occurredAt == Date(timeIntervalSince1970: 1_638_795_396))
        #expect(friend.timeBasis == .explicit)

        let received = try #require(
            Support.item(
                result, file: "friend_requests_received.json", locator: "/received_requests_v2/0"))
        #expect(received.kind == .friendRequestReceived)
        #expect(received.connectionState == .pending)
        #expect(received.isAuthoredByOwner == false)
        let rejected = try #require(
            Support.item(
                result, file: "rejected_friend_requests.json", locator: "/rejected_requests_v2/0"))
        #expect(rejected.kind == .friendRequestReceived)
        #expect(rejected.connectionState == .rejected)
        #expect(rejected.counterparties == [Person(name: "Beth Scott")])
        let removed = try #require(
            Support.item(result, file: "removed_friends.json", locator: "/deleted_friends_v2/0"))
        #expect(removed.kind == .friend)
        #expect(removed.connectionState == .removed)
        let sent = try #require(
            Support.item(result, file: "friend_requests_sent.json", locator: "/sent_requests_v2/1"))
        #expect(sent.kind == .friendRequestSent)
        #expect(sent.isAuthoredByOwner)
        #expect(sent.counterparties == [Person(name: "Robert Santos")])
        let follow = try #require(
            Support.item(result, file: "who_you_follow.json", locator: "/following_v2/1"))
        #expect(follow.kind == .follow)
        #expect(follow.counterparties == [Person(name: "Abingdon Race Team")])

        let followers = result.items.filter { $0.kind == .follower }
        #expect(followers.count == 55)
        #expect(followers.allSatisfy { $0.occurredAt == nil && $0.timeBasis == .none })
        #expect(followers.contains { $0.counterparties == [Person(name: "Valérie Zouma")] })
        #expect(followers.contains { $0.counterparties == [Person(name: "Wilson Gonzaleź")] })
        #expect(Support.coverage(result, "Followers")?.itemsWithoutTime == 55)
    }

    @Test(
        "2022 export: posts on someone's timeline, photo captions, links, reactions and story reactions",
        .needsSharedSamples
    )
    func corsaliContent() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_2022_corsali"))
        let wall = try #require(Support.item(result, file: "your_posts_1.json", locator: "/19"))
        #expect(wall.kind == .post)
        #expect(wall.isAuthoredByOwner)
        #expect(wall.text == "Happy birthday old ass")
        #expect(wall.title == "Jane Doe wrote on Aaron Shores's timeline.")
        #expect(wall.counterparties == [Person(name: "Aaron Shores")])
        #expect(wall.occurredAt == Date(timeIntervalSince1970: 1_508_338_151))

        let photo = try #require(Support.item(result, file: "your_posts_1.json", locator: "/14"))
        #expect(
            photo.attachments == [
                Attachment(
                    kind: .photo,
                    uri:
                        "posts/media/Mobileuploads_rbtqA7gCxw/22384379_107969186629515_7448240145148373536_o_107969186629515.jpg",
                    caption: "Baking with the grammy")
            ])
        let link = try #require(Support.item(result, file: "your_posts_1.json", locator: "/1"))
        #expect(link.attachments == [Attachment(kind: .link, uri: "http://janedoe.sarahah.com/")])

        let video = try #require(
            Support.item(result, file: "your_videos.json", locator: "/videos_v2/1"))
        #expect(video.kind == .post)
        #expect(video.attachments.first?.kind == .video)
        #expect(video.attachments.first?.caption == "boyfriend and his nephew argue over your *")

        let like = try #require(
            Support.item(result, file: "posts_and_comments.json", locator: "/reactions_v2/0"))
        #expect(like.kind == .reaction)
        #expect(like.text == "LIKE")
        #expect(like.author == Person(name: "Jack Langdon"))
        #expect(like.counterparties == [Person(name: "Ester Short")])
        #expect(like.title == "Jack Langdon likes Ester Short's photo.")
        let sorry = try #require(
            Support.item(result, file: "posts_and_comments.json", locator: "/reactions_v2/3"))
        #expect(sorry.text == "SORRY")
        #expect(sorry.counterparties == [Person(name: "Lenka Ley")])

        let story = try #require(
            Support.item(result, file: "story_reactions.json", locator: "/stories_feedback_v2/8"))
        #expect(story.kind == .reaction)
        #expect(story.counterparties == [Person(name: "Corie Incorvaia")])
        let poll = try #require(
            Support.item(result, file: "story_reactions.json", locator: "/stories_feedback_v2/2"))
        #expect(poll.counterparties == [Person(name: "Steve Prok")])
        #expect(poll.attachments.first?.caption == "POWER GRAB  (voted)")
    }

    // MARK: - 2026 (thanhbobber): Vietnamese mojibake, connections folder, flattened message thread

    @Test(
        "2026 export: repaired Vietnamese names, the thread, and three files read but not imported",
        .needsSharedSamples)
    func thanhbobber() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_2026_thanhbobber"))
        #expect(result.archive.owner == nil)
        #expect(result.items.count == 23)
        let friends = result.items.filter { $0.kind == .friend && $0.connectionState == .active }
        #expect(
            friends.map { $0.counterparties.first?.name } == [
                "Đinh Ngọc Thiện", "Hoàng Anh Khoa", "Lê Thế Tư",
            ])
        let follower = try #require(
            Support.item(result, file: "people_who_followed_you.json", locator: "/followers_v3/0"))
        #expect(follower.counterparties == [Person(name: "Trần Liên")])
        let follow = try #require(
            Support.item(result, file: "who_you've_followed.json", locator: "/following_v3/1"))
        #expect(follow.counterparties == [Person(name: "Vũ Thoại Academy")])
        #expect(follow.occurredAt == Date(timeIntervalSince1970: 1_772_325_690))

        let messages = result.items.filter { $0.kind == .message }
        #expect(messages.count == 6)
        let inbox = try #require(Support.coverage(result, "Messenger: inbox"))
        #expect(inbox.itemCount == 6)
        #expect(inbox.unnamedCounterparties == 5)  // the other participant's name is "" in the file
        let first = try #require(
            Support.item(result, file: "message_1.json", locator: "/messages/0"))
        #expect(first.conversation == "inbox/1004027223469146")
        #expect(first.author == Person(name: "Thành Bobber"))
        #expect(first.isAuthoredByOwner == false)  // no profile: the owner is unknown
        #expect(first.text?.hasPrefix("Tuyệt chiêu Thu hút TRIỆU VIEW") == true)
        #expect(first.occurredAt == Date(timeIntervalSince1970: 1_736_477_443.701))

        #expect(
            Set(result.archive.unparsed.map(\.file)) == [
                "messaging_settings.json", "connections/friends/people_you_may_know.json",
                "connections/friends/your_post_audiences.json",
            ])
        let suggestions = result.archive.unparsed.first {
            $0.file.hasSuffix("people_you_may_know.json")
        }
        #expect(suggestions?.reason.hasPrefix("read, not imported") == true)
    }

    // MARK: - c. 2020 (HunterHillis): recommendations, check-ins, emoji

    @Test(
        "2020 posts: emoji repaired, check-in places, typed links and shared memories",
        .needsSharedSamples)
    func hunterHillis() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_c2020_HunterHillis"))
        #expect(result.items.count == 11)
        #expect(result.items.allSatisfy { $0.kind == .post && $0.isAuthoredByOwner })
        let sing = try #require(Support.item(result, file: "your_posts_1.json", locator: "/7"))
        #expect(sing.text == "😂😂 You can never grow out of these movies 😂😂")
        #expect(
            sing.attachments == [
                Attachment(kind: .link, uri: "https://www.facebook.com/SingMovie/")
            ])
        let checkIn = try #require(Support.item(result, file: "your_posts_1.json", locator: "/5"))
        #expect(checkIn.attachments.count == 2)
        #expect(
            checkIn.attachments.last
                == Attachment(
                    kind: .place, uri: "https://www.facebook.com/pages/Georgetown/603069463050729",
                    caption: "Georgetown, Washington D.C., DC 20007"))
        let moldova = try #require(Support.item(result, file: "your_posts_1.json", locator: "/8"))
        #expect(moldova.text == "Discover the routes of life in Moldova 🇲🇩✌🏼️#VisitMoldova")
    }

    // MARK: - c. 2022 (Waultar): profile, comments, reactions, a Messenger thread

    @Test(
        "2022 export with a profile: the owner, the profile item and Danish text",
        .needsSharedSamples)
    func waultarProfile() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_c2022_Waultar"))
        #expect(result.archive.owner == Person(name: "REDACTED FULLNAME", handle: "cyb0rgninj4"))
        #expect(result.items.count == 45)
        let profile = try #require(result.items.first { $0.kind == .profile })
        #expect(profile.source.file == "profile_information/v2_profile_information.json")
        #expect(profile.source.locator == "/profile_v2")
        #expect(profile.occurredAt == nil)
        let text = try #require(profile.text)
        #expect(text.contains("Name: REDACTED FULLNAME"))
        #expect(text.contains("Birthday: 2021-02-12"))
        #expect(text.contains("IT-Universitetet i København"))
        #expect(text.contains("H.C. Ørsted Gymnasiet Lyngby"))
        #expect(
            Set(result.archive.unparsed.map(\.file)) == [
                "events/event_invitations.json", "groups/your_group_membership_activity.json",
            ])
    }

    @Test(
        "2022 export: comments keep the localized title and get no invented counterparty",
        .needsSharedSamples)
    func waultarComments() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_c2022_Waultar"))
        // The comments file was renamed by the sample's authors; it is recognised by its key.
        #expect(
            Support.coverage(result, "Comments")?.files == [
                "comments_and_reactions/comments_and_reactions.json"
            ])
        let comments = result.items.filter { $0.kind == .comment }
        #expect(comments.count == 6)
        let tos = try #require(
            Support.item(result, file: "comments_and_reactions.json", locator: "/comments_v2/4"))
        #expect(tos.text == "TØS\n")
        #expect(tos.author == Person(name: "Gustav Johansen"))
        #expect(tos.title == "Gustav Johansen har kommenteret Martin Levin Lembrechts billede.")
        #expect(tos.counterparties.isEmpty)  // Danish wording: the name stays in the title only
        #expect(result.items.filter { $0.kind == .reaction }.count == 17)
    }

    @Test(
        "2022 export: a Messenger thread with emoji, stickers, GIFs, photos and reactions in the raw fragment",
        .needsSharedSamples
    )
    func waultarMessages() throws {
        let result = try Support.importArchive(at: Support.sample("fb_json_c2022_Waultar"))
        let messages = result.items.filter { $0.kind == .message }
        #expect(messages.count == 7)
        #expect(Support.coverage(result, "Messenger: inbox")?.itemCount == 7)
        let tjek = try #require(
            Support.item(result, file: "message_1.json", locator: "/messages/1"))
        #expect(tjek.text == "Tjek 👏")
        #expect(tjek.conversation == "Lukas Vinther Offenberg Larsen")
        #expect(tjek.occurredAt == Date(timeIntervalSince1970: 1_636_480_873.293))
        // The owner ("REDACTED FULLNAME") is not a participant: everyone else is a counterparty.
        #expect(
            tjek.counterparties == [
                Person(name: "Lukas Vinther Offenberg Larsen"), Person(name: "Gustav Johansen"),
            ])
        let reacted = try #require(
            Support.item(result, file: "message_1.json", locator: "/messages/3"))
        // The raw fragment is the record as the file writes it (keys in the file's order, Meta's
        // escapes kept), only without the whitespace between tokens.
        #expect(
            reacted.rawFragment.contains(
                #""reactions":[{"reaction":"\u00f0\u009f\u0091\u008d","actor":"Lukas Vinther Offenberg Larsen"}]"#
            ))
        #expect(reacted.text == "Tager også først metro til skolen om lidt")
        let kinds = messages.flatMap(\.attachments).map(\.kind)
        #expect(kinds.sorted { $0.rawValue < $1.rawValue } == [.gif, .photo, .sticker])
    }

    // MARK: - SYNTHETIC E2EE download

    @Test(
        "the flat end-to-end-encrypted download: camelCase threads, unsent messages, media",
        .needsSharedSamples)
    func encryptedDownload() throws {
        let result = try Support.importArchive(
            at: Support.sample("SYNTHETIC_msgvault_fixtures/e2ee_simple"))
        #expect(result.items.count == 6)
        #expect(
            result.archive.coverage.map(\.section) == [
                "Messenger: end-to-end encrypted chats (secure storage download)"
            ])
        let cafe = try #require(Support.item(result, file: "alice_1.json", locator: "/messages/1"))
        #expect(cafe.text == "café time?")
        #expect(cafe.author == Person(name: "Alice Example"))
        #expect(cafe.conversation == "Alice Example")
        #expect(cafe.occurredAt == Date(timeIntervalSince1970: 1_600_000_060))
        #expect(cafe.rawFragment.contains(#""senderName":"Alice Example""#))
        let photo = try #require(Support.item(result, file: "group_2.json", locator: "/messages/1"))
        #expect(photo.attachments == [Attachment(kind: .photo, uri: "./media/photo.jpg")])
        #expect(photo.conversation == "Weekend crew")
        #expect(Support.item(result, file: "alice_1.json", locator: "/messages/3")?.text == "oops")
    }
}
