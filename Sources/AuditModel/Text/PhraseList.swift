/// A compiled word list: finds its entries in tokenized text.
///
/// Entries are matched word by word on folded words (``TokenizedText/Word/folded``), so case,
/// accents and apostrophes do not matter, with three refinements:
/// - an entry word written in capitals with at least two letters ("EHCP", "SEND", "TA") matches
///   only a word written in capitals, and not next to another word in capitals or inside a
///   sentence written mostly in capitals (shouting: "PLEASE SEND HELP");
/// - an entry word ending in `*` matches any word that starts with it ("diagnos*");
/// - the entry word `#` matches a number of one or two digits, plural or not ("5", "10", "5s").
///
/// The words of a multi-word entry must follow each other in one sentence with only spaces or a
/// hyphen between them, or, where the entry has other punctuation between two words ("1:1"),
/// that same punctuation. A possessive "'s" on the last word is allowed ("the head's").
public struct PhraseList: Sendable {
    private struct Pattern: Sendable {
        enum Token: Sendable {
            case exact(String, isAcronym: Bool)
            case prefix(String)
            case number
        }
        var entry: String
        var tokens: [Token]
        /// The separator the entry writes before each token after the first, when it is not
        /// plain spaces or a hyphen.
        var separators: [String?]
    }

    private let patterns: [Pattern]
    /// Folded first word → indexes of patterns starting with it; prefix and number patterns are
    /// kept apart.
    private let byFirstWord: [String: [Int]]
    /// The first words of ``byFirstWord`` by first byte and length, which rules out most words
    /// of a text without hashing them (every list is asked about every word); nil when a first
    /// word is not ASCII.
    ///
    /// Strings compare by canonical equivalence, under which two ASCII strings are equal only
    /// when their bytes are; so the check is exact for an ASCII word against ASCII entries, and
    /// any other word is looked up.
    private let firstWordShapes: WordShapes?
    /// Patterns starting with an ASCII prefix, by the prefix's first byte (an ASCII word starts
    /// with an ASCII prefix only if their first bytes are equal).
    private let byPrefixStart: [UInt8: [Int]]
    /// Every pattern of ``byPrefixStart``, in order: what a word that is not ASCII is tried with.
    private let asciiPrefixFirst: [Int]
    /// Patterns starting with a prefix that is not ASCII: tried at every word.
    private let otherPrefixFirst: [Int]
    /// Patterns starting with a number.
    private let numberFirst: [Int]

    /// Compiles `entries`; blank entries are ignored.
    public init(_ entries: [String]) {
        var patterns: [Pattern] = []
        for entry in entries {
            if let pattern = Self.compile(entry) { patterns.append(pattern) }
        }
        var index: [String: [Int]] = [:]
        var shapes: WordShapes? = WordShapes()
        var byPrefixStart: [UInt8: [Int]] = [:]
        var otherPrefixFirst: [Int] = []
        var numberFirst: [Int] = []
        for (offset, pattern) in patterns.enumerated() {
            switch pattern.tokens.first {
            case .exact(let word, _)?:
                index[word, default: []].append(offset)
                if Self.isASCII(word) { shapes?.insert(word) } else { shapes = nil }
            case .prefix(let prefix)?:
                if Self.isASCII(prefix), let first = prefix.utf8.first {
                    byPrefixStart[first, default: []].append(offset)
                } else {
                    otherPrefixFirst.append(offset)
                }
            case .number?, nil: numberFirst.append(offset)
            }
        }
        self.patterns = patterns
        self.byFirstWord = index
        self.firstWordShapes = shapes
        self.byPrefixStart = byPrefixStart
        self.asciiPrefixFirst = byPrefixStart.values.flatMap { $0 }.sorted()
        self.otherPrefixFirst = otherPrefixFirst
        self.numberFirst = numberFirst
    }

