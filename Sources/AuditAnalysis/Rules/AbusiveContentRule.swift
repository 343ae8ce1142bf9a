import AuditModel
import AuditSchool

/// Flags rude, abusive or defamatory words the staff member aimed at the school or members of
/// its community.
///
/// Policy basis: "We will not tolerate any comments or posts that are defamatory, rude or abusive
/// towards any member of our school community, whether that be children, parents, staff or
/// governors", and "Staff and Governors must never post anything … to bring damage to the school
/// or its reputation."
///
/// What is read: the text of the member's own posts, comments and messages, with the captions
/// of their photos and videos.
///
/// A rude word counts only with a target of the school community in the same sentence:
/// - **targets**: the school's name or an alias; a member of staff named in school.yaml (full
///   name, title and surname, or the capitalised surname; the audited member excepted); a pupil
///   named (on roll, or a former pupil under 18); and groups ("the head", "headteacher",
///   "parents", "governors", "my class", "year 6" … list `abusiveTargets`).
/// - **insults** (list `abusive.insults`, plus school.yaml `lexicons.abusive`): words that insult
///   a person ("idiot", "waste of space") count anywhere within eight words of the target.
/// - **disparaging words and profanity** (lists `abusive.disparaging`, `abusive.profanity`:
///   "useless", "a joke", "bloody") count only when aimed right at the target: said of it
///   ("Larkfield is a joke", "the head's useless") or put right before it ("bloody parents").
/// - Harmless phrases are ignored (list `abusiveExceptions`: "bloody hell", "bloody brilliant",
///   "the school run", "staff room").
///
/// - **a verdict in the next sentence**: an insult or disparaging word standing alone in the
///   sentence right after one naming a colleague or pupil ("<name> couldn't organise a raffle.
///   Total muppet.", ``SentenceLink/isVerdict(_:of:in:)``) is aimed at that person.
///
/// So profanity aimed at nobody in the community ("This traffic is bloody awful") and an insult
/// about someone else ("What an idiot that driver was") are not findings.
///
/// Severity: an insult aimed at a named person is high (it may be defamatory); an insult aimed
/// at a group or the school, or a disparaging word, is medium; profanity is low, or medium when
/// aimed at a named person. One finding per item; its incident is the item.
public struct AbusiveContentRule: ExampleDocumentedRule, ItemContentRule {
    /// The built-in word lists the rule reads (the school's additions are added per audit).
    public let lexicon: ContentLexicon

