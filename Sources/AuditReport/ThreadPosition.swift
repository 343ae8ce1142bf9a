/// Where a message sits in its whole thread: line `line` of `lineCount`, counted in time order.
///
/// Transcripts in evidence pages number their lines with it, so "line 14" means the same message
/// to everyone reading the folder, however much of the thread a page shows.
public struct ThreadPosition: Codable, Sendable, Equatable {
    /// The 1-based line number of the message in its thread.
    public var line: Int
    /// How many messages the thread holds in the case.
    public var lineCount: Int

    public init(line: Int, lineCount: Int) {
        self.line = line
        self.lineCount = lineCount
    }
}
