import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The TikTok importer on the real December 2025 download (when the shared corpus is present),
/// on Rebecca Hale's sample and on the pre-2024 layout (`user_data.json`, "Activity" and
/// "Video" sections).
@Suite struct TikTokImporterTests {
    typealias Support = HTMLTestSupport

    static let realSample = Support.sharedSample("tiktok", "tiktok_json_2025-12_beyzaacesur")

    @Test(
        "the real 2025 download: owner, follows, comments, group and one-to-one messages, UTC times",
        .needsSharedSamples)
    func realDownload() throws {
        let result = try Support.importArchive(at: Self.realSample)
        #expect(result.archive.platform == .tiktok)
        #expect(result.archive.variant == .json)
        #expect(result.archive.owner == Person(name: "Beyza Cesur", handle: "beyzacesur1"))
        #expect(result.archive.unparsed.filter { $0.kind == .unreadable }.isEmpty)
        let items = Support.itemsByLocation(result)
        let file = "user_data_tiktok.json"

        let profile = try #require(items["\(file)#/Profile/Profile Info/ProfileMap"])
        #expect(profile.text?.contains("Birthday: 2000-01-01") == true)

        let following = try #require(items["\(file)#/Your Activity/Following/Following/0"])
        #expect(following.kind == .follow)
        #expect(following.counterparties == [Person(handle: "yirmidortband")])
        #expect(Support.utc(following.occurredAt) == "2025-11-14T19:13:26Z")
        let follower = try #require(items["\(file)#/Your Activity/Follower/FansList/0"])
        #expect(follower.kind == .follower)
        #expect(!follower.isAuthoredByOwner)

        // Lower-case keys in the comments list.
        let comment = try #require(items["\(file)#/Comment/Comments/CommentsList/1"])
        #expect(comment.kind == .comment)
        #expect(comment.text == "ya su taksicileri yıldırma artıkkkk bıktılar senden")
        #expect(Support.utc(comment.occurredAt) == "2025-05-16T19:52:34Z")

        // The group chat: its id is the conversation, its other senders the counterparties; a
        // shared video is a link.
        let groupKey =
            "/Direct Message/Direct Messages/ChatHistory/Chat History with Group_Chat_7516994713120440594:"
        let shared = try #require(items["\(file)#\(groupKey)/0"])
        #expect(shared.conversation == "Group_Chat_7516994713120440594")
        #expect(shared.author?.handle == "drnolgn")
        #expect(shared.text == nil)
        #expect(shared.attachments.map(\.kind) == [.link])
        #expect(items["\(file)#\(groupKey)/1"]?.text == "yanlışlıkla grup kurdum…")

        // A LIVE comment: CommentTime and RawTime agree (FORMATS.md §5).
        let live = try #require(
            result.items.first { $0.title?.hasPrefix("Comment in a LIVE") == true })
        #expect(live.occurredAt == Date(timeIntervalSince1970: 1_746_141_398))

