import Foundation
import PropertyBased
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The redactor finds the names to hide with one automaton over all of them
/// (``NameAutomaton``), and a disclosure copy's pages share one set of rules (``HiddenPeople``);
/// before, each page made its rules anew and every rule was tested against every text. These
/// tests keep that algorithm as the reference (``ReferenceRedactor``) and check on generated
/// people and texts that the redactions, and the highlight spans moved with them, are exactly the
/// same, page by page: names
/// that overlap, names that are prefixes of others, case and diacritics, Meta's mis-encoded and
/// `\u`-escaped forms, names at the edges of the text and beside punctuation, multi-byte text.
@Suite struct RedactorDifferentialTests {
    /// Name words that overlap, are prefixes of one another, differ only in case or accents,
    /// or are written in other scripts.
    static let words = [
        "Zoë", "Zoe", "ZOË", "Zo", "Jordan", "Jord", "Jordanne", "Reece", "Rée", "Siobhán",
        "Ní", "Bhriain", "O'Connor", "Connor", "Łukasz", "Straße", "Strasse", "İlker", "Ævar",
        "Åsa", "Nguyễn", "Thị", "Đặng", "李", "小明", "José", "Jose", "McDonald", "Ann", "Anna",
        "Annabel", "Anne-Marie", "Al-Amin", "Ōno", "Ёлка", "Δήμητρα", "محمد", "Kowalczyk",
    ]
    static let handles = [
        "jordan.r", "jr", "zoe_k", "ann", "annab", "siobhan99", "李明", "zoë.x", "jordanreece",
    ]
    static let numbers = ["+44 7700 900999", "900999", "07700 900123", "12345678", "1234"]
    /// What stands between and around names in the texts.
    static let glue = [
        " ", " ", " ", ".", ",", "@", "'", "-", "_", "/", "\n", "é", "😀", "👩‍👩‍👧", "\u{301}",
        "and", "met", "x", "9", "«", "»", "\"", "\\", "ß", "ǅ", "\u{00A0}", "：",
    ]

