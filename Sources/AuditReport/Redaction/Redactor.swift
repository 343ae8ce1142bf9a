import Foundation
import AuditModel
import AuditAnalysis

/// Replaces the names, handles and numbers of hidden people in text with initials.
///
/// Built from the people to protect and the people to hide. A hidden person who shares a name,
/// handle or number with a protected one is not hidden; a single name word is only replaced when
/// no protected person's name has that word ("Kowalczyk" stays when the pupil concerned is a
/// Kowalczyk, and "Marek Kowalczyk" still becomes "M.K.").
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
    }

    private(set) var rules: [Rule] = []

    init(protecting protected: [KnownPerson], hiding candidates: [KnownPerson]) {
        let protectedKeys = Set(protected.flatMap(\.names).map(NameNormalization.key))
        let protectedTokens = Set(protected.flatMap(\.names).flatMap(NameNormalization.tokens))
        let protectedHandles = Set(
            protected.flatMap { $0.handles + $0.names }.map(NameNormalization.compact))
        let protectedAccounts = Set(protected.flatMap(\.accountIDs).map(Self.digits))

        var initialsOwner: [String: String] = [:]
        var seenPatterns = Set<String>()
        func add(_ rule: Rule) {
            guard !rule.pattern.isEmpty,
                seenPatterns.insert(rule.pattern + "\u{1F}" + String(rule.isWordBounded)).inserted
            else { return }
            rules.append(rule)
        }
        /// Initials for a person, numbered when another hidden person has the same ones.
        func initials(for tokens: [String], identity: String) -> String {
            let base = tokens.compactMap(\.first).map { String($0).uppercased() + "." }.joined()
            var candidate = base
            var number = 2
            while let owner = initialsOwner[candidate], owner != identity {
                candidate = "\(base)(\(number))"
                number += 1
            }
            initialsOwner[candidate] = identity
            return candidate
        }

        for person in candidates {
            let isProtected =
                person.names.contains { protectedKeys.contains(NameNormalization.key($0)) }
                || person.handles.contains {
                    protectedHandles.contains(NameNormalization.compact($0))
                }
                || person.accountIDs.contains { protectedAccounts.contains(Self.digits($0)) }
            if isProtected { continue }
            let identity =
                person.names.first.map(NameNormalization.key)
                ?? person.handles.first.map(NameNormalization.compact) ?? ""
            for name in person.names {
                let tokens = NameNormalization.tokens(name)
                guard !tokens.isEmpty, !protectedKeys.contains(NameNormalization.key(name)) else {
                    continue
                }
                let replacement = initials(for: tokens, identity: identity)
                for variant in Self.encodedVariants(of: name) {
                    add(
                        Rule(
                            pattern: variant, folded: Self.fold(variant), replacement: replacement,
                            options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: true)
                    )
                }
                let compact = NameNormalization.compact(name)
                if tokens.count > 1, compact.count >= 6, !protectedHandles.contains(compact) {
                    let short = tokens.compactMap(\.first).map(String.init).joined()
                    add(
                        Rule(
                            pattern: compact, folded: compact, replacement: short,
                            options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: false
                        ))
                }
                for word in Self.words(of: name) {
                    let folded = NameNormalization.key(word)
                    guard word.count >= 2, !protectedTokens.contains(folded),
                        let first = folded.first
                    else { continue }
                    let replacement = String(first).uppercased() + "."
                    for variant in Self.encodedVariants(of: word) {
                        add(
                            Rule(
                                pattern: variant, folded: Self.fold(variant),
                                replacement: replacement, options: [.diacriticInsensitive],
                                isWordBounded: true))
                    }
                }
            }
            for handle in person.handles {
                let compact = NameNormalization.compact(handle)
                guard compact.count >= 3, !protectedHandles.contains(compact) else { continue }
                let replacement = initials(
                    for: NameNormalization.tokens(handle), identity: identity)
                add(
                    Rule(
                        pattern: "@" + handle, folded: Self.fold("@" + handle),
                        replacement: "@" + replacement,
                        options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: true))
                add(
                    Rule(
                        pattern: handle, folded: Self.fold(handle), replacement: replacement,
                        options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: true))
            }
            for account in person.accountIDs where !protectedAccounts.contains(Self.digits(account))
            {
                add(
                    Rule(
                        pattern: account, folded: Self.fold(account), replacement: "[withheld]",
                        options: [], isWordBounded: false))
            }
        }
        rules.sort { ($0.pattern.count, $0.pattern) > ($1.pattern.count, $1.pattern) }
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
        var matches: [(range: Range<String.Index>, replacement: String)] = []
        for rule in rules where folded.contains(rule.folded) {
            var searchStart = text.startIndex
            while searchStart < text.endIndex,
                let range = text.range(
                    of: rule.pattern, options: rule.options, range: searchStart..<text.endIndex)
            {
                if !rule.isWordBounded || Self.isWordBounded(range, in: text) {
                    matches.append((range, rule.replacement))
                }
                searchStart =
                    range.upperBound > range.lowerBound
                    ? range.upperBound : text.index(after: range.lowerBound)
            }
        }
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
