import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Every sample archive, audited with every rule, gives exactly the findings its answer key
/// expects (rule, file, locator, status): every planted breach found, no decoy flagged.
@Suite struct SampleAnswerKeyTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    /// One expectation: a rule's finding at a place, with a status.
    struct Expected: Hashable, CustomStringConvertible {
        var rule: String
        var file: String
        var locator: String
        var status: String
        var description: String { "\(rule) \(status) \(file) \(locator)" }
    }

    static func expectations(inKey name: String) throws -> Set<Expected> {
        let data = try Data(contentsOf: samples.appendingPathComponent("\(name).answer-key.json"))
        let key = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(key["items"] as? [[String: Any]])
        var result: Set<Expected> = []
        for item in items {
            let file = try #require(item["file"] as? String)
            let itemLocator = (item["pointer"] as? String) ?? (item["locator"] as? String) ?? ""
            for expected in item["expected"] as? [Any] ?? [] {
                if let rule = expected as? String {
                    result.insert(
                        Expected(rule: rule, file: file, locator: itemLocator, status: "open"))
                } else if let entry = expected as? [String: Any],
                    let rule = entry["rule"] as? String
                {
                    result.insert(
                        Expected(
                            rule: rule, file: file,
                            locator: entry["locator"] as? String ?? itemLocator,
                            status: entry["status"] as? String ?? "open"))
                }
            }
        }
        return result
    }

    @Test(
        "each sample archive gives exactly its answer key's findings",
        arguments: [
            ("facebook-rebeccahale-2025-03-14", "facebook-rebeccahale-2025-03-14"),
            ("facebook-rebeccahale-2025-03-14-html", "facebook-rebeccahale-2025-03-14-html"),
            ("instagram-beckyhale-2025-03-14", "instagram-beckyhale-2025-03-14"),
            ("instagram-beckyhale-2025-03-14-html", "instagram-beckyhale-2025-03-14-html"),
            ("twitter-beckyhale-2025-03-14.zip", "twitter-beckyhale-2025-03-14"),
            ("whatsapp-chat-with-ollie-bennett.txt", "whatsapp-chat-with-ollie-bennett"),
            ("whatsapp-year5-parents.zip", "whatsapp-year5-parents"),
            ("snapchat-beckyhale-2025-03-14", "snapchat-beckyhale-2025-03-14"),
            ("tiktok-beckyhale-2025-03-14.zip", "tiktok-beckyhale-2025-03-14"),
        ])
    func answerKey(archive: String, key: String) throws {
        let school = try SchoolConfiguration.load(
            from: Self.samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: Self.samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        var hints: [Platform: [String]] = [:]
        for (platform, account) in staff.accounts { hints[platform, default: []].append(account) }
        let results = try ImportStage().importArchives(
            at: [Self.samples.appendingPathComponent(archive)],
            localTimeZone: school.school.timeZone,
            ownerHints: hints)
        let timeline = Timeline(items: results.flatMap(\.items))
        let analysis = Analyzer().analyze(
            timeline,
            configuration: AuditConfiguration(school: school, staff: staff, roster: roster))
        let found = Set(
            analysis.findings.map {
                Expected(
                    rule: $0.rule.rawValue, file: $0.source.file, locator: $0.source.locator,
                    status: $0.status.rawValue)
            })
        let expected = try Self.expectations(inKey: key)
        #expect(!expected.isEmpty)
        #expect(
            expected.subtracting(found).isEmpty,
            "missed: \(expected.subtracting(found).sorted { $0.description < $1.description })")
        #expect(
            found.subtracting(expected).isEmpty,
            "not in the key: \(found.subtracting(expected).sorted { $0.description < $1.description })"
        )
    }
}
