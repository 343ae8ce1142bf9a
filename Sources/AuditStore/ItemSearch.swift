import AuditModel
import Foundation

/// A targeted question to a case's full-text index: words to find, optionally within a period
/// and on one platform ("everything mentioning Oliver in March").
public struct ItemSearch: Sendable, Equatable {
    /// The words, as typed: every word must occur (in any order, any case, accents ignored);
    /// FTS5 syntax ("exact phrase", OR, NOT, prefix*) is honoured when it parses.
    public var query: String
    /// The first instant included, or nil for no lower bound.
    public var from: Date?
    /// The instant after the last one included, or nil for no upper bound.
    public var before: Date?
    /// Only items of this platform, or nil for all.
    public var platform: Platform?
    /// At most this many items, the earliest first.
    public var limit: Int

    /// Creates a search.
    public init(
        query: String, from: Date? = nil, before: Date? = nil, platform: Platform? = nil,
        limit: Int = 1000
    ) {
        self.query = query
        self.from = from
        self.before = before
        self.platform = platform
        self.limit = limit
    }

    /// The query with every word quoted, so that punctuation (O'Connor, 07700-900123, a:b)
    /// is searched for as text rather than read as FTS5 syntax.
    var literalExpression: String {
        query.split(whereSeparator: \.isWhitespace)
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " ")
    }
}
