/// A timeline read in timeline order (``Timeline/isOrderedBefore(_:_:)``), a batch of items at a
/// time, so that a stage reading it holds one batch and what it keeps, not every item at once.
///
/// A case on disk is read by cursor (``CaseTimelineReader``); a ``Timeline`` in memory is its own
/// source, in one batch, and ``TimelineBatches`` cuts one into smaller batches (for tests of
/// batch boundaries). A source may be read more than once, each time from the start.
public protocol TimelineSource<Failure> {
    /// What reading the source can throw; `Never` for a timeline in memory.
    associatedtype Failure: Error

    /// Hands every item to `body`, in timeline order, a batch at a time.
    /// - Throws: `Failure` when the items cannot be read.
    func forEachBatch(_ body: ([TimelineItem]) -> Void) throws(Failure)
}

extension Timeline: TimelineSource {
    /// Hands the whole timeline to `body` as one batch.
    public func forEachBatch(_ body: ([TimelineItem]) -> Void) {
        body(items)
    }
}

/// A timeline in memory read in batches of a given size: what a cursor over a case gives, for
/// checking that a stage's result does not depend on where the batches break.
public struct TimelineBatches: TimelineSource, Sendable {
    /// The items, in timeline order.
    public var timeline: Timeline
    /// The number of items in each batch but the last (at least 1).
    public var batchSize: Int

    /// Reads `timeline` in batches of `batchSize` items.
    public init(_ timeline: Timeline, batchSize: Int) {
        self.timeline = timeline
        self.batchSize = max(1, batchSize)
    }

    public func forEachBatch(_ body: ([TimelineItem]) -> Void) {
        let items = timeline.items
        for start in stride(from: 0, to: items.count, by: batchSize) {
            body(Array(items[start..<min(start + batchSize, items.count)]))
        }
    }
}
