import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct FindingFilterTests {
    static let findings = [EvidenceFixture.pupilFinding, EvidenceFixture.workingHoursFinding]
    static let incidents = Incident.group(findings) { rule, _, _ in rule.rawValue }

    static func ids(_ filter: FindingFilter) -> [FindingID] {
        filter.apply(to: findings, incidents: incidents).map(\.id)
    }

    @Test("each condition narrows the list; none given lists everything")
    func conditions() throws {
        let london = EvidenceFixture.london
        let pupil = EvidenceFixture.pupilFinding.id
        let working = EvidenceFixture.workingHoursFinding.id
        #expect(Self.ids(FindingFilter(timeZone: london)) == [pupil, working])
        #expect(Self.ids(FindingFilter(rules: [.workingHours], timeZone: london)) == [working])
        #expect(Self.ids(FindingFilter(statuses: [.open], timeZone: london)) == [pupil])
        #expect(Self.ids(FindingFilter(severities: [.high], timeZone: london)) == [pupil])
        #expect(Self.ids(FindingFilter(platforms: [.instagram], timeZone: london)).isEmpty)
        #expect(Self.ids(FindingFilter(incidents: ["INC-0002"], timeZone: london)) == [working])
        let june = try #require(LocalDay(year: 2024, month: 6, day: 12))
        #expect(Self.ids(FindingFilter(from: june, to: june, timeZone: london)) == [working])
        #expect(
            Self.ids(FindingFilter(rules: [.workingHours], statuses: [.open], timeZone: london))
                .isEmpty)
    }
}
