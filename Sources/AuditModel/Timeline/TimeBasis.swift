/// How an item's time was established, so findings on an assumed time can say so.
public enum TimeBasis: String, Codable, Sendable {
    /// An absolute instant in the source (epoch seconds or milliseconds, or a string with an offset).
    case explicit
    /// A wall-clock time with no zone (WhatsApp, HTML exports), read in the school's time zone.
    case inferredLocal = "inferred-local"
    /// A wall-clock time in the repeated hour when clocks go back: either of two instants.
    case ambiguousLocal = "ambiguous-local"
    /// The source gives the item no time at all (X likes and followers). It keeps no time.
    case none

    /// Whether a finding based on this time must warn the reader that the time is assumed.
    public var isInferred: Bool { self == .inferredLocal || self == .ambiguousLocal }
}
