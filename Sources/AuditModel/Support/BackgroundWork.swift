import Foundation

/// Work run at once on a thread of its own, whose result the starting thread collects with
/// ``result()`` (waiting for it to end).
///
/// The thread gets a 64 MiB stack, like a main thread rather than the 512 KiB of a secondary
/// one: importers parse nested documents recursively.
package final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, any Error>?

    /// Starts `work` on a new thread.
    package init(_ work: @escaping () throws -> Value) {
        // The closure is handed to exactly one thread, and its outcome read only after `done`.
        nonisolated(unsafe) let work = work
        let thread = Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
    }

    /// The work's value, once it has ended.
    /// - Throws: what the work threw.
    package func result() throws -> Value {
        done.wait()
        done.signal()  // a later call returns at once
        guard let outcome else { preconditionFailure("the work ended without an outcome") }
        return try outcome.get()
    }
}
