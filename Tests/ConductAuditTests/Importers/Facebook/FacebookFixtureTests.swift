import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Small hand-made exports, built in a temporary folder, each showing one behaviour.
@Suite struct FacebookFixtureTests {
    typealias Support = FacebookTestSupport

    /// A 2026-layout export of "Zoë Hale" (written with Meta's mojibake), wrapped in a top folder.
    static let modernExport: [String: String] = [
        "personal_information/profile_information/profile_information.json": #"""
        {"profile_v2": {"name": {"full_name": "Zo\u00c3\u00ab Hale", "first_name": "Zo\u00c3\u00ab",
         "last_name": "Hale"}, "username": "zoe.hale", "birthday": {"month": 4, "day": 2}}}
        """#,
        "your_facebook_activity/messages/inbox/samtaylor_123/message_1.json": #"""
        {"participants": [{"name": "Sam Taylor"}, {"name": "Zo\u00c3\u00ab Hale"}],
         "messages": [
           {"sender_name": "Zo\u00c3\u00ab Hale", "timestamp_ms": 1700000300000, "content": "See you at 8",
            "photos": [{"uri": "your_facebook_activity/messages/inbox/samtaylor_123/photos/1.jpg", "creation_timestamp": 1700000300}]},
           {"sender_name": "Sam Taylor", "timestamp_ms": 1700000200000, "content": "Look",
            "share": {"link": "https://example.org/x", "share_text": "An article"},
            "reactions": [{"reaction": "\u00e2\u009d\u00a4", "actor": "Zo\u00c3\u00ab Hale"}]},
           {"sender_name": "Sam Taylor", "timestamp_ms": 0, "content": "when?"}
         ],
         "title": "Sam Taylor", "is_still_participant": true, "thread_path": "inbox/samtaylor_123", "magic_words": []}
        """#,
        "your_facebook_activity/messages/e2ee_cutover/samtaylor_123/message_1.json": #"""
        {"participants": [{"name": "Sam Taylor"}, {"name": "Zo\u00c3\u00ab Hale"}],
         "messages": [{"sender_name": "Sam Taylor", "timestamp_ms": 1690000000000, "content": "before the switch"}],
         "title": "Sam Taylor", "thread_path": "e2ee_cutover/samtaylor_123"}
        """#,
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": #"""
        [{"timestamp": 1700000000, "title": "Zo\u00c3\u00ab Hale wrote on Sam Taylor's timeline.",
          "data": [{"post": "Happy birthday!"}, {"update_timestamp": 1700000001}],
          "tags": [{"name": "Alex Price"}]},
         {"timestamp": -62169958800, "data": [{"post": "From the exif era"}]},
         {"timestamp": 1700000100, "data": [{}],
          "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/Trip_1/2.jpg",
            "creation_timestamp": 1700000100, "description": "Day out"}}]}]}]
        """#,
        "your_facebook_activity/comments_and_reactions/comments.json": #"""
        {"comments_v2": [
          {"timestamp": 1700000400, "data": [{"comment": {"timestamp": 1700000400, "comment": "Lovely", "author": "Zo\u00c3\u00ab Hale"}}],
           "title": "Zo\u00c3\u00ab Hale commented on her own photo."},
          {"timestamp": 1700000500, "data": [{"comment": {"timestamp": 1700000500, "comment": "Thanks", "author": "Zo\u00c3\u00ab Hale"}}],
           "title": "Zo\u00c3\u00ab Hale replied to Sam Taylor's comment."}]}
        """#,
        "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json": #"""
        [{"timestamp": 1700000600, "label_values": [{"label": "Reaction", "value": "LIKE"},
           {"label": "Name", "value": "Sam Taylor"}, {"label": "URL", "value": "https://www.facebook.com/1"}],
          "fbid": "1"}]
        """#,
        "your_facebook_activity/groups/group_posts_and_comments.json": #"""
        {"group_posts_v2": [{"timestamp": 1700000700, "title": "Zo\u00c3\u00ab Hale posted in Year 6 Parents.",
          "data": [{"post": "Reminder: trip money"}]}]}
        """#,
        "your_facebook_activity/posts/other_people's_posts_to_your_timeline.json": #"""
        {"wall_posts_sent_to_you": {"activity_log_data": [{"timestamp": 1700000800,
          "title": "Sam Taylor wrote on your timeline.", "data": [{"post": "Hi miss"}]}]}}
        """#,
        "connections/friends/your_friends.json":
            #"{"friends_v2": [{"name": "Sam Taylor", "timestamp": 1699000000}]}"#,
        "connections/friends/friends_you_see_less.json": #"{"friends_you_see_less_v2": []}"#,
        "your_facebook_activity/saved_items_and_collections/no-data.txt": "",
    ]

    static let photoBytes = Data((0..<2048).map { UInt8($0 % 251) })

    @Test("a zipped 2026 export with a wrapping top folder imports fully, media indexed")
    func zippedModernExport() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = Self.modernExport.mapValues { Data($0.utf8) }
        files["your_facebook_activity/messages/inbox/samtaylor_123/photos/1.jpg"] = Self.photoBytes
        files["__MACOSX/._profile_information.json"] = Data([0, 1])
        let zipURL = folder.appendingPathComponent("facebook-zoehale-2026-3-11-Hl65Zstp.zip")
        try Support.zip(files, prefix: "facebook-zoehale-2026-3-11-Hl65Zstp/", to: zipURL)

        let result = try Support.importArchive(at: zipURL)
        #expect(try Support.accountingProblems(result, archive: zipURL) == [])
        #expect(result.archive.owner == Person(name: "Zoë Hale", handle: "zoe.hale"))
        #expect(result.archive.sha256 == (try SHA256Hex.digest(ofFileAt: zipURL)))
        let root = "facebook-zoehale-2026-3-11-Hl65Zstp/"

        // Messages: the owner's are authored by the owner; counterparties are everyone else.
        let sent = try #require(
            Support.item(result, file: "inbox/samtaylor_123/message_1.json", locator: "/messages/0")
        )
        #expect(sent.isAuthoredByOwner)
        #expect(sent.author == Person(name: "Zoë Hale", handle: "zoe.hale"))
        #expect(sent.counterparties == [Person(name: "Sam Taylor")])
        #expect(sent.conversation == "Sam Taylor")
        #expect(
            sent.attachments == [
                Attachment(
                    kind: .photo,
                    uri: "your_facebook_activity/messages/inbox/samtaylor_123/photos/1.jpg")
            ])
        #expect(
            sent.source.file == root
                + "your_facebook_activity/messages/inbox/samtaylor_123/message_1.json")
        let received = try #require(
            Support.item(result, file: "inbox/samtaylor_123/message_1.json", locator: "/messages/1")
        )
        #expect(received.isAuthoredByOwner == false)
        #expect(received.author == Person(name: "Sam Taylor"))
        #expect(received.counterparties == [Person(name: "Sam Taylor")])
        #expect(
            received.attachments == [
                Attachment(kind: .link, uri: "https://example.org/x", caption: "An article")
            ])
        #expect(received.rawFragment.contains(#""reaction":"\u00e2\u009d\u00a4""#))
        #expect(Support.coverage(result, "Messenger: inbox")?.itemCount == 3)
        #expect(Support.coverage(result, "Messenger: e2ee_cutover")?.itemCount == 1)

        // A zero time is no time, with an issue at the message's locator.
        let zero = try #require(
            Support.item(result, file: "inbox/samtaylor_123/message_1.json", locator: "/messages/2")
        )
        #expect(zero.occurredAt == nil)
        #expect(zero.timeBasis == .none)
        #expect(
            result.archive.unparsed.contains {
                $0.file.hasSuffix("inbox/samtaylor_123/message_1.json")
                    && $0.locator == "/messages/2" && $0.reason.contains("0")
            })

        // Posts: timeline owner and tags are counterparties; an absurd time is dropped with an issue.
        let wall = try #require(
            Support.item(
                result, file: "your_posts__check_ins__photos_and_videos_1.json", locator: "/0"))
        #expect(wall.title == "Zoë Hale wrote on Sam Taylor's timeline.")
        #expect(wall.counterparties == [Person(name: "Sam Taylor"), Person(name: "Alex Price")])
        #expect(wall.text == "Happy birthday!")
        #expect(result.items.filter { $0.kind == .tag }.isEmpty)
        let exif = try #require(
            Support.item(
                result, file: "your_posts__check_ins__photos_and_videos_1.json", locator: "/1"))
        #expect(exif.occurredAt == nil)
        #expect(
            result.archive.unparsed.contains {
                $0.locator == "/1" && $0.reason.contains("-62169958800")
            })
        let photoPost = try #require(
            Support.item(
                result, file: "your_posts__check_ins__photos_and_videos_1.json", locator: "/2"))
        #expect(
            photoPost.attachments == [
                Attachment(
                    kind: .photo, uri: "your_facebook_activity/posts/media/Trip_1/2.jpg",
                    caption: "Day out")
            ])

        // Comments: "her own" names nobody; "replied to Sam Taylor's comment" names Sam.
        let own = try #require(
            Support.item(result, file: "comments.json", locator: "/comments_v2/0"))
        #expect(own.counterparties.isEmpty)
        #expect(own.title == "Zoë Hale commented on her own photo.")
        let reply = try #require(
            Support.item(result, file: "comments.json", locator: "/comments_v2/1"))
        #expect(reply.counterparties == [Person(name: "Sam Taylor")])
        #expect(reply.author == Person(name: "Zoë Hale"))

        // 2024+ label/value likes.
        let like = try #require(
            Support.item(result, file: "likes_and_reactions_1.json", locator: "/0"))
        #expect(like.kind == .reaction)
        #expect(like.text == "LIKE")
        #expect(like.counterparties == [Person(name: "Sam Taylor")])

        let group = try #require(
            Support.item(
                result, file: "group_posts_and_comments.json", locator: "/group_posts_v2/0"))
        #expect(group.conversation == "Year 6 Parents")
        let byOther = try #require(
            Support.item(
                result, file: "other_people's_posts_to_your_timeline.json",
                locator: "/wall_posts_sent_to_you/activity_log_data/0"))
        #expect(byOther.isAuthoredByOwner == false)
        #expect(byOther.author == Person(name: "Sam Taylor"))
        #expect(byOther.text == "Hi miss")

        // Media and non-activity files.
        #expect(
            result.archive.media == [
                MediaFile(
                    path: root + "your_facebook_activity/messages/inbox/samtaylor_123/photos/1.jpg",
                    size: UInt64(Self.photoBytes.count),
                    sha256: SHA256Hex.digest(of: Self.photoBytes))
            ])
        let reasons = Dictionary(
            result.archive.unparsed.filter { $0.locator == nil }.map { ($0.file, $0.reason) }
        ) { a, _ in a }
        #expect(
            reasons[root + "__MACOSX/._profile_information.json"]?.contains("operating-system")
                == true)
        #expect(
            reasons[root + "your_facebook_activity/saved_items_and_collections/no-data.txt"]?
                .contains("placeholder") == true)
        #expect(
            reasons[root + "connections/friends/friends_you_see_less.json"]?.hasPrefix(
                "read, not imported") == true)
        #expect(Support.coverage(result, "Profile")?.itemCount == 1)
        #expect(
            result.items.first { $0.kind == .profile }?.text?.contains("Birthday: 02/04 (no year)")
                == true)
    }

    @Test("the same export unpacked in a folder gives the same items")
    func folderMatchesZip() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(Self.modernExport, under: folder.appendingPathComponent("export"))
        let zipURL = folder.appendingPathComponent("export.zip")
        try Support.zip(Self.modernExport.mapValues { Data($0.utf8) }, prefix: "", to: zipURL)
        let fromFolder = try Support.importArchive(at: folder.appendingPathComponent("export"))
        let fromZip = try Support.importArchive(at: zipURL)
        #expect(Set(fromFolder.items.map(\.id)) == Set(fromZip.items.map(\.id)))
        #expect(fromFolder.items.count == 14)
        #expect(
            try Support.accountingProblems(
                fromFolder, archive: folder.appendingPathComponent("export")) == [])
    }

    @Test(
        "2018 layout: friends.json key 'friends', old keys, and the singular message.json in seconds"
    )
    func layout2018() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(
            [
                "friends/friends.json":
                    #"{"friends": [{"name": "Jo\u00c3\u00abl Smith", "timestamp": 1520000000}]}"#,
                "friends/sent_friend_requests.json":
                    #"{"sent_requests": [{"name": "Ann Lee", "timestamp": 1520000100}]}"#,
                "friends/received_friend_requests.json":
                    #"{"received_requests": [{"name": "Ben Ray", "timestamp": 1520000200}]}"#,
                "friends/removed_friends.json":
                    #"{"deleted_friends": [{"name": "Cy Fox", "timestamp": 1520000300}]}"#,
                "comments/comments.json":
                    #"{"comments": [{"timestamp": 1520000400, "title": "Rebecca Hale commented on Ann Lee's video.", "data": [{"comment": {"timestamp": 1520000400, "comment": "ha", "author": "Rebecca Hale"}}]}]}"#,
                "likes_and_reactions/posts_and_comments.json":
                    #"{"reactions": [{"timestamp": 1520000500, "title": "Rebecca Hale likes Ann Lee's post.", "data": [{"reaction": {"reaction": "LIKE", "actor": "Rebecca Hale"}}]}]}"#,
                "profile_information/profile_information.json":
                    #"{"profile": {"name": {"full_name": "Rebecca Hale"}}}"#,
                "messages/inbox/annlee_ab12cd34ef/message.json":
                    #"{"participants": [{"name": "Ann Lee"}, {"name": "Rebecca Hale"}], "messages": [{"sender_name": "Rebecca Hale", "timestamp": 1520000600, "content": "hi", "type": "Generic"}], "title": "Ann Lee", "thread_path": "inbox/annlee_ab12cd34ef"}"#,
            ], under: folder)
        let result = try Support.importArchive(at: folder)
        #expect(try Support.accountingProblems(result, archive: folder) == [])
        #expect(result.archive.owner == Person(name: "Rebecca Hale"))
        let friend = try #require(
            Support.item(result, file: "friends/friends.json", locator: "/friends/0"))
        #expect(friend.kind == .friend)
        #expect(friend.counterparties == [Person(name: "Joël Smith")])
        #expect(
            Support.item(result, file: "sent_friend_requests.json", locator: "/sent_requests/0")?
                .kind == .friendRequestSent)
        #expect(
            Support.item(
                result, file: "received_friend_requests.json", locator: "/received_requests/0")?
                .connectionState == .pending)
        #expect(
            Support.item(result, file: "removed_friends.json", locator: "/deleted_friends/0")?
                .connectionState == .removed)
        #expect(
            Support.item(result, file: "comments.json", locator: "/comments/0")?.counterparties == [
                Person(name: "Ann Lee")
            ])
        #expect(
            Support.item(result, file: "posts_and_comments.json", locator: "/reactions/0")?
                .counterparties == [Person(name: "Ann Lee")])
        let message = try #require(
            Support.item(result, file: "message.json", locator: "/messages/0"))
        #expect(message.occurredAt == Date(timeIntervalSince1970: 1_520_000_600))
        #expect(message.isAuthoredByOwner)
        #expect(message.counterparties == [Person(name: "Ann Lee")])
    }

    @Test("message parts are read in numeric order: message_10 after message_9")
    func messagePartsInNumericOrder() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: String] = [:]
        for part in [1, 2, 9, 10, 11] {
            files["messages/inbox/t_1/message_\(part).json"] = """
                {"participants": [{"name": "A"}, {"name": "B"}], "messages": [{"sender_name": "A", "timestamp_ms": \(1_700_000_000_000 - part * 1000), "content": "part \(part)"}], "title": "A", "thread_path": "inbox/t_1"}
                """
        }
        try Support.write(files, under: folder)
        let result = try Support.importArchive(at: folder)
        #expect(result.items.map(\.text) == ["part 1", "part 2", "part 9", "part 10", "part 11"])
        #expect(
            Support.coverage(result, "Messenger: inbox")?.files
                == [1, 2, 9, 10, 11].map { "messages/inbox/t_1/message_\($0).json" })
    }

    @Test("a malformed record is an issue at its locator and the rest of the file imports")
    func malformedRecord() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(
            [
                "connections/friends/your_friends.json": #"""
                {"friends_v2": [{"name": "Ann Lee", "timestamp": 1600000000}, {"name": 5, "timestamp": 1600000001},
                 "not a record", {"name": "Cy Fox", "timestamp": 1600000002}]}
                """#,
                "messages/inbox/t_1/message_1.json": #"""
                {"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1600000000000, "content": "ok"},
                 {"sender_name": "A", "timestamp_ms": 1600000001000, "photos": {"uri": "x.jpg"}}]}
                """#,
                "connections/friends/removed_friends.json":
                    #"{"deleted_friends_v2": {"name": "oops"}}"#,
            ], under: folder)
        let result = try Support.importArchive(at: folder)
        #expect(try Support.accountingProblems(result, archive: folder) == [])
        let friends = result.items.filter { $0.kind == .friend }
        #expect(friends.map { $0.counterparties.first?.name } == ["Ann Lee", "Cy Fox"])
        #expect(friends.map(\.source.locator) == ["/friends_v2/0", "/friends_v2/3"])
        let issues = result.archive.unparsed.filter {
            $0.file == "connections/friends/your_friends.json"
        }
        #expect(issues.map(\.locator) == ["/friends_v2/1", "/friends_v2/2"])
        #expect(issues.first?.reason.contains("'name' is not text") == true)
        #expect(result.items.filter { $0.kind == .message }.count == 1)
        #expect(
            result.archive.unparsed.contains {
                $0.locator == "/messages/1" && $0.reason.contains("photos")
            })
        let wrongShape = try #require(
            result.archive.unparsed.first { $0.file.hasSuffix("removed_friends.json") })
        #expect(wrongShape.locator == "/deleted_friends_v2")
    }

    @Test("a truncated JSON file is listed with the parse error; the other files still import")
    func truncatedFile() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(
            [
                "connections/friends/your_friends.json":
                    #"{"friends_v2": [{"name": "Ann Lee", "timestamp": 16000"#,
                "connections/followers/who_you've_followed.json":
                    #"{"following_v3": [{"name": "Page", "timestamp": 1600000000}]}"#,
            ], under: folder)
        let result = try Support.importArchive(at: folder)
        #expect(try Support.accountingProblems(result, archive: folder) == [])
        #expect(result.items.map(\.kind) == [.follow])
        let issue = try #require(result.archive.unparsed.first)
        #expect(issue.file == "connections/friends/your_friends.json")
        #expect(issue.locator == nil)
        #expect(issue.reason.hasPrefix("not valid JSON ("))
        // The parser's own words.
        #expect(issue.reason.localizedCaseInsensitiveContains("end of file"))
    }

    @Test("an Instagram export beside the Facebook one is left for the Instagram importer")
    func combinedMetaDownload() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let thread =
            #"{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1600000000000, "content": "x"}]}"#
        try Support.write(
            [
                "facebook-zoe-2026-01-09-abc/connections/friends/your_friends.json":
                    #"{"friends_v2": []}"#,
                "instagram-zoe-2026-01-09-def/your_instagram_activity/messages/inbox/a_1/message_1.json":
                    thread,
            ], under: folder)
        let result = try Support.importArchive(at: folder)
        #expect(result.items.isEmpty)
        #expect(
            Support.coverage(result, "Friends")?.files == [
                "facebook-zoe-2026-01-09-abc/connections/friends/your_friends.json"
            ])
        #expect(result.archive.unparsed.first?.reason.contains("Instagram") == true)

        let instagramOnly = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: instagramOnly) }
        try Support.write(
            [
                "messages/inbox/a_1/message_1.json": thread,
                "personal_information/personal_information/personal_information.json":
                    #"{"profile_user": []}"#,
            ], under: instagramOnly)
        #expect(
            FacebookJSONImporter().recognizedVariant(of: try ArchiveReader(url: instagramOnly))
                == nil)
    }

    @Test("a single Messenger thread with 10,000 messages imports in one pass")
    func largeThread() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let messages = (0..<10_000).map { index in
            #"{"sender_name": "Zo\u00c3\u00ab", "timestamp_ms": \#(1_700_000_000_000 - index * 60_000), "content": "message \#(index)", "reactions": [{"reaction": "\u00f0\u009f\u0091\u008d", "actor": "Sam"}]}"#
        }
        let thread =
            #"{"participants": [{"name": "Sam"}, {"name": "Zo\u00c3\u00ab"}], "messages": [\#(messages.joined(separator: ","))], "title": "Sam"}"#
        try Support.write(["messages/inbox/sam_1/message_1.json": thread], under: folder)
        let result = try Support.importArchive(at: folder)
        #expect(result.items.count == 10_000)
        #expect(result.items.last?.text == "message 9999")
        #expect(result.items.first?.author == Person(name: "Zoë"))
    }
}
