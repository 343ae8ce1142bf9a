import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to consecutive slices of the array on the machine's cores, the
    /// results in the slices' order.
    ///
    /// For work that judges each element on its own (content rules reading a text), where one
    /// core would leave the others idle. Arrays shorter than twice `minimumSlice` are transformed
    /// whole on the calling thread.
    /// - Parameters:
    ///   - minimumSlice: the fewest elements worth handing to a thread of their own.
    ///   - maximumSlices: the most slices (the machine's cores by default; tests ask for more, so
    ///     that they share work out even on one core).
    ///   - transform: work on one slice; it runs concurrently with itself, so it must be
    ///     `@Sendable`: it can reach no mutable state that another slice reaches.
    /// - Returns: one result per slice, in the slices' order (one result when the array is
    ///   transformed whole).
    package func mapSlicesConcurrently<Result>(
        minimumSlice: Int = 64,
        maximumSlices: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (ArraySlice<Element>) -> Result
    ) -> [Result] {
        let sliceCount = Swift.min(maximumSlices, count / Swift.max(1, minimumSlice))
        guard sliceCount > 1 else { return [transform(self[...])] }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: sliceCount)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let sliceLength = (count + sliceCount - 1) / sliceCount
        // Each iteration writes only its own slot of `results`.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: sliceCount) { index in
            let start = index * sliceLength
            let end = Swift.min(count, start + sliceLength)
            slots[index] = transform(self[start..<end])
        }
        // Every slot was written above.
        return results.compactMap { $0 }
    }
}
