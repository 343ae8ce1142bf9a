/// Limits that keep a hostile or broken zip from exhausting memory or disk (a "zip bomb").
///
/// A zip's central directory declares each entry's sizes, but a hostile zip can lie; limits are
/// therefore checked twice: against the declared sizes when the archive is opened (the entry is
/// refused and listed as unreadable) and against the bytes actually produced while reading.
public struct ArchiveLimits: Sendable, Equatable {
    /// The largest expanded size of one entry, in bytes.
    public var maximumEntrySize: UInt64
    /// The largest expanded size of all entries together, in bytes.
    public var maximumTotalSize: UInt64
    /// The largest ratio of expanded to compressed size for entries over 1 MiB. Real exports
    /// (JSON, HTML, photos) stay well under 100:1; bombs reach thousands to one.
    public var maximumCompressionRatio: UInt64

    public init(maximumEntrySize: UInt64, maximumTotalSize: UInt64, maximumCompressionRatio: UInt64)
    {
        self.maximumEntrySize = maximumEntrySize
        self.maximumTotalSize = maximumTotalSize
        self.maximumCompressionRatio = maximumCompressionRatio
    }

    /// The defaults: 2 GiB an entry, 32 GiB in all, 200:1.
    public static let standard = ArchiveLimits(
        maximumEntrySize: 2 << 30, maximumTotalSize: 32 << 30, maximumCompressionRatio: 200)

    /// The defaults multiplied by `factor` (the CLI's `--raise-limits`), for a genuine export
    /// that is larger or more compressible than usual.
    /// A product that overflows saturates at `UInt64.max` rather than wrapping to a small limit.
    public func raised(by factor: UInt64) -> ArchiveLimits {
        func times(_ value: UInt64) -> UInt64 {
            let product = value.multipliedReportingOverflow(by: factor)
            return product.overflow ? .max : product.partialValue
        }
        return ArchiveLimits(
            maximumEntrySize: times(maximumEntrySize), maximumTotalSize: times(maximumTotalSize),
            maximumCompressionRatio: times(maximumCompressionRatio))
    }

    /// Why an entry with these declared sizes is refused, or nil when it is acceptable.
    func refusal(uncompressed: UInt64, compressed: UInt64) -> String? {
        if uncompressed > maximumEntrySize {
            return
                "declares \(uncompressed) bytes expanded, over the limit of \(maximumEntrySize) bytes per entry (possible zip bomb; use --raise-limits if the export is genuine)"
        }
        if uncompressed > 1 << 20, uncompressed / max(compressed, 1) > maximumCompressionRatio {
            return
                "compresses \(uncompressed / max(compressed, 1)):1, over the limit of \(maximumCompressionRatio):1 (possible zip bomb; use --raise-limits if the export is genuine)"
        }
        return nil
    }
}
