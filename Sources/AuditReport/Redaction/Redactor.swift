import AuditAnalysis
import AuditModel
import Foundation

/// Replaces the names, handles and numbers of hidden people in text with initials.
///
/// Built from the people to protect and the people to hide (``HiddenPeople``). A hidden person
/// who shares a name, handle or number with a protected one is not hidden; a single name word is
/// only replaced when no protected person's name has that word ("Kowalczyk" stays when the pupil
/// concerned is a Kowalczyk, and "Marek Kowalczyk" still becomes "M.K.").
///
/// A text is read once by an automaton over every pattern (``PatternIndex``), which names the
/// few rules that can match it; only those are searched for.
struct Redactor: Sendable {
    /// One pattern and what replaces it.
    struct Rule: Sendable {
        var pattern: String
        /// The pattern folded (case and accents), to skip texts that cannot contain it.
        var folded: String
        var replacement: String
        var options: String.CompareOptions
        /// Whether the match must not touch a letter or digit on either side.
        var isWordBounded: Bool
        /// The id of ``folded`` in the redactor's ``PatternIndex``, or nil when it has none.
        var patternID: Int?
    }

    /// The folded patterns of a disclosure copy's rules, found in a text in one pass
    /// (``NameAutomaton``).
    ///
    /// Built once per copy (``HiddenPeople``) from every pattern any of its pages may hide, and
    /// shared by each page's redactor, whose rules differ only in which people are protected.
    struct PatternIndex: Sendable {
        private let automaton: NameAutomaton
        private let ids: [String: Int]

        /// Indexes folded patterns; equal ones (as ``searchKey(_:)`` writes them) share an id.
        init(folded patterns: [String]) {
            var ids: [String: Int] = [:]
            var keys: [String] = []
            for pattern in patterns {
                let key = Redactor.searchKey(pattern)
                guard !key.isEmpty, ids[key] == nil else { continue }
                ids[key] = keys.count
                keys.append(key)
            }
            self.ids = ids
            automaton = NameAutomaton(patterns: keys)
        }

        /// The number of distinct patterns.
        var count: Int { automaton.patternCount }

        /// The id of a folded pattern, or nil when it is empty.
        func id(of folded: String) -> Int? {
            let key = Redactor.searchKey(folded)
            return key.isEmpty ? nil : ids[key]
        }

        /// The ids of the indexed patterns that occur in a folded text.
        func patterns(in folded: String) -> [Int] {
            automaton.patterns(in: Redactor.searchKey(folded).utf8)
        }
    }

    private(set) var rules: [Rule]
    private let index: PatternIndex
    /// Per pattern id, the first rule (index into ``rules``) with that pattern, or -1; further
    /// ones follow through ``nextRule``, in the rules' order.
    private var firstRule: [Int32]
    private var nextRule: [Int32]
    /// The rules whose folded pattern has no id: tested against every text.
    private var unindexed: [Int] = []

    /// The replacements that hide `candidates` but not `protected`.
    /// - Parameters:
    ///   - protected: people never hidden, nor anyone sharing a name, handle or number with them.
    ///   - candidates: people to hide.
    init(protecting protected: [KnownPerson], hiding candidates: [KnownPerson]) {
        self = HiddenPeople(candidates).redactor(protecting: protected)
    }

    /// A redactor applying `rules` (longest pattern first), whose pattern ids are in `index`.
    init(rules: [Rule], index: PatternIndex) {
        self.rules = rules
        self.index = index
        firstRule = [Int32](repeating: -1, count: index.count)
        nextRule = [Int32](repeating: -1, count: rules.count)
        for position in rules.indices.reversed() {
            guard let id = rules[position].patternID, id < index.count else { continue }
            nextRule[position] = firstRule[id]
            firstRule[id] = Int32(position)
        }
        unindexed = rules.indices.filter { position in
            rules[position].patternID.map { $0 >= index.count } ?? true
        }
    }

    /// The text with every hidden person's names, handles and numbers replaced.
    func apply(_ text: String) -> String {
        apply(text, spans: []).text
    }

    /// Applies the rules to optional text.
    func apply(_ text: String?) -> String? {
        text.map { apply($0) }
    }

    /// The text with replacements, and `spans` (in `Character`s) moved to match it: a span
    /// boundary inside a replaced name moves to the replacement's edge.
    func apply(_ text: String, spans: [TextSpan]) -> (text: String, spans: [TextSpan]) {
        guard !text.isEmpty, !rules.isEmpty else { return (text, spans) }
        let folded = Self.fold(text)
        // The automaton names the rules whose folded pattern occurs in the folded text (a
        // superset of those `folded.contains` accepts); each is then searched for as before, in
        // the rules' order, so the matches are the same as testing every rule.
        var candidates = unindexed
        for id in index.patterns(in: folded) {
            var position = firstRule[id]
            while position >= 0 {
                candidates.append(Int(position))
                position = nextRule[Int(position)]
            }
        }
        candidates.sort()
        var matches: [Match] = []
        for position in candidates {
            let rule = rules[position]
            guard folded.contains(rule.folded) else { continue }
            matches += Self.matches(of: rule, in: text)
        }
        return Self.replacing(matches, in: text, spans: spans)
    }

