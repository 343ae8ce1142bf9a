import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct TokenizedTextTests {
    @Test("words keep apostrophes inside them, fold like names and count Characters")
    func words() {
        let text = TokenizedText("Zoë 🦄 O'Connor-Smith’s EHCP")
        #expect(text.words.map(\.text) == ["Zoë", "O'Connor", "Smith’s", "EHCP"])
        #expect(text.words.map(\.folded) == ["zoe", "oconnor", "smiths", "ehcp"])
        #expect(text.words[2].foldedBase == "smith")
        #expect(text.words.map(\.range) == [0..<3, 6..<14, 15..<22, 23..<27])
        #expect(text.words[2].baseRange == 15..<20)
        #expect(text.words[2].isHyphenatedToPrevious)
        #expect(!text.words[1].isJoinedToPrevious)  // an emoji between
        #expect(text.words[3].isUppercase && !text.words[0].isUppercase)
        #expect(text.substring(6..<14) == "O'Connor")
    }

    @Test(
        "sentences end at . ! ? and newlines, not after titles, initials or inside numbers",
        arguments: [
            ("Rough day. Poor Freddie", [0, 0, 1, 1]),
            ("Mr. Whitfield said no", [0, 0, 0, 0]),
            ("e.g. this one", [0, 0, 0, 0]),
            ("It cost 3.5 pounds", [0, 0, 0, 0, 0]),
            ("Wow!! Amazing? Yes", [0, 1, 2]),
            ("line one\nline two", [0, 0, 1, 1]),
            ("see larkfield.sch.uk today", [0, 0, 0, 0, 0]),
        ])
    func sentences(text: String, expected: [Int]) {
        #expect(TokenizedText(text).words.map(\.sentence) == expected)
    }

    @Test("word indexes of a Character range")
    func wordIndexes() {
        let text = TokenizedText("the head is an idiot")
        #expect(text.wordIndexes(in: 0..<8) == 0..<2)
        #expect(text.wordIndexes(in: 15..<20) == 4..<5)
        #expect(text.wordIndexes(in: 3..<4) == nil)
    }
}

extension TokenizedTextTests {
    @Test(
        "words fold exactly as names do",
        arguments: [
            "Freddie", "O'Connor", "ROCK`N", "Zoë", "Siobhán", "Ørsted", "Straße", "5s", "ÆSIR",
        ])
    func foldingAgreesWithNames(word: String) {
        #expect(TokenizedText.fold(word) == NameNormalization.compact(word))
    }
}

extension TokenizedTextTests {
    /// Plain ASCII texts are read from their bytes; the reading must be the `Character` one.
    static func agreesWithCharacterReading(_ string: String) {
        let text = TokenizedText(string)
        #expect(
            text.words == TokenizedText.words(inCharacters: Array(string)),
            "\(string.debugDescription)")
        for word in text.words {
            #expect(text.substring(word.range) == word.text, "\(string.debugDescription)")
        }
        #expect(text.substring(0..<string.count) == string)
    }

    @Test(
        "an ASCII text's bytes give the words its Characters give",
        arguments: [
            "", "   ", "Rough day. Poor Freddie's", "Mr. Whitfield said no!\nSee larkfield.sch.uk",
            "it's `quoted' -- O'Connor-Smith's 1:1 support", "line one\r\nline two\rthree",
            "year 5s and Year 10... wow?! ok", "'lead 'n' trail' s's", "tab\there\u{0B}vt\u{0C}ff",
        ])
    func asciiReadingAgrees(string: String) {
        Self.agreesWithCharacterReading(string)
    }

    @Test("random ASCII texts read the same from bytes as from Characters")
    func randomASCIIReadingAgrees() {
        // Characters that matter to the reading: letters, digits, apostrophes, sentence marks,
        // spaces, hyphens and both line ends; a fixed generator so a failure reproduces.
        let alphabet = Array("aZs S9'`.!?- \n\r\t,:/xY")
        var generator = SplitMix(seed: 42)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 40)
            let string = String(
                (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            Self.agreesWithCharacterReading(string)
        }
    }
}

extension TokenizedTextTests {
    @Test(
        "how a word is attached to the one before, whatever the separator's bytes",
        arguments: [
            ("a b", true, false), ("a  b", true, false), ("a-b", true, true),
            ("a - b", true, false),
            ("a -- b", false, false), ("a, b", false, false), ("a\tb", false, false),
            ("a' b", true, false), ("a ` b", true, false), ("a\u{00A0}b", true, false),
            ("a\u{2010}b", true, true), ("a\u{2011}b", true, true), ("a ’ b", true, false),
            ("a — b", false, false), ("a -\u{301}b", false, false), ("a\u{00A0}-b", true, false),
        ])
    func attachment(text: String, joined: Bool, hyphenated: Bool) throws {
        let words = TokenizedText(text).words
        try #require(words.count == 2)
        #expect(words[1].isJoinedToPrevious == joined)
        #expect(words[1].isHyphenatedToPrevious == hyphenated)
    }
}