        let blocked = try #require(items["\(file)#/App Settings/Block List/BlockList/0"])
        #expect(blocked.connectionState == .blocked)
        #expect(
            result.archive.unparsed.contains {
                $0.locator == "/Your Activity/Watch History" && $0.kind == .notImported
            })
        // Every record's fragment is the record as written.
        let data = try Data(contentsOf: Self.realSample.appendingPathComponent(file))
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"UserName\": \"yirmidortband\""))
        #expect(
            following.rawFragment == #"{"Date":"2025-11-14 19:13:26","UserName":"yirmidortband"}"#)
    }

    @Test("the sample: the profile's birthday as a date, posts with photo links, LIVE comments")
    func sample() throws {
        let result = try Support.importArchive(
            at: Support.repositorySample("tiktok-beckyhale-2025-03-14.zip"))
        #expect(result.archive.owner == Person(name: "Becky Hale", handle: "beckyhale.reads"))
        #expect(result.items.count == 15)
        let items = Support.itemsByLocation(result)
        let file = "user_data_tiktok.json"
        let profile = try #require(items["\(file)#/Profile/Profile Info/ProfileMap"])
        #expect(
            profile.text
                == "Name: Becky Hale\nUsername: beckyhale.reads\nBirthday: 1988-06-17\nBio: Books, walks and baking"
        )
        let post = try #require(items["\(file)#/Post/Posts/VideoList/0"])
        #expect(post.kind == .post)
        #expect(post.attachments.map(\.kind) == [.photo])
        #expect(post.text == "Year 5 bake sale at Larkfield today - so proud of them all")
        let reply = try #require(
            items[
                "\(file)#/Direct Message/Direct Messages/ChatHistory/Chat History with hattie.ellis11:/1"
            ])
        #expect(reply.isAuthoredByOwner)
        #expect(reply.counterparties == [Person(handle: "hattie.ellis11")])
        #expect(reply.conversation == "hattie.ellis11")
        #expect(
            result.archive.coverage.map(\.section).sorted() == [
                "TikTok: LIVE comments", "TikTok: blocked", "TikTok: comments",
                "TikTok: direct messages", "TikTok: followers", "TikTok: following",
                "TikTok: likes", "TikTok: posts", "TikTok: profile",
            ])
    }

    /// The layout before 2024: `user_data.json`, follows under "Activity", videos under
    /// "Video", messages under "Direct Messages", the profile under "Profile Information".
    static let olderLayout = """
        {
          "Activity": {
            "Following List": {"Following": [{"Date": "2023-02-01 12:00:00", "UserName": "kid.one"}]},
            "Follower List": {"FansList": [{"Date": "2023-02-02 12:00:00", "UserName": "kid.two"}]},
            "Like List": {"ItemFavoriteList": [{"Date": "2023-02-03 12:00:00", "VideoLink": "https://www.tiktokv.com/share/video/1/"}]},
            "Video Browsing History": {"VideoList": [{"Date": "2023-02-03 12:00:00", "VideoLink": "https://www.tiktokv.com/share/video/2/"}]}
          },
          "Comment": {"Comments": {"CommentsList": [{"Date": "2023-02-04 12:00:00", "Comment": "nice"}]}},
          "Direct Messages": {"Chat History": {"ChatHistory": {"Chat History with kid.one:": [
            {"Date": "2023-02-05 21:00:00", "From": "kid.one", "Content": "hello"},
            {"Date": "2023-02-05 21:01:00", "From": "teacher.t", "Content": "hi"}
          ]}}},
          "Profile": {"Profile Information": {"ProfileMap": {"userName": "teacher.t", "displayName": "T Teacher", "birthDate": "11-Mar-2011", "bioDescription": "year 9 student"}}},
          "Video": {"Videos": {"VideoList": [{"Date": "2023-02-06 12:00:00", "Link": "https://v16.tiktokcdn.com/video.mp4", "Likes": "3"}]}}
        }
        """

    @Test("the pre-2024 layout, given as user_data.json itself; a child's birthday is flagged")
    func olderLayoutAndAgeRule() throws {
        let folder = try TemporaryFolder.make("tiktok-tests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("user_data.json")
        try Data(Self.olderLayout.utf8).write(to: url)
        let result = try Support.importArchive(at: url)
        #expect(result.archive.platform == .tiktok)
        #expect(result.archive.owner == Person(name: "T Teacher", handle: "teacher.t"))
        let items = Support.itemsByLocation(result)
        let file = "user_data.json"
        #expect(items["\(file)#/Activity/Following List/Following/0"]?.kind == .follow)
        #expect(items["\(file)#/Activity/Follower List/FansList/0"]?.kind == .follower)
        #expect(items["\(file)#/Comment/Comments/CommentsList/0"]?.text == "nice")
        #expect(items["\(file)#/Video/Videos/VideoList/0"]?.attachments.map(\.kind) == [.video])
        let hi = try #require(
            items["\(file)#/Direct Messages/Chat History/ChatHistory/Chat History with kid.one:/1"])
        #expect(hi.isAuthoredByOwner)
        #expect(Support.utc(hi.occurredAt) == "2023-02-05T21:01:00Z")
        #expect(
            result.archive.unparsed.contains {
                $0.locator == "/Activity/Video Browsing History" && $0.kind == .notImported
            })

        // The profile presents an adult as a child: age misrepresentation, on the birthday and
        // on the bio.
        let school = try SchoolConfiguration.load(
            from: SampleAnswerKeyTests.samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(
            from: SampleAnswerKeyTests.samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let analysis = Analyzer().analyze(
            Timeline(items: result.items),
            configuration: AuditConfiguration(school: school, staff: staff, roster: roster))
        let age = analysis.findings.filter { $0.rule == .ageMisrepresentation }
        #expect(age.map(\.source.locator) == ["/Profile/Profile Information/ProfileMap"])
    }

    @Test("a data file that is not JSON is refused, naming the file")
    func notJSON() throws {
        let folder = try TemporaryFolder.make("tiktok-tests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("user_data_tiktok.json")
        try Data("{\"Profile\": ".utf8).write(to: url)
        #expect {
            try Support.importArchive(at: url)
        } throws: { error in
            guard case .invalidFile(let file, _, let reason)? = error as? ImportError else {
                return false
            }
            return file == "user_data_tiktok.json" && reason.contains("not valid JSON")
        }
        // A number beyond any type (found by the fuzzer): refused the same way, naming where.
        try Data(#"{"Profile": {"Profile Info": {"ProfileMap": {"followerCount": 1e999}}}}"#.utf8)
            .write(to: url)
        #expect {
            try Support.importArchive(at: url)
        } throws: { error in
            guard case .invalidFile(_, _, let reason)? = error as? ImportError else { return false }
            return reason.contains("ProfileMap.followerCount")
        }
    }
}
