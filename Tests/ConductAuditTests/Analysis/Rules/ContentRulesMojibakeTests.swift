import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Pupils' names written by Meta in mojibake ("ZoÃ«") are recognised once the importer has
/// repaired them: a hand-made Facebook export through the real importer and the content rules.
@Suite struct ContentRulesMojibakeTests {
    static let export: [String: String] = [
        "personal_information/profile_information/profile_information.json": #"""
        {"profile_v2": {"name": {"full_name": "Rebecca Hale"}, "birthday": {"year": 1988, "month": 6, "day": 17}}}
        """#,
        "your_facebook_activity/messages/inbox/friends_1/message_1.json": #"""
        {"participants": [{"name": "Rebecca Hale"}, {"name": "Grace Thompson"}],
         "messages": [{"sender_name": "Rebecca Hale", "timestamp_ms": 1732133671689,
           "content": "Zo\u00c3\u00ab Kowalczyk had social services in again \u00f0\u009f\u0092\u0094"}],
         "title": "Friends", "thread_path": "inbox/friends_1"}
        """#,
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": #"""
        [{"timestamp": 1723300000, "title": "Rebecca Hale added a new photo.",
          "data": [{"post": "Chlo\u00c3\u00a9 Martin's painting \u00f0\u009f\u008e\u00a8"}],
          "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/1.jpg",
            "creation_timestamp": 1723300000}}]}],
          "tags": [{"name": "Zo\u00c3\u00ab Kowalczyk"}]}]
        """#,
    ]

    @Test("a repaired name in a message and in a tag is the pupil Zoë Kowalczyk")
    func repairedNames() throws {
        let folder = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FacebookTestSupport.write(Self.export, under: folder)
        let imported = try FacebookTestSupport.importArchive(at: folder)
        let configuration = try SampleSchool.configuration(rules: [
            .confidentialDisclosure, .childIdentification,
        ])
        let findings = Analyzer().analyze(
            Timeline(items: imported.items), configuration: configuration
        )
        .findings

        let disclosure = try #require(findings.first { $0.rule == .confidentialDisclosure })
        #expect(disclosure.excerpt?.hasPrefix("Zoë Kowalczyk had") == true)
        #expect(SampleSchool.highlightedTexts(disclosure) == ["Zoë Kowalczyk", "social services"])
        #expect(disclosure.counterparty?.rosterID == "W373247318102")

        let photo = try #require(findings.first { $0.rule == .childIdentification })
        #expect(photo.explanation.contains("It tags Zoë Kowalczyk"))
        #expect(photo.explanation.contains("Chloé Martin"))
        #expect(SampleSchool.highlightedTexts(photo) == ["Chloé Martin"])
        #expect(findings.count == 2)
    }
}
