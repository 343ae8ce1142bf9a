import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The self-check over Rebecca Hale's Snapchat and TikTok samples with a digest of the sample
/// roster: pupils found by their known Snapchat and TikTok handles, the Snapchat caveats shown.
@Suite struct SelfCheckSnapchatTikTokTests {
    @Test("known Snapchat and TikTok handles match through the digest; caveats are shown")
    func samplesWithDigest() throws {
        let samples = SampleAnswerKeyTests.samples
        let school = try SchoolConfiguration.load(
            from: samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let results = try ImportStage().importArchives(
            at: [
                samples.appendingPathComponent("snapchat-beckyhale-2025-03-14"),
                samples.appendingPathComponent("tiktok-beckyhale-2025-03-14.zip"),
            ], localTimeZone: school.school.timeZone)
        let digest = try RosterDigestMatcher(
            digest: RosterDigest(
                roster: roster, key: RosterDigest.makeKey(), includesKey: true,
                on: try #require(LocalDay(year: 2025, month: 3, day: 14))))
        let report = SelfCheck().run(
            timeline: Timeline(items: results.flatMap(\.items)), archives: results.map(\.archive),
            configuration: AuditConfiguration(
                school: school, staff: staff, roster: Roster(pupils: [])),
            digest: digest)

        let byHandle = report.digestContacts.filter(\.matchedByHandle).map(\.labels)
        #expect(
            byHandle.contains { $0.contains("@olliebsnaps") && $0.contains("@ollie.bennett.13") })
        #expect(byHandle.contains { $0.contains("@hattie.ellis11") })
        #expect(report.findings.contains { $0.rule == .workingHours && $0.platform == .snapchat })
        #expect(report.findings.contains { $0.rule == .workingHours && $0.platform == .tiktok })

        let text = SelfCheckSummary().text(of: report)
        #expect(text.contains("Snapchat export"))
        #expect(text.contains("TikTok export"))
        #expect(text.contains("Note: Snapchat deletes chats after they are viewed"))
        // Files left out on purpose are not "parts that could not be read".
        #expect(!text.contains("could not be read and were not checked"))
    }
}
