import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct PhraseListTests {
    static func matched(_ entries: [String], _ text: String) -> [String] {
        PhraseList(entries).matches(in: TokenizedText(text)).map(\.matchedText)
    }

    @Test(
        "entries match folded words in one sentence, joined by spaces or a hyphen",
        arguments: [
            (["child protection"], "Child Protection meeting", ["Child Protection"]),
            (["child protection"], "child-protection", ["child-protection"]),
            (["child protection"], "child. Protection", []),
            (["child protection"], "child, protection", []),
            (["safeguarding concern*"], "two safeguarding concerns", ["safeguarding concerns"]),
            (["diagnos*"], "Diagnosed on Friday", ["Diagnosed"]),
            (["year #"], "my Year 5s and year 10", ["Year 5s", "year 10"]),
            (["year #"], "this year 2024", []),
            (["1:1 support"], "needs 1:1 support", ["1:1 support"]),
            (["1:1 support"], "needs 1 1 support", []),
            (["the head"], "the head's office", ["the head"]),
            (["parents' evening"], "parents evening", ["parents evening"]),
            (["parents evening"], "Parents’ evening", ["Parents’ evening"]),
            (["useless idiot", "idiot", "useless"], "a useless idiot", ["useless idiot"]),
            (["Zoë"], "zoe", ["zoe"]),
            // Words of 31 bytes or more share one length in the list's quick first-word check.
            (
                ["antidisestablishmentarianistically minded", "antidisestablishmentarianism"],
                "an antidisestablishmentarianistically minded head",
                ["antidisestablishmentarianistically minded"]
            ),
            (["Ærø trip", "ærø*"], "the Aerø trip and ærøskøbing", ["Aerø trip", "ærøskøbing"]),
        ])
    func matches(entries: [String], text: String, expected: [String]) {
        #expect(Self.matched(entries, text) == expected)
    }

    @Test(
        "acronyms match capitals only, not lower case or shouting",
        arguments: [
            ("his EHCP review", ["EHCP"]), ("his ehcp review", []),
            ("Can you send it", []), ("PLEASE SEND HELP", []), ("SEND review today", ["SEND"]),
            ("ALL CAPS SEND NOW OK", []),
        ])
    func acronyms(text: String, expected: [String]) {
        #expect(Self.matched(["EHCP", "SEND"], text) == expected)
    }

    @Test("a match at a given word")
    func matchAt() throws {
        let list = PhraseList(["years", "y/o"])
        let text = TokenizedText("14 y/o")
        #expect(try #require(list.match(in: text, at: 1)).matchedText == "y/o")
        #expect(list.match(in: text, at: 0) == nil)
    }

    @Test("a text and an entry written in canonically equivalent forms match, ASCII or not")
    func canonicalEquivalents() {
        // Hangul precomposed (U+D55C U+AD6D) and as jamo; "é" precomposed and as e + accent.
        let precomposed = "\u{D55C}\u{AD6D}"
        let jamo = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"
        #expect(precomposed == jamo)
        #expect(Self.matched([precomposed + " trip"], jamo + " trip today").count == 1)
        #expect(Self.matched([jamo + " trip"], precomposed + " trip today").count == 1)
        #expect(Self.matched([precomposed + "*"], jamo + "\u{C5B4} today").count == 1)
        #expect(Self.matched(["caf\u{E9} trip"], "cafe\u{301} trip").count == 1)
    }
}
