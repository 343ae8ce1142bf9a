/// Where an entry of a word list was found in a text.
public struct PhraseMatch: Sendable, Equatable {
    /// The entry as the word list writes it ("safeguarding concern*").
    public var entry: String
    /// The matched words as written in the text ("safeguarding concerns").
    public var matchedText: String
    /// Where the match is, in `Character` offsets into the text.
    public var range: Range<Int>
    /// The indexes of the matched words in the ``TokenizedText``.
    public var words: Range<Int>
    /// The sentence of the match.
    public var sentence: Int

    /// Creates a match (``PhraseList`` makes them).
    public init(
        entry: String, matchedText: String, range: Range<Int>, words: Range<Int>, sentence: Int
    ) {
        self.entry = entry
        self.matchedText = matchedText
        self.range = range
        self.words = words
        self.sentence = sentence
    }

    /// Whether the two matches share at least one character.
    public func overlaps(_ other: PhraseMatch) -> Bool {
        range.overlaps(other.range)
    }
}