    @Test("the automaton finds exactly the patterns a text contains, overlapping or nested")
    func automatonFindsContainedPatterns() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var random = SplitMix(seed: seed)
            let alphabet = ["a", "b", "ab", "é", "e\u{301}", "李", "😀"]
            func word(_ length: ClosedRange<Int>) -> String {
                (0..<Int.random(in: length, using: &random)).map { _ in
                    alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                }.joined()
            }
            let patterns = (0..<Int.random(in: 0...12, using: &random)).map { _ in word(0...4) }
            let automaton = NameAutomaton(patterns: patterns)
            let text = word(0...30)
            let found = Set(automaton.patterns(in: text.utf8))
            let bytes = Array(text.utf8)
            // The automaton reads bytes: "é" and "e\u{301}" are different patterns to it.
            var firstIDs: [[UInt8]: Int] = [:]
            for (id, pattern) in patterns.enumerated() where firstIDs[Array(pattern.utf8)] == nil {
                firstIDs[Array(pattern.utf8)] = id
            }
            let expected = Set(
                firstIDs.filter { pattern, _ in
                    !pattern.isEmpty && Self.contains(bytes, pattern)
                }.values)
            #expect(found == expected, "patterns \(patterns) in '\(text)'")
        }
    }

    @Test("one pass finds the redactions of testing every name against every text")
    func sameRedactionsAsTestingEveryRule() async {
        await propertyCheck(count: 60, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var random = SplitMix(seed: seed)
            let hidden = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                Self.person(&random)
            }
            let protected = (0..<Int.random(in: 0...2, using: &random)).map { _ in
                Self.person(&random)
            }
            // One copy's people; each page protects some of them (or others).
            let everyone = hidden + protected
            let copy = HiddenPeople(everyone)
            for page in 0..<3 {
                let pageProtected =
                    page == 0 ? protected : everyone.filter { _ in Bool.random(using: &random) }
                let reference = ReferenceRedactor(protecting: pageProtected, hiding: everyone)
                let redactors = [
                    copy.redactor(protecting: pageProtected),
                    Redactor(protecting: pageProtected, hiding: everyone),
                ]
                for redactor in redactors {
                    #expect(redactor.rules.map(\.pattern) == reference.rules.map(\.pattern))
                    #expect(
                        redactor.rules.map(\.replacement) == reference.rules.map(\.replacement))
                }
                for _ in 0..<4 {
                    let text = Self.text(&random, mentioning: everyone)
                    let characters = text.count
                    let spans = (0..<Int.random(in: 0...2, using: &random)).map { _ in
                        let start = Int.random(in: 0...characters, using: &random)
                        return TextSpan(
                            start: start,
                            length: Int.random(in: 0...(characters - start), using: &random),
                            label: "span")
                    }
                    let expected = reference.apply(text, spans: spans)
                    for redactor in redactors {
                        let result = redactor.apply(text, spans: spans)
                        #expect(result.text == expected.text, "text: \(text.debugDescription)")
                        #expect(result.spans == expected.spans, "text: \(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test("names at the edges, beside punctuation and in Meta's encodings are replaced as before")
    func examples() {
        let redactor = Redactor(
            protecting: [KnownPerson(names: ["Zoë Kowalczyk"])],
            hiding: [
                KnownPerson(names: ["Jordan Reece"], handles: ["jordan.r"]),
                KnownPerson(names: ["Jordanne Rée"]), KnownPerson(names: ["Siobhán Ní Bhriain"]),
            ])
        let texts = [
            "Jordan", "JORDAN REECE.", "(Jordanne Ree)", "@jordan.r:", "Siobh\\u00e1n",
            "Siobh\u{00C3}\u{00A1}n Kowalczyk", "jordanreece_123/message_1.json", "Jordan\u{301}",
        ]
        let reference = ReferenceRedactor(
            protecting: [KnownPerson(names: ["Zoë Kowalczyk"])],
            hiding: [
                KnownPerson(names: ["Jordan Reece"], handles: ["jordan.r"]),
                KnownPerson(names: ["Jordanne Rée"]), KnownPerson(names: ["Siobhán Ní Bhriain"]),
            ])
        for text in texts {
            #expect(redactor.apply(text, spans: []).text == reference.apply(text, spans: []).text)
        }
        #expect(redactor.apply("JORDAN REECE.") == "J.R..")
        #expect(redactor.apply("(Jordanne Ree)") == "(J.R.(2))")
    }

    // MARK: - Generated people and texts

    private static func person(_ random: inout SplitMix) -> KnownPerson {
        func pick(_ list: [String]) -> String {
            list[Int.random(in: 0..<list.count, using: &random)]
        }
        let names = (0..<Int.random(in: 1...2, using: &random)).map { _ in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in pick(words) }
                .joined(separator: " ")
        }
        let handleCount = Int.random(in: 0...1, using: &random)
        let numberCount = Int.random(in: 0...1, using: &random)
        return KnownPerson(
            names: names, handles: (0..<handleCount).map { _ in pick(handles) },
            accountIDs: (0..<numberCount).map { _ in pick(numbers) })
    }

    /// A text of glue and the people's names, handles and numbers, written as they are, in
    /// other cases, without accents, mis-encoded or escaped as Meta's JSON does.
    private static func text(_ random: inout SplitMix, mentioning people: [KnownPerson]) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let choice = Int.random(in: 0..<10, using: &random)
            let person = people[Int.random(in: 0..<people.count, using: &random)]
            let pieces =
                person.names + person.names.flatMap(Redactor.words(of:))
                + person.handles.map { "@" + $0 } + person.handles + person.accountIDs
                + person.names.map(NameNormalization.compact)
            var piece = pieces[Int.random(in: 0..<pieces.count, using: &random)]
            switch choice {
            case 0: piece = piece.uppercased()
            case 1: piece = piece.lowercased()
            case 2: piece = Redactor.fold(piece)
            case 3: piece = Redactor.encodedVariants(of: piece).last ?? piece
            case 4: piece = Redactor.encodedVariants(of: piece).dropFirst().first ?? piece
            case 5: piece = String(piece.prefix(Int.random(in: 0...piece.count, using: &random)))
            case 6: piece = glue[Int.random(in: 0..<glue.count, using: &random)]
            default: break
            }
            text += piece
            if Int.random(in: 0..<3, using: &random) > 0 {
                text += glue[Int.random(in: 0..<glue.count, using: &random)]
            }
        }
        return text
    }

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= bytes.count else { return false }
        return (0...(bytes.count - pattern.count)).contains {
            bytes[$0..<($0 + pattern.count)].elementsEqual(pattern)
        }
    }
}

