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

@Suite struct CaseDatabaseStoreTests {
    // MARK: Helpers

    static let archiveA = ImportedArchive(
        path: "/exports/facebook-rebecca.zip", sha256: String(repeating: "a", count: 64),
        platform: .facebook, variant: .json, owner: Person(name: "Rebecca Hale"), itemCount: 2,
        unparsed: [ImportIssue(file: "odd.json", locator: "/3", reason: "unknown field")],
        media: [
            MediaFile(path: "photos/1.jpg", size: 1234, sha256: String(repeating: "c", count: 64))
        ],
        coverage: [])
    static let archiveB = ImportedArchive(
        path: "/exports/facebook-rebecca-later.zip", sha256: String(repeating: "b", count: 64),
        platform: .facebook, variant: .json, owner: Person(name: "Rebecca Hale"), itemCount: 2)

    static func item(
        _ text: String, at milliseconds: Int64?, in archive: ImportedArchive = archiveA,
        locator: String = "/0"
    ) -> TimelineItem {
        TimelineItem(
            platform: .facebook, kind: .post, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), text: text,
            occurredAt: milliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) },
            timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: archive.sha256, archivePath: archive.path, file: "posts.json",
                locator: locator),
            rawFragment: #"{"post":"\#(text)"}"#)
    }

    static func finding(for item: TimelineItem, rule: RuleID = .workingHours) -> Finding {
        Finding(
            rule: rule, severity: .medium, confidence: 0.9, item: item,
            highlights: [TextSpan(start: 0, length: 2, label: "word")],
            explanation: "Posted during working hours.", incidentKey: "2024-06-12")
    }

    static func review(_ finding: Finding, _ decision: ReviewStatus, at seconds: TimeInterval)
        -> ReviewDecision
    {
        ReviewDecision(
            findingID: finding.id, decision: decision, reason: "checked \(decision)",
            reviewer: "J. Head", decidedAt: Date(timeIntervalSince1970: seconds))
    }

    // MARK: Schema

    @Test("every migration applies to an empty database, one at a time")
    func migrationsApplyToEmptyDatabase() throws {
        // Given an empty database and the case's migrator
        let dbQueue = try DatabaseQueue()
        let migrator = CaseDatabase.migrator

        // When each migration is applied in turn
        for identifier in migrator.migrations {
            try migrator.migrate(dbQueue, upTo: identifier)
        }

        // Then every table exists, every migration is recorded and the file is marked as a case
        try dbQueue.read { (db: Database) throws in
            for table in ["archive", "item", "item_source", "finding", "review", "audit_log"] {
                #expect(try db.tableExists(table), "table \(table)")
            }
            #expect(try migrator.appliedIdentifiers(db) == Set(migrator.migrations))
            #expect(
                try Int32.fetchOne(db, sql: "PRAGMA application_id") == CaseDatabase.applicationID)
            #expect(try db.indexes(on: "item").contains { $0.columns == ["occurred_at"] })
        }
    }

    @Test("reviews and the audit log refuse UPDATE and DELETE")
    func appendOnlyTablesRejectChanges() throws {
        // Given a case with one review and one audit-log entry
        let database = try CaseDatabase.makeInMemory()
        let item = Self.item("Hello", at: 1_718_180_000_000)
        try database.store(Self.archiveA, items: [item])
        let finding = Self.finding(for: item)
        try database.replaceFindings([finding], rules: [.workingHours])
        try database.recordReview(Self.review(finding, .confirmed, at: 1_718_200_000))
        try database.appendAuditLog(
            AuditLogEntry(
                at: Date(timeIntervalSince1970: 1_718_200_000), command: "review",
                arguments: ["--confirm"], toolVersion: "0.1.0", summary: "1 decision"))

        // When any row is updated or deleted
        for sql in [
            "UPDATE review SET decision = 'dismissed'", "DELETE FROM review",
            "UPDATE audit_log SET summary = 'nothing'", "DELETE FROM audit_log",
        ] {
            // Then SQLite refuses it and the rows are unchanged
            let error = #expect(throws: DatabaseError.self, "\(sql)") {
                try database.execute(sql: sql)
            }
            #expect(error?.message?.contains("append-only") == true)
        }
        #expect(try database.reviews(of: finding.id).map(\.decision) == [.confirmed])
        #expect(try database.auditLog().map(\.summary) == ["1 decision"])
    }

    // MARK: Archives and items

    @Test("an item with every field comes back exactly, times to the millisecond")
    func itemRoundTrip() throws {
        // Given an item with every field set and a time with milliseconds
        let database = try CaseDatabase.makeInMemory()
        let item = TimelineItem(
            platform: .instagram, kind: .message, isAuthoredByOwner: false,
            author: Person(name: "Zoë Kent", handle: "zoe.k", accountID: "17841"),
            counterparties: [Person(name: "Rebecca Hale"), Person(handle: "third")],
            text: "See you at 9 — \"quoted\" & <b>", title: "Zoë sent a message",
            attachments: [
                Attachment(kind: .photo, uri: "media/1.jpg", caption: "trip"),
                Attachment(kind: .link, uri: "https://example.org/a?b=c"),
            ],
            conversation: "zoe_k_123", connectionState: .removed,
            occurredAt: Date(timeIntervalSince1970: 1_718_180_123.457), timeBasis: .inferredLocal,
            source: SourceReference(
                archiveSHA256: Self.archiveA.sha256, archivePath: Self.archiveA.path,
                file: "messages/inbox/zoe_k_123/message_1.json", locator: "/messages/12"),
            rawFragment: #"{"sender_name": "Zo\u00c3\u00ab", "timestamp_ms": 1718180123457}"#)

        // When it is stored and read back
        try database.store(Self.archiveA, items: [item])
        let loaded = try database.items(ids: [item.id])[item.id]
        let timeline = try database.timeline()

        // Then every field is equal, the time to the millisecond
        let stored = try #require(loaded)
        #expect(stored == item)
        #expect(stored.occurredAt.map(StoredTime.milliseconds) == 1_718_180_123_457)
        #expect(timeline.items == [item])
        #expect(try database.archives() == [Self.archiveA])
    }

    @Test("a loaded timeline shares repeated values between items and equals what was stored")
    func timelineSharesRepeatedValues() throws {
        // Given items of one file by the same author, with the same counterparties, one thread
        let database = try CaseDatabase.makeInMemory()
        let items = (0..<4).map { index in
            TimelineItem(
                platform: .facebook, kind: .message, isAuthoredByOwner: index.isMultiple(of: 2),
                author: Person(name: "Rebecca Hale", handle: "rhale", accountID: "1"),
                counterparties: [Person(name: "Zoë Kent"), Person(handle: "", accountID: "7")],
                text: "message \(index)",
                attachments: index == 1 ? [Attachment(kind: .photo, uri: "photos/1.jpg")] : [],
                conversation: "zoe_k_123",
                occurredAt: Date(timeIntervalSince1970: Double(1_718_180_000 + index * 60)),
                timeBasis: .explicit,
                source: SourceReference(
                    archiveSHA256: Self.archiveA.sha256, archivePath: Self.archiveA.path,
                    file: "messages/inbox/zoe_k_123/message_1.json", locator: "/messages/\(index)"),
                rawFragment: "{\"n\": \(index)}")
        }
        try database.store(Self.archiveA, items: items.reversed())

        // When the whole timeline is loaded
        let timeline = try database.timeline()

        // Then it holds every item exactly, in time order, as loading them one by one does
        #expect(timeline.items == items)
        #expect(try database.items(ids: items.map(\.id)).count == 4)
        for item in timeline.items {
            #expect(try database.items(ids: [item.id])[item.id] == item)
        }
    }

    @Test("storing the same archive again adds nothing")
    func reStoreIsIdempotent() throws {
        // Given a case holding one archive
        let database = try CaseDatabase.makeInMemory()
        let items = [Self.item("one", at: 1_000), Self.item("two", at: 2_000, locator: "/1")]
        let first = try database.store(Self.archiveA, items: items)

        // When the same archive is stored again
        let second = try database.store(Self.archiveA, items: items)

        // Then nothing is added
        #expect(first == .imported(newItems: 2, duplicateItems: 0))
        #expect(second == .alreadyImported)
        #expect(try database.containsArchive(sha256: Self.archiveA.sha256))
        #expect(try database.archives().count == 1)
        #expect(try database.timeline().items.count == 2)
        #expect(try database.sources(of: items[0].id).count == 1)
    }

    @Test("an item in two archives is stored once and traced to both")
    func twoArchivesShareItems() throws {
        // Given a case holding archive A with items "one" and "two"
        let database = try CaseDatabase.makeInMemory()
        try database.store(
            Self.archiveA,
            items: [Self.item("one", at: 1_000), Self.item("two", at: 2_000, locator: "/1")])

        // When archive B, holding "two" (at another place) and "three", is stored
        let shared = Self.item("two", at: 2_000, in: Self.archiveB, locator: "/7")
        let outcome = try database.store(
            Self.archiveB, items: [shared, Self.item("three", at: 3_000, in: Self.archiveB)])

        // Then "two" is stored once, keeps its first source, and is traced to both archives
        #expect(outcome == .imported(newItems: 1, duplicateItems: 1))
        let timeline = try database.timeline()
        #expect(timeline.items.map(\.text) == ["one", "two", "three"])
        #expect(timeline.items[1].source.archiveSHA256 == Self.archiveA.sha256)
        #expect(
            try database.sources(of: shared.id).map(\.citation).sorted() == [
                "posts.json at /1", "posts.json at /7",
            ])
        #expect(
            try database.sources(of: shared.id).map(\.archivePath).sorted()
                == [Self.archiveA.path, Self.archiveB.path].sorted())
    }

    @Test("a new item's own source is in its row: item_source holds only further places")
    func furtherPlacesOnly() throws {
        // Given a case holding archive A, where "two" occurs twice and "one" once
        let database = try CaseDatabase.makeInMemory()
        let two = Self.item("two", at: 2_000, locator: "/1")
        try database.store(
            Self.archiveA,
            items: [Self.item("one", at: 1_000), two, Self.item("two", at: 2_000, locator: "/4")])

        // Then only the second place of "two" is a row of item_source
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT item_id, file, locator FROM item_source")
        }
        #expect(
            rows.map { [$0[0], $0[1], $0[2]] as [String] } == [
                [two.id.rawValue, "posts.json", "/4"]
            ])
        #expect(
            try database.sources(of: two.id).map(\SourceReference.citation)
                == ["posts.json at /1", "posts.json at /4"])
    }

    @Test("a case made before v4 keeps only further places, and every item's sources read the same")
    func migrationKeepsFurtherPlaces() throws {
        // Given a case at v3, where item_source held a row for every place, first ones included
        let folder = try TemporaryFolder.make("conduct-audit-v3")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("case.sqlite")
        let dbQueue = try DatabaseQueue(path: file.path)
        try CaseDatabase.migrator.migrate(dbQueue, upTo: "v3-full-text-search")
        let one = Self.item("one", at: 1_000)
        let shared = Self.item("two", at: 2_000, locator: "/1")
        try dbQueue.write { db in
            for archive in [Self.archiveA, Self.archiveB] {
                try ArchiveRecord(archive, importedAt: Date(timeIntervalSince1970: 0)).insert(db)
            }
            for item in [one, shared] { try ItemRecord(item).insert(db) }
            let places = [
                (one.id, Self.archiveA.sha256, "/0"), (shared.id, Self.archiveA.sha256, "/1"),
                (shared.id, Self.archiveB.sha256, "/7"),
            ]
            for (id, archive, locator) in places {
                try db.execute(
                    sql: "INSERT INTO item_source VALUES (?, ?, 'posts.json', ?)",
                    arguments: [id.rawValue, archive, locator])
            }
        }

        try dbQueue.close()

        // When the case is opened, which runs the remaining migrations
        let database = try CaseDatabase.open(at: file)

        // Then the first places are gone from item_source and sources(of:) is unchanged
        let remaining = try database.read { db in
            try String.fetchAll(db, sql: "SELECT archive_sha256 || locator FROM item_source")
        }
        #expect(remaining == [Self.archiveB.sha256 + "/7"])
        #expect(
            try database.sources(of: one.id).map(\SourceReference.citation) == ["posts.json at /0"])
        #expect(
            try database.sources(of: shared.id).map(\SourceReference.archiveSHA256)
                == [Self.archiveA.sha256, Self.archiveB.sha256])
    }

    @Test("an item that names another archive is refused")
    func refusesItemOfAnotherArchive() throws {
        let database = try CaseDatabase.makeInMemory()
        let stranger = Self.item("x", at: 1_000, in: Self.archiveB)
        #expect(
            throws: StoreError.itemFromAnotherArchive(
                stranger.id, itemArchive: Self.archiveB.sha256, archive: Self.archiveA.sha256)
        ) {
            try database.store(Self.archiveA, items: [stranger])
        }
        #expect(try database.containsArchive(sha256: Self.archiveA.sha256) == false)
    }

    // MARK: Findings and reviews

    @Test("replacing a rule's findings keeps every review and the other rules' findings")
    func replaceFindingsKeepsReviews() throws {
        // Given findings of two rules, two of them reviewed
        let database = try CaseDatabase.makeInMemory()
        let items = [
            Self.item("one", at: 1_000), Self.item("two", at: 2_000, locator: "/1"),
            Self.item("three", at: 3_000, locator: "/2"),
        ]
        try database.store(Self.archiveA, items: items)
        let kept = Self.finding(for: items[0])
        let dropped = Self.finding(for: items[1])
        let other = Self.finding(for: items[2], rule: .abusiveContent)
        try database.replaceFindings([kept, dropped], rules: [.workingHours], runID: "run-1")
        try database.replaceFindings([other], rules: [.abusiveContent], runID: "run-1")
        try database.recordReview(Self.review(kept, .confirmed, at: 10))
        try database.recordReview(Self.review(dropped, .dismissed, at: 11))

        // When working-hours is re-run and finds only the first item
        try database.replaceFindings([kept], rules: [.workingHours], runID: "run-2")

        // Then the kept finding keeps its status, the other rule is untouched, and the dropped
        // finding's review is still in the case
        let findings = try database.findings()
        #expect(findings.map(\.id) == [kept.id, other.id])
        #expect(findings.map(\.status) == [.confirmed, .open])
        var expected = kept
        expected.status = .confirmed
        #expect(findings.first == expected)
        #expect(try database.reviews(of: dropped.id).map(\.decision) == [.dismissed])
        #expect(try database.reviews().count == 2)
    }

    @Test("a finding is refused when it cites an item not in the case, and nothing changes")
    func replaceFindingsChecksCitedItems() throws {
        let database = try CaseDatabase.makeInMemory()
        let stored = Self.item("one", at: 1_000)
        try database.store(Self.archiveA, items: [stored])
        let first = Self.finding(for: stored)
        try database.replaceFindings([first], rules: [.workingHours])
        let missing = Self.item("never stored", at: 5_000)

        #expect(
            throws: StoreError.findingCitesUnknownItem(
                Self.finding(for: missing).id, item: missing.id)
        ) {
            try database.replaceFindings([Self.finding(for: missing)], rules: [.workingHours])
        }
        #expect(throws: StoreError.findingOutsideRules(first.id, rule: .workingHours)) {
            try database.replaceFindings([first], rules: [.pupilContact])
        }
        #expect(try database.findings().map(\.id) == [first.id])
    }

    @Test("the latest decision gives the status, whatever order decisions were recorded in")
    func latestReviewWins() throws {
        // Given a stored finding
        let database = try CaseDatabase.makeInMemory()
        let item = Self.item("one", at: 1_000)
        try database.store(Self.archiveA, items: [item])
        let finding = Self.finding(for: item)
        try database.replaceFindings([finding], rules: [.workingHours])
        #expect(try database.findings().first?.status == .open)

        // When it is confirmed, then dismissed later, and a decision dated earlier is recorded last
        try database.recordReview(Self.review(finding, .confirmed, at: 100))
        try database.recordReview(Self.review(finding, .dismissed, at: 300))
        try database.recordReview(Self.review(finding, .declared, at: 200))

        // Then the status is the decision with the latest time, and the history is in time order
        #expect(try database.findings().first?.status == .dismissed)
        #expect(
            try database.reviews(of: finding.id).map(\.decision) == [
                .confirmed, .declared, .dismissed,
            ])
        #expect(
            try database.reviews(of: finding.id).first == Self.review(finding, .confirmed, at: 100))
    }

    @Test("a review of an unknown finding is refused with a way to find ids")
    func reviewOfUnknownFindingFails() throws {
        let database = try CaseDatabase.makeInMemory()
        let id = FindingID(rawValue: "F-000000000000")
        let review = ReviewDecision(
            findingID: id, decision: .confirmed, reason: "", reviewer: "x",
            decidedAt: Date(timeIntervalSince1970: 0))
        let error = #expect(throws: StoreError.self) { try database.recordReview(review) }
        #expect(error == .unknownFinding(id, location: ":memory:"))
        #expect(error?.errorDescription?.contains("conduct-audit findings --case") == true)
    }

    @Test("audit-log entries come back in order with their sequence numbers")
    func auditLogRoundTrip() throws {
        let database = try CaseDatabase.makeInMemory()
        let entry = AuditLogEntry(
            at: Date(timeIntervalSince1970: 1_718_180_000.5), command: "audit",
            arguments: ["a.zip", "--school", "school.yaml"], toolVersion: "0.1.0",
            summary: "12 findings")
        let appended = try database.appendAuditLog(entry)
        try database.appendAuditLog(entry)
        var expected = entry
        expected.id = 1
        #expect(appended == expected)
        #expect(try database.auditLog().map(\.id) == [1, 2])
        #expect(try database.auditLog().first == expected)
    }

    // MARK: Files

    @Test("open creates the folders 0700 and the file 0600, and reopens the same case")
    func openCreatesPrivateFile() throws {
        // Given a path in folders that do not exist yet
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("case-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("Reports/rebecca-hale/case.sqlite")

        // When the case is opened, written, and opened again
        try CaseDatabase.open(at: url).store(Self.archiveA, items: [Self.item("one", at: 1_000)])
        let reopened = try CaseDatabase.open(at: url)

        // Then the file is private and holds the data
        func permissions(_ url: URL) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        }
        #expect(try permissions(url) == 0o600)
        #expect(try permissions(url.deletingLastPathComponent()) == 0o700)
        #expect(try permissions(root) == 0o700)
        #expect(try reopened.timeline().items.count == 1)
        #expect(reopened.location == url.path)
    }

    @Test("a file that is not a case, or is from a newer version, is refused")
    func openRefusesForeignFiles() throws {
        let root = try TemporaryFolder.make("case")
        defer { try? FileManager.default.removeItem(at: root) }

        // A text file
        let text = root.appendingPathComponent("notes.sqlite")
        try Data("not a database, just some notes that are long enough".utf8).write(to: text)
        #expect(throws: StoreError.notACase(location: text.path)) {
            try CaseDatabase.open(at: text)
        }

        // Another application's SQLite database
        let other = root.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { db in
            try db.execute(sql: "CREATE TABLE t(x)")
        }
        #expect(throws: StoreError.notACase(location: other.path)) {
            try CaseDatabase.open(at: other)
        }

        // A case with a migration this version does not know
        let newer = root.appendingPathComponent("newer.sqlite")
        _ = try CaseDatabase.open(at: newer)
        try DatabaseQueue(path: newer.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')")
        }
        let error = #expect(throws: StoreError.self) { try CaseDatabase.open(at: newer) }
        #expect(error == .newerSchema(location: newer.path))
        #expect(error?.errorDescription?.contains(newer.path) == true)
    }
}
