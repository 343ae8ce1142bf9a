import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The sample school of `Samples/` (Larkfield Primary School, its roster, Rebecca Hale's
/// Facebook export), which rule examples and the content-rule tests are written against.
enum SampleSchool {
    /// The repository's `Samples/` folder, reached from this file
    /// (…/Tests/ConductAuditTests/Analysis/Content/).
    static let samples: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("Samples")
    }()

    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// school.yaml and pupils.csv, for Rebecca Hale.
    static func configuration(rules: [RuleID] = RuleID.all) throws -> AuditConfiguration {
        let school = try SchoolConfiguration.load(
            from: samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        return AuditConfiguration(school: school, staff: staff, roster: roster, rules: rules)
    }

    /// The texts a finding highlights, read from its excerpt by `Character` offsets.
    static func highlightedTexts(_ finding: Finding) -> [String] {
        let characters = Array(finding.excerpt ?? "")
        return finding.highlights.compactMap { span in
            guard span.start >= 0, span.start + span.length <= characters.count else { return nil }
            return String(characters[span.start..<(span.start + span.length)])
        }
    }
}