    /// A place a rule matched and what replaces it.
    typealias Match = (range: Range<String.Index>, replacement: String)

    /// Every place `rule` matches in `text`, left to right (word-bounded where the rule says).
    static func matches(of rule: Rule, in text: String) -> [Match] {
        var matches: [Match] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex,
            let range = text.range(
                of: rule.pattern, options: rule.options, range: searchStart..<text.endIndex)
        {
            if !rule.isWordBounded || isWordBounded(range, in: text) {
                matches.append((range, rule.replacement))
            }
            searchStart =
                range.upperBound > range.lowerBound
                ? range.upperBound : text.index(after: range.lowerBound)
        }
        return matches
    }

    /// The text with `matches` replaced (the longest of those starting at one place; a match
    /// starting inside an earlier one is dropped), and `spans` moved to match.
    static func replacing(_ matches: [Match], in text: String, spans: [TextSpan])
        -> (text: String, spans: [TextSpan])
    {
        var matches = matches
        guard !matches.isEmpty else { return (text, spans) }
        matches.sort {
            $0.range.lowerBound != $1.range.lowerBound
                ? $0.range.lowerBound < $1.range.lowerBound
                : $0.range.upperBound > $1.range.upperBound
        }
        var result = ""
        var cursor = text.startIndex
        // (original start, original end, new start, new end) in Characters.
        var moved: [(Int, Int, Int, Int)] = []
        var originalOffset = 0
        var newOffset = 0
        for match in matches where match.range.lowerBound >= cursor {
            let before = text[cursor..<match.range.lowerBound]
            result += before
            originalOffset += before.count
            newOffset += before.count
            let length = text[match.range].count
            moved.append(
                (
                    originalOffset, originalOffset + length, newOffset,
                    newOffset + match.replacement.count
                ))
            result += match.replacement
            originalOffset += length
            newOffset += match.replacement.count
            cursor = match.range.upperBound
        }
        result += text[cursor...]
        func map(_ position: Int, isEnd: Bool) -> Int {
            var shift = 0
            for (start, end, newStart, newEnd) in moved {
                if position <= start { break }
                if position < end { return isEnd ? newEnd : newStart }
                shift = newEnd - end
            }
            return position + shift
        }
        let newSpans = spans.map { span -> TextSpan in
            let start = map(span.start, isEnd: false)
            let end = map(span.start + span.length, isEnd: true)
            return TextSpan(start: start, length: max(0, end - start), label: span.label)
        }
        return (result, newSpans)
    }

    // MARK: - Helpers

    /// The name as written, as Meta's JSON mis-encodes it (UTF-8 bytes read as Latin-1), and
    /// both of those with non-ASCII characters written as JSON `\u` escapes.
    static func encodedVariants(of name: String) -> [String] {
        guard !name.unicodeScalars.allSatisfy(\.isASCII) else { return [name] }
        let mojibake = String(
            String.UnicodeScalarView(name.utf8.compactMap { Unicode.Scalar(UInt32($0)) }))
        return [name, mojibake, jsonEscaped(name), jsonEscaped(mojibake)]
    }

    /// Non-ASCII characters as `\uXXXX` (lower-case hex, surrogate pairs above U+FFFF).
    static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        return result
    }

    /// The words of a name as written ("Zoë", "O'Connor"), split at spaces and hyphens.
    static func words(of name: String) -> [String] {
        name.split { $0.isWhitespace || $0 == "-" || $0 == "." || $0 == "," }.map(String.init)
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A folded text as the automaton reads it: canonically decomposed, so that texts equal as
    /// `String`s have equal bytes.
    static func searchKey(_ folded: String) -> String {
        folded.unicodeScalars.allSatisfy(\.isASCII)
            ? folded : folded.decomposedStringWithCanonicalMapping
    }

    static func digits(_ text: String) -> String {
        let digits = text.filter(\.isNumber)
        return digits.isEmpty ? text : digits
    }

    private static func isWordBounded(_ range: Range<String.Index>, in text: String) -> Bool {
        if range.lowerBound > text.startIndex {
            let before = text[text.index(before: range.lowerBound)]
            if before.isLetter || before.isNumber { return false }
        }
        if range.upperBound < text.endIndex {
            let after = text[range.upperBound]
            if after.isLetter || after.isNumber { return false }
        }
        return true
    }
}
