import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The real samples under `shared/formats/samples/twitter` and the Samples/ archive, with values
/// checked by reading the files.
@Suite struct TwitterSampleTests {
    typealias Support = TwitterTestSupport

    static let samples = [
        "x_archive_2020-04_LumenInferius", "x_archive_2022-10_smithjd",
        "x_archive_2026-03_milahu104", "twitter-to-sqlite_test-fixtures/tests/zip_contents",
    ]

    @Test(
        "every file of every sample is imported, indexed or listed with a reason",
        .needsSharedSamples,
        arguments: samples)
    func everyFileAccountedFor(sample: String) throws {
        let url = Support.sample(sample)
        let result = try Support.importArchive(at: url)
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        #expect(result.archive.platform == .twitter)
        #expect(result.archive.variant == .js)
        #expect(result.archive.itemCount == result.items.count)
        #expect(result.archive.coverage.map(\.itemCount).reduce(0, +) == result.items.count)
        // Every item-level issue would be unexplained here: the samples are well-formed.
        #expect(result.archive.unparsed.allSatisfy { $0.locator == nil })
        #expect(
            result.items.allSatisfy { $0.platform == .twitter && $0.rawFragment.hasPrefix("{") })
    }

    @Test(
        "X archives are claimed by no other importer, and the standard list finds them",
        .needsSharedSamples,
        arguments: samples)
    func detection(sample: String) throws {
        let reader = try ArchiveReader(url: Support.sample(sample))
        #expect(FacebookJSONImporter().recognizedVariant(of: reader) == nil)
        #expect(InstagramJSONImporter().recognizedVariant(of: reader) == nil)
        let result = try ImportStage().importArchive(
            reader, sha256: try reader.sha256(), localTimeZone: Support.london)
        #expect(result.archive.platform == .twitter)
    }

    @Test(
        "Meta exports are not claimed", .needsSharedSamples,
        arguments: [
            "../instagram/ig_json_2022-07_corsali_test-account",
            "../instagram/ig_json_c2021_Waultar",
            "../facebook/fb_json_2022_corsali", "../facebook/fb_html_2023-11_phongpro321",
        ])
    func metaNotClaimed(sample: String) throws {
        let url = Support.samplesRoot.appendingPathComponent(sample).standardizedFileURL
        #expect(TwitterArchiveImporter().recognizedVariant(of: try ArchiveReader(url: url)) == nil)
    }

    // MARK: - 2020 (LumenInferius)

    @Test(
        "2020 archive: owner from account.js, counts, and the files read but not imported",
        .needsSharedSamples)
    func lumenCounts() throws {
        let result = try Support.importArchive(
            at: Support.sample("x_archive_2020-04_LumenInferius"))
        #expect(
            result.archive.owner
                == Person(
                    name: "Lumen Inferius", handle: "LumenInferius",
                    accountID: "1153674767859441664"))
        #expect(result.items.count == 62)
        #expect(
            Support.counts(result) == [
                "Profile": 3, "Posts": 22, "Likes (the archive gives no time)": 17,
                "Direct messages": 1, "Direct messages: groups": 0,
                "Direct messages known only from headers (no text in the archive)": 0,
                "Followers (ids only, no time)": 5, "Following (ids only, no time)": 14,
            ])
        #expect(
            result.archive.unparsed.map(\.file) == [
                "data/README.txt", "data/account-timezone.js", "data/ageinfo.js", "data/block.js",
                "data/manifest.js", "data/saved-search.js",
            ])
        #expect(
            result.archive.unparsed.dropFirst().allSatisfy {
                $0.reason.hasPrefix("read, not imported")
            })
    }

    @Test(
        "2020 archive: mentions keep id, handle and name; followed ids resolve through them",
        .needsSharedSamples)
    func lumenIDResolution() throws {
        let result = try Support.importArchive(
            at: Support.sample("x_archive_2020-04_LumenInferius"))
        let reply = try #require(Support.item(result, file: "tweet.js", locator: "/11"))
        #expect(reply.counterparties.count == 9)
        #expect(
            reply.counterparties.first
                == Person(name: "PlayingIndies", handle: "PlayingIndies", accountID: "241740778"))
        let cyrillic = try #require(Support.item(result, file: "tweet.js", locator: "/19"))
        #expect(
            cyrillic.counterparties == [
                Person(name: "Альфина", handle: "alphyna", accountID: "16206087")
            ])
        #expect(cyrillic.rawFragment.contains("\"name\":\"Альфина\""))

        // following.js holds ids only; two of them are mentioned in the archive's tweets.
        let playing = try #require(Support.item(result, file: "following.js", locator: "/2"))
        #expect(
            playing.counterparties == [
                Person(name: "PlayingIndies", handle: "PlayingIndies", accountID: "241740778")
            ])
        let lover = try #require(Support.item(result, file: "following.js", locator: "/6"))
        #expect(lover.counterparties.first?.handle == "indiegamelover")
        #expect(lover.counterparties.first?.accountID == "2512334376")
        let unknown = try #require(Support.item(result, file: "following.js", locator: "/0"))
        #expect(unknown.counterparties == [Person(accountID: "403695424")])
        #expect(unknown.occurredAt == nil && unknown.timeBasis == .none)

        let message = try #require(
            Support.item(
                result, file: "direct-messages.js", locator: "/0/dmConversation/messages/0"))
        #expect(message.isAuthoredByOwner)
        #expect(message.counterparties == [Person(accountID: "233890382")])
        #expect(message.occurredAt == Date(timeIntervalSince1970: 1_577_559_392.210))
        #expect(message.conversation == "233890382-1153674767859441664")
    }

    @Test(
        "2020 archive: likes have no time and keep none; the like says when the post was made",
        .needsSharedSamples)
    func lumenLikes() throws {
        let result = try Support.importArchive(
            at: Support.sample("x_archive_2020-04_LumenInferius"))
        let likes = result.items.filter { $0.kind == .reaction }
        #expect(likes.count == 17)
        #expect(
            likes.allSatisfy {
                $0.occurredAt == nil && $0.timeBasis == .none && $0.isAuthoredByOwner
            })
        #expect(
            result.archive.coverage.first { $0.section.hasPrefix("Likes") }?.itemsWithoutTime == 17)
        let first = try #require(Support.item(result, file: "like.js", locator: "/0"))
        #expect(
            first.text?.hasPrefix("So, hey, this is the thing I was working on with @asm0day")
                == true)
        #expect(
            first.title
                == "Like; the archive does not record when it was made (the liked post was created 2019-09-13 15:34:36 UTC)"
        )
        #expect(
            first.attachments == [
                Attachment(kind: .link, uri: "https://twitter.com/i/web/status/1172534048360677378")
            ])
        // Two likes of different tweets never collapse into one item, time or no time.
        #expect(Set(likes.map(\.id)).count == 17)
    }

    @Test(
        "2020 archive: tweet times, the video's best encoding, the handle change",
        .needsSharedSamples)
    func lumenTweets() throws {
        let result = try Support.importArchive(
            at: Support.sample("x_archive_2020-04_LumenInferius"))
        let video = try #require(Support.item(result, file: "tweet.js", locator: "/0"))
        // "Sat Jan 25 18:01:09 +0000 2020"
        #expect(video.occurredAt == Date(timeIntervalSince1970: 1_579_975_269))
        #expect(video.timeBasis == .explicit)
        #expect(video.attachments.first?.kind == .video)
        #expect(
            video.attachments.first?.uri?.hasSuffix("/1080x720/Fds9gtycESeOfBa_.mp4?tag=10") == true
        )
        let change = try #require(
            Support.item(result, file: "screen-name-change.js", locator: "/0"))
        #expect(change.kind == .profile)
        #expect(change.text == "Handle changed from @LInferius to @LumenInferius")
    }

    // MARK: - 2022 (smithjd): no account.js, retweet, reply without a screen name

    @Test(
        "2022 archive: retweet author, a reply known only by id, no owner without account.js",
        .needsSharedSamples)
    func smithjd() throws {
        let result = try Support.importArchive(at: Support.sample("x_archive_2022-10_smithjd"))
        #expect(result.archive.owner == nil)
        #expect(
            Support.counts(result) == [
                "Posts": 9, "Likes (the archive gives no time)": 4,
                "Following (ids only, no time)": 3,
            ])
        let retweet = try #require(Support.item(result, file: "tweets.js", locator: "/1"))
        #expect(retweet.text?.hasPrefix("RT @szpak: ") == true)
        #expect(
            retweet.counterparties == [
                Person(name: "Mark Szpakowski", handle: "szpak", accountID: "9263412")
            ])
        let reply = try #require(Support.item(result, file: "tweets.js", locator: "/6"))
        #expect(
            reply.counterparties == [
                Person(accountID: "308151349"),
                Person(name: "Amy Santee", handle: "AmySantee", accountID: "1052210152042950662"),
            ])
        let photo = try #require(Support.item(result, file: "tweets.js", locator: "/3"))
        #expect(
            photo.attachments.first
                == Attachment(kind: .photo, uri: "https://pbs.twimg.com/media/FYw6AfMXwAEKcPJ.jpg"))
    }

    // MARK: - 2026 (milahu104): manifest owner, headers, encrypted chat

    @Test(
        "2026 archive: owner from the manifest, headers-only and encrypted items, unescaped text",
        .needsSharedSamples)
    func milahu() throws {
        let result = try Support.importArchive(at: Support.sample("x_archive_2026-03_milahu104"))
        #expect(
            result.archive.owner
                == Person(
                    name: "Milan Hauth", handle: "milahu104", accountID: "1964312974236991488"))
        #expect(
            Support.counts(result) == [
                "Profile": 1, "Posts": 4, "Deleted posts": 3,
                "Posts known only from headers (no text in the archive)": 2,
                "Likes (the archive gives no time)": 2, "Direct messages": 8,
                "Direct messages: groups": 0,
                "Direct messages known only from headers (no text in the archive)": 9,
                "X Chat (encrypted; content not in the archive)": 11,
                "Followers (ids only, no time)": 4, "Following (ids only, no time)": 4,
            ])
        let retweet = try #require(Support.item(result, file: "tweets.js", locator: "/3"))
        #expect(
            retweet.text?.hasPrefix("RT @infobeautiful: Uppers, downers, trips & tranqs 💊") == true)
        let deleted = try #require(
            Support.item(result, file: "deleted-tweet-headers.js", locator: "/0"))
        #expect(deleted.text == nil)
        #expect(
            deleted.title
                == "Deleted by the owner on 2026-03-05 16:08:05 UTC; the archive keeps no text for it"
        )
        let chat = result.items.filter { $0.source.file.hasSuffix("message-event.js") }
        #expect(chat.allSatisfy { $0.text == nil && $0.kind == .message })
        #expect(chat.filter(\.isAuthoredByOwner).count == 6)
        // The headers file adds only the messages that direct-messages.js does not hold.
        let headers = result.items.filter { $0.source.file.hasSuffix("direct-message-headers.js") }
        #expect(!headers.contains { $0.source.locator.hasPrefix("/1/") })
        let received = try #require(
            Support.item(
                result, file: "direct-messages.js", locator: "/0/dmConversation/messages/1"))
        #expect(received.isAuthoredByOwner == false)
        #expect(received.author == Person(accountID: "2846154391"))
    }

    @Test(
        "2019 fixtures: ids-only followers, the object-shaped ageinfo.js read not imported",
        .needsSharedSamples)
    func sqliteFixtures() throws {
        let result = try Support.importArchive(
            at: Support.sample("twitter-to-sqlite_test-fixtures/tests/zip_contents"))
        #expect(
            result.archive.owner
                == Person(name: "Simon Willison", handle: "simonw", accountID: "12497"))
        #expect(result.items.count == 5)
        let ageinfo = try #require(result.archive.unparsed.first { $0.file == "ageinfo.js" })
        #expect(
            ageinfo.reason
                == "read, not imported: the age X inferred for the account (window.YTD.ageinfo)")
    }

    // MARK: - Samples/

    @Test("Rebecca Hale's sample archive imports with the counts and items of its answer key")
    func rebeccaHaleSample() throws {
        let key = try SampleAnswerKey.load("twitter-beckyhale-2025-03-14.answer-key.json")
        let url = SampleAnswerKey.samplesFolder.appendingPathComponent(key.export)
        let result = try ImportStage().importArchive(at: url, localTimeZone: Support.london)
        #expect(result.archive.platform == .twitter)
        #expect(
            result.archive.owner
                == Person(name: "Becky Hale", handle: key.ownerHandle, accountID: "612458733"))
        #expect(key.differences(from: result) == [])
        #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
    }

    @Test(
        "Rebecca Hale's sample: tweets.js and tweets-part1.js merged; Ollie's id resolved from a mention"
    )
    func rebeccaHaleResolution() throws {
        let url = SampleAnswerKey.samplesFolder.appendingPathComponent(
            "twitter-beckyhale-2025-03-14.zip")
        let result = try Support.importArchive(at: url)
        let posts = try #require(result.archive.coverage.first { $0.section == "Posts" })
        #expect(posts.files == ["data/tweets.js", "data/tweets-part1.js"])
        #expect(posts.itemCount == 18)
        #expect(Set(result.items.filter { $0.kind == .post }.map(\.source.file)).count == 2)

        let ollie = Person(
            name: "Ollie ♟️", handle: "olliebtweets", accountID: "1834970860880763526")
        let mention = try #require(
            result.items.first { $0.text?.contains("@olliebtweets on winning") == true })
        #expect(mention.counterparties == [ollie])
        let messages = result.items.filter { $0.kind == .message && $0.counterparties == [ollie] }
        #expect(messages.count == 3)
        #expect(messages.filter(\.isAuthoredByOwner).count == 1)
        #expect(result.items.contains { $0.kind == .follow && $0.counterparties == [ollie] })
        let colleague = try #require(result.items.first { $0.text == "On it!" })
        #expect(colleague.counterparties == [Person(accountID: "1205518826416439296")])
        let escaped = try #require(
            result.items.first { $0.text?.hasPrefix("Wednesday. Coffee") == true })
        #expect(escaped.text == "Wednesday. Coffee #2 & it’s 8am <3")
        let photo = try #require(result.items.first { $0.text?.hasPrefix("Padley Gorge") == true })
        #expect(photo.attachments.first?.uri?.hasPrefix("data/tweets_media/") == true)
    }
}
