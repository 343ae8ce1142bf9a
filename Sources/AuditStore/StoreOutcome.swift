/// What storing one archive changed in the case.
public enum StoreOutcome: Sendable, Equatable {
    /// The archive (the same SHA-256) was already in the case; nothing was added.
    case alreadyImported
    /// The archive was added. `newItems` were not in the case before; `duplicateItems` were
    /// (from another archive, or twice in this one) and gained only a further source row.
    case imported(newItems: Int, duplicateItems: Int)
}
