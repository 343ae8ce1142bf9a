import AuditAnalysis
import AuditModel
import Foundation
import GRDB

/// The case file: one staff member's imported archives, their merged timeline, the findings of
/// the latest analysis, reviewers' decisions and an audit log of every command run.
///
/// Reviews and the audit log are append-only (SQLite triggers refuse UPDATE and DELETE), so the
/// history of decisions an HR process relies on cannot be rewritten through the tool. Every
/// change is one transaction. Open a file with ``open(at:)``, or use ``makeInMemory()`` in tests.
public struct CaseDatabase: Sendable {
    /// The case file's path, or ":memory:" for an in-memory case; used in error messages.
    public let location: String
    private let dbQueue: DatabaseQueue

    private init(dbQueue: DatabaseQueue, location: String) {
        self.dbQueue = dbQueue
        self.location = location
    }

    /// Opens the case file at `url`, creating it (and any missing parent folders) when needed,
    /// and brings its schema up to date.
    ///
    /// New folders are created with permissions 0700 and a new file with 0600: a case holds
    /// personal data about staff and pupils.
    /// - Throws: ``StoreError/notACase(location:)`` for a file that is not a case,
    ///   ``StoreError/newerSchema(location:)`` for a case from a newer version,
    ///   ``StoreError/locked(location:)`` when another process holds it, and
    ///   ``StoreError/cannotOpen(location:reason:)`` when it cannot be created or opened.
    public static func open(at url: URL) throws -> CaseDatabase {
        let location = url.path
        try createFileIfNeeded(at: url)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "conduct-audit case"
        // Write-ahead logging: the review page of `serve` keeps reading the case while the
        // command line writes to it (and the other way round); writers wait for each other up
        // to the busy timeout instead of failing, so no decision is lost.
        configuration.prepareDatabase { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
        }
        let dbQueue: DatabaseQueue
        do {
            dbQueue = try DatabaseQueue(path: url.path, configuration: configuration)
        } catch {
            throw translate(error, location: location)
        }
        let database = CaseDatabase(dbQueue: dbQueue, location: location)
        try database.migrate()
        return database
    }

