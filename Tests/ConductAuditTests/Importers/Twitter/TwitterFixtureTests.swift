import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Hand-made X archives, each showing one behaviour: multi-part files, the `.js` wrapper's
/// variants, damaged elements and files, id resolution, likes, group conversations, long posts.
@Suite struct TwitterFixtureTests {
    typealias Support = TwitterTestSupport

    private static let account = Support.script(
        "account",
        """
        [{"account": {"username": "beckyhale", "accountId": "612458733", "accountDisplayName": "Becky Hale", "createdAt": "2012-06-02T19:24:51.000Z"}}]
        """)

    @Test("tweets.js and every -partN file are one section, in part order, each tweet once")
    func multiPartTweets() throws {
        let t = Support.tweet
        let result = try Support.importFiles([
            "data/account.js": Self.account,
            "data/tweets.js": Support.script(
                "tweets", "[\(t("101", "Mon Mar 03 10:00:00 +0000 2025", "zero", [], nil))]"),
            "data/tweets-part1.js": Support.script(
                "tweets", part: 1, "[\(t("102", "Sun Mar 02 10:00:00 +0000 2025", "one", [], nil))]"
            ),
            "data/tweets-part2.js": Support.script(
                "tweets", part: 2, "[\(t("103", "Sat Mar 01 10:00:00 +0000 2025", "two", [], nil))]"
            ),
            "data/tweets-part10.js": Support.script(
                "tweets", part: 10,
                "[\(t("104", "Fri Feb 28 10:00:00 +0000 2025", "ten", [], nil)), \(t("103", "Sat Mar 01 10:00:00 +0000 2025", "two", [], nil))]"
            ),
        ])
        let posts = try #require(result.archive.coverage.first { $0.section == "Posts" })
        #expect(
            posts.files == [
                "data/tweets.js", "data/tweets-part1.js", "data/tweets-part2.js",
                "data/tweets-part10.js",
            ])
        #expect(
            result.items.filter { $0.kind == .post }.map(\.text) == ["zero", "one", "two", "ten"])
        let duplicate = try #require(result.archive.unparsed.first)
        #expect(duplicate.file == "data/tweets-part10.js")
        #expect(duplicate.locator == "/1")
        #expect(
            duplicate.reason == "tweet 103 was already read from another part; not imported twice")
    }

    @Test("the wrapper: a BOM, a trailing semicolon, the 2018 root layout and unwrapped tweets")
    func wrapperVariants() throws {
        let result = try Support.importFiles([
            "account.js": "\u{FEFF}" + Self.account + ";",
            "tweet.js": """
            window.YTD.tweet.part0 = [ {
              "id_str" : "1000", "created_at" : "Wed Oct 10 20:19:24 +0000 2018", "full_text" : "old style"
            } ];
            """,
        ])
        #expect(result.archive.owner?.handle == "beckyhale")
        let tweet = try #require(result.items.first { $0.kind == .post })
        #expect(tweet.text == "old style")
        #expect(tweet.occurredAt == Date(timeIntervalSince1970: 1_539_202_764))
        #expect(result.archive.unparsed.isEmpty)
    }

    @Test("a malformed tweet is reported at its locator and the rest of the file imports")
    func malformedTweet() throws {
        let t = Support.tweet
        let result = try Support.importFiles([
            "data/account.js": Self.account,
            "data/tweets.js": Support.script(
                "tweets",
                """
                [\(t("201", "Mon Mar 03 10:00:00 +0000 2025", "fine", [], nil)),
                 {"tweet": {"id_str": "202", "created_at": 12, "full_text": "bad time type"}},
                 {"tweet": {"id_str": "203", "created_at": "Mon Mar 03 10:00:00 +0000 2003", "full_text": "impossible year"}},
                 \(t("204", "Tue Mar 04 10:00:00 +0000 2025", "also fine", [], nil))]
                """),
            "data/like.js": "window.YTD.like.part0 = [ {\"like\" : {",
            "data/js/tweets/2012_01.js": "Grailbird.data.tweets_2012_01 = []",
            "data/notes.js": "console.log('not an X data file')",
        ])
        let posts = result.items.filter { $0.kind == .post }
        #expect(posts.compactMap(\.text) == ["fine", "impossible year", "also fine"])
        let bad = try #require(result.archive.unparsed.first { $0.locator == "/1" })
        #expect(bad.file == "data/tweets.js")
        #expect(
            bad.reason.hasPrefix(
                "record skipped, the rest of the file was imported: 'tweet.created_at' is not text")
        )
        let year = try #require(result.archive.unparsed.first { $0.locator == "/2" })
        #expect(year.reason.contains("not a readable date between 2006 and 2099"))
        #expect(result.items.first { $0.text == "impossible year" }?.occurredAt == nil)
        let likes = try #require(result.archive.unparsed.first { $0.file == "data/like.js" })
        #expect(likes.reason.hasPrefix("not valid JSON after 'window.YTD… ='"))
        // A classic archive's (empty) monthly tweet file is read, not refused.
        #expect(!result.archive.unparsed.contains { $0.file == "data/js/tweets/2012_01.js" })
        #expect(
            result.archive.coverage.first { $0.section == "Posts" }?.files.contains(
                "data/js/tweets/2012_01.js") == true)
        let other = try #require(result.archive.unparsed.first { $0.file == "data/notes.js" })
        #expect(other.reason.hasPrefix("not an X data file"))
    }

    @Test("ids resolve to the handle of the latest tweet that mentions them; others stay bare ids")
    func idResolution() throws {
        let t = Support.tweet
        let tweets = [
            t(
                "301", "Sat Oct 12 17:20:41 +0000 2024", "Well done @ollieb_chess",
                [("Ollie", "ollieb_chess", "555")], nil),
            t(
                "302", "Sun Oct 13 17:20:41 +0000 2024", "and again @olliebtweets",
                [("Ollie B", "olliebtweets", "555")], nil),
            t(
                "303", "Mon Oct 14 17:20:41 +0000 2024", "@hattie reply without entity", [],
                ("777", "hattie")),
            t(
                "304", "Tue Oct 15 17:20:41 +0000 2024", "reply to self", [],
                ("612458733", "beckyhale")),
        ]
        let result = try Support.importFiles([
            "data/account.js": Self.account,
            "data/tweets.js": Support.script("tweets", "[\(tweets.joined(separator: ","))]"),
            "data/direct-messages.js": Support.script(
                "direct_messages",
                """
                [{"dmConversation": {"conversationId": "555-612458733", "messages": [
                  {"messageCreate": {"id": "9001", "senderId": "555", "recipientId": "612458733", "createdAt": "2024-10-12T18:45:18.204Z", "text": "hi miss", "mediaUrls": [], "urls": []}},
                  {"messageCreate": {"id": "9000", "senderId": "612458733", "recipientId": "555", "createdAt": "2024-10-12T18:40:00.000Z", "text": "Hello", "mediaUrls": [], "urls": []}}]}},
                 {"dmConversation": {"conversationId": "612458733-888", "messages": [
                  {"messageCreate": {"id": "9002", "senderId": "888", "recipientId": "612458733", "createdAt": "2024-10-13T10:00:00Z", "text": "who am I"}}]}}]
                """),
            "data/follower.js": Support.script(
                "follower",
                "[{\"follower\": {\"accountId\": \"777\"}}, {\"follower\": {\"accountId\": \"999\"}}]"
            ),
        ])
        let ollie = Person(name: "Ollie B", handle: "olliebtweets", accountID: "555")
        let received = try #require(
            Support.item(
                result, file: "direct-messages.js", locator: "/0/dmConversation/messages/0"))
        #expect(received.author == ollie)
        #expect(received.counterparties == [ollie])
        #expect(received.isAuthoredByOwner == false)
        let sent = try #require(
            Support.item(
                result, file: "direct-messages.js", locator: "/0/dmConversation/messages/1"))
        #expect(sent.isAuthoredByOwner)
        #expect(sent.author?.accountID == "612458733")
        #expect(sent.counterparties == [ollie])
        // Each tweet keeps the mention as it was at the tweet's time.
        #expect(
            Support.item(result, file: "tweets.js", locator: "/0")?.counterparties == [
                Person(name: "Ollie", handle: "ollieb_chess", accountID: "555")
            ])
        // A reply's target links its id to its handle even without a mention entity.
        #expect(
            Support.item(result, file: "follower.js", locator: "/0")?.counterparties == [
                Person(handle: "hattie", accountID: "777")
            ])
        #expect(
            Support.item(result, file: "follower.js", locator: "/1")?.counterparties == [
                Person(accountID: "999")
            ])
        #expect(Support.item(result, file: "tweets.js", locator: "/3")?.counterparties == [])
        let stranger = try #require(
            Support.item(
                result, file: "direct-messages.js", locator: "/1/dmConversation/messages/0"))
        #expect(stranger.counterparties == [Person(accountID: "888")])
        #expect(stranger.occurredAt == Date(timeIntervalSince1970: 1_728_813_600))
    }

    @Test("likes are kept without a time; a link that names the author makes it a counterparty")
    func likes() throws {
        let result = try Support.importFiles([
            "data/account.js": Self.account,
            "data/like.js": Support.script(
                "like",
                """
                [{"like": {"tweetId": "1845155247553231952", "fullText": "@beckyhale thank u miss!! &amp; more", "expandedUrl": "https://twitter.com/olliebtweets/status/1845155247553231952"}},
                 {"like": {"tweetId": "1845155247553231953", "expandedUrl": "https://twitter.com/i/web/status/1845155247553231953"}},
                 {"like": {"tweetId": "22"}}]
                """),
        ])
        let likes = result.items.filter { $0.kind == .reaction }
        #expect(likes.count == 3)
        #expect(likes.allSatisfy { $0.occurredAt == nil && $0.timeBasis == .none })
        #expect(likes[0].counterparties == [Person(handle: "olliebtweets")])
        #expect(likes[0].text == "@beckyhale thank u miss!! & more")
        #expect(
            likes[0].title?.hasSuffix("(the liked post was created 2024-10-12 17:31:07 UTC)")
                == true)
        #expect(likes[1].counterparties == [])
        // Id 22 is older than snowflake ids: no creation time can be derived from it.
        #expect(likes[2].title == "Like; the archive does not record when it was made")
        #expect(result.archive.unparsed.isEmpty)  // no time is expected, so it is no issue
        #expect(
            result.archive.coverage.first { $0.section.hasPrefix("Likes") }?.itemsWithoutTime == 3)
    }

    @Test("a group conversation: its name, every participant, events that are not messages")
    func groupConversation() throws {
        let result = try Support.importFiles([
            "data/account.js": Self.account,
            "data/direct-messages-group.js": Support.script(
                "direct_messages_group",
                """
                [{"dmConversation": {"conversationId": "1500000000000000000", "messages": [
                  {"messageCreate": {"id": "3", "senderId": "612458733", "createdAt": "2024-12-01T12:00:00.000Z", "text": "see you all there"}},
                  {"reactionCreate": {"senderId": "41", "reactionKey": "like", "eventId": "9", "createdAt": "2024-12-01T11:59:00.000Z"}},
                  {"conversationNameUpdate": {"initiatingUserId": "41", "name": "Book club 📚", "createdAt": "2024-12-01T11:00:00.000Z"}},
                  {"messageCreate": {"id": "2", "senderId": "41", "recipientId": "0", "createdAt": "2024-12-01T10:30:00.000Z", "text": "welcome!"}},
                  {"participantsJoin": {"initiatingUserId": "41", "userIds": ["612458733", "42"], "createdAt": "2024-12-01T10:00:00.000Z"}},
                  {"holographicMessage": {"createdAt": "2024-12-01T09:00:00.000Z"}}]}}]
                """),
        ])
        #expect(TwitterTestSupport.counts(result) == ["Profile": 1, "Direct messages: groups": 2])
        let own = try #require(
            Support.item(
                result, file: "direct-messages-group.js", locator: "/0/dmConversation/messages/0"))
        #expect(own.isAuthoredByOwner)
        #expect(own.conversation == "Book club 📚")
        #expect(own.counterparties == [Person(accountID: "41"), Person(accountID: "42")])
        let other = try #require(
            Support.item(
                result, file: "direct-messages-group.js", locator: "/0/dmConversation/messages/3"))
        #expect(other.counterparties == [Person(accountID: "41"), Person(accountID: "42")])
        let unknown = try #require(result.archive.unparsed.first)
        #expect(unknown.locator == "/0/dmConversation/messages/5")
        #expect(unknown.reason.contains("'holographicMessage'"))
    }

    @Test("a long post's full text replaces its truncated tweet; a note without a tweet is a post")
    func noteTweets() throws {
        let t = Support.tweet
        let truncated =
            "This is the start of a very long post about the school trip \\u2026 https://t.co/abc"
        let result = try Support.importFiles([
            "data/account.js": Self.account,
            "data/tweets.js": Support.script(
                "tweets", "[\(t("401", "Sat Nov 23 21:40:09 +0000 2024", truncated, [], nil))]"),
            "data/note-tweet.js": Support.script(
                "note_tweet",
                """
                [{"noteTweet": {"noteTweetId": "n1", "createdAt": "2024-11-23T21:40:09.000Z", "core": {"text": "This is the start of a very long post about the school trip and how it went, all of it."}}},
                 {"noteTweet": {"noteTweetId": "n2", "createdAt": "2024-11-24T08:00:00.000Z", "core": {"text": "A note whose tweet is gone @someone"}}}]
                """),
        ])
        let long = try #require(Support.item(result, file: "tweets.js", locator: "/0"))
        #expect(
            long.text
                == "This is the start of a very long post about the school trip and how it went, all of it."
        )
        let orphan = try #require(Support.item(result, file: "note-tweet.js", locator: "/1"))
        #expect(orphan.text == "A note whose tweet is gone @someone")
        #expect(orphan.counterparties == [Person(handle: "someone")])
        #expect(Support.item(result, file: "note-tweet.js", locator: "/0") == nil)
        #expect(TwitterTestSupport.counts(result)["Posts"] == 2)
    }

    @Test("the .js wrapper splits the global from the JSON; other files are refused")
    func scriptParsing() throws {
        let script = try TwitterScript(
            data: Data("\u{FEFF}  window.YTD.direct_messages.part3 =[ ];\n".utf8))
        #expect(script.globalName == "YTD.direct_messages.part3")
        #expect(script.dataType == "direct_messages")
        #expect(String(decoding: script.json, as: UTF8.self) == "[ ]")
        let manifest = try TwitterScript(data: Data("window.__THAR_CONFIG = {}".utf8))
        #expect(manifest.dataType == nil)
        #expect(throws: TwitterScript.ReadError.notAnAssignment) {
            try TwitterScript(data: Data("var x = 1".utf8))
        }
    }
}
