import AuditModel
import Foundation
import GRDB
import GRDBSQLite

/// Writes timeline items into the case inside one write transaction, as an import reads them,
/// then records their archives and indexes the new items for search.
///
/// Rows are bound straight to two prepared statements (`sqlite3_bind_*`), which stores a large
/// archive about twice as fast as building GRDB arguments per row. Foreign keys are checked at
/// commit, so an archive's items can be stored before its record exists (the record, with its
/// item count and coverage, is known only once the archive has been read).
///
/// Used by ``CaseDatabase/store(_:items:importedAt:)`` and
/// ``CaseDatabase/storeStreaming(importedAt:_:)`` inside their write transaction.
final class CaseItemWriter {
    private let db: Database
    private let insertItem: Statement
    private let insertSource: Statement
    /// The item table's last rowid already in the full-text index.
    private var lastIndexedRow: Int64
    /// The secondary indexes of the item tables, dropped for the first load into a case and
    /// made again, from the same SQL, once it is stored.
    private var droppedIndexes: [String] = []
    /// Items added and items new to the case, per archive SHA-256.
    private var added: [String: Int] = [:]
    private var new: [String: Int] = [:]
    /// The archives of each platform in the case or added so far: an item is matched against
    /// other archives' copies (``ItemMatchKey``) only when its platform has another archive.
    private var archivesByPlatform: [Platform: Set<String>] = [:]
    /// The platforms whose stored items all have their match key (``keyStoredItems(of:)``).
    private var keyedPlatforms: Set<Platform> = []
    private let findCopy: Statement

    init(_ db: Database) throws {
        self.db = db
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        insertItem = try db.cachedStatement(sql: ItemRecord.insertOrIgnoreSQL)
        insertSource = try db.cachedStatement(sql: ItemSourceRecord.insertFurtherPlaceSQL)
        findCopy = try db.cachedStatement(
            sql: """
                SELECT id FROM item WHERE match_key = ?1 AND source_archive <> ?2
                AND NOT EXISTS (SELECT 1 FROM item_source WHERE item_source.item_id = item.id
                    AND item_source.archive_sha256 = ?2)
                ORDER BY rowid LIMIT 1
                """)
        for row in try Row.fetchAll(db, sql: "SELECT platform, sha256 FROM archive") {
            if let platform = Platform(rawValue: row["platform"]) {
                archivesByPlatform[platform, default: []].insert(row["sha256"])
            }
        }
        lastIndexedRow = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM item") ?? 0
        if lastIndexedRow == 0 {
            // Into an empty case, building the secondary indexes once after the load is much
            // cheaper than keeping them up to date row by row (a rollback restores them).
            let indexes = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                    AND tbl_name IN ('item', 'item_source')
                    """)
            for index in indexes {
                let name: String = index["name"]
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
                droppedIndexes.append(index["sql"])
            }
        }
    }

    /// Stores items of the archive with this SHA-256. An item already in the case is not stored
    /// again; it gains an `item_source` row saying where else it occurs (a new item's source is
    /// in its own row, so storing new items writes no second row and no second key).
    /// - Throws: ``StoreError/itemFromAnotherArchive(_:itemArchive:archive:)`` for an item of
    ///   another archive; a database error when the case cannot be written.
    func add(_ items: [TimelineItem], archiveSHA256: String) throws {
        let connection = db.sqliteConnection
        for item in items {
            guard item.source.archiveSHA256 == archiveSHA256 else {
                throw StoreError.itemFromAnotherArchive(
                    item.id, itemArchive: item.source.archiveSHA256, archive: archiveSHA256)
            }
            var matchKey: String?
            var copy: String?
            if try isMatching(item.platform, archiveSHA256: archiveSHA256) {
                matchKey = ItemMatchKey.key(of: item)
                if let matchKey { copy = try storedCopy(matching: matchKey, archiveSHA256) }
            }
            if copy == nil {
                try ItemRecord(item, matchKey: matchKey).bind(to: insertItem.sqliteStatement)
                try step(insertItem.sqliteStatement)
                if sqlite3_changes(connection) > 0 {
                    new[archiveSHA256, default: 0] += 1
                    continue
                }
            }
            let source = insertSource.sqliteStatement
            Self.bind(copy ?? item.id.rawValue, at: 1, of: source)
            Self.bind(archiveSHA256, at: 2, of: source)
            Self.bind(item.source.file, at: 3, of: source)
            Self.bind(item.source.locator, at: 4, of: source)
            try step(source)
        }
        added[archiveSHA256, default: 0] += items.count
        try indexNewRows()
    }

    /// Whether items of `platform` from this archive are to be matched against other archives'
    /// copies: when the platform has another archive in the case or in this import. The first
    /// time, the stored items of the platform get their keys (``keyStoredItems(of:)``).
    private func isMatching(_ platform: Platform, archiveSHA256: String) throws -> Bool {
        if archivesByPlatform[platform]?.contains(archiveSHA256) != true {
            archivesByPlatform[platform, default: []].insert(archiveSHA256)
        }
        guard (archivesByPlatform[platform]?.count ?? 0) > 1 else { return false }
        if !keyedPlatforms.contains(platform) {
            try keyStoredItems(of: platform)
            keyedPlatforms.insert(platform)
        }
        return true
    }

    /// Gives the stored items of `platform` that have none their match key, and makes sure the
    /// key's index exists (it is dropped during a first load). Keys are computed only once a
    /// platform has a second archive, so that a case of one archive per platform pays nothing.
    private func keyStoredItems(of platform: Platform) throws {
        if let index = droppedIndexes.firstIndex(where: { $0.contains("item_on_match_key") }) {
            try db.execute(sql: droppedIndexes.remove(at: index))
        }
        // Only what the key reads, people's labels (``Person/label``) taken out of their JSON
        // by SQLite: no raw fragment, no attachments, no JSON decoded in Swift.
        func label(_ json: String) -> String {
            """
            coalesce(json_extract(\(json), '$.name'), '@' || json_extract(\(json), '$.handle'),
                'account ' || json_extract(\(json), '$.accountID'), '(unnamed)')
            """
        }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT rowid, kind, authored,
                    CASE WHEN author IS NULL THEN NULL ELSE \(label("author")) END AS author_label,
                    (SELECT group_concat(\(label("value")), char(31))
                        FROM json_each(item.counterparties)) AS counterparty_labels,
                    text, conversation, connection_state, occurred_at
                FROM item WHERE platform = ? AND match_key IS NULL
                """,
            arguments: [platform.rawValue])
        var keys: [(Int64, String)] = []
        while let row = try rows.next() {
            guard let kind = ActivityKind(rawValue: row["kind"]) else { continue }
            let others: String? = row["counterparty_labels"]
            let fields = ItemMatchKey.Fields(
                platform: platform, kind: kind, isAuthoredByOwner: row["authored"],
                authorLabel: row["author_label"],
                counterpartyLabels: others.map { $0.components(separatedBy: "\u{1F}") } ?? [],
                text: row["text"], conversation: row["conversation"],
                connectionState: row["connection_state"],
                occurredAt: (row["occurred_at"] as Int64?).map(StoredTime.date))
            if let key = ItemMatchKey.key(of: fields) { keys.append((row["rowid"], key)) }
        }
        let update = try db.cachedStatement(sql: "UPDATE item SET match_key = ? WHERE rowid = ?")
        for (row, key) in keys { try update.execute(arguments: [key, row]) }
    }

