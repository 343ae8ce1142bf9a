import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Runs one content rule over hand-made items of the sample school.
enum ContentRuleTestSupport {
    /// The findings of `rule` on the items of `examples`.
    static func findings(
        _ rule: any PolicyRule, _ examples: [RuleExample],
        configuration: AuditConfiguration? = nil
    ) throws -> [Finding] {
        let items = examples.enumerated().map {
            $0.element.item(in: SampleSchool.london, index: $0.offset)
        }
        return rule.findings(
            in: Timeline(items: items),
            configuration: try configuration ?? SampleSchool.configuration())
    }

    /// The only finding of `rule` on one example.
    static func finding(_ rule: any PolicyRule, _ example: RuleExample) throws -> Finding {
        let findings = try findings(rule, [example])
        try #require(findings.count == 1, "\(findings.map(\.explanation))")
        return findings[0]
    }
}