/// The redactor as it was before ``HiddenPeople`` and ``NameAutomaton``, kept as the reference
/// the differential tests compare with: rules made person by person for each page, and every rule
/// whose folded pattern the folded text contains searched for, in the rules' order.
struct ReferenceRedactor {
    private(set) var rules: [Redactor.Rule] = []

    init(protecting protected: [KnownPerson], hiding candidates: [KnownPerson]) {
        let protectedKeys = Set(protected.flatMap(\.names).map(NameNormalization.key))
        let protectedTokens = Set(protected.flatMap(\.names).flatMap(NameNormalization.tokens))
        let protectedHandles = Set(
            protected.flatMap { $0.handles + $0.names }.map(NameNormalization.compact))
        let protectedAccounts = Set(protected.flatMap(\.accountIDs).map(Redactor.digits))

        var initialsOwner: [String: String] = [:]
        var seenPatterns = Set<String>()
        func add(_ rule: Redactor.Rule) {
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
                || person.accountIDs.contains { protectedAccounts.contains(Redactor.digits($0)) }
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
                for variant in Redactor.encodedVariants(of: name) {
                    add(
                        Redactor.Rule(
                            pattern: variant, folded: Redactor.fold(variant),
                            replacement: replacement,
                            options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: true)
                    )
                }
                let compact = NameNormalization.compact(name)
                if tokens.count > 1, compact.count >= 6, !protectedHandles.contains(compact) {
                    let short = tokens.compactMap(\.first).map(String.init).joined()
                    add(
                        Redactor.Rule(
                            pattern: compact, folded: compact, replacement: short,
                            options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: false
                        ))
                }
                for word in Redactor.words(of: name) {
                    let folded = NameNormalization.key(word)
                    guard word.count >= 2, !protectedTokens.contains(folded),
                        let first = folded.first
                    else { continue }
                    let replacement = String(first).uppercased() + "."
                    for variant in Redactor.encodedVariants(of: word) {
                        add(
                            Redactor.Rule(
                                pattern: variant, folded: Redactor.fold(variant),
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
                    Redactor.Rule(
                        pattern: "@" + handle, folded: Redactor.fold("@" + handle),
                        replacement: "@" + replacement,
                        options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: true))
                add(
                    Redactor.Rule(
                        pattern: handle, folded: Redactor.fold(handle), replacement: replacement,
                        options: [.caseInsensitive, .diacriticInsensitive], isWordBounded: true))
            }
            for account in person.accountIDs
            where !protectedAccounts.contains(Redactor.digits(account)) {
                add(
                    Redactor.Rule(
                        pattern: account, folded: Redactor.fold(account), replacement: "[withheld]",
                        options: [], isWordBounded: false))
            }
        }
        rules.sort { ($0.pattern.count, $0.pattern) > ($1.pattern.count, $1.pattern) }
    }

    /// The text with replacements and spans moved, as the redactor did it.
    func apply(_ text: String, spans: [TextSpan]) -> (text: String, spans: [TextSpan]) {
        guard !text.isEmpty, !rules.isEmpty else { return (text, spans) }
        let folded = Redactor.fold(text)
        var matches: [Redactor.Match] = []
        for rule in rules where folded.contains(rule.folded) {
            matches += Redactor.matches(of: rule, in: text)
        }
        return Redactor.replacing(matches, in: text, spans: spans)
    }
}
