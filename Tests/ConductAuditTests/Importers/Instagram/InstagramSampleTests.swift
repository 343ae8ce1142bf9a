import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The real samples under `shared/formats/samples/instagram` and the Samples/ export, with values
/// checked by reading the files.
@Suite struct InstagramSampleTests {
    typealias Support = InstagramTestSupport

    @Test(
        "every file of every JSON sample is imported, indexed or listed with a reason",
        .needsSharedSamples,
        arguments: [
            "ig_json_2022-07_corsali_test-account", "ig_json_c2021_Waultar",
            "ig_json_2025-04_Hitchgernn",
        ])
    func everyFileAccountedFor(sample: String) throws {
        let url = Support.sample(sample)
        let result = try Support.importArchive(at: url)
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        #expect(result.archive.platform == .instagram)
        #expect(result.archive.variant == .json)
        #expect(result.archive.itemCount == result.items.count)
        #expect(result.archive.coverage.map(\.itemCount).reduce(0, +) == result.items.count)
        #expect(result.items.allSatisfy { $0.platform == .instagram })
        #expect(result.items.allSatisfy { $0.rawFragment.hasPrefix("{") })
    }

    @Test("an Instagram HTML export is not claimed by the JSON importer", .needsSharedSamples)
    func htmlNotClaimed() throws {
        let reader = try ArchiveReader(url: Support.sample("ig_html_2026-04_justx9019"))
        #expect(InstagramJSONImporter().recognizedVariant(of: reader) == nil)
    }

    @Test(
        "Facebook exports, JSON or HTML, are not claimed", .needsSharedSamples,
        arguments: [
            "fb_json_2022_corsali", "fb_json_2026_thanhbobber", "fb_json_c2020_HunterHillis",
            "fb_json_c2022_Waultar", "fb_html_2023-11_phongpro321",
            "SYNTHETIC_msgvault_fixtures/e2ee_simple",
        ])
    func facebookNotClaimed(sample: String) throws {
        let url = Support.samplesRoot.appendingPathComponent("../facebook/\(sample)")
            .standardizedFileURL
        #expect(InstagramJSONImporter().recognizedVariant(of: try ArchiveReader(url: url)) == nil)
    }

    @Test(
        "the standard importers send each Instagram sample to the Instagram importer",
        .needsSharedSamples)
    func detectedAmongAllImporters() throws {
        for sample in ["ig_json_2022-07_corsali_test-account", "ig_json_2025-04_Hitchgernn"] {
            let result = try ImportStage().importArchive(
                at: Support.sample(sample), localTimeZone: Support.london)
            #expect(result.archive.platform == .instagram)
        }
    }

    // MARK: - 2022 (corsali test account)

