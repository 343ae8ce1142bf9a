import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct CaseDatabaseSearchTests {
    static let archive = ImportedArchive(
        path: "/exports/facebook-rebecca.zip", sha256: String(repeating: "a", count: 64),
        platform: .facebook, variant: .json, owner: Person(name: "Rebecca Hale"), itemCount: 4)
    static let later = ImportedArchive(
        path: "/exports/whatsapp.txt", sha256: String(repeating: "b", count: 64),
        platform: .whatsapp, variant: .txt, owner: Person(name: "Rebecca Hale"), itemCount: 1)

    static func item(
        _ text: String, on day: String, platform: Platform = .facebook,
        with counterparty: String? = nil, in archive: ImportedArchive = archive
    ) -> TimelineItem {
        TimelineItem(
            platform: platform, kind: .message, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale", handle: "becky.hale"),
            counterparties: counterparty.map { [Person(name: $0)] } ?? [], text: text,
            occurredAt: ISO8601DateFormatter().date(from: "\(day)T19:30:00Z"), timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: archive.sha256, archivePath: archive.path, file: "message_1.json",
                locator: "/messages/\(text.count)"),
            rawFragment: "{}")
    }

    static func caseWithItems() throws -> CaseDatabase {
        let database = try CaseDatabase.makeInMemory()
        try database.store(
            archive,
            items: [
                item("Oliver was brilliant in assembly", on: "2024-03-05"),
                item("Quiz night on Friday?", on: "2024-03-12", with: "Oliver Bennett"),
                item("Oliver's mum rang again", on: "2024-04-02"),
                item("Zoë's party is on Saturday", on: "2024-03-20"),
            ])
        // A second load is indexed too (the new rows only).
        try database.store(
            later,
            items: [
                item("saw Oliver at the park", on: "2024-03-25", platform: .whatsapp, in: later)
            ])
        return database
    }

    static func texts(_ items: [TimelineItem]) -> [String] { items.compactMap(\.text) }

    @Test("finds a name in text and among counterparties, across loads, in time order")
    func findsNameEverywhere() throws {
        // Given a case with items from two loads
        let database = try Self.caseWithItems()
        // When searching for a name
        let found = try database.items(matching: ItemSearch(query: "oliver"))
        // Then text mentions and a conversation with him are found, earliest first
        #expect(
            Self.texts(found) == [
                "Oliver was brilliant in assembly", "Quiz night on Friday?",
                "saw Oliver at the park",
                "Oliver's mum rang again",
            ])
    }

    @Test("limits to a period and a platform")
    func periodAndPlatform() throws {
        let database = try Self.caseWithItems()
        let march = ItemSearch(
            query: "Oliver", from: ISO8601DateFormatter().date(from: "2024-03-01T00:00:00Z"),
            before: ISO8601DateFormatter().date(from: "2024-04-01T00:00:00Z"))
        #expect(Self.texts(try database.items(matching: march)).count == 3)
        var whatsApp = march
        whatsApp.platform = .whatsapp
        #expect(Self.texts(try database.items(matching: whatsApp)) == ["saw Oliver at the park"])
    }

    @Test("ignores accents and case, needs every word, and reads punctuation as text")
    func queryForms() throws {
        let database = try Self.caseWithItems()
        #expect(
            Self.texts(try database.items(matching: ItemSearch(query: "ZOE"))) == [
                "Zoë's party is on Saturday"
            ])
        #expect(
            Self.texts(try database.items(matching: ItemSearch(query: "oliver mum"))) == [
                "Oliver's mum rang again"
            ])
        #expect(
            Self.texts(try database.items(matching: ItemSearch(query: "Oliver's"))) == [
                "Oliver's mum rang again"
            ])
        #expect(
            Self.texts(try database.items(matching: ItemSearch(query: "\"quiz night\""))) == [
                "Quiz night on Friday?"
            ])
        #expect(try database.items(matching: ItemSearch(query: "name")).isEmpty)
        #expect(try database.items(matching: ItemSearch(query: "  ")).isEmpty)
    }
}
