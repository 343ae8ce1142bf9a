import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct ChildIdentificationRuleTests {
    typealias Support = ContentRuleTestSupport
    let rule = ChildIdentificationRule()

    static func post(
        platform: Platform = .instagram, text: String?, people: [Person], at instant: Date
    ) -> TimelineItem {
        TimelineItem(
            platform: platform, kind: .post, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), counterparties: people, text: text,
            attachments: [Attachment(kind: .photo, uri: "media/1.jpg")], occurredAt: instant,
            timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: "", archivePath: "x", file: "p.json", locator: "/0"),
            rawFragment: "{}")
    }

    @Test("a pupil tagged by a known account handle is identified")
    func handleTag() throws {
        // Oliver Bennett's roster row lists instagram:ollie.bennett2013.
        let item = Self.post(
            text: "Match day", people: [Person(handle: "Ollie.Bennett2013")],
            at: Date(timeIntervalSince1970: 1_723_300_000))
        let findings = rule.findings(
            in: Timeline(items: [item]), configuration: try SampleSchool.configuration())
        let finding = try #require(findings.first)
        #expect(finding.counterparty?.rosterID == "G373247318101")
        #expect(finding.explanation.contains("known Instagram account of the pupil Oliver Bennett"))
        let elsewhere = Self.post(
            platform: .twitter, text: "Match day", people: [Person(handle: "ollie.bennett2013")],
            at: Date(timeIntervalSince1970: 1_723_300_000))
        #expect(
            rule.findings(
                in: Timeline(items: [elsewhere]), configuration: try SampleSchool.configuration()
            ).isEmpty)
    }

    @Test(
        "severity and confidence follow the evidence",
        arguments: [
            (
                RuleExample("Lovely day", attachments: [.photo], tagged: ["Grace Patel"]),
                Severity.high, 0.9
            ),
            (RuleExample("Well done Grace Patel", attachments: [.photo]), .high, 0.85),
            (RuleExample("Sports day at Larkfield", attachments: [.photo]), .medium, 0.75),
            (
                RuleExample("Sports day!", attachments: [.photo], localTime: "2024-06-27 16:40"),
                .medium, 0.55
            ),
        ])
    func severity(example: RuleExample, severity: Severity, confidence: Double) throws {
        let finding = try Support.finding(rule, example)
        #expect(finding.severity == severity)
        #expect(finding.confidence == confidence)
    }

    @Test("a grown-up former pupil tagged is not a child")
    func formerPupil() throws {
        let findings = try Support.findings(
            rule, [RuleExample("Reunion!", attachments: [.photo], tagged: ["Callum Price"])])
        #expect(findings.isEmpty)
    }

    @Test("the explanation asks a reviewer to look at the picture")
    func explanation() throws {
        let finding = try Support.finding(
            rule, RuleExample(nil, attachments: [.video], tagged: ["Tyler Greaves"]))
        #expect(finding.explanation.contains("posted a video"))
        #expect(
            finding.explanation.contains(
                "not examined: a reviewer should look at it ('media/0.jpg')"))
        #expect(finding.highlights.isEmpty)
    }
}
