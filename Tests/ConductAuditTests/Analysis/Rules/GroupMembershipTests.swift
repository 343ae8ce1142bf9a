import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// A WhatsApp group chat read from its export: who was a member at each line, and which lines
/// are the staff member's contact with a pupil.
@Suite struct GroupMembershipTests {
    static let chat = """
        05/10/2024, 09:58 - Sarah Bennett created group "Football club"
        05/10/2024, 09:58 - Sarah Bennett added you
        05/10/2024, 10:00 - Rebecca Hale: Training moved to 11 tomorrow
        05/10/2024, 10:01 - Sarah Bennett added Ollie Bennett
        05/10/2024, 10:02 - Rebecca Hale: Bring boots everyone
        05/10/2024, 10:03 - Sarah Bennett: He will, cheers
        05/10/2024, 10:04 - Ollie Bennett: thanks Rebecca
        05/10/2024, 10:05 - Ollie Bennett: is it at the big pitch
        05/10/2024, 10:06 - Ollie Bennett left
        05/10/2024, 10:08 - Rebecca Hale: Match report is on the website
        """

    static func imported() throws -> ImportResult {
        try WhatsAppTestSupport.importChat(
            chat, named: "Football club.txt", hints: ["Rebecca Hale"])
    }

    @Test("the importer lists a member only while the notices show them in the group")
    func counterpartiesFollowNotices() throws {
        let result = try Self.imported()
        let members = result.items.map { $0.counterparties.map(\.label) }
        #expect(
            members == [
                ["Sarah Bennett"], ["Ollie Bennett", "Sarah Bennett"],
                ["Ollie Bennett", "Sarah Bennett"], ["Ollie Bennett", "Sarah Bennett"],
                ["Ollie Bennett", "Sarah Bennett"], ["Sarah Bennett"],
            ])
    }

    @Test(
        "contact starts when the pupil was added and ends when he left; the parent's lines are not contact"
    )
    func contactWhileMember() throws {
        let timeline = Timeline(items: try Self.imported().items)
        let analysis = PupilContactAnalysis(
            timeline: timeline, configuration: try IdentityWeighingTests.configuration())
        #expect(analysis.findings.map(\.source.locator) == ["line 5", "line 7"])
        let added = try #require(analysis.findings.first)
        #expect(added.explanation.contains("shows Ollie Bennett added to or joining this group"))
        #expect(added.explanation.contains("Saturday 5 October 2024 at 10:02"))
        #expect(analysis.findings.last?.explanation.contains("addressed to Rebecca Hale") == true)
        // His line to everyone is noted as not hers; nothing else concerns him.
        #expect(analysis.observations.map(\.source.locator) == ["line 8"])
    }
}
