import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct AbusiveContentRuleTests {
    typealias Support = ContentRuleTestSupport
    let rule = AbusiveContentRule()

    @Test(
        "severity: insults at named people are high, profanity at groups low",
        arguments: [
            ("Mr Whitfield is an idiot", Severity.high),
            ("The parents are idiots", .medium),
            ("The head is useless", .medium),
            ("Bloody governors", .low),
            ("Bloody Mr Whitfield again", .medium),
            ("Grace Patel is a brat", .high),
        ])
    func severity(text: String, expected: Severity) throws {
        #expect(try Support.finding(rule, RuleExample(text)).severity == expected)
    }

    @Test("a named target becomes the finding's counterparty")
    func counterparty() throws {
        let staff = try Support.finding(rule, RuleExample("Mark Whitfield is a clown"))
        #expect(staff.counterparty?.name == "Mark Whitfield")
        let pupil = try Support.finding(rule, RuleExample("Grace Patel is a brat"))
        #expect(pupil.counterparty?.rosterID == "G373247319102")
        let group = try Support.finding(rule, RuleExample("The parents are idiots"))
        #expect(group.counterparty == nil)
    }

    @Test("the school's own abusive terms count as insults")
    func schoolTerms() throws {
        var configuration = try SampleSchool.configuration()
        configuration.school.lexicons.abusive = ["total plank"]
        let findings = try Support.findings(
            rule, [RuleExample("Whitfield is a total plank")], configuration: configuration)
        #expect(findings.count == 1)
        #expect(try Support.findings(rule, [RuleExample("Whitfield is a total plank")]).isEmpty)
    }

    @Test("the audited member's own name is no target")
    func selfIsNoTarget() throws {
        #expect(
            try Support.findings(rule, [RuleExample("Miss Hale is an idiot sometimes")]).isEmpty)
    }

    @Test("the explanation names the word, the target and who the target is")
    func explanation() throws {
        let finding = try Support.finding(rule, RuleExample("Whitfield is a useless idiot."))
        #expect(
            finding.explanation.contains(
                "'useless idiot' (insult) is aimed at 'Whitfield', the staff member Mark "
                    + "Whitfield (Headteacher), named by surname."))
        #expect(finding.highlights.map(\.label).contains("insult"))
    }
}
