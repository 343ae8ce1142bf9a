import Foundation

/// A bounded queue from one thread that produces values to one that consumes them, so that the
/// two run side by side on two cores while memory holds at most ``capacity`` values in flight.
///
/// The producer blocks in ``put(_:)`` while the queue is full; the consumer blocks in ``take()``
/// while it is empty. A consumer that fails calls ``fail(_:)``, and the producer's next `put`
/// throws that error, so that it stops rather than producing into nothing.
package final class BoundedChannel<Element>: @unchecked Sendable {
    /// How many values may wait to be taken.
    let capacity: Int
    private let condition = NSCondition()
    /// The values not yet taken, oldest first (at most ``capacity``: removing the first of so
    /// few costs nothing, and a taken value is released at once).
    private var waiting: [Element] = []
    /// The most values that have waited at once (at most ``capacity``).
    private var mostWaiting = 0
    private var isFinished = false
    private var consumerFailure: (any Error)?

    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// How many values wait to be taken (never more than ``capacity``).
    var waitingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting.count
    }

    /// The most values that have waited to be taken at any one time so far.
    var peakWaitingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return mostWaiting
    }

    /// Queues a value, waiting while the queue is full.
    /// - Throws: the consumer's error once it has failed.
    package func put(_ element: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity, consumerFailure == nil { condition.wait() }
        if let consumerFailure { throw consumerFailure }
        waiting.append(element)
        mostWaiting = max(mostWaiting, waiting.count)
        condition.broadcast()
    }

    /// The next value, waiting while none is queued; nil once the producer has finished and
    /// every value has been taken.
    package func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, !isFinished { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let element = waiting.removeFirst()
        condition.broadcast()
        return element
    }

    /// Says the producer has queued its last value.
    package func finish() {
        condition.lock()
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Says the consumer has failed: queued values are dropped and the producer's next `put`
    /// throws.
    package func fail(_ error: any Error) {
        condition.lock()
        consumerFailure = error
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
