import AuditModel

/// Where an importer hands the items it reads, a file at a time, so that a caller storing them
/// (``CaseDatabase/storeStreaming(importedAt:_:)``) holds one file's items in memory rather than
/// an archive's.
///
/// Set as ``ImportContext/sink``; without one, an importer collects every item into its
/// ``ImportResult``. A sink is used on the importing thread only, while the import runs.
public final class ItemSink: @unchecked Sendable {
    private let receive: ([TimelineItem]) throws -> Void

    /// A sink that passes each batch of items to `receive`.
    public init(_ receive: @escaping ([TimelineItem]) throws -> Void) {
        self.receive = receive
    }

    /// Hands over the items of one file (or part of one).
    /// - Throws: what the receiver throws (a store error), which ends the import.
    public func accept(_ items: [TimelineItem]) throws {
        guard !items.isEmpty else { return }
        try receive(items)
    }
}

/// An importer's items so far: handed to the context's ``ItemSink`` when there is one, else kept
/// for the ``ImportResult``; counted either way.
struct ImportedItems {
    private let sink: ItemSink?
    /// The items kept (empty when a sink takes them).
    private(set) var items: [TimelineItem] = []
    /// How many items were added.
    private(set) var count = 0

    init(context: ImportContext) {
        sink = context.sink
    }

    /// Adds the items of one file.
    /// - Throws: what the sink throws.
    mutating func add(_ new: [TimelineItem]) throws {
        count += new.count
        if let sink {
            try sink.accept(new)
        } else {
            items += new
        }
    }
}
