import Foundation
import GRDB

/// A case's merged timeline read by cursor, a batch of items at a time, in timeline order: what
/// analysis and the evidence read instead of loading every item of a large case at once.
public struct CaseTimelineReader: TimelineSource, Sendable {
    public typealias Failure = any Error

    /// The case read.
    public let database: CaseDatabase
    /// The kinds of item that carry their raw fragment; nil for every kind (see
    /// ``CaseDatabase/timeline(rawFragmentsOf:)``).
    public var rawFragmentKinds: Set<ActivityKind>?
    /// The number of items in each batch but the last.
    public var batchSize: Int

    /// A reader of `database`'s timeline.
    public init(
        _ database: CaseDatabase, rawFragmentsOf kinds: Set<ActivityKind>? = nil,
        batchSize: Int = 10_000
    ) {
        self.database = database
        rawFragmentKinds = kinds
        self.batchSize = max(1, batchSize)
    }

    /// Reads the case's items in one read transaction and hands them to `body` in batches.
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func forEachBatch(_ body: ([TimelineItem]) -> Void) throws {
        try database.forEachItemBatch(
            rawFragmentsOf: rawFragmentKinds, batchSize: batchSize, body)
    }
}

extension CaseDatabase {
    /// Hands every item of the case to `body` in timeline order (timed items by time then id,
    /// then untimed items by id), `batchSize` items at a time, from one cursor.
    ///
    /// Each row becomes an item as it is read, and repeated values are shared between items
    /// (``SharedRowValues``); only one batch of items is held at a time.
    /// - Parameter kinds: when given, only items of these kinds carry their raw fragment (see
    ///   ``timeline(rawFragmentsOf:)``).
    /// - Throws: ``StoreError`` when the case cannot be read.
    func forEachItemBatch(
        rawFragmentsOf kinds: Set<ActivityKind>?, batchSize: Int,
        _ body: ([TimelineItem]) -> Void
    ) throws {
        try read { db in
            let paths = try archivePaths(db)
            var values = SharedRowValues()
            let time = ItemRecord.Columns.occurredAt
            var columns: [any SQLSelectable] = ItemRecord.storedColumns
            if let kinds {
                let fragment = ItemRecord.Columns.rawFragment
                let kept = kinds.map(\.rawValue).sorted()
                let selected: SQL =
                    kept.isEmpty
                    ? "''" : "CASE WHEN kind IN \(kept) THEN raw_fragment ELSE '' END"
                columns = ItemRecord.storedColumns.map { column -> any SQLSelectable in
                    column.name == fragment.name ? selected.forKey(fragment.name) : column
                }
            }
            // Timeline order puts untimed items last, where SQLite puts NULLs first; two reads
            // in index order spare SQLite sorting every row.
            let requests = [
                ItemRecord.select(columns).filter(time != nil).order(time, ItemRecord.Columns.id),
                ItemRecord.select(columns).filter(time == nil).order(ItemRecord.Columns.id),
            ]
            var batch: [TimelineItem] = []
            batch.reserveCapacity(batchSize)
            for request in requests {
                let rows = try Row.fetchCursor(db, request)
                while let row = try rows.next() {
                    let record = try ItemRecord(row: row, sharing: &values)
                    batch.append(try record.item(archivePath: paths[record.sourceArchive] ?? ""))
                    if batch.count == batchSize {
                        body(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.isEmpty { body(batch) }
        }
    }
}
