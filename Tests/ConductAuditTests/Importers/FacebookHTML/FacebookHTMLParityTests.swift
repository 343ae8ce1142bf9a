import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The same account exported as JSON and as HTML gives the same timeline items.
///
/// What HTML cannot carry, and therefore differs (each asserted below):
/// - `timeBasis`: JSON times are epoch instants (`explicit`); HTML times are zone-less wall-clock
///   text read in Europe/London (`inferredLocal`);
/// - `occurredAt` of messages: JSON has milliseconds, the pages whole seconds (2022+) or minutes
///   (2018-2021), so a message's time is the JSON time cut to what the page shows, and its
///   `ItemID` (a digest that includes the time to the millisecond) differs unless the JSON time
///   had nothing below that precision;
/// - items without a time (followers, the profile): their `ItemID` includes the file and locator,
///   which are the page and element path instead of the JSON file and pointer; the profile's text
///   lists the page's own "Label: value" rows, not the JSON importer's;
/// - `author` of comments and reactions: JSON names it in the record (`Person(name:)`), HTML does
///   not, so it is the archive owner (the same name, plus the profile's username);
/// - the order of a group thread's counterparties: JSON lists the thread's participants, HTML has
///   only the senders (compared as sets; the same people here);
/// - `source` and `rawFragment`, which always cite the file actually read.
/// Everything else (kind, direction, people, text, title, attachments, conversation, connection
/// state) is equal, and so is the `ItemID` of every timed item that is not a message.
@Suite struct FacebookHTMLParityTests {
    typealias Support = HTMLTestSupport

