import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Whose account each archive is: decided, shown with its basis, or refused.
@Suite struct ArchiveOwnershipTests {
    static let rebecca = StaffMember(
        name: "Rebecca Hale",
        accounts: [.facebook: "Rebecca Hale", .twitter: "beckyhale", .whatsapp: "+44 7700 900123"])
    static let mark = StaffMember(name: "Mark Whitfield", accounts: [.facebook: "Mark Whitfield"])

    static func decide(_ platform: Platform, _ owner: Person?, evidence: String? = nil)
        -> ArchiveOwnership.Decision
    {
        let archive = ImportedArchive(
            path: "a", sha256: "a", platform: platform, variant: .json, owner: owner,
            ownerEvidence: evidence)
        return ArchiveOwnership.decide(for: archive, staff: rebecca, colleagues: [rebecca, mark])
    }

    @Test(
        "an owner matching the listed account or the staff member's name is theirs, with the basis")
    func owned() throws {
        guard
            case .owned(let owner) = Self.decide(
                .twitter, Person(name: "Becky", handle: "BeckyHale"))
        else {
            Issue.record("not owned")
            return
        }
        #expect(owner.name == "Becky")
        #expect(owner.basis.contains("profile/account data names 'Becky'"))
        #expect(owner.basis.contains("X (Twitter) account listed for Rebecca Hale"))
        guard
            case .owned(let byThreads) = Self.decide(
                .facebook, Person(name: "Rebecca Hale"), evidence: "From the threads.")
        else {
            Issue.record("not owned")
            return
        }
        #expect(byThreads.basis.hasPrefix("From the threads."))
    }

    @Test("no owner, a colleague's archive or another listed account is refused")
    func refused() {
        guard case .undecided = Self.decide(.facebook, nil) else {
            Issue.record("decided")
            return
        }
        guard
            case .someoneElse(let colleague) = Self.decide(
                .facebook, Person(name: "Mark Whitfield"))
        else {
            Issue.record("not refused")
            return
        }
        #expect(colleague.contains("Mark Whitfield's account"))
        guard case .someoneElse = Self.decide(.twitter, Person(handle: "somebody")) else {
            Issue.record("not refused")
            return
        }
        // A WhatsApp chat names its exporter as a phone shows them: not refused for that alone.
        guard
            case .owned(let chat) = Self.decide(
                .whatsapp, Person(name: "Becks"), evidence: "Deleted a message")
        else {
            Issue.record("refused")
            return
        }
        #expect(chat.basis.contains("taken as theirs"))
        #expect(chat.basis.hasPrefix("Deleted a message. "))
        #expect(
            ArchiveOwnership.advice(for: Self.rebecca, platform: .facebook).contains(
                "accounts, facebook"))
    }
}
