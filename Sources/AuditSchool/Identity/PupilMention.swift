/// A pupil named inside a piece of free text: where, which pupil and why it is a match.
public struct PupilMention: Sendable, Equatable {
    /// How the words in the text relate to the pupil's roster names.
    public enum Form: String, Sendable, Equatable {
        /// The legal forename and surname ("Frederick Turner").
        case legalName = "legal name"
        /// A preferred forename or surname with the other part ("Freddie Turner").
        case preferredName = "preferred name"
        /// A usual short form of a forename with the surname ("Ollie Bennett" for Oliver).
        case nickname
    }

    /// The pupil named.
    public var pupil: Pupil
    /// Where the name is, in `Character` offsets into the text searched (a possessive "'s" is
    /// left out).
    public var range: Range<Int>
    /// The words as written in the text ("Freddie Turner").
    public var matchedText: String
    /// Which of the pupil's names the words are.
    public var form: Form
    /// Whether the name was written with capitals, as names usually are.
    ///
    /// An all-lower-case match ("grace patel") is still a match, but rules may trust it a
    /// little less.
    public var isCapitalized: Bool
    /// One line a reviewer understands: "'Freddie Turner' is the preferred name of the pupil
    /// Frederick Turner (K373247319104)".
    public var reason: String

    /// Creates a mention (``PupilMentionFinder`` makes them).
    public init(
        pupil: Pupil, range: Range<Int>, matchedText: String, form: Form, isCapitalized: Bool,
        reason: String
    ) {
        self.pupil = pupil
        self.range = range
        self.matchedText = matchedText
        self.form = form
        self.isCapitalized = isCapitalized
        self.reason = reason
    }
}