    /// The fields both variants must agree on.
    private func expectSameContent(
        _ json: TimelineItem, _ html: TimelineItem, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(html.platform == json.platform, "\(label)", sourceLocation: sourceLocation)
        #expect(html.kind == json.kind, "\(label)", sourceLocation: sourceLocation)
        #expect(
            html.isAuthoredByOwner == json.isAuthoredByOwner, "\(label)",
            sourceLocation: sourceLocation)
        #expect(
            html.author?.label == json.author?.label, "\(label)", sourceLocation: sourceLocation)
        #expect(
            Set(html.counterparties) == Set(json.counterparties), "\(label)",
            sourceLocation: sourceLocation)
        #expect(html.title == json.title, "\(label)", sourceLocation: sourceLocation)
        #expect(html.attachments == json.attachments, "\(label)", sourceLocation: sourceLocation)
        #expect(html.conversation == json.conversation, "\(label)", sourceLocation: sourceLocation)
        #expect(
            html.connectionState == json.connectionState, "\(label)", sourceLocation: sourceLocation
        )
    }

    @Test(
        "Rebecca Hale's JSON and HTML exports: same items; ids equal except messages and untimed items"
    )
    func samples() throws {
        let json = try Support.importArchive(
            at: Support.repositorySample("facebook-rebeccahale-2025-03-14"))
        let html = try Support.importArchive(
            at: Support.repositorySample("facebook-rebeccahale-2025-03-14-html"))
        #expect(json.items.count == html.items.count)
        let jsonItems = Support.itemsByLocation(json)
        let htmlItems = Support.itemsByLocation(html)
        let jsonKey = try Support.answerKey("facebook-rebeccahale-2025-03-14.answer-key.json")
        let htmlKey = Dictionary(
            uniqueKeysWithValues: try Support.answerKey(
                "facebook-rebeccahale-2025-03-14-html.answer-key.json"
            ).map { ($0.key, $0) })

        var sameIDs = 0
        var differentIDs: [String: Int] = [:]
        for entry in jsonKey where entry.activity != "search" {
            let twin = try #require(htmlKey[entry.key])
            let j = try #require(jsonItems["\(entry.file)#\(entry.pointer)"], "\(entry.key)")
            let h = try #require(htmlItems["\(twin.file)#\(twin.pointer)"], "\(entry.key)")
            expectSameContent(j, h, entry.key)
            #expect(j.timeBasis == (j.occurredAt == nil ? .none : .explicit))
            #expect(h.timeBasis == (h.occurredAt == nil ? .none : .inferredLocal))
            if j.kind != .profile { #expect(h.text == j.text, "\(entry.key)") }
            switch (j.kind, j.occurredAt) {
            case (.message, let instant?):
                let seconds = instant.timeIntervalSince1970.rounded(.down)
                #expect(h.occurredAt == Date(timeIntervalSince1970: seconds), "\(entry.key)")
                #expect(h.id != j.id, "\(entry.key): the JSON time has milliseconds")
                differentIDs["message", default: 0] += 1
            case (_, .some):
                #expect(h.occurredAt == j.occurredAt, "\(entry.key)")
                #expect(h.id == j.id, "\(entry.key)")
                if h.id == j.id { sameIDs += 1 }
            case (_, nil):
                #expect(h.occurredAt == nil, "\(entry.key)")
                #expect(h.id != j.id, "\(entry.key): an untimed id includes file and locator")
                differentIDs[j.kind.rawValue, default: 0] += 1
            }
        }
        #expect(sameIDs == 69)
        #expect(differentIDs == ["message": 17, "follower": 3, "profile": 1])

        // Comments and reactions: the same name as author, but HTML's is the owner as profiled.
        let comment = try #require(json.items.first { $0.kind == .comment && $0.text != nil })
        #expect(comment.author == Person(name: "Rebecca Hale"))
        let htmlComment = try #require(html.items.first { $0.id == comment.id })
        #expect(htmlComment.author == Person(name: "Rebecca Hale", handle: "rebecca.hale.3317"))
    }

    // MARK: - A hand-made 2020 pair, old HTML layout

    /// Sam Carter's account as a 2020 JSON export.
    ///
    /// Times are whole minutes, as the 2018-2021 HTML
    /// layout shows them, so every timed item keeps its id.
    static func jsonExport() -> [String: String] {
        let post = Support.epoch(2020, 9, 13, 12, 26)
        let wall = Support.epoch(2020, 9, 12, 18, 5)
        let comment = Support.epoch(2020, 9, 14, 7, 59)
        let friend = Support.epoch(2019, 10, 19, 14, 37)
        let reaction = Support.epoch(2020, 12, 24, 23, 1)
        let sent = Support.epoch(2020, 11, 2, 20, 0)
        let message1 = Support.epoch(2020, 10, 25, 1, 30)  // the clocks went back: 01:30 twice
        let message2 = Support.epoch(2020, 10, 25, 9, 15)
        return [
            "profile_information/profile_information.json": """
            {"profile": {"name": {"full_name": "Sam Carter", "first_name": "Sam", "last_name": "Carter"},
             "username": "sam.carter.7"}}
            """,
            "posts/your_posts_1.json": """
            [{"timestamp": \(post), "data": [{"post": "Sports day tomorrow! \\u00f0\\u009f\\u008f\\u0083"}],
              "title": "Sam Carter updated his status."},
             {"timestamp": \(wall), "data": [{"post": "Happy birthday Jo"}],
              "title": "Sam Carter wrote on Jo Price's timeline.", "tags": [{"name": "Alex Moore"}]}]
            """,
            "comments/comments.json": """
            {"comments": [{"timestamp": \(comment), "data": [{"comment": {"timestamp": \(comment),
              "comment": "Great photo", "author": "Sam Carter"}}],
              "title": "Sam Carter commented on Jo Price's photo."}]}
            """,
            "likes_and_reactions/posts_and_comments.json": """
            {"reactions": [{"timestamp": \(reaction), "data": [{"reaction": {"reaction": "LOVE", "actor": "Sam Carter"}}],
              "title": "Sam Carter reacted to Alex Moore's post."}]}
            """,
            "friends/friends.json": """
            {"friends": [{"name": "Jo Price", "timestamp": \(friend)}]}
            """,
            "friends/sent_friend_requests.json": """
            {"sent_requests": [{"name": "Chris Doe", "timestamp": \(sent)}]}
            """,
            "messages/inbox/joprice_a1b2c3d4e5/message_1.json": """
            {"participants": [{"name": "Jo Price"}, {"name": "Sam Carter"}],
             "messages": [
               {"sender_name": "Jo Price", "timestamp_ms": \(message2)000, "content": "Morning!"},
               {"sender_name": "Sam Carter", "timestamp_ms": \(message1)000, "content": "Still up?\\nCan't sleep"}],
             "title": "Jo Price", "is_still_participant": true, "thread_path": "inbox/joprice_a1b2c3d4e5"}
            """,
        ]
    }

    /// The same account as the 2018-2021 HTML layout writes it (`uiBoxWhite` blocks, US dates).
    static func htmlExport() -> [String: String] {
        func page(_ title: String, _ blocks: String) -> String {
            """
            <html><head><meta charset="utf-8" /><title>\(title)</title></head>
            <body class="_5vb_ _2yq _4yic"><div class="clearfix _ikh"><div class="_4bl9"><div class="_li">
            <div class="_3a_u"><div class="_4t5n" role="main">
            \(blocks)
            </div></div></div></div></div></body></html>
            """
        }
        func block(_ title: String?, _ content: String?, _ date: String) -> String {
            let titlePart = title.map { "<div class=\"_3-96 _2pio _2lek _2lel\">\($0)</div>" } ?? ""
            let contentPart = content.map { "<div class=\"_3-96 _2let\">\($0)</div>" } ?? ""
            return
                "<div class=\"pam _3-95 _2pi0 _2lej uiBoxWhite noborder\">\(titlePart)\(contentPart)<div class=\"_3-94 _2lem\">\(date)</div></div>"
        }
        return [
            "profile_information/profile_information.html": page(
                "Profile Information",
                """
                <div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><table>
                <tr><td class="_2pin _a6_q">Name</td><td class="_2pin _2piu _a6_r">Sam Carter</td></tr>
                <tr><td class="_2pin _a6_q">Username</td><td class="_2pin _2piu _a6_r">sam.carter.7</td></tr>
                </table></div>
                """),
            "posts/your_posts_1.html": page(
                "Your Posts",
                block(
                    "Sam Carter updated his status.",
                    "<div><div class=\"_2pin\"><div>Sports day tomorrow! 🏃</div></div></div>",
                    "Sep 13, 2020, 12:26 PM")
                    + block(
                        "Sam Carter wrote on Jo Price&#039;s timeline.",
                        "<div><div class=\"_2pin\"><div>Happy birthday Jo</div></div><table><tr><td class=\"_2pin _a6_q\">Tags</td><td class=\"_2pin _2piu _a6_r\"><div>Alex Moore</div></td></tr></table></div>",
                        "Sep 12, 2020, 6:05 PM")),
            "comments/comments.html": page(
                "Comments",
                block(
                    "Sam Carter commented on Jo Price's photo.",
                    "<div><div class=\"_2pin\"><div>Great photo</div></div></div>",
                    "Sep 14, 2020, 7:59 AM")),
            "likes_and_reactions/posts_and_comments.html": page(
                "Posts and Comments",
                block(
                    "Sam Carter reacted to Alex Moore's post.",
                    "<div><img src=\"https://static.xx.fbcdn.net/rsrc.php/v3/yT/r/love.png\" /></div>",
                    "Dec 24, 2020, 11:01 PM")),
            "friends/friends.html": page(
                "Friends",
                "<div class=\"uiBoxWhite noborder\"><div class=\"_2lel\">Jo Price</div><div class=\"_2lem\">Oct 19, 2019, 2:37 PM</div></div>"
            ),
            "friends/sent_friend_requests.html": page(
                "Sent Friend Requests",
                "<div class=\"uiBoxWhite noborder\"><div class=\"_2lel\">Chris Doe</div><div class=\"_2lem\">Nov 02, 2020, 8:00 PM</div></div>"
            ),
            "messages/inbox/joprice_a1b2c3d4e5/message_1.html": page(
                "Jo Price",
                block(
                    "Jo Price", "<div><div></div><div>Morning!</div><div></div><div></div></div>",
                    "Oct 25, 2020, 9:15 AM")
                    + block(
                        "Sam Carter",
                        "<div><div></div><div>Still up?<br />Can&#039;t sleep</div><div></div><div></div></div>",
                        "Oct 25, 2020, 1:30 AM")),
        ]
    }

    @Test("a hand-made 2020 JSON/HTML pair: every timed item has the same id and content")
    func handMade() throws {
        let folder = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonURL = folder.appendingPathComponent("facebook-samcarter-json")
        let htmlURL = folder.appendingPathComponent("facebook-samcarter-html")
        try FacebookTestSupport.write(Self.jsonExport(), under: jsonURL)
        try FacebookTestSupport.write(Self.htmlExport(), under: htmlURL)
        let json = try Support.importArchive(at: jsonURL)
        let html = try Support.importArchive(at: htmlURL)
        #expect(json.archive.variant == .json)
        #expect(html.archive.variant == .html)
        #expect(html.archive.owner == json.archive.owner)
        #expect(try FacebookTestSupport.accountingProblems(html, archive: htmlURL) == [])
        #expect(json.items.count == 9)
        #expect(html.items.count == 9)

        let htmlByID = Dictionary(uniqueKeysWithValues: html.items.map { ($0.id, $0) })
        for item in json.items where item.kind != .profile {
            let twin = try #require(
                htmlByID[item.id], "no HTML twin for \(item.kind) \(item.text ?? "")")
            expectSameContent(item, twin, "\(item.kind)")
            #expect(twin.text == item.text)
            #expect(twin.occurredAt == item.occurredAt)
        }
        let profile = try #require(html.items.first { $0.kind == .profile })
        #expect(profile.text == "Name: Sam Carter\nUsername: sam.carter.7")
        #expect(json.items.first { $0.kind == .profile }?.id != profile.id)

        // 01:30 on 25 October 2020 happened twice in London: the HTML time says so, JSON's does not
        // need to (it is an instant); both took the first 01:30 here.
        let night = try #require(html.items.first { $0.text == "Still up?\nCan't sleep" })
        #expect(night.timeBasis == .ambiguousLocal)
        #expect(
            html.archive.unparsed.contains {
                $0.locator == night.source.locator && $0.reason.contains("happened twice")
            })
    }
}
