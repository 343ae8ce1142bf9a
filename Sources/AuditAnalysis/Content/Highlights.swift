/// The highlighted spans of one finding, collected as a rule finds its evidence.
///
/// A span is kept once per range (the first label given wins), and the list comes out in text
/// order, as evidence pages draw it.
public struct Highlights: Sendable, Equatable {
    private var spans: [TextSpan] = []

    /// An empty list.
    public init() {}

    /// Adds the span `range` (in `Character` offsets) with `label`, unless that range is
    /// already highlighted.
    public mutating func add(_ range: Range<Int>, label: String) {
        guard !range.isEmpty,
            !spans.contains(where: { $0.start == range.lowerBound && $0.length == range.count })
        else { return }
        spans.append(TextSpan(start: range.lowerBound, length: range.count, label: label))
    }

    /// The spans in text order.
    public var textSpans: [TextSpan] {
        spans.sorted { ($0.start, $0.length) < ($1.start, $1.length) }
    }

    /// Whether nothing is highlighted.
    public var isEmpty: Bool { spans.isEmpty }
}