    /// Whether `word` (ASCII or not, as said) may be the first word of an entry: a lookup is
    /// needed unless the quick check rules it out.
    private func mayStart(_ word: String, isASCII: Bool) -> Bool {
        guard let shapes = firstWordShapes, isASCII else { return true }
        return shapes.mayContain(word)
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// A set of (first byte, length in bytes) pairs of words: a quick, exact "no" for a word
    /// whose pair is absent, before a dictionary lookup.
    private struct WordShapes: Sendable {
        private static let lengths = 32
        private var bits = [UInt64](repeating: 0, count: 256 * lengths / 64)

        mutating func insert(_ word: String) {
            let bit = Self.bit(of: word)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }

        func mayContain(_ word: String) -> Bool {
            let bit = Self.bit(of: word)
            return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        /// Words of 31 bytes or more share the last length slot.
        private static func bit(of word: String) -> Int {
            let utf8 = word.utf8
            return Int(utf8.first ?? 0) * lengths + min(utf8.count, lengths - 1)
        }
    }

    /// Whether the list has no entries.
    public var isEmpty: Bool { patterns.isEmpty }

    /// Every match of every entry in `text`, in text order; where two matches overlap, the
    /// longer one is kept (so "useless idiot" is one match, not two), and of two equally long
    /// ones the entry listed first.
    public func matches(in text: TokenizedText) -> [PhraseMatch] {
        var found: [(order: Int, match: PhraseMatch)] = []
        let shouting = Self.shoutingSentences(in: text)
        func tryPatterns(_ indexes: [Int], at start: Int) {
            for patternIndex in indexes {
                if let match = match(
                    patterns[patternIndex], in: text, at: start, shouting: shouting)
                {
                    found.append((patternIndex, match))
                }
            }
        }
        for start in text.words.indices {
            // A word's folded form and its base differ, so no pattern is tried twice.
            let folded = text.words[start].folded
            let isASCII = Self.isASCII(folded)
            if mayStart(folded, isASCII: isASCII), let candidates = byFirstWord[folded] {
                tryPatterns(candidates, at: start)
            }
            if let base = text.words[start].foldedBase,
                mayStart(base, isASCII: Self.isASCII(base)),
                let candidates = byFirstWord[base]
            {
                tryPatterns(candidates, at: start)
            }
            if !isASCII {
                tryPatterns(asciiPrefixFirst, at: start)
            } else if let first = folded.utf8.first, let candidates = byPrefixStart[first] {
                tryPatterns(candidates, at: start)
            }
            if !otherPrefixFirst.isEmpty { tryPatterns(otherPrefixFirst, at: start) }
            if !numberFirst.isEmpty { tryPatterns(numberFirst, at: start) }
        }
        return Self.longestFirst(found)
    }

    /// The match of an entry starting exactly at word `start`, if any.
    public func match(in text: TokenizedText, at start: Int) -> PhraseMatch? {
        let shouting = Self.shoutingSentences(in: text)
        return patterns.compactMap { match($0, in: text, at: start, shouting: shouting) }
            .max { $0.words.count < $1.words.count }
    }

    // MARK: - Matching

    private func match(
        _ pattern: Pattern, in text: TokenizedText, at start: Int, shouting: Set<Int>
    ) -> PhraseMatch? {
        let words = text.words
        let end = start + pattern.tokens.count
        guard end <= words.count else { return nil }
        var usesBase = false
        for (offset, token) in pattern.tokens.enumerated() {
            let word = words[start + offset]
            let isLast = offset == pattern.tokens.count - 1
            if offset > 0 {
                guard word.sentence == words[start].sentence else { return nil }
                if let separator = pattern.separators[offset] {
                    guard word.separatorBefore == separator else { return nil }
                } else {
                    guard word.isJoinedToPrevious else { return nil }
                }
            }
            switch token {
            case .exact(let folded, let isAcronym):
                if isAcronym,
                    !word.isUppercase || shouting.contains(word.sentence)
                        || Self.hasCapitalNeighbour(start + offset, in: text)
                {
                    return nil
                }
                if word.folded == folded {
                    continue
                } else if isLast, word.foldedBase == folded {
                    usesBase = true
                } else {
                    return nil
                }
            case .prefix(let prefix):
                guard word.folded.hasPrefix(prefix) else { return nil }
            case .number:
                guard word.isSmallNumber else { return nil }
            }
        }
        let range = text.span(from: start, through: end - 1, possessive: !usesBase)
        return PhraseMatch(
            entry: pattern.entry, matchedText: text.substring(range), range: range,
            words: start..<end, sentence: words[start].sentence)
    }

    private static func compile(_ entry: String) -> Pattern? {
        var tokens: [Pattern.Token] = []
        var separators: [String?] = []
        for piece in entry.split(whereSeparator: { $0 == " " }) {
            if piece == "#" {
                tokens.append(.number)
                separators.append(nil)
                continue
            }
            let isPrefix = piece.hasSuffix("*")
            let body = isPrefix ? String(piece.dropLast()) : String(piece)
            let words = TokenizedText(body).words
            for (offset, word) in words.enumerated() {
                if offset == words.count - 1, isPrefix {
                    tokens.append(.prefix(word.folded))
                } else {
                    tokens.append(.exact(word.folded, isAcronym: word.isUppercase))
                }
                if offset == 0 || word.isJoinedToPrevious {
                    separators.append(nil)
                } else {
                    separators.append(word.separatorBefore)
                }
            }
        }
        return tokens.isEmpty ? nil : Pattern(entry: entry, tokens: tokens, separators: separators)
    }

    /// Whether a word next to word `index`, in its sentence, is also written in capitals: an
    /// acronym among capitals ("PLEASE SEND HELP") is more likely shouting than an acronym.
    private static func hasCapitalNeighbour(_ index: Int, in text: TokenizedText) -> Bool {
        let words = text.words
        return [index - 1, index + 1].contains { neighbour in
            neighbour >= 0 && neighbour < words.count
                && words[neighbour].sentence == words[index].sentence
                && words[neighbour].isUppercase
        }
    }

    /// Sentences in which most words of two letters or more are written in capitals.
    private static func shoutingSentences(in text: TokenizedText) -> Set<Int> {
        text.shoutingSentences
    }

    /// Keeps the longest of overlapping matches (the earliest, then the first listed, when
    /// equally long), in text order.
    private static func longestFirst(_ matches: [(order: Int, match: PhraseMatch)]) -> [PhraseMatch]
    {
        let ordered = matches.sorted {
            (-$0.match.range.count, $0.match.range.lowerBound, $0.order)
                < (-$1.match.range.count, $1.match.range.lowerBound, $1.order)
        }
        var kept: [PhraseMatch] = []
        for (_, match) in ordered where !kept.contains(where: { $0.overlaps(match) }) {
            kept.append(match)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