    @Test(
        "2022 export: owner, counts per section, and the secret-groups list read not imported",
        .needsSharedSamples)
    func corsaliCounts() throws {
        let result = try Support.importArchive(
            at: Support.sample("ig_json_2022-07_corsali_test-account"))
        #expect(result.archive.owner == Person(name: "IGUser12345", handle: "iguser12345"))
        #expect(result.items.count == 161)
        #expect(
            Support.counts(result) == [
                "Profile": 1, "Profile photos": 1, "Stories": 1, "Comments on posts": 1,
                "Liked posts": 1, "Messages: inbox": 146, "Messages: message_requests": 4,
                "Followers": 3, "Following": 3,
            ])
        #expect(result.archive.unparsed.count == 1)
        let secret = try #require(result.archive.unparsed.first)
        #expect(secret.file == "messages/secret_groups.json")
        #expect(secret.reason.hasPrefix("read, not imported"))
    }

    @Test(
        "2022 export: handles for connections, comments and likes; the like's emoji repaired",
        .needsSharedSamples)
    func corsaliPeople() throws {
        let result = try Support.importArchive(
            at: Support.sample("ig_json_2022-07_corsali_test-account"))
        let follower = try #require(
            Support.item(result, file: "followers.json", locator: "/relationships_followers/0"))
        #expect(follower.kind == .follower)
        #expect(follower.isAuthoredByOwner == false)
        #expect(follower.counterparties == [Person(handle: "jenniemo25")])
        #expect(follower.occurredAt == Date(timeIntervalSince1970: 1_610_331_900))

        let follow = try #require(
            Support.item(result, file: "following.json", locator: "/relationships_following/2"))
        #expect(follow.kind == .follow)
        #expect(follow.isAuthoredByOwner)
        #expect(follow.counterparties == [Person(handle: "verge")])

        let comment = try #require(
            Support.item(result, file: "post_comments.json", locator: "/comments_media_comments/0"))
        #expect(comment.kind == .comment)
        #expect(comment.text == "@user12345")
        #expect(
            comment.counterparties == [Person(handle: "wealthsimple"), Person(handle: "user12345")])
        #expect(comment.occurredAt == Date(timeIntervalSince1970: 1_648_587_682))

        let like = try #require(
            Support.item(result, file: "liked_posts.json", locator: "/likes_media_likes/0"))
        #expect(like.kind == .reaction)
        #expect(like.text == "👍")
        #expect(like.counterparties == [Person(handle: "sebmccayen")])
        #expect(
            like.attachments == [
                Attachment(kind: .link, uri: "https://www.instagram.com/p/Bsd-UCEl4Gh/")
            ])
    }

    @Test(
        "2022 export: messages by display name, the owner's own, and repaired share text",
        .needsSharedSamples)
    func corsaliMessages() throws {
        let result = try Support.importArchive(
            at: Support.sample("ig_json_2022-07_corsali_test-account"))
        let thread = "kahtafalam_8-uafw0tbg/message_1.json"
        let own = try #require(Support.item(result, file: thread, locator: "/messages/5"))
        #expect(own.isAuthoredByOwner)
        #expect(own.text == "Test message from bitspixe")
        #expect(own.counterparties == [Person(name: "User12345 LastName")])
        #expect(own.occurredAt == Date(timeIntervalSince1970: 1_562_734_074.052))

        let shared = try #require(Support.item(result, file: thread, locator: "/messages/0"))
        #expect(shared.isAuthoredByOwner == false)
        #expect(shared.author == Person(name: "User12345 LastName"))
        let link = try #require(shared.attachments.first)
        #expect(link.kind == .link)
        #expect(
            link.caption?.hasPrefix(
                "Will your Last Supper #NFT win the draw? Find out this Saturday 🔥") == true)
        #expect(link.caption?.contains("Don’t miss out!") == true)

        let group = "kahtafalamandsyymlink_yjwxtxp1hw/message_1.json"
        let repaired = try #require(Support.item(result, file: group, locator: "/messages/13"))
        #expect(repaired.text?.hasSuffix("when you’re in a better frame of mind.") == true)
        #expect(
            repaired.counterparties == [
                Person(name: "User12345 LastName"), Person(name: "syym.link"),
            ])

        let request = try #require(
            Support.item(
                result, file: "instagramuser_8z1epl8d-w/message_1.json", locator: "/messages/0"))
        #expect(request.author == Person(name: "Instagram User"))
        let requests = try #require(
            result.archive.coverage.first { $0.section == "Messages: message_requests" })
        #expect(requests.files.count == 2)
    }

    @Test(
        "2022 export: the story is a post with its video, the profile picture a profile item",
        .needsSharedSamples)
    func corsaliMedia() throws {
        let result = try Support.importArchive(
            at: Support.sample("ig_json_2022-07_corsali_test-account"))
        let story = try #require(
            Support.item(result, file: "stories.json", locator: "/ig_stories/0"))
        #expect(story.kind == .post)
        #expect(story.attachments.map(\.kind) == [.video])
        #expect(story.occurredAt == Date(timeIntervalSince1970: 1_648_587_708))
        let picture = try #require(
            Support.item(result, file: "profile_photos.json", locator: "/ig_profile_picture/0"))
        #expect(picture.kind == .profile)
        let profile = try #require(
            Support.item(result, file: "personal_information.json", locator: "/profile_user/0"))
        #expect(profile.occurredAt == nil)
        #expect(profile.text?.hasPrefix("Name: IGUser12345\nUsername: iguser12345\n") == true)
        #expect(profile.text?.contains("Private Account: False") == true)
    }

    // MARK: - 2021 (Waultar)

    @Test(
        "2021 export: a carousel is one post with both media and the post-level caption and time",
        .needsSharedSamples)
    func waultarPosts() throws {
        let result = try Support.importArchive(at: Support.sample("ig_json_c2021_Waultar"))
        #expect(result.archive.owner == Person(name: "REDACTED NAME", handle: "REDACTED USERNAME"))
        #expect(Support.counts(result) == ["Profile": 1, "Posts": 5, "Comments on posts": 2])
        #expect(result.archive.unparsed.isEmpty)

        let carousel = try #require(Support.item(result, file: "posts_1.json", locator: "/3"))
        #expect(carousel.attachments.count == 2)
        #expect(carousel.attachments.allSatisfy { $0.kind == .photo && $0.caption == nil })
        #expect(carousel.text?.hasPrefix("And finally, after a long wait (f… my foot)") == true)
        #expect(carousel.occurredAt == Date(timeIntervalSince1970: 1_530_370_226))

        let video = try #require(Support.item(result, file: "posts_1.json", locator: "/1"))
        #expect(video.attachments.map(\.kind) == [.video])
        #expect(video.text?.contains("it's almost there 😂") == true)
        #expect(video.occurredAt == Date(timeIntervalSince1970: 1_575_388_926))

        let comment = try #require(
            Support.item(result, file: "post_comments.json", locator: "/comments_media_comments/1"))
        #expect(comment.text == "The comment")
        #expect(comment.counterparties == [Person(handle: "username")])
        #expect(comment.occurredAt == Date(timeIntervalSince1970: 1_550_712_540))
    }

    // MARK: - 2025 (Hitchgernn)

    @Test(
        "2025 export: bare-array followers_1.json and wrapped following.json, no profile",
        .needsSharedSamples)
    func hitchgernnConnections() throws {
        let result = try Support.importArchive(at: Support.sample("ig_json_2025-04_Hitchgernn"))
        #expect(result.archive.owner == nil)
        #expect(Support.counts(result) == ["Followers": 10, "Following": 23])
        let first = try #require(Support.item(result, file: "followers_1.json", locator: "/0"))
        #expect(first.counterparties == [Person(handle: "Andrea")])
        #expect(first.occurredAt == Date(timeIntervalSince1970: 1_742_377_802))
        let last = try #require(
            Support.item(result, file: "following.json", locator: "/relationships_following/22"))
        #expect(last.counterparties == [Person(handle: "Andrew")])
        #expect(last.occurredAt == Date(timeIntervalSince1970: 1_740_198_615))
    }

    // MARK: - Samples/

    @Test("Rebecca Hale's sample export imports with the counts and items of its answer key")
    func rebeccaHaleSample() throws {
        let key = try SampleAnswerKey.load("instagram-beckyhale-2025-03-14.answer-key.json")
        let url = SampleAnswerKey.samplesFolder.appendingPathComponent(key.export)
        let result = try ImportStage().importArchive(at: url, localTimeZone: Support.london)
        #expect(result.archive.platform == .instagram)
        #expect(result.archive.owner == Person(name: "Rebecca Hale", handle: key.ownerHandle))
        #expect(key.differences(from: result) == [])
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        // The same teacher's Facebook export and this one are each claimed by their own importer.
        let facebook = try ArchiveReader(
            url: SampleAnswerKey.samplesFolder.appendingPathComponent(
                "facebook-rebeccahale-2025-03-14"))
        #expect(InstagramJSONImporter().recognizedVariant(of: facebook) == nil)
        #expect(FacebookJSONImporter().recognizedVariant(of: try ArchiveReader(url: url)) == nil)
    }

    @Test("Rebecca Hale's sample: the repaired name, a carousel, and mentions as counterparties")
    func rebeccaHaleDetails() throws {
        let url = SampleAnswerKey.samplesFolder.appendingPathComponent(
            "instagram-beckyhale-2025-03-14")
        let result = try Support.importArchive(at: url)
        let received = try #require(
            result.items.first {
                $0.source.file.contains("siobhannibhriain") && !$0.isAuthoredByOwner
            })
        #expect(received.author == Person(name: "Siobhán Ní Bhriain"))
        let carousel = try #require(
            result.items.first {
                $0.kind == .post && $0.attachments.count == 2
                    && $0.text?.hasPrefix("Autumn") == true
            })
        #expect(
            carousel.attachments.allSatisfy { $0.uri?.hasPrefix("media/posts/202409/") == true })
        let chess = try #require(
            result.items.first { $0.text?.contains("county champions") == true })
        #expect(chess.counterparties == [Person(handle: "ollie.bennett2013")])
        #expect(result.archive.media.count == 15)
        #expect(result.archive.media.allSatisfy { $0.sha256.count == 64 && $0.size > 0 })
    }
}