    /// The id of a stored item from another archive with this match key that no item of this
    /// archive has matched yet, if any.
    private func storedCopy(matching key: String, _ archiveSHA256: String) throws -> String? {
        try String.fetchOne(findCopy, arguments: [key, archiveSHA256])
    }

    /// Adds the rows stored since the last call to the full-text index. Done batch by batch
    /// rather than once at the end, because the writing thread waits for the reading one
    /// anyway: indexing in those waits takes it off the end of the import.
    private func indexNewRows() throws {
        let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM item") ?? 0
        guard last > lastIndexedRow else { return }
        try CaseDatabase.indexItems(db, after: lastIndexedRow)
        lastIndexedRow = last
    }

    /// Records the archives whose items were added (an archive already in the case is left as
    /// it was) and indexes the new items for search.
    /// - Returns: per archive SHA-256, what storing it changed.
    func finish(_ archives: [ImportedArchive], importedAt: Date) throws -> [String: StoreOutcome] {
        var outcomes: [String: StoreOutcome] = [:]
        for archive in archives {
            if try ArchiveRecord.exists(db, key: archive.sha256) {
                outcomes[archive.sha256] = .alreadyImported
                continue
            }
            try ArchiveRecord(archive, importedAt: importedAt).insert(db)
            let newItems = new[archive.sha256] ?? 0
            outcomes[archive.sha256] = .imported(
                newItems: newItems, duplicateItems: (added[archive.sha256] ?? 0) - newItems)
        }
        try indexNewRows()
        for sql in droppedIndexes { try db.execute(sql: sql) }
        droppedIndexes = []
        return outcomes
    }

    // MARK: Binding

    private func step(_ statement: SQLiteStatement) throws {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// SQLite copies the bytes of a value bound with this destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func bind(_ text: String?, at index: Int32, of statement: SQLiteStatement) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress, !bytes.isEmpty {
                _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(statement, index, $0, Int32(bytes.count), transient)
                }
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, transient)
            }
        }
    }

    static func bind(_ number: Int64?, at index: Int32, of statement: SQLiteStatement) {
        guard let number else {
            sqlite3_bind_null(statement, index)
            return
        }
        sqlite3_bind_int64(statement, index, number)
    }
}
