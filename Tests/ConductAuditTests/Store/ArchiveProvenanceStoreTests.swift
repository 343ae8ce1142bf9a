import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The parts of a split export and the owner's evidence survive the case database.
@Suite struct ArchiveProvenanceStoreTests {
    @Test("an archive's parts and owner evidence come back exactly")
    func partsAndOwnerEvidenceRoundTrip() throws {
        // Given an archive of two parts whose owner was established from its content
        let archive = ImportedArchive(
            path: "/exports/x-part1.zip + /exports/x-part2.zip",
            sha256: String(repeating: "d", count: 64), platform: .whatsapp, variant: .txt,
            owner: Person(name: "Rebecca Hale"), itemCount: 0,
            parts: [
                ArchivePart(
                    path: "/exports/x-part1.zip", sha256: String(repeating: "1", count: 64),
                    files: ["a.json"]),
                ArchivePart(
                    path: "/exports/x-part2.zip", sha256: String(repeating: "2", count: 64),
                    files: ["b/c.jpg", "d.json"]),
            ],
            ownerEvidence: "'Rebecca Hale' sent \"You deleted this message\" (line 3)")

        // When it is stored and read back
        let database = try CaseDatabase.makeInMemory()
        try database.store(archive, items: [])
        let stored = try #require(try database.archives().first)

        // Then nothing is lost
        #expect(stored == archive)
    }

    @Test("an archive of one file stores no parts and no evidence")
    func singleArchive() throws {
        let archive = ImportedArchive(
            path: "/exports/chat.txt", sha256: String(repeating: "e", count: 64),
            platform: .whatsapp, variant: .txt, owner: nil)
        let database = try CaseDatabase.makeInMemory()
        try database.store(archive, items: [])
        let stored = try #require(try database.archives().first)
        #expect(stored.parts.isEmpty)
        #expect(stored.ownerEvidence == nil)
    }
}