    /// Opens a case file that must already exist (for commands that read a case: findings,
    /// review, report, timeline); a wrong path is an error, not a new empty case.
    /// - Throws: ``StoreError/cannotOpen(location:reason:)`` when there is no file at `url`, and
    ///   the errors of ``open(at:)``.
    public static func openExisting(at url: URL) throws -> CaseDatabase {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StoreError.cannotOpen(
                location: url.path,
                reason:
                    "there is no case file there; run 'conduct-audit audit' or 'import' first, or check the --case path"
            )
        }
        return try open(at: url)
    }

    /// Makes an empty case in memory, with the full schema; for tests and dry runs.
    /// - Throws: only if SQLite cannot allocate the database.
    public static func makeInMemory() throws -> CaseDatabase {
        let database = CaseDatabase(dbQueue: try DatabaseQueue(), location: ":memory:")
        try database.migrate()
        return database
    }

    // MARK: Archives and items

    /// Stores an archive and its items in one transaction.
    ///
    /// Storing an archive already in the case (the same SHA-256) changes nothing. An item already
    /// in the case (from another archive, or earlier in this one) is not stored again; it gains
    /// an `item_source` row saying where else it occurs.
    /// - Parameters:
    ///   - archive: the archive's description.
    ///   - items: its timeline items; each item's source must be this archive.
    ///   - importedAt: when the import happened (recorded to the millisecond).
    /// - Returns: ``StoreOutcome/alreadyImported`` or the counts of new and duplicate items.
    /// - Throws: ``StoreError/itemFromAnotherArchive(_:itemArchive:archive:)`` for an item of
    ///   another archive; store errors when the case cannot be written.
    @discardableResult
    public func store(_ archive: ImportedArchive, items: [TimelineItem], importedAt: Date = Date())
        throws -> StoreOutcome
    {
        if let stranger = items.first(where: { $0.source.archiveSHA256 != archive.sha256 }) {
            throw StoreError.itemFromAnotherArchive(
                stranger.id, itemArchive: stranger.source.archiveSHA256, archive: archive.sha256)
        }
        return try write { db in
            if try ArchiveRecord.exists(db, key: archive.sha256) {
                return .alreadyImported
            }
            let writer = try CaseItemWriter(db)
            try writer.add(items, archiveSHA256: archive.sha256)
            return try writer.finish([archive], importedAt: importedAt)[archive.sha256]
                ?? .alreadyImported
        }
    }

    /// Stores archives whose items arrive while they are read, in one transaction: `body` reads
    /// the archives, handing their items to the feed (``CaseItemFeed/sink(for:)``) a file at a
    /// time, and returns the archives' descriptions, which are recorded once their items are
    /// stored. Nothing is stored when `body` throws.
    ///
    /// `body` runs on a thread of its own while the calling thread writes the batches it hands
    /// over (at most a few batches wait in between), so that reading and storing a large export
    /// use two cores. `body` must not use the case itself.
    /// - Returns: per archive SHA-256, what storing it changed (an archive already in the case
    ///   is ``StoreOutcome/alreadyImported`` and its record is left as it was).
    /// - Throws: what `body` throws; store errors when the case cannot be written.
    public func storeStreaming(
        importedAt: Date = Date(), _ body: @escaping (CaseItemFeed) throws -> [ImportedArchive]
    ) throws -> [String: StoreOutcome] {
        try write { db in
            let writer = try CaseItemWriter(db)
            let channel = ItemBatchChannel(capacity: 4)
            let reading = BackgroundWork { () throws -> [ImportedArchive] in
                defer { channel.finish() }
                return try body(CaseItemFeed(channel: channel))
            }
            do {
                while let batch = channel.take() {
                    try writer.add(batch.items, archiveSHA256: batch.archiveSHA256)
                }
            } catch {
                channel.fail(error)
                _ = try? reading.result()
                throw error
            }
            return try writer.finish(try reading.result(), importedAt: importedAt)
        }
    }

    /// Adds the items stored after row `lastRowBefore` to the full-text index, in one statement:
    /// a 'rebuild' when the index was empty, else the new rows only.
    static func indexItems(_ db: Database, after lastRowBefore: Int64) throws {
        if lastRowBefore == 0 {
            try db.execute(sql: "INSERT INTO item_search(item_search) VALUES ('rebuild')")
        } else {
            try db.execute(
                sql: """
                    INSERT INTO item_search(rowid, text, title, author, counterparties)
                    SELECT item_rowid, text, title, author, counterparties FROM item_search_source
                    WHERE item_rowid > ?
                    """, arguments: [lastRowBefore])
        }
    }

    /// How many timeline items the case holds.
    public func itemCount() throws -> Int {
        try read { db in try ItemRecord.fetchCount(db) }
    }

    /// Whether the archive with this SHA-256 is in the case.
    public func containsArchive(sha256: String) throws -> Bool {
        try read { db in try ArchiveRecord.exists(db, key: sha256) }
    }

    /// Every archive in the case, in the order they were imported.
    public func archives() throws -> [ImportedArchive] {
        try read { db in
            try ArchiveRecord.order(Column("imported_at"), Column("sha256")).fetchAll(db)
                .map { try $0.archive() }
        }
    }

    /// The merged timeline of every item in the case.
    /// - Parameter kinds: when given, only items of these kinds carry their raw fragment; the
    ///   others have an empty ``TimelineItem/rawFragment``. For analysis, which reads few
    ///   (``Analyzer/rawFragmentKinds(for:)``): the fragments are most of a timeline's size.
    ///   Nil (the default) loads every item in full.
    /// - Returns: the items in timeline order (timed items by time then id, then untimed items
    ///   by id).
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func timeline(rawFragmentsOf kinds: Set<ActivityKind>? = nil) throws -> Timeline {
        var items: [TimelineItem] = []
        try forEachItemBatch(rawFragmentsOf: kinds, batchSize: 10_000) { items += $0 }
        return Timeline(items: consume items)
    }

    /// The items with these ids; ids not in the case are absent from the result.
    public func items(ids: [ItemID]) throws -> [ItemID: TimelineItem] {
        try read { db in
            let paths = try archivePaths(db)
            var result: [ItemID: TimelineItem] = [:]
            for chunk in Self.chunks(of: Array(Set(ids.map(\.rawValue))).sorted()) {
                for record in try ItemRecord.fetchAll(db, keys: chunk) {
                    let item = try record.item(archivePath: paths[record.sourceArchive] ?? "")
                    result[item.id] = item
                }
            }
            return result
        }
    }

    /// Every place the item occurs: its first source and any further archive or file holding it.
    public func sources(of id: ItemID) throws -> [SourceReference] {
        try read { db in
            let paths = try archivePaths(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT source_archive, source_file, source_locator FROM item WHERE id = ?1
                    UNION
                    SELECT archive_sha256, file, locator FROM item_source WHERE item_id = ?1
                    ORDER BY 1, 2, 3
                    """,
                arguments: [id.rawValue])
            return rows.map { row in
                let archive: String = row[0]
                return SourceReference(
                    archiveSHA256: archive, archivePath: paths[archive] ?? "",
                    file: row[1], locator: row[2])
            }
        }
    }

    // MARK: Findings and reviews

    /// Replaces the stored findings of `rules` with `findings`, in one transaction.
    ///
    /// This is how a re-run is saved: findings of other rules stay, and reviews are never
    /// touched, so a finding that comes back with the same id keeps its status.
    /// - Parameters:
    ///   - findings: the run's findings; each must be of one of `rules` and cite stored items.
    ///   - rules: the rules the run analysed.
    ///   - runID: a name for the run, stored with each finding (e.g. the audit-log entry's id).
    /// - Throws: ``StoreError/findingOutsideRules(_:rule:)``, ``StoreError/duplicateFinding(_:)``
    ///   or ``StoreError/findingCitesUnknownItem(_:item:)``, and nothing is changed.
    public func replaceFindings(_ findings: [Finding], rules: [RuleID], runID: String? = nil)
        throws
    {
        let ruleSet = Set(rules)
        try Self.checkFindings(findings, rules: ruleSet)
        try write { db in
            try Self.checkCitedItems(of: findings, in: db)
            try FindingRecord.filter(ruleSet.map(\.rawValue).contains(FindingRecord.Columns.rule))
                .deleteAll(db)
            for finding in findings {
                try FindingRecord(finding, runID: runID).insert(db)
            }
        }
    }

    /// Checks that every finding is of one of `rules` and that no id repeats.
    /// - Throws: ``StoreError/findingOutsideRules(_:rule:)`` or ``StoreError/duplicateFinding(_:)``.
    static func checkFindings(_ findings: [Finding], rules: Set<RuleID>) throws {
        var ids = Set<FindingID>()
        for finding in findings {
            guard rules.contains(finding.rule) else {
                throw StoreError.findingOutsideRules(finding.id, rule: finding.rule)
            }
            guard ids.insert(finding.id).inserted else {
                throw StoreError.duplicateFinding(finding.id)
            }
        }
    }

    /// Checks that every item the findings cite is stored.
    /// - Throws: ``StoreError/findingCitesUnknownItem(_:item:)``.
    static func checkCitedItems(of findings: [Finding], in db: Database) throws {
        let cited = Set(findings.flatMap { [$0.item] + $0.supportingItems }.map(\.rawValue))
        var stored = Set<String>()
        for chunk in chunks(of: cited.sorted()) {
            stored.formUnion(
                try String.fetchAll(
                    db, ItemRecord.select(ItemRecord.Columns.id).filter(keys: chunk)))
        }
        for finding in findings {
            for item in [finding.item] + finding.supportingItems
            where !stored.contains(item.rawValue) {
                throw StoreError.findingCitesUnknownItem(finding.id, item: item)
            }
        }
    }

    /// The stored findings, each with the status of its latest review (the rule's own status,
    /// usually open, when none), in time order (findings without a time last), then by id.
    /// - Parameter scope: the latest analysis run's findings (the default; every stored finding
    ///   when the case records no run), or every finding any run recorded.
    /// - Returns: the findings, in time order (findings without a time last), then by id.
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func findings(_ scope: FindingScope = .latestRun) throws -> [Finding] {
        try read { db in
            let statuses = try latestDecisions(db)
            var request = FindingRecord.order(
                FindingRecord.Columns.occurredAt == nil, FindingRecord.Columns.occurredAt,
                FindingRecord.Columns.id
            )
            if scope == .latestRun, let run = try Self.latestRunID(db) {
                request = request.filter(
                    sql: "id IN (SELECT finding_id FROM finding_run WHERE run_id = ?)",
                    arguments: [run])
            }
            return try request.fetchAll(db)
                .map { try $0.finding(status: statuses[FindingID(rawValue: $0.id)]) }
        }
    }

    /// Records a reviewer's decision; the finding's status becomes this decision.
    /// - Throws: ``StoreError/unknownFinding(_:location:)`` when the finding is not in the case.
    public func recordReview(_ review: ReviewDecision) throws {
        try write { db in
            guard try FindingRecord.exists(db, key: review.findingID.rawValue) else {
                throw StoreError.unknownFinding(review.findingID, location: location)
            }
            var record = ReviewRecord(review)
            try record.insert(db)
        }
    }

    /// The decisions on a finding, oldest first.
    public func reviews(of id: FindingID) throws -> [ReviewDecision] {
        try read { db in
            try ReviewRecord.filter(ReviewRecord.Columns.findingID == id.rawValue)
                .order(ReviewRecord.Columns.decidedAt, ReviewRecord.Columns.id)
                .fetchAll(db)
                .map { try $0.review() }
        }
    }

    /// Every decision in the case, grouped by finding, oldest first; includes decisions on
    /// findings a later run no longer produced.
    public func reviews() throws -> [FindingID: [ReviewDecision]] {
        try read { db in
            let decisions = try ReviewRecord.order(
                ReviewRecord.Columns.decidedAt, ReviewRecord.Columns.id
            )
            .fetchAll(db)
            .map { try $0.review() }
            return Dictionary(grouping: decisions, by: \.findingID)
        }
    }

    // MARK: Audit log

    /// Appends an entry to the audit log.
    /// - Returns: the entry with its sequence number.
    @discardableResult
    public func appendAuditLog(_ entry: AuditLogEntry) throws -> AuditLogEntry {
        try write { db in
            var record = AuditLogRecord(entry)
            record.id = nil
            try record.insert(db)
            return record.entry
        }
    }

    /// The whole audit log, oldest first.
    public func auditLog() throws -> [AuditLogEntry] {
        try read { db in
            try AuditLogRecord.order(AuditLogRecord.Columns.id).fetchAll(db).map(\.entry)
        }
    }

    // MARK: Internals

    /// Runs the migrations after checking that the file is a case this version can open.
    private func migrate() throws {
        let migrator = Self.migrator
        try translatingErrors {
            try dbQueue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tableCount =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
                if applicationID != Self.applicationID && tableCount > 0 {
                    throw StoreError.notACase(location: location)
                }
                if applicationID == Self.applicationID, try migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(location: location)
                }
            }
            try migrator.migrate(dbQueue)
        }
    }

    /// Runs the body in a read transaction, translating errors into ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try dbQueue.read(body) }
    }

    /// Runs the body in a write transaction, translating errors into ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try dbQueue.write(body) }
    }

    /// Runs raw SQL; only for tests that check what the schema refuses.
    func execute(sql: String) throws {
        try dbQueue.write { db in try db.execute(sql: sql) }
    }

    private func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.translate(error, location: location)
        }
    }

    /// Each archive's path, by SHA-256.
    func archivePaths(_ db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(db, sql: "SELECT sha256, path FROM archive")
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["sha256"], $0["path"]) })
    }

    private func latestDecisions(_ db: Database) throws -> [FindingID: ReviewStatus] {
        var statuses: [FindingID: ReviewStatus] = [:]
        let records = try ReviewRecord.order(
            ReviewRecord.Columns.decidedAt, ReviewRecord.Columns.id
        )
        .fetchAll(db)
        for record in records {
            statuses[FindingID(rawValue: record.findingId)] = try record.review().decision
        }
        return statuses
    }

    /// Splits keys into groups small enough for one `IN (…)` clause.
    static func chunks(of keys: [String]) -> [[String]] {
        stride(from: 0, to: keys.count, by: 500).map { Array(keys[$0..<min($0 + 500, keys.count)]) }
    }

    private static func translate(_ error: any Error, location: String) -> any Error {
        switch error {
        case let error as StoredValueError:
            return StoreError.unreadableRow(
                table: error.table, key: error.key, reason: error.reason, location: location)
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError.locked(location: location)
            case .SQLITE_NOTADB:
                return StoreError.notACase(location: location)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR:
                return StoreError.cannotOpen(
                    location: location, reason: error.message ?? "\(error.resultCode)")
            default:
                return error
            }
        default:
            return error
        }
    }

    /// Creates missing parent folders (0700) and an empty file (0600), leaving existing ones be.
    private static func createFileIfNeeded(at url: URL) throws {
        let fileManager = FileManager.default
        do {
            var missing: [URL] = []
            var folder = url.deletingLastPathComponent()
            while !fileManager.fileExists(atPath: folder.path), folder.path != "/" {
                missing.append(folder)
                folder = folder.deletingLastPathComponent()
            }
            for folder in missing.reversed() {
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: false)
                try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
            }
            if !fileManager.fileExists(atPath: url.path) {
                guard
                    fileManager.createFile(
                        atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
                else {
                    throw StoreError.cannotOpen(
                        location: url.path, reason: "the file could not be created")
                }
                try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(location: url.path, reason: error.localizedDescription)
        }
    }
}
