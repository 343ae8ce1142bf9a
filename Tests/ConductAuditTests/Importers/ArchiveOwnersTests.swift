import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// ``ImportStage/owners(of:localTimeZone:ownerHints:)`` reads only what names an archive's
/// owner, and finds the owner a full import finds, for every sample archive and variant.
@Suite struct ArchiveOwnersTests {
    @Test(
        "the cheap owner reading agrees with a full import",
        arguments: [
            "facebook-rebeccahale-2025-03-14", "facebook-rebeccahale-2025-03-14-html",
            "instagram-beckyhale-2025-03-14", "instagram-beckyhale-2025-03-14-html",
            "twitter-beckyhale-2025-03-14.zip", "whatsapp-chat-with-ollie-bennett.txt",
            "whatsapp-year5-parents.zip", "snapchat-beckyhale-2025-03-14",
            "tiktok-beckyhale-2025-03-14.zip",
        ])
    func ownersAgree(sample: String) throws {
        let reader = try ArchiveReader(
            url: CommandRunner.repositoryRoot.appendingPathComponent("Samples/\(sample)"))
        let archives = [(reader: reader, sha256: try reader.sha256())]
        let zone = TimeZone(identifier: "Europe/London")!
        let hints: [Platform: [String]] = [.whatsapp: ["Rebecca Hale"]]
        let owners = try ImportStage().owners(of: archives, localTimeZone: zone, ownerHints: hints)
        let imported = try ImportStage().importArchives(
            archives, localTimeZone: zone, ownerHints: hints)
        #expect(owners.count == 1)
        #expect(owners.first?.platform == imported.first?.archive.platform)
        #expect(owners.first?.owner == imported.first?.archive.owner)
        #expect(owners.first?.owner != nil, "every sample names its owner")
    }
}
