import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Instagram's 2026 `likes/liked_posts.json`, in the shape of the real 2026 download of
/// `../shared/formats/real-corpus` (docs/formats/instagram.md), written here for the test: a
/// plain list of records with a top-level `timestamp`, `label_values` and `fbid`.
@Suite struct InstagramLikes2026Tests {
    static let likedPosts = """
        [
          {
            "timestamp": 1778051899,
            "media": [],
            "label_values": [
              {"label": "URL", "value": "https://www.instagram.com/reel/DXGRu_qAgui/", "href": "https://www.instagram.com/reel/DXGRu_qAgui/"},
              {"label": "Caption", "value": "Dive in, head first \\u00e2\\u0080\\u0099"},
              {"label": "Title", "value": ""},
              {"dict": [], "title": "Hashtags"},
              {"dict": [{"dict": [{"label": "URL", "value": ""}, {"label": "Name", "value": "Maggie"}, {"label": "Username", "value": "maggie_m"}], "title": ""}], "title": "Owner"}
            ],
            "fbid": "18135114043539274"
          },
          {
            "timestamp": 1749224265,
            "media": [],
            "label_values": [{"label": "URL", "value": "https://www.instagram.com/p/Cxyz/", "href": "https://www.instagram.com/p/Cxyz/"}],
            "fbid": "18000000000000001"
          }
        ]
        """

    @Test("each 2026 like is a reaction at its own time, with the post's link and owner")
    func likes2026() throws {
        let root = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FacebookTestSupport.write(
            [
                "your_instagram_activity/likes/liked_posts.json": Self.likedPosts,
                "connections/followers_and_following/followers_1.json": """
                [{"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/sam", "value": "sam", "timestamp": 1700000000}]}]
                """,
            ], under: root)
        let result = try InstagramTestSupport.importArchive(at: root)
        let likes = result.items.filter { $0.kind == .reaction }
        #expect(likes.count == 2)
        #expect(likes.allSatisfy { $0.occurredAt != nil })
        let first = try #require(likes.first)
        #expect(first.occurredAt.map(TimeFormatting.utcISO8601) == "2026-05-06T07:18:19Z")
        #expect(first.counterparties == [Person(handle: "maggie_m")])
        #expect(
            first.attachments == [
                Attachment(kind: .link, uri: "https://www.instagram.com/reel/DXGRu_qAgui/")
            ])
        // The liked post's caption is someone else's words: not the like's text.
        #expect(first.text == nil)
        #expect(likes.last?.counterparties == [])
        #expect(!result.archive.unparsed.contains { $0.file.hasSuffix("liked_posts.json") })
    }
}
