import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The classic X archive (2010–2018).
///
/// In the layout of a real one downloaded in April 2013 (docs/formats/twitter.md): monthly `data/js/tweets/YYYY_MM.js` files assigning
/// `Grailbird.data.tweets_YYYY_MM`, `data/js/user_details.js`, a `tweets.csv` copy and the
/// offline viewer. The files here are written for the test in that shape.
@Suite struct TwitterClassicArchiveTests {
    typealias Support = TwitterTestSupport

    static let files: [String: String] = [
        "data/js/tweets/2013_04.js": """
        Grailbird.data.tweets_2013_04 = 
        [ {
          "source" : "web",
          "entities" : {
            "user_mentions" : [ { "name" : "Andy", "screen_name" : "andy_g", "indices" : [ 0, 7 ], "id_str" : "936437276", "id" : 936437276 } ],
            "media" : [ ], "hashtags" : [ ], "urls" : [ ]
          },
          "in_reply_to_status_id_str" : "323113215988994050",
          "geo" : { },
          "id_str" : "323114065855672321",
          "in_reply_to_user_id" : 936437276,
          "text" : "@andy_g Level 4 tonight?",
          "id" : 323114065855672321,
          "created_at" : "Sat Apr 13 16:42:51 +0000 2013",
          "in_reply_to_screen_name" : "andy_g",
          "in_reply_to_user_id_str" : "936437276",
          "user" : { "name" : "Felix", "screen_name" : "felix_k", "id_str" : "22396883", "id" : 22396883 }
        } ]
        """,
        "data/js/tweets/2009_07.js": """
        Grailbird.data.tweets_2009_07 = 
        [ {
          "source" : "web", "entities" : { "user_mentions" : [ ], "media" : [ ], "hashtags" : [ ], "urls" : [ ] },
          "geo" : { }, "id_str" : "2468000000", "text" : "Home for the weekend &amp; back on Monday",
          "id" : 2468000000, "created_at" : "Fri Jul 03 16:58:29 +0000 2009",
          "user" : { "name" : "Felix", "screen_name" : "felix_k", "id_str" : "22396883", "id" : 22396883 }
        } ]
        """,
        "data/js/user_details.js": """
        var user_details =  {
          "screen_name" : "felix_k",
          "location" : "Karlsruhe",
          "full_name" : "Felix",
          "bio" : "Student",
          "id" : "22396883",
          "created_at" : "Sun Mar 01 19:37:33 +0000 2009"
        }
        """,
        "data/js/tweet_index.js": """
        var tweet_index =  [ { "file_name" : "data/js/tweets/2013_04.js", "year" : 2013, "var_name" : "tweets_2013_04", "tweet_count" : 1, "month" : 4 } ]
        """,
        "data/js/payload_details.js": """
        var payload_details =  { "tweets" : 2, "created_at" : "Sat Apr 13 21:15:50 +0000 2013", "lang" : "de" }
        """,
        "tweets.csv":
            "\"tweet_id\",\"timestamp\",\"text\"\n\"323114065855672321\",\"2013-04-13 16:42:51 +0000\",\"@andy_g Level 4 tonight?\"\n",
        "index.html": "<html><body>Your Twitter archive</body></html>",
        "js/application.js": "var app = {};",
        "lib/jquery/jquery-1.8.3.min.js": "/*! jQuery */ (function(){})();",
        "README.txt": "Twitter archive",
    ]

    @Test(
        "the 2013 archive is recognised: every monthly tweet file, the owner from user_details.js")
    func classicArchive() throws {
        let result = try Support.importFiles(Self.files)
        #expect(result.archive.platform == .twitter)
        #expect(
            result.archive.owner == Person(name: "Felix", handle: "felix_k", accountID: "22396883"))
        let posts = result.items.filter { $0.kind == .post }
        #expect(posts.count == 2)
        #expect(posts.allSatisfy { $0.isAuthoredByOwner })
        let reply = try #require(
            Support.item(result, file: "data/js/tweets/2013_04.js", locator: "/0"))
        #expect(reply.text == "@andy_g Level 4 tonight?")
        #expect(reply.occurredAt.map(TimeFormatting.utcISO8601) == "2013-04-13T16:42:51Z")
        #expect(
            reply.counterparties.contains(
                Person(name: "Andy", handle: "andy_g", accountID: "936437276")))
        let old = try #require(
            Support.item(result, file: "data/js/tweets/2009_07.js", locator: "/0"))
        #expect(old.text == "Home for the weekend & back on Monday")
        let profile = try #require(result.items.first { $0.kind == .profile })
        #expect(profile.text?.contains("Username: felix_k") == true)
        // Every other file is listed with its reason; none is refused or silently skipped.
        let listed = Set(result.archive.unparsed.map(\.file))
        #expect(
            listed == [
                "data/js/tweet_index.js", "data/js/payload_details.js", "tweets.csv", "index.html",
                "js/application.js", "lib/jquery/jquery-1.8.3.min.js", "README.txt",
            ])
        #expect(result.archive.unparsed.allSatisfy { $0.kind == .notImported })
    }

    @Test("a file assigning some other plain variable is no X data file")
    func otherVariables() {
        #expect(
            TwitterScript.header(of: Data("var user_details = {}".utf8))?.globalName
                == "user_details")
        #expect(TwitterScript.dataType(ofGlobal: "user_details") == "user_details")
        #expect(TwitterScript.dataType(ofGlobal: "Grailbird.data.tweets_2013_04") == "tweets")
        #expect(TwitterScript.dataType(ofGlobal: "settings") == nil)
        #expect(TwitterScript.header(of: Data("var settings = {}".utf8)) == nil)
        #expect(TwitterScript.dataType(ofGlobal: "Grailbird.data.mentions") == nil)
    }
}
