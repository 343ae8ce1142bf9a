import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Hand-made Instagram archives, each showing one behaviour: damaged records and files, the
/// 2025 `following.json` shape, the 2018-2020 flat layout, zipped exports.
@Suite struct InstagramFixtureTests {
    typealias Support = InstagramTestSupport

    private func withArchive(
        _ files: [String: String], _ body: (URL, ImportResult) throws -> Void
    ) throws {
        let root = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FacebookTestSupport.write(files, under: root)
        try body(root, try Support.importArchive(at: root))
    }

    private static let profile = """
        {"profile_user": [{"title": "", "media_map_data": {}, "string_map_data": {
          "Username": {"href": "", "value": "becky.hale", "timestamp": 0},
          "Name": {"href": "", "value": "Rebecca Hale", "timestamp": 0}}}]}
        """

    @Test("a malformed post is reported at its locator and the rest of the file imports")
    func malformedPost() throws {
        let posts = """
            [
              {"media": [{"uri": "media/posts/202401/a.jpg", "creation_timestamp": 1704103200, "title": "first"}]},
              {"media": "not a list"},
              {"media": [{"uri": "media/posts/202401/b.jpg", "creation_timestamp": 0, "title": "no time"}]},
              {"media": [{"uri": "media/posts/202401/c.jpg", "creation_timestamp": 1704189600, "title": "third"}]}
            ]
            """
        try withArchive([
            "personal_information/personal_information/personal_information.json": Self.profile,
            "your_instagram_activity/content/posts_1.json": posts,
        ]) { url, result in
            #expect(
                result.items.filter { $0.kind == .post }.map(\.text) == [
                    "first", "no time", "third",
                ])
            let issues = result.archive.unparsed.filter { $0.file.hasSuffix("posts_1.json") }
            #expect(issues.map(\.locator) == ["/1", "/2"])
            #expect(
                issues[0].reason.hasPrefix("record skipped, the rest of the file was imported:"))
            #expect(issues[0].reason.contains("'media' is not a list"))
            #expect(issues[1].reason.contains("time is 0"))
            let untimed = try #require(Support.item(result, file: "posts_1.json", locator: "/2"))
            #expect(untimed.occurredAt == nil && untimed.timeBasis == .none)
            #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        }
    }

    @Test("a truncated JSON file is listed with the reason and nothing else is lost")
    func truncatedFile() throws {
        try withArchive([
            "personal_information/personal_information/personal_information.json": Self.profile,
            "connections/followers_and_following/following.json": "{\"relationships_following\": [",
            "connections/followers_and_following/followers_1.json": """
            [{"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/ann", "value": "ann", "timestamp": 1700000000}]}]
            """,
        ]) { url, result in
            #expect(result.items.filter { $0.kind == .follower }.count == 1)
            let broken = try #require(
                result.archive.unparsed.first { $0.file.hasSuffix("following.json") })
            #expect(broken.locator == nil)
            #expect(broken.reason.hasPrefix("not valid JSON"))
            #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        }
    }

    @Test("2025 following.json: the username is read from title, else from the /_u/ link")
    func followingWithoutValue() throws {
        let following = """
            {"relationships_following": [
              {"title": "zoe.kowalczyk2014", "string_list_data": [{"href": "https://www.instagram.com/_u/zoe.kowalczyk2014", "timestamp": 1727628738}]},
              {"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/larkfieldpta", "timestamp": 1694368212}]},
              {"title": "", "string_list_data": [{"timestamp": 1694368212}]}
            ]}
            """
        try withArchive(["connections/followers_and_following/following.json": following]) {
            _, result in
            #expect(
                result.items.map(\.counterparties) == [
                    [Person(handle: "zoe.kowalczyk2014")], [Person(handle: "larkfieldpta")],
                ])
            let nameless = try #require(result.archive.unparsed.first)
            #expect(nameless.locator == "/relationships_following/2")
            #expect(nameless.reason.contains("names no account"))
        }
    }

    @Test("connection files: close friends, requests both ways, recently unfollowed")
    func connectionKinds() throws {
        func list(_ key: String, _ handle: String) -> String {
            """
            {"\(key)": [{"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/\(handle)", "value": "\(handle)", "timestamp": 1700000000}]}]}
            """
        }
        let folder = "connections/followers_and_following/"
        try withArchive([
            folder + "close_friends.json": list("relationships_close_friends", "siobhan"),
            folder + "pending_follow_requests.json": list(
                "relationships_follow_requests_sent", "hannah"),
            folder + "follow_requests_you've_received.json": list(
                "relationships_follow_requests_received", "noah"),
            folder + "recently_unfollowed_profiles.json": list(
                "relationships_unfollowed_users", "steve"),
            folder + "blocked_profiles.json": list("relationships_blocked_users", "troll"),
        ]) { url, result in
            func item(_ handle: String) -> TimelineItem? {
                result.items.first { $0.counterparties == [Person(handle: handle)] }
            }
            #expect(item("siobhan")?.kind == .friend)
            #expect(item("siobhan")?.title == "On the owner's close friends list")
            #expect(item("hannah")?.kind == .friendRequestSent)
            #expect(item("hannah")?.isAuthoredByOwner == true)
            #expect(item("noah")?.kind == .friendRequestReceived)
            #expect(item("noah")?.connectionState == .pending)
            #expect(item("noah")?.isAuthoredByOwner == false)
            #expect(item("steve")?.kind == .follow)
            #expect(item("steve")?.connectionState == .removed)
            #expect(item("troll") == nil)
            let blocked = try #require(result.archive.unparsed.first)
            #expect(
                blocked.reason
                    == "read, not imported: accounts the owner blocked ('relationships_blocked_users')"
            )
            #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        }
    }

    @Test("the 2018-2020 flat layout: profile, media, comments, likes, connections, messages")
    func legacyLayout() throws {
        try withArchive([
            "profile.json": """
            {"username": "becky.hale", "name": "Rebecca Hale", "biography": "Teacher", "date_joined": "2015-02-01T10:00:00+00:00"}
            """,
            "media.json": """
            {"photos": [{"caption": "Walk with @grace.t", "taken_at": "2019-07-06T10:00:00", "path": "photos/201907/a.jpg"}],
             "stories": [{"caption": "", "taken_at": "2019-10-27T01:30:00", "path": "stories/201910/b.jpg"}]}
            """,
            "comments.json": """
            {"media_comments": [["2019-03-01T12:00:00+00:00", "Lovely!", "grace.t"], ["2019-03-02T12:00:00+00:00", "short"]]}
            """,
            "likes.json": """
            {"media_likes": [["2019-05-01T08:00:00+00:00", "grace.t"]]}
            """,
            "connections.json": """
            {"followers": {"grace.t": "2018-01-01T09:00:00+00:00"}, "following": {"grace.t": "2018-01-02T09:00:00+00:00"}}
            """,
            "messages.json": """
            [{"participants": ["becky.hale", "grace.t"], "conversation": [
              {"sender": "grace.t", "created_at": "2019-06-01T18:00:00.123+00:00", "text": "hi"},
              {"sender": "becky.hale", "created_at": "2019-06-01T18:01:00+00:00", "text": "hello"}]}]
            """,
            "photos/201907/a.jpg": "jpeg",
        ]) { url, result in
            #expect(result.archive.owner == Person(name: "Rebecca Hale", handle: "becky.hale"))
            #expect(
                InstagramTestSupport.counts(result) == [
                    "Profile": 1,
                    "Posts, stories and profile pictures (media.json, 2018-2020 layout)": 2,
                    "Comments (comments.json, 2018-2020 layout)": 1,
                    "Likes (likes.json, 2018-2020 layout)": 1,
                    "Followers and following (connections.json, 2018-2020 layout)": 2,
                    "Messages: messages.json (2018-2020 layout)": 2,
                ])
            #expect(result.items.filter { $0.kind == .follower }.count == 1)
            #expect(result.items.filter { $0.kind == .follow }.count == 1)
            let photo = try #require(Support.item(result, file: "media.json", locator: "/photos/0"))
            #expect(photo.counterparties == [Person(handle: "grace.t")])
            #expect(photo.timeBasis == .inferredLocal)  // no zone: read in the school's zone (BST)
            #expect(photo.occurredAt == Date(timeIntervalSince1970: 1_562_403_600))
            let story = try #require(
                Support.item(result, file: "media.json", locator: "/stories/0"))
            #expect(story.timeBasis == .ambiguousLocal)  // 01:30 on the night the clocks went back
            let own = try #require(
                Support.item(result, file: "messages.json", locator: "/0/conversation/1"))
            #expect(own.isAuthoredByOwner)
            #expect(own.counterparties == [Person(handle: "grace.t")])
            #expect(own.timeBasis == .explicit)
            let short = try #require(
                result.archive.unparsed.first { $0.locator == "/media_comments/1" })
            #expect(short.reason.contains("2 values where 3 were expected"))
            #expect(
                result.archive.unparsed.contains {
                    $0.file == "media.json" && $0.locator == "/stories/0"
                })
            #expect(try FacebookTestSupport.accountingProblems(result, archive: url) == [])
        }
    }

    @Test("a zipped export under a top folder is read in place, media indexed with SHA-256")
    func zippedExport() throws {
        let root = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let zipURL = root.appendingPathComponent("instagram-becky.hale-2025-03-14-Ab12Cd34.zip")
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xD9])
        try FacebookTestSupport.zip(
            [
                "personal_information/personal_information/personal_information.json": Data(
                    Self.profile.utf8),
                "your_instagram_activity/content/posts_1.json": Data(
                    """
                    [{"media": [{"uri": "media/posts/202401/a.jpg", "creation_timestamp": 1704103200, "title": "Caf\\u00c3\\u00a9 \\u00f0\\u009f\\u0098\\u008a"}]}]
                    """.utf8),
                "media/posts/202401/a.jpg": jpeg,
                "media/stories/202401/AQMx9extensionless": jpeg,
            ], prefix: "instagram-becky.hale-2025-03-14/", to: zipURL)
        let result = try Support.importArchive(at: zipURL)
        let post = try #require(result.items.first { $0.kind == .post })
        #expect(post.text == "Café 😊")
        #expect(
            result.archive.media.map(\.path).sorted() == [
                "instagram-becky.hale-2025-03-14/media/posts/202401/a.jpg",
                "instagram-becky.hale-2025-03-14/media/stories/202401/AQMx9extensionless",
            ])
        #expect(result.archive.media.first?.sha256 == SHA256Hex.digest(of: jpeg))
        #expect(try FacebookTestSupport.accountingProblems(result, archive: zipURL) == [])
    }

    @Test("caption mentions: handles after @, not e-mail addresses, a trailing dot dropped")
    func mentionScanner() {
        #expect(
            MentionScanner.handles(in: "Thanks @grace.t and @ollie_b. Mail me@example.com @grace.T")
                == ["grace.t", "ollie_b"])
        #expect(MentionScanner.handles(in: "@a_very_long_handle_that_is_over_thirty_chars") == [])
    }
}
