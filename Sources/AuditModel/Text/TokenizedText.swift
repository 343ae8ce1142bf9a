import Foundation

/// A text cut into words, each with its place in the text (in `Character`s), its folded form
/// and the sentence it belongs to.
///
/// Content rules match names and word lists on folded words, so "Zoë", "ZOE" and "zoe" compare
/// equal, and "O'Connor" is the one word "oconnor" (as ``NameNormalization`` folds names). Offsets
/// are `Character` offsets into ``text``, the unit of ``TextSpan``, so a match can be highlighted
/// in a finding's excerpt without conversion.
///
/// Sentences end at a newline, or at `.`, `!`, `?` or `…` followed by a space or the end of the
/// text, except after a title ("Mr. Whitfield"), a single letter ("e.g. this", "J. Smith") or a
/// digit followed directly by another ("3.5"). Rules use sentences to keep two matches that
/// merely share a long post from being read as one statement.
public struct TokenizedText: Sendable {
    /// One word of the text: a run of letters and digits, with apostrophes inside it kept.
    public struct Word: Sendable, Equatable {
        /// The word as written ("Turner's").
        public var text: String
        /// The word folded as names are: lower case, no accents, no apostrophes ("turners").
        public var folded: String
        /// The folded word without a possessive "'s" ("turner"), when it has one.
        public var foldedBase: String?
        /// Where the word is, in `Character` offsets into the text.
        public var range: Range<Int>
        /// Where the word is without its possessive "'s" (the same as ``range`` without one).
        public var baseRange: Range<Int>
        /// The sentence the word belongs to, counting from 0.
        public var sentence: Int
        /// The characters between the previous word and this one (the text before it for the
        /// first word).
        public var separatorBefore: String

        /// Whether the word starts with an upper-case letter ("Grace", not "grace").
        public var isCapitalized: Bool {
            text.first.map { $0.isUppercase } ?? false
        }

        /// How many letters the word has.
        public var letterCount: Int
        /// Whether the word has at least two letters and all are upper case ("EHCP", "LPS").
        public var isUppercase: Bool

