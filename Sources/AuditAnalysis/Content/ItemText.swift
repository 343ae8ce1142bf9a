import AuditModel
import AuditSchool

/// One item's authored text as the content rules read it, cut into words and read in the
/// school's terms at most once however many rules ask.
///
/// A ``ContentPass`` makes one per item and hands it to every ``ItemContentRule`` in turn: the
/// first rule that asks pays for cutting the text into words (``tokens()``) or reading it with
/// the audit's vocabulary (``reading()``), and later rules reuse the result. Only the current
/// item's text is kept, so memory does not grow with the timeline.
public struct ItemText {
    private let item: TimelineItem
    private let vocabulary: SchoolVocabulary
    private var cachedAuthored: String??
    private var cachedTokens: TokenizedText?
    private var cachedReading: TextReading?

    /// Prepares the text of `item`; nothing is read until a rule asks.
    /// - Parameters:
    ///   - item: the item whose text the rules read.
    ///   - vocabulary: the audit's vocabulary, which ``reading()`` reads with.
    public init(of item: TimelineItem, vocabulary: SchoolVocabulary) {
        self.item = item
        self.vocabulary = vocabulary
    }

    /// The text the member wrote in the item (``TextReading/authoredText(of:)``), if any.
    public mutating func authored() -> String? {
        if let cachedAuthored { return cachedAuthored }
        let text = TextReading.authoredText(of: item)
        cachedAuthored = .some(text)
        return text
    }

    /// The authored text (empty when there is none) cut into words.
    public mutating func tokens() -> TokenizedText {
        if let cachedTokens { return cachedTokens }
        let tokens = TokenizedText(authored() ?? "")
        cachedTokens = tokens
        return tokens
    }

    /// The authored text (empty when there is none) read with the audit's vocabulary, as
    /// ``SchoolVocabulary/read(_:)`` reads it.
    public mutating func reading() -> TextReading {
        if let cachedReading { return cachedReading }
        let reading = vocabulary.read(tokens())
        cachedReading = reading
        return reading
    }
}
