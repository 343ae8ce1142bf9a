import AuditImport
import AuditModel
import Foundation

/// One file's (or chunk's) items of one archive, on their way from the thread reading archives
/// to the one writing them into the case.
struct ItemBatch {
    let items: [TimelineItem]
    let archiveSHA256: String
}

/// The queue of item batches between the import's reading thread and the case's writing thread
/// (``CaseDatabase/storeStreaming(importedAt:_:)``): parsing and storing run side by side while
/// memory holds at most a few batches in flight.
typealias ItemBatchChannel = BoundedChannel<ItemBatch>

extension BoundedChannel where Element == ItemBatch {
    /// Queues the items of the archive with this SHA-256, waiting while the queue is full.
    /// - Throws: the writer's error once it has failed.
    func put(_ items: [TimelineItem], archiveSHA256: String) throws {
        try put(ItemBatch(items: items, archiveSHA256: archiveSHA256))
    }
}

/// Where an import being stored hands its items (``CaseDatabase/storeStreaming(importedAt:_:)``):
/// batches go to the thread writing the case while the import reads on.
public final class CaseItemFeed: @unchecked Sendable {
    private let channel: ItemBatchChannel

    init(channel: ItemBatchChannel) {
        self.channel = channel
    }

    /// A sink storing the items of the archive with this SHA-256 as they arrive.
    public func sink(for archiveSHA256: String) -> ItemSink {
        ItemSink { [channel] items in try channel.put(items, archiveSHA256: archiveSHA256) }
    }

    /// Stores items of the archive with this SHA-256 (read all at once by their importer).
    /// - Throws: the writer's error once it has failed.
    public func add(_ items: [TimelineItem], archiveSHA256: String) throws {
        guard !items.isEmpty else { return }
        try channel.put(items, archiveSHA256: archiveSHA256)
    }
}
