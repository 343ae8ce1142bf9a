import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct ConfidentialDisclosureRuleTests {
    typealias Support = ContentRuleTestSupport
    let rule = ConfidentialDisclosureRule()

    @Test(
        "severity reflects who is named and what is said",
        arguments: [
            ("Freddie Turner has a CP plan now", Severity.high),
            ("Zoe Kowalczyk's mum has cancer", .high),
            ("Ruby Sinclair's address is 14 Mill Lane", .high),
            ("Ofsted are coming to Larkfield next week", .medium),
            ("Priya Shah is pregnant but hasn't told anyone", .medium),
            ("One of the parents is in prison", .medium),
            ("K373247319104", .high),
        ])
    func severity(text: String, expected: Severity) throws {
        let finding = try Support.finding(rule, RuleExample(text, kind: .message))
        #expect(finding.severity == expected)
    }

    @Test("a pupil and a sensitive matter in different sentences are not linked")
    func differentSentences() throws {
        let findings = try Support.findings(
            rule, [RuleExample("Freddie Turner had a lovely day. My mum is in hospital again.")])
        #expect(findings.isEmpty)
    }

    @Test("the member's own phone number and e-mail, from the profile, are not someone else's data")
    func ownData() throws {
        let profile = RuleExample(
            "Name: Rebecca Hale\nEmails: becky.hale@example.com\nPhone numbers: +44 7700 900777",
            kind: .profile, localTime: nil)
        let own = RuleExample(
            "Priya Shah, my number is 07700 900777 and my email becky.hale@example.com",
            kind: .message)
        let other = RuleExample("Priya Shah's number is 07700 900555", kind: .message)
        let findings = try Support.findings(rule, [profile, own, other])
        #expect(findings.map(\.source.locator) == ["/2"])
        #expect(findings.first?.severity == .medium)
    }

    @Test("a former pupil who has grown up is no longer a child of the community")
    func formerPupils() throws {
        // Callum Price (born 2005, left 2016) is 19 in 2024; Jordan Reece (born 2008, left 2019)
        // is 16.
        #expect(try Support.findings(rule, [RuleExample("Callum Price was excluded")]).isEmpty)
        let finding = try Support.finding(rule, RuleExample("Jordan Reece was excluded"))
        #expect(finding.severity == .high)
        #expect(finding.explanation.contains("a former pupil, aged 16 at the time"))
    }

    @Test("the school's own confidential terms count, with the school's context")
    func schoolTerms() throws {
        var configuration = try SampleSchool.configuration()
        configuration.school.lexicons.confidential.append("the Henderson case")
        let finding = try #require(
            try Support.findings(
                rule, [RuleExample("More on the Henderson case at work today")],
                configuration: configuration
            ).first)
        #expect(
            finding.highlights.map(\.label).sorted() == [
                "school context", "school-listed confidential term",
            ])
        #expect(finding.explanation.contains("a matter the school lists as confidential"))
    }

    @Test("photo captions are read with the text; titles are not")
    func captions() throws {
        let item = TimelineItem(
            platform: .facebook, kind: .post, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), text: nil,
            title: "Rebecca Hale wrote on Freddie Turner's timeline about social services.",
            attachments: [
                Attachment(
                    kind: .photo, uri: "a.jpg", caption: "Freddie Turner, off to CAMHS again")
            ],
            occurredAt: Date(timeIntervalSince1970: 1_723_300_000), timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: "", archivePath: "x", file: "p.json", locator: "/0"),
            rawFragment: "{}")
        let findings = rule.findings(
            in: Timeline(items: [item]), configuration: try SampleSchool.configuration())
        let finding = try #require(findings.first)
        #expect(finding.excerpt == "Freddie Turner, off to CAMHS again")
        #expect(SampleSchool.highlightedTexts(finding) == ["Freddie Turner", "CAMHS"])
    }

    @Test("one incident per item, titled with its day")
    func incident() throws {
        let finding = try Support.finding(
            rule, RuleExample("Ofsted call came in for LPS", localTime: "2024-11-25 12:40"))
        #expect(finding.incidentKey.hasPrefix("2024-11-25 "))
        #expect(
            rule.incidentTitle(key: finding.incidentKey, findings: [finding])
                == "Possible disclosure of confidential information in a Facebook post on "
                + "Monday 25 November 2024")
        #expect(
            rule.incidentTitle(key: "undated x", findings: [finding])
                == "Possible disclosure of confidential information in a Facebook post")
    }
}
