import Foundation
import GRDB
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// ``CaseDatabase/recordReviews(_:command:arguments:)``: the one function `review` and the
/// review page of `serve` record decisions with.
@Suite struct ReviewRecordingTests {
    typealias Store = CaseDatabaseStoreTests

    @Test(
        "each decision of a batch is recorded and gets its own audit-log entry naming the reviewer")
    func batchRecordedOneByOne() throws {
        let database = try CaseDatabase.makeInMemory()
        let items = [
            Store.item("One", at: 1_718_180_000_000),
            Store.item("Two", at: 1_718_180_100_000, locator: "/1"),
        ]
        try database.store(Store.archiveA, items: items)
        let findings = items.map { Store.finding(for: $0) }
        try database.replaceFindings(findings, rules: [.workingHours])

        let entries = try database.recordReviews(
            findings.map { Store.review($0, .dismissed, at: 1_718_200_000) }, command: "serve",
            arguments: ["--dismiss"])

        #expect(try database.findings().map(\.status) == [.dismissed, .dismissed])
        #expect(entries.count == 2)
        #expect(try database.auditLog() == entries)
        #expect(
            entries.map(\.summary)
                == findings.map { "J. Head marked \($0.id) dismissed: checked dismissed" })
        #expect(
            entries.allSatisfy {
                $0.command == "serve" && $0.arguments == ["--dismiss"] && $0.id != nil
            })
    }

    @Test("a batch naming an unknown finding records nothing, not even the decisions before it")
    func unknownFindingRecordsNothing() throws {
        let database = try CaseDatabase.makeInMemory()
        let item = Store.item("One", at: 1_718_180_000_000)
        try database.store(Store.archiveA, items: [item])
        let finding = Store.finding(for: item)
        try database.replaceFindings([finding], rules: [.workingHours])
        var unknown = Store.review(finding, .confirmed, at: 1_718_200_000)
        unknown.findingID = FindingID(rawValue: "F-000000000000")

        #expect(throws: StoreError.unknownFinding(unknown.findingID, location: ":memory:")) {
            try database.recordReviews(
                [Store.review(finding, .confirmed, at: 1_718_200_000), unknown], command: "review",
                arguments: [])
        }
        #expect(try database.reviews().isEmpty)
        #expect(try database.auditLog().isEmpty)
    }

    @Test(
        "a case file is opened in write-ahead-log mode, so the page reads while the command line writes"
    )
    func caseFileUsesWriteAheadLog() throws {
        let folder = try TemporaryFolder.make("wal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try CaseDatabase.open(at: folder.appendingPathComponent("case.sqlite"))
        #expect(try database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }
}
