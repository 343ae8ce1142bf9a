import Foundation

/// A bounded queue of item batches from the thread that reads archives to the thread that
/// writes them into the case, so that parsing and storing run side by side on two cores while
/// memory holds at most ``capacity`` batches in flight.
///
/// The reader blocks in ``put(_:archiveSHA256:)`` while the queue is full; the writer blocks in
/// ``take()`` while it is empty. A writer that fails calls ``fail(_:)``, and the reader's next
/// `put` throws that error, so that the import stops rather than reading on into nothing.
final class ItemBatchChannel: @unchecked Sendable {
    /// One file's (or chunk's) items of one archive.
    struct Batch {
        let items: [TimelineItem]
        let archiveSHA256: String
    }

    /// How many batches may wait to be written.
    let capacity: Int
    private let condition = NSCondition()
    /// The batches not yet taken, oldest first (at most ``capacity``: removing the first of so
    /// few costs nothing, and a taken batch is released at once).
    private var waiting: [Batch] = []
    /// The most batches that have waited at once (at most ``capacity``).
    private var mostWaiting = 0
    private var isFinished = false
    private var writerFailure: (any Error)?

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// How many batches wait to be taken (never more than ``capacity``).
    var waitingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting.count
    }

    /// The most batches that have waited to be taken at any one time so far.
    var peakWaitingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return mostWaiting
    }

    /// Queues a batch, waiting while the queue is full.
    /// - Throws: the writer's error once it has failed.
    func put(_ items: [TimelineItem], archiveSHA256: String) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity, writerFailure == nil { condition.wait() }
        if let writerFailure { throw writerFailure }
        waiting.append(Batch(items: items, archiveSHA256: archiveSHA256))
        mostWaiting = max(mostWaiting, waiting.count)
        condition.broadcast()
    }

    /// The next batch, waiting while none is queued; nil once the reader has finished and every
    /// batch has been taken.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, !isFinished { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Says the reader has queued its last batch.
    func finish() {
        condition.lock()
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Says the writer has failed: queued batches are dropped and the reader's next `put` throws.
    func fail(_ error: any Error) {
        condition.lock()
        writerFailure = error
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
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
