import Foundation

/// The merged, time-ordered record of everything in one person's archives.
///
/// Items without a time sort last, in a stable order; duplicates (the same ``ItemID``) are kept once.
public struct Timeline: Sendable, Equatable {
    public private(set) var items: [TimelineItem]

    public init(items: consuming [TimelineItem] = []) {
        // The same as merging into an empty timeline, in place: a timeline can hold hundreds
        // of thousands of items, and a second array of them would double its memory.
        var seen = Set<ItemID>(minimumCapacity: items.count)
        items.removeAll { !seen.insert($0.id).inserted }
        items.sort(by: Self.isOrderedBefore)
        self.items = items
    }

    /// Adds items not already present and restores the time order.
    public mutating func merge(_ newItems: [TimelineItem]) {
        var seen = Set(items.map(\.id))
        for item in newItems where seen.insert(item.id).inserted {
            items.append(item)
        }
        items.sort(by: Self.isOrderedBefore)
    }

    /// The items whose time falls in `interval`; items without a time are excluded.
    public func items(in interval: DateInterval) -> [TimelineItem] {
        items.filter { item in item.occurredAt.map { interval.contains($0) } ?? false }
    }

    package static func isOrderedBefore(_ lhs: TimelineItem, _ rhs: TimelineItem) -> Bool {
        switch (lhs.occurredAt, rhs.occurredAt) {
        case (let l?, let r?) where l != r: return l < r
        case (.some, .none): return true
        case (.none, .some): return false
        default: return lhs.id < rhs.id
        }
    }
}
