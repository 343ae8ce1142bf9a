import AuditModel

/// A person in the staff member's archives whose name or handle is in the roster digest.
public struct DigestContact: Sendable, Equatable {
    /// The digest entry matched.
    public var entry: Int
    /// Whether that pupil was on roll when the digest was made.
    public var onRoll: Bool
    /// How the archives name the person ("Ollie Bennett", "@ollie.b").
    public var labels: [String]
    /// Whether a handle matched (stronger than a name alone).
    public var matchedByHandle: Bool
    /// The items involving the person, in time order.
    public var items: [TimelineItem]
    /// The birth year, when the digest holds one (recovered by trying years).
    public var birthYear: Int?
    /// The age by calendar year at the earliest item (year of item minus birth year): the true age
    /// is this or one less.
    public var youngestAgeByYear: Int?

    public init(
        entry: Int, onRoll: Bool, labels: [String], matchedByHandle: Bool, items: [TimelineItem],
        birthYear: Int? = nil, youngestAgeByYear: Int? = nil
    ) {
        self.entry = entry
        self.onRoll = onRoll
        self.labels = labels
        self.matchedByHandle = matchedByHandle
        self.items = items
        self.birthYear = birthYear
        self.youngestAgeByYear = youngestAgeByYear
    }
}
