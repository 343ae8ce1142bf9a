import AuditModel
import AuditSchool

/// How the content rules read a message as a whole: when the sentence after the one naming a
/// person goes on about that person.
///
/// A disclosure or an insult is often split over two sentences: "Amara is in my class. The
/// family live at 14 Mill Lane, S11 8YA." or "Mark Whitfield couldn't run a bath. Total
/// muppet." The next sentence is read as being about the person named when
/// - it refers back to them (``continues(after:in:)``): "he", "she", "his", "her", "they",
///   "their", "the family", "the child" … and names no one else of the community; or
/// - it is only a verdict (``isVerdict(_:of:in:)``): nothing but the rude words and a few
///   words such as "total", "what a", "absolute", "he's" ("Total muppet.", "What a clown.").
///
/// A sentence about the writer ("Then off to hospital with Mum after.", "I'm such an idiot",
/// "Then I saw Mum, she's …": the writer's own family) does neither, so it stays apart from the
/// name before it.
enum SentenceLink {
    /// Words that refer back to a person already named.
    static let backReferences: Set<String> = [
        "he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "himself",
        "herself", "themselves",
    ]
    /// Nouns that, after "the", refer back to a child or their family already named.
    static let backReferenceNouns: Set<String> = [
        "family", "child", "boy", "girl", "pupil", "kid", "parents", "household",
    ]
    /// Family words that, unless "his", "her" or "their" comes before them, put a sentence
    /// about the writer's own family ("Then I popped in to see Mum, she's …").
    static let kin: Set<String> = [
        "mum", "mom", "mam", "mummy", "dad", "daddy", "nan", "nana", "gran", "granny",
        "grandma", "grandad", "grandpa", "sister", "brother", "husband", "wife", "partner",
        "son", "daughter", "auntie", "aunt", "uncle", "hubby",
    ]
    /// Words that may stand with the rude words in a sentence that is only a verdict on the
    /// person named just before.
    static let verdictWords: Set<String> = [
        "what", "a", "an", "the", "total", "totally", "absolute", "absolutely", "complete",
        "completely", "utter", "utterly", "such", "proper", "right", "bloody", "fucking", "is",
        "s", "was", "he", "she", "they", "are", "were", "hes", "shes", "theyre", "honestly",
        "seriously", "just", "so", "very", "really", "lol", "omg", "man", "woman", "of",
        "that", "one", "bit", "little", "old",
    ]

    /// Whether sentence `sentence + 1` of `tokens` refers back to someone named in `sentence`.
    /// - Parameters:
    ///   - sentence: the sentence naming the person.
    ///   - tokens: the whole text.
    ///   - otherNames: the character ranges of every person of the community named in the text;
    ///     a next sentence naming one of them is about them instead.
    /// - Returns: the back-referring words found ("The family"), or `nil`.
    static func continues(
        after sentence: Int, in tokens: TokenizedText, otherNames: [Range<Int>]
    ) -> String? {
        let next = tokens.words.indices.filter { tokens.words[$0].sentence == sentence + 1 }
        guard let first = next.first, let last = next.last else { return nil }
        let span = tokens.words[first].range.lowerBound..<tokens.words[last].range.upperBound
        guard !otherNames.contains(where: { $0.overlaps(span) }) else { return nil }
        let possessives: Set<String> = ["his", "her", "their"]
        for index in next
        where kin.contains(tokens.words[index].foldedBase ?? tokens.words[index].folded) {
            let before = index > first ? tokens.words[index - 1].folded : ""
            if !possessives.contains(before) { return nil }
        }
        for index in next {
            let word = tokens.words[index]
            let folded = word.foldedBase ?? word.folded
            if backReferences.contains(folded) { return word.text }
            if folded == "the", index + 1 <= last,
                backReferenceNouns.contains(tokens.words[index + 1].folded)
            {
                return word.text + " " + tokens.words[index + 1].text
            }
        }
        return nil
    }

    /// Whether the sentence holding `rude` (word indexes) is a verdict: its other words are all
    /// ``verdictWords``, so it can only be about someone named before it.
    static func isVerdict(_ rude: Range<Int>, of sentence: Int, in tokens: TokenizedText) -> Bool {
        let words = tokens.words.indices.filter { tokens.words[$0].sentence == sentence }
        return words.allSatisfy { index in
            rude.contains(index) || verdictWords.contains(tokens.words[index].folded)
                || tokens.words[index].foldedBase.map(verdictWords.contains) == true
        }
    }
}
