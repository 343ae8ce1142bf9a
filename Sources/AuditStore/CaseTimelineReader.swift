import AuditModel
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
    /// The kinds of item that carry their text; nil for every kind. A pass that reads no text
    /// (or only profiles') is spared decoding the largest column.
    public var textKinds: Set<ActivityKind>?
    /// The number of items in each batch but the last.
    public var batchSize: Int

    /// A reader of `database`'s timeline.
    /// - Parameters:
    ///   - database: the case.
    ///   - kinds: the kinds of item that carry their raw fragment; nil for every kind.
    ///   - textKinds: the kinds of item that carry their text; nil for every kind.
    ///   - batchSize: the number of items in each batch but the last.
    public init(
        _ database: CaseDatabase, rawFragmentsOf kinds: Set<ActivityKind>? = nil,
        textsOf textKinds: Set<ActivityKind>? = nil, batchSize: Int = 10_000
    ) {
        self.database = database
        rawFragmentKinds = kinds
        self.textKinds = textKinds
        self.batchSize = max(1, batchSize)
    }

    /// Reads the case's items in one read transaction and hands them to `body` in batches.
    ///
    /// The rows are read and made into items on a thread of their own, a batch ahead of `body`
    /// (which gets the calling thread): reading a large case and analysing it use two cores, and
    /// at most three batches are held (one in `body`, one waiting, one being read). `body` must
    /// not use ``database``, which the reading thread holds until the last batch is read.
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func forEachBatch(_ body: ([TimelineItem]) -> Void) throws {
        let channel = BoundedChannel<[TimelineItem]>(capacity: 1)
        let reading = BackgroundWork { [self] in
            defer { channel.finish() }
            try database.forEachItemBatch(
                rawFragmentsOf: rawFragmentKinds, textsOf: textKinds, batchSize: batchSize
            ) { batch in
                // The consumer below never fails, so `put` only waits.
                try? channel.put(batch)
            }
        }
        while let batch = channel.take() { body(batch) }
        try reading.result()
    }
}

extension CaseDatabase {
    /// Hands every item of the case to `body` in timeline order (timed items by time then id,
    /// then untimed items by id), `batchSize` items at a time, from one cursor.
    ///
    /// Each row becomes an item as it is read, and repeated values are shared between items
    /// (``SharedRowValues``); this reading holds one batch of items at a time (what `body` does
    /// with a batch, such as queue it for another thread, is up to it).
    /// - Parameters:
    ///   - kinds: when given, only items of these kinds carry their raw fragment (see
    ///     ``timeline(rawFragmentsOf:)``); the others have an empty one.
    ///   - textKinds: when given, only items of these kinds carry their text; the others have
    ///     none.
    ///   - batchSize: the number of items in each batch but the last.
    ///   - body: takes one batch; it runs inside the read transaction, on the calling thread.
    /// - Throws: ``StoreError`` when the case cannot be read.
    func forEachItemBatch(
        rawFragmentsOf kinds: Set<ActivityKind>?, textsOf textKinds: Set<ActivityKind>? = nil,
        batchSize: Int, _ body: ([TimelineItem]) -> Void
    ) throws {
        try read { db in
            let paths = try archivePaths(db)
            var values = SharedRowValues()
            let time = ItemRecord.Columns.occurredAt
            let columns = ItemRecord.storedColumns.map { column -> any SQLSelectable in
                switch column.name {
                case ItemRecord.Columns.rawFragment.name:
                    Self.column(column, ofKinds: kinds, otherwise: "''")
                case ItemRecord.Columns.text.name:
                    Self.column(column, ofKinds: textKinds, otherwise: "NULL")
                default: column
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

    /// `column`, read only for items of `kinds` (every item when nil) and `otherwise` for the
    /// others.
    private static func column(_ column: Column, ofKinds kinds: Set<ActivityKind>?, otherwise: SQL)
        -> any SQLSelectable
    {
        guard let kinds else { return column }
        let kept = kinds.map(\.rawValue).sorted()
        let selected: SQL =
            kept.isEmpty
            ? otherwise : "CASE WHEN kind IN \(kept) THEN \(column) ELSE \(otherwise) END"
        return selected.forKey(column.name)
    }
}
