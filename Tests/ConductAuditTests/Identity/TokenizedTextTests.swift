import Testing

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
