import AuditModel

/// What the messages of a one-to-one conversation say about who the other person is: school
/// words a pupil would hear from a teacher, words of adult life or of working at the school, and
/// ages stated ("happy 40th").
///
/// Gathered while the timeline is first read (``TimelineFacts``), one per person and platform,
/// and weighed by ``IdentityWeighing``. Only a few examples of each kind are kept.
public struct ConversationClues: Sendable, Equatable {
    /// Words that place the person as a pupil ("Year 6", "P7", "homework", "your class").
    public private(set) var pupilWords: [String] = []
    /// Words that place the person as an adult or a colleague ("staff football", "the pub").
    public private(set) var adultWords: [String] = []
    /// Ages the conversation gives the person or celebrates ("happy 40th", "40th birthday").
    public private(set) var statedAges: [Int] = []

    /// No clues yet.
    public init() {}

    /// How many examples of each kind are kept.
    static let kept = 3

    /// Whether nothing was found.
    public var isEmpty: Bool { pupilWords.isEmpty && adultWords.isEmpty && statedAges.isEmpty }

    /// How many messages have been read; reading stops at ``messageLimit``.
    public private(set) var messagesRead = 0
    /// The messages read per person: enough to see who they are, without reading every line
    /// of a long correspondence.
    static let messageLimit = 400

    /// Reads one message's text (nothing once ``messageLimit`` messages have been read).
    /// - Parameters:
    ///   - text: the message.
    ///   - isByOwner: whether the staff member wrote it: a birthday she wishes ("happy 40th")
    ///     is the other person's; an age they state ("I'm 40", "turned 40") is theirs.
    public mutating func read(_ text: String, isByOwner: Bool) {
        guard messagesRead < Self.messageLimit else { return }
        messagesRead += 1
        let tokens = TokenizedText(text)
        for match in Self.pupilPhrases.matches(in: tokens) where pupilWords.count < Self.kept {
            let found = match.matchedText
            if !pupilWords.contains(found) { pupilWords.append(found) }
        }
        for match in Self.adultPhrases.matches(in: tokens) where adultWords.count < Self.kept {
            let found = match.matchedText
            if !adultWords.contains(found) { adultWords.append(found) }
        }
        for age in Self.ages(in: tokens, wishedByOwner: isByOwner)
        where statedAges.count < Self.kept {
            if !statedAges.contains(age) { statedAges.append(age) }
        }
    }

    /// School words a teacher uses with a pupil.
    static let pupilPhrases = PhraseList([
        "year #", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "S1", "S2", "S3", "S4", "S5", "S6",
        "reception class", "homework", "your homework", "your class", "your teacher", "your mum",
        "your dad", "your parents", "your reading book", "spellings", "times tables", "playtime",
        "break time", "school tomorrow", "see you in class", "in class tomorrow", "Miss", "Sir",
        "Blwyddyn #",
    ])

    /// Words of adult or working life: a colleague or a parent, not a child.
    static let adultPhrases = PhraseList([
        "staff football", "staff team", "staff meeting", "staff room", "staffroom",
        "staff night out", "staff party", "INSET", "PPA", "planning time", "the pub", "pint",
        "pints", "wine", "prosecco", "payslip", "pay rise",
        "mortgage", "my wife", "my husband", "my partner", "my kids", "the kids' bedtime",
        "nursery pickup", "driving test", "union",
    ])

    /// Ages stated as "happy 40th" or "40th birthday" (wished by the owner), or "turned 40",
    /// "turning 40", "I'm 40" (said by the other person).
    static func ages(in tokens: TokenizedText, wishedByOwner: Bool) -> [Int] {
        let words = tokens.words
        var found: [Int] = []
        for (index, word) in words.enumerated() {
            let folded = word.folded
            let previous = index > 0 ? words[index - 1].folded : ""
            let next = index + 1 < words.count ? words[index + 1].folded : ""
            var digits = folded
            var isOrdinal = false
            for suffix in ["st", "nd", "rd", "th"] where folded.hasSuffix(suffix) {
                digits = String(folded.dropLast(2))
                isOrdinal = true
            }
            guard let age = Int(digits), (1...110).contains(age), digits.count <= 3 else {
                continue
            }
            let states =
                wishedByOwner
                ? isOrdinal && (previous == "happy" || next == "birthday" || next == "bday")
                : !isOrdinal && ["turned", "turning", "im"].contains(previous)
            if states { found.append(age) }
        }
        return found
    }
}
