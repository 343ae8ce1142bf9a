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

    init(_ db: Database) throws {
        self.db = db
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        insertItem = try db.cachedStatement(sql: ItemRecord.insertOrIgnoreSQL)
        insertSource = try db.cachedStatement(sql: ItemSourceRecord.insertFurtherPlaceSQL)
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
            try ItemRecord(item).bind(to: insertItem.sqliteStatement)
            try step(insertItem.sqliteStatement)
            if sqlite3_changes(connection) > 0 {
                new[archiveSHA256, default: 0] += 1
                continue
            }
            let source = insertSource.sqliteStatement
            Self.bind(item.id.rawValue, at: 1, of: source)
            Self.bind(archiveSHA256, at: 2, of: source)
            Self.bind(item.source.file, at: 3, of: source)
            Self.bind(item.source.locator, at: 4, of: source)
            try step(source)
        }
        added[archiveSHA256, default: 0] += items.count
        try indexNewRows()
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