    /// Creates the rule.
    /// - Parameter lexicon: the built-in word lists; ``ContentLexicon/builtIn`` by default.
    public init(lexicon: ContentLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    public let id = RuleID.abusiveContent

    public let summary =
        "Defamatory, rude or abusive content about the school or members of its community."

    /// How far (in words) an insult may stand from its target in one sentence.
    static let insultReach = 8

    public func finding(for item: TimelineItem, text: inout ItemText, context: ContentContext)
        -> Finding?
    {
        guard item.isAuthoredByOwner,
            ConfidentialDisclosureRule.authoredKinds.contains(item.kind),
            let written = text.authored()
        else { return nil }
        let configuration = context.configuration
        let day = item.occurredAt.map { LocalDay.containing($0, in: configuration.timeZone) }
        let hits = assess(text.reading(), vocabulary: context.vocabulary, on: day)
        guard !hits.isEmpty else { return nil }
        return finding(
            for: item, excerpt: written, hits: hits, day: day, configuration: configuration)
    }

    public func incidentTitle(key: String, findings: [Finding]) -> String {
        let what =
            findings.first.map { "\($0.platform.withIndefiniteArticle) \($0.activity.displayName)" }
            ?? "an item"
        return "Rude or abusive words about the school community in \(what)"
            + ContentIncidentKey.dayPhrase(of: key)
    }

    // MARK: - Assessment

    /// What makes a word rude.
    enum Rudeness: Int, Comparable {
        case profanity, disparaging, insult

        var label: String {
            switch self {
            case .profanity: "profanity"
            case .disparaging: "disparaging word"
            case .insult: "insult"
            }
        }

        static func < (lhs: Rudeness, rhs: Rudeness) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Someone or something of the school community named in the text.
    struct Target {
        var range: Range<Int>
        var words: Range<Int>
        var sentence: Int
        var text: String
        /// Who the words name, for the explanation.
        var description: String
        /// A short label for the highlighted span ("target: staff member Mark Whitfield").
        var label: String
        /// Whether a single person is named (a member of staff or a pupil).
        var isNamedPerson: Bool
        var isSurnameOnly: Bool
        /// The named person, for the finding's counterparty.
        var counterparty: FindingCounterparty?
    }

    /// A rude word aimed at a target.
    struct Hit {
        var rudeness: Rudeness
        var word: PhraseMatch
        var target: Target
        /// Whether the rude words are a verdict standing alone after the target's sentence.
        ///
        /// As in "Mark Whitfield couldn't run a bath. Total muppet.".
        var isVerdictAfter = false

        var severity: Severity {
            switch (rudeness, target.isNamedPerson) {
            case (.insult, true): .high
            case (.insult, false), (.disparaging, _), (.profanity, true): .medium
            case (.profanity, false): .low
            }
        }

        var confidence: Double {
            var value: Double
            switch rudeness {
            case .insult: value = 0.8
            case .disparaging: value = 0.7
            case .profanity: value = 0.6
            }
            if target.isSurnameOnly { value -= 0.05 }
            return value
        }
    }

    /// The rude words of one text aimed at a target of the school community; empty when none.
    func assess(_ reading: TextReading, vocabulary: SchoolVocabulary, on day: LocalDay?) -> [Hit] {
        let tokens = reading.tokens
        let lexicon = vocabulary.lexicon
        // Without a target there is nothing to aim at (most texts): the exceptions and word
        // lists need not be read.
        let allTargets = Self.targets(in: reading, vocabulary: vocabulary, on: day)
        guard !allTargets.isEmpty else { return [] }
        let exceptions = lexicon.abusiveExceptions.matches(in: tokens)
        func isExcepted(_ range: Range<Int>) -> Bool {
            exceptions.contains {
                $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound
            }
        }
        let targets = allTargets.filter { !isExcepted($0.range) }
        guard !targets.isEmpty else { return [] }
        var rude: [(Rudeness, PhraseMatch)] = []
        for (rudeness, list) in [
            (Rudeness.insult, lexicon.insults), (.disparaging, lexicon.disparaging),
            (.profanity, lexicon.profanity),
        ] {
            for match in list.matches(in: tokens)
            where !isExcepted(match.range) && !rude.contains(where: { $0.1.overlaps(match) }) {
                rude.append((rudeness, match))
            }
        }
        var hits: [Hit] = []
        for (rudeness, word) in rude {
            let candidates = targets.filter { target in
                guard target.sentence == word.sentence, !target.range.overlaps(word.range) else {
                    return false
                }
                switch rudeness {
                case .insult:
                    let gap =
                        word.words.lowerBound >= target.words.upperBound
                        ? word.words.lowerBound - target.words.upperBound
                        : target.words.lowerBound - word.words.upperBound
                    return gap <= Self.insultReach
                case .disparaging, .profanity:
                    return Self.isAimed(word, at: target, in: tokens)
                }
            }
            // The best target: a named person before a group, then the nearest.
            if let target = candidates.min(by: {
                ($0.isNamedPerson ? 0 : 1, abs($0.words.lowerBound - word.words.lowerBound))
                    < ($1.isNamedPerson ? 0 : 1, abs($1.words.lowerBound - word.words.lowerBound))
            }) {
                hits.append(Hit(rudeness: rudeness, word: word, target: target))
            } else if rudeness != .profanity, word.sentence > 0,
                SentenceLink.isVerdict(word.words, of: word.sentence, in: tokens),
                let target = targets.filter({
                    $0.sentence == word.sentence - 1 && $0.isNamedPerson
                }).max(by: { $0.words.lowerBound < $1.words.lowerBound })
            {
                // A sentence that is only a verdict ("Total muppet.") is about the person the
                // sentence before it named (a group or the school there may be only the
                // occasion: "Year 6 residential this week. What a nightmare.").
                hits.append(
                    Hit(rudeness: rudeness, word: word, target: target, isVerdictAfter: true))
            }
        }
        return hits.sorted { $0.word.range.lowerBound < $1.word.range.lowerBound }
    }

    /// Words that, right after a target, say something of it: "Larkfield *is* a joke".
    private static let predicateWords: Set<String> = [
        "is", "are", "was", "were", "s", "re", "been", "being", "seems", "seem", "seemed", "looks",
        "look", "can", "should", "could", "must", "will", "need", "needs", "gets", "get", "got",
    ]
    /// Words that may stand between the predicate and the rude word: "is *such a* joke".
    private static let fillerWords: Set<String> = [
        "so", "such", "a", "an", "the", "absolutely", "absolute", "total", "totally", "complete",
        "completely", "really", "utterly", "just", "very", "proper", "right", "bit", "of", "go",
        "all", "being", "bloody", "fucking", "totes", "literally", "beyond",
    ]
    /// Words that may stand between a rude word and the target it precedes: "bloody *the*
    /// parents".
    private static let determiners: Set<String> = [
        "the", "these", "those", "our", "my", "that", "this", "all", "some",
    ]

    /// Whether a disparaging word or swear word is aimed right at `target`: said of it after a
    /// verb ("the head is useless", "the head's useless"), or put just before it ("bloody
    /// parents", "useless governors").
    static func isAimed(_ word: PhraseMatch, at target: Target, in tokens: TokenizedText) -> Bool {
        let words = tokens.words
        if word.words.upperBound <= target.words.lowerBound {
            let between = words[word.words.upperBound..<target.words.lowerBound]
            return between.count <= 1 && between.allSatisfy { determiners.contains($0.folded) }
        }
        guard word.words.lowerBound >= target.words.upperBound else { return false }
        let between = Array(words[target.words.upperBound..<word.words.lowerBound])
        let lastTargetWord = words[target.words.upperBound - 1]
        let hasContraction = lastTargetWord.foldedBase != nil  // "the head's useless"
        var fillers = between[...]
        if !hasContraction {
            guard let first = between.first, predicateWords.contains(first.folded) else {
                return false
            }
            fillers = between.dropFirst()
        }
        return fillers.count <= 3 && fillers.allSatisfy { fillerWords.contains($0.folded) }
    }

    /// The school, its staff, pupils and groups named in the text.
    static func targets(in reading: TextReading, vocabulary: SchoolVocabulary, on day: LocalDay?)
        -> [Target]
    {
        let tokens = reading.tokens
        var targets: [Target] = []
        func add(
            _ range: Range<Int>, text: String, description: String, label: String,
            isNamedPerson: Bool,
            isSurnameOnly: Bool = false, counterparty: FindingCounterparty? = nil
        ) {
            guard let words = tokens.wordIndexes(in: range) else { return }
            targets.append(
                Target(
                    range: range, words: words, sentence: tokens.words[words.lowerBound].sentence,
                    text: text, description: description, label: label,
                    isNamedPerson: isNamedPerson,
                    isSurnameOnly: isSurnameOnly, counterparty: counterparty))
        }
        for match in reading.schoolNames {
            add(
                match.range, text: match.matchedText, description: "the school",
                label: "target: the school", isNamedPerson: false)
        }
        for mention in reading.colleagues {
            let role = mention.staff.role.map { " (\($0))" } ?? ""
            add(
                mention.range, text: mention.matchedText,
                description: "the staff member \(mention.staff.name)\(role), named by "
                    + mention.form.rawValue,
                label: "target: staff member \(mention.staff.name)",
                isNamedPerson: true, isSurnameOnly: mention.form == .surname,
                counterparty: FindingCounterparty(
                    name: mention.staff.name, matchExplanation: mention.reason))
        }
        for mention in reading.pupils where mention.pupil.isChildOfCommunity(on: day) {
            add(
                mention.range, text: mention.matchedText,
                description: "the pupil \(mention.pupil.legalName) (\(mention.reason))",
                label: "target: pupil \(mention.pupil.legalName)", isNamedPerson: true,
                counterparty: FindingCounterparty(
                    name: mention.pupil.legalName, rosterID: mention.pupil.id,
                    matchExplanation: mention.reason))
        }
        for match in vocabulary.lexicon.abusiveTargets.matches(in: tokens)
        where !targets.contains(where: { $0.range.overlaps(match.range) }) {
            add(
                match.range, text: match.matchedText,
                description: "members of the school community",
                label: "target: members of the school community", isNamedPerson: false)
        }
        return targets
    }

    private func finding(
        for item: TimelineItem, excerpt: String, hits: [Hit], day: LocalDay?,
        configuration: AuditConfiguration
    ) -> Finding {
        var highlights = Highlights()
        var reasons: [String] = []
        for hit in hits {
            highlights.add(hit.word.range, label: hit.rudeness.label)
            highlights.add(hit.target.range, label: hit.target.label)
            let verdict =
                hit.isVerdictAfter
                ? " (the sentence after the name holds nothing but this verdict on it)" : ""
            reasons.append(
                "'\(hit.word.matchedText)' (\(hit.rudeness.label)) is aimed at "
                    + "'\(hit.target.text)', \(hit.target.description)\(verdict).")
        }
        let severity = hits.map(\.severity).max() ?? .low
        let confidence = hits.map(\.confidence).max() ?? 0.5
        let explanation =
            "\(configuration.staff.name) wrote this in \(ContentIncidentKey.describe(item)). "
            + reasons.joined(separator: " ")
            + " The policy does not tolerate posts or comments that are defamatory, rude or "
            + "abusive towards members of the school community, or that damage the school's "
            + "reputation."
        return Finding(
            rule: id, severity: severity, confidence: confidence, item: item,
            counterparty: hits.lazy.compactMap(\.target.counterparty).first, excerpt: excerpt,
            highlights: highlights.textSpans, explanation: explanation,
            incidentKey: ContentIncidentKey.make(for: item, on: day))
    }

    // MARK: - Examples

    public var triggeringExamples: [RuleExample] {
        [
            RuleExample(
                "Whitfield is a useless idiot. Three years of his vision and still no photocopier.",
                highlights: ["Whitfield", "useless idiot"]),
            RuleExample(
                "Honestly the head is an absolute clown", kind: .comment,
                highlights: ["the head", "clown"]),
            RuleExample(
                "Mark Whitfield is a liar and everyone knows it", kind: .message,
                highlights: ["Mark Whitfield", "liar"]),
            RuleExample("Year 6 are feral this week", highlights: ["Year 6", "feral"]),
            RuleExample(
                "Bloody parents parking on the zigzags again", highlights: ["Bloody", "parents"]),
            RuleExample("LPS is a shambles", highlights: ["LPS", "a shambles"]),
            RuleExample("Larkfield is a joke these days", highlights: ["Larkfield", "a joke"]),
            RuleExample(
                "Mrs Shah is a waste of space", kind: .message,
                highlights: ["Mrs Shah", "waste of space"]),
            RuleExample(
                "Freddie Turner is a little shit", kind: .message,
                highlights: ["Freddie Turner", "little shit"]),
            RuleExample("The governors are spineless", highlights: ["governors", "spineless"]),
            RuleExample(
                "Whitfield, what a muppet", kind: .comment, highlights: ["Whitfield", "muppet"]),
            RuleExample(
                "the head's useless", kind: .message, highlights: ["the head's", "useless"]),
            RuleExample("Larkfield Primary School is a shithole", highlights: ["shithole"]),
            RuleExample(
                "Priya Shah is such a snake", kind: .message,
                highlights: ["Priya Shah", "snake"]),
            RuleExample(
                "Mark Whitfield couldn't organise a raffle at a school fair. Total muppet.",
                kind: .message, highlights: ["Mark Whitfield", "muppet"]),
            RuleExample(
                "Whitfield cancelled sports day again.\nWhat a clown", kind: .comment,
                highlights: ["Whitfield", "clown"]),
        ]
    }

    public var nonTriggeringExamples: [RuleExample] {
        [
            RuleExample("This traffic is bloody awful. Parkway at a standstill again"),
            RuleExample("Bloody hell, the school play was amazing!"),
            RuleExample("I'm such an idiot, left my lanyard at school"),
            RuleExample("The parents' evening was bloody brilliant"),
            RuleExample("My laptop is useless"),
            RuleExample("Whitfield gave a lovely speech at assembly"),
            RuleExample("What an idiot that driver was. Anyway, great day at Larkfield!"),
            RuleExample("The kids were feral at home today"),
            RuleExample("Tom is an idiot lol", kind: .message),
            RuleExample("Whitfield is a useless idiot.", isAuthoredByOwner: false),
            RuleExample("Anti-bullying week at Larkfield"),
            RuleExample("The school run was a nightmare in this traffic"),
            RuleExample("Staff room biscuits are rubbish"),
            RuleExample("Happy birthday you old idiot, love you x", kind: .comment),
            RuleExample("Saying grace is a joke in our house", kind: .message),
            RuleExample("Parents at the gym are so lazy with the weights"),
            RuleExample("We saw a snake on the school trip"),
            RuleExample("This year 3 idiots cut me up on the motorway"),
            RuleExample("Muppet Christmas Carol in the school hall, the kids loved it"),
            RuleExample("Mark Whitfield gave a lovely speech. I'm such an idiot, I cried"),
            RuleExample("Lunch with Priya Shah. Then some idiot drove into my car"),
            RuleExample("Total idiot. Anyway, Mark Whitfield says hi", kind: .message),
            RuleExample("Year 6 residential this week. What a nightmare."),
        ]
    }
}
