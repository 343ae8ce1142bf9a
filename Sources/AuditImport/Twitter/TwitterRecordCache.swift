/// The records of large tweet and message files that the survey decoded, kept for the import
/// (within ``budget``) so that such a file is expanded from the zip and decoded once.
///
/// A file is kept whole or not at all, and handed over once (``take(_:for:)`` forgets it), so
/// memory holds at most ``budget`` bytes of kept files' JSON with their records; a larger file
/// is read again by the import, a chunk at a time.
final class TwitterRecordCache {
    /// The most bytes of files' JSON kept at once.
    static let budget: UInt64 = 48 << 20

    private struct Kept {
        let records: Any
        /// Each record's size in bytes, to group the records into the chunks a reading in
        /// pieces gives (``TwitterScript/forEachChunk(of:sizes:as:_:)``).
        let sizes: [Int]
    }

    private var kept: [String: Kept] = [:]
    private var keptBytes: UInt64 = 0

    /// Whether a file of `size` bytes fits beside those kept.
    func canKeep(size: UInt64) -> Bool {
        keptBytes + size <= Self.budget
    }

    /// Keeps the records of the file at `path`, in order, with their sizes.
    func keep<Element>(_ records: [MetaRecord<Element>], sizes: [Int], for path: String) {
        kept[path] = Kept(records: records, sizes: sizes)
        keptBytes += UInt64(sizes.reduce(0, +))
    }

    /// The records kept for the file at `path`, handed over once; nil when none were kept (or
    /// they are of another type).
    func take<Element>(_ type: Element.Type, for path: String)
        -> (records: [MetaRecord<Element>], sizes: [Int])?
    {
        guard let entry = kept.removeValue(forKey: path),
            let records = entry.records as? [MetaRecord<Element>]
        else { return nil }
        keptBytes -= UInt64(entry.sizes.reduce(0, +))
        return (records, entry.sizes)
    }
}