        /// The letter count of `text` and whether it is all upper case, computed once per word
        /// (every phrase list asks), with a fast path for ASCII words.
        static func letterCase(of text: String) -> (count: Int, isUppercase: Bool) {
            var count = 0
            var hasLower = false
            var isASCII = true
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A: count += 1
                case 0x61...0x7A:
                    count += 1
                    hasLower = true
                case 0x80...: isASCII = false
                default: break
                }
            }
            if !isASCII {
                let letters = text.filter(\.isLetter)
                return (letters.count, letters.count >= 2 && letters.allSatisfy(\.isUppercase))
            }
            return (count, count >= 2 && !hasLower)
        }

        /// Whether the word is a whole number of one or two digits, optionally plural ("5", "5s").
        public var isSmallNumber: Bool {
            let digits = folded.hasSuffix("s") ? String(folded.dropLast()) : folded
            return (1...2).contains(digits.count) && digits.allSatisfy(\.isASCII)
                && digits.allSatisfy(\.isNumber)
        }

        /// Whether this word follows the previous one with only spaces, a hyphen or an apostrophe
        /// between them ("parents' evening"), so that the two can be read as one name or phrase.
        public var isJoinedToPrevious: Bool {
            // Most separators are one ASCII space or a few ASCII characters: judged by their
            // bytes, as the `Character` test below would judge them, without grapheme breaking
            // (phrase lists ask this of every word).
            var visible = 0
            for byte in separatorBefore.utf8 {
                switch byte {
                case 0x20: continue
                case 0x2D, 0x27, 0x60: visible += 1  // "-", "'", "`"
                case 0x80...: return isJoinedToPreviousByCharacters
                default: return false
                }
            }
            return !separatorBefore.isEmpty && visible <= 1
        }

        private var isJoinedToPreviousByCharacters: Bool {
            !separatorBefore.isEmpty
                && separatorBefore.allSatisfy {
                    $0 == " " || $0 == "\u{00A0}" || Self.hyphens.contains($0)
                        || TokenizedText.apostrophes.contains($0)
                }
                && separatorBefore.filter({ !$0.isWhitespace }).count <= 1
        }

        /// Whether this word is attached to the previous one by a hyphen alone ("Okonkwo-Smith").
        public var isHyphenatedToPrevious: Bool {
            let utf8 = separatorBefore.utf8
            // One ASCII byte is one Character: no grapheme breaking for the usual separators.
            if utf8.count == 1 { return utf8.first == UInt8(ascii: "-") }
            if utf8.allSatisfy({ $0 < 0x80 }) { return false }
            return separatorBefore.count == 1
                && separatorBefore.first.map(Self.hyphens.contains) == true
        }

        static let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}"]
    }

    /// The text the offsets refer to.
    public let text: String
    /// The words, in order.
    public let words: [Word]
    /// The text's characters, for ``substring(_:)``; `nil` when the text is ASCII without a
    /// "\r\n" (then every byte is one `Character`, and offsets are byte offsets).
    private let characters: [Character]?

    /// Cuts `text` into words and sentences.
    public init(_ text: String) {
        self.text = text
        var text = text
        let asciiWords = text.withUTF8 { bytes in
            Self.isPlainASCII(bytes)
                ? Self.words(
                    in: bytes,
                    isWordCharacter: {
                        (0x30...0x39).contains($0) || (0x61...0x7A).contains($0 | 0x20)
                    },
                    isApostrophe: { $0 == 0x27 || $0 == 0x60 },
                    string: {
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
                    })
                : nil
        }
        if let asciiWords {
            words = asciiWords
            characters = nil
        } else {
            let characters = Array(text)
            words = Self.words(inCharacters: characters)
            self.characters = characters
        }
        self.shoutingSentences = Self.shoutingSentences(in: words)
    }

    /// The words of `characters`, read as `Character`s whatever they are (the reading a plain
    /// ASCII text's bytes must agree with).
    static func words(inCharacters characters: [Character]) -> [Word] {
        words(
            in: characters, isWordCharacter: isWordCharacter, isApostrophe: apostrophes.contains,
            string: { String(characters[$0]) })
    }

    /// Whether every byte is ASCII and no "\r\n" (one `Character` of two bytes) occurs.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 || (byte == 0x0A && previous == 0x0D) { return false }
            previous = byte
        }
        return true
    }

    /// The words of a text given as `Character`s, or as the bytes of a plain ASCII text (see
    /// ``isPlainASCII(_:)``): one algorithm for both, the units' offsets being `Character`
    /// offsets either way.
    /// - Parameters:
    ///   - units: the text's characters or bytes.
    ///   - isWordCharacter: whether a unit is a letter or digit.
    ///   - isApostrophe: whether a unit is an apostrophe (kept inside a word).
    ///   - string: the text of a range of units.
    /// - Returns: the words in the order written, each with its range, sentence number and the
    ///   separator before it.
    private static func words<Units: RandomAccessCollection>(
        in units: Units, isWordCharacter: (Units.Element) -> Bool,
        isApostrophe: (Units.Element) -> Bool, string: (Range<Int>) -> String
    ) -> [Word] where Units.Index == Int {
        var words: [Word] = []
        var index = units.startIndex
        var sentence = 0
        var separatorStart = units.startIndex
        while index < units.endIndex {
            guard isWordCharacter(units[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < units.endIndex {
                if isWordCharacter(units[index]) {
                    index += 1
                } else if isApostrophe(units[index]), index + 1 < units.endIndex,
                    isWordCharacter(units[index + 1]), index > start
                {
                    index += 1
                } else {
                    break
                }
            }
            let raw = string(start..<index)
            let separator = string(separatorStart..<start)
            if let previous = words.last,
                Self.endsSentence(separator: separator, after: previous)
            {
                sentence += 1
            }
            var base: String?
            var baseRange = start..<index
            if raw.count > 2, let last = raw.last, last == "s" || last == "S",
                Self.apostrophes.contains(raw[raw.index(raw.endIndex, offsetBy: -2)])
            {
                base = Self.fold(String(raw.dropLast(2)))
                baseRange = start..<(index - 2)
            }
            let letters = Word.letterCase(of: raw)
            words.append(
                Word(
                    text: raw, folded: Self.fold(raw), foldedBase: base,
                    range: start..<index, baseRange: baseRange, sentence: sentence,
                    separatorBefore: separator, letterCount: letters.count,
                    isUppercase: letters.isUppercase))
            separatorStart = index
        }
        return words
    }

    /// The sentences written mostly in capitals (at least three words of two or more letters,
    /// over half of them all upper case), where case says nothing about names.
    public let shoutingSentences: Set<Int>

    private static func shoutingSentences(in words: [Word]) -> Set<Int> {
        var counts: [Int: (upper: Int, total: Int)] = [:]
        for word in words where word.letterCount >= 2 {
            var count = counts[word.sentence] ?? (0, 0)
            count.total += 1
            if word.isUppercase { count.upper += 1 }
            counts[word.sentence] = count
        }
        return Set(
            counts.filter { $0.value.total >= 3 && $0.value.upper * 2 > $0.value.total }.keys)
    }

    /// The text of a range of `Character` offsets.
    public func substring(_ range: Range<Int>) -> String {
        guard let characters else {
            var text = text
            return text.withUTF8 { bytes in
                let lower = max(0, min(range.lowerBound, bytes.count))
                let upper = max(lower, min(range.upperBound, bytes.count))
                return String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            }
        }
        let lower = max(0, min(range.lowerBound, characters.count))
        let upper = max(lower, min(range.upperBound, characters.count))
        return String(characters[lower..<upper])
    }

    /// The `Character` range running from the start of word `first` to the end of word `last`.
    public func span(from first: Int, through last: Int, possessive: Bool = true) -> Range<Int> {
        let end = possessive ? words[last].range.upperBound : words[last].baseRange.upperBound
        return words[first].range.lowerBound..<end
    }

    /// The index of the sentence holding `offset` (a `Character` offset), if a word is there or
    /// before it.
    public func sentence(containing offset: Int) -> Int? {
        words.last { $0.range.lowerBound <= offset }?.sentence
    }

    /// The indexes of the words lying inside `range` (a `Character` range), or `nil` if none.
    public func wordIndexes(in range: Range<Int>) -> Range<Int>? {
        guard let first = words.firstIndex(where: { $0.range.lowerBound >= range.lowerBound }),
            words[first].range.lowerBound < range.upperBound
        else { return nil }
        var end = first
        while end < words.count, words[end].range.lowerBound < range.upperBound { end += 1 }
        return first..<end
    }

    // MARK: - Characters

    static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "`", "\u{00B4}"]

    /// A word folded as ``NameNormalization/compact(_:)`` folds it, with a fast path for plain
    /// ASCII words (most of any text), which only need lower-casing and their apostrophes
    /// removed.
    package static func fold(_ word: String) -> String {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return NameNormalization.compact(word) }
        return String(word.lowercased().filter { $0 != "'" && $0 != "`" })
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (0x30...0x39).contains(ascii) || (0x61...0x7A).contains(ascii | 0x20)
        }
        return character.isLetter || character.isNumber
    }

    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "st", "prof", "rev", "no", "vs", "etc", "approx",
    ]

    private static func endsSentence(separator: String, after previous: Word) -> Bool {
        if separator.contains(where: \.isNewline) { return true }
        guard let mark = separator.firstIndex(where: { ".!?\u{2026}".contains($0) }) else {
            return false
        }
        // "3.5", "larkfield.sch.uk": no space after the mark, no new sentence.
        guard separator[mark...].contains(where: \.isWhitespace) else { return false }
        if separator[mark] == "." {
            if titles.contains(previous.folded) { return false }
            if previous.text.count == 1, previous.text.first?.isLetter == true { return false }
        }
        return true
    }
}
