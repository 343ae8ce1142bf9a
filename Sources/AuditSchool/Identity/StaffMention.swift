/// A member of staff named inside a piece of free text.
public struct StaffMention: Sendable, Equatable {
    /// How the words in the text name the member.
    public enum Form: String, Sendable, Equatable {
        /// Forename (or a usual short form of it) and surname: "Mark Whitfield".
        case fullName = "full name"
        /// A title and the surname: "Mr Whitfield".
        case titleAndSurname = "title and surname"
        /// The surname alone, written with a capital: "Whitfield".
        case surname
    }

    /// The member named.
    public var staff: StaffMember
    /// Where the name is, in `Character` offsets into the text searched.
    public var range: Range<Int>
    /// The words as written.
    public var matchedText: String
    /// How the member is named.
    public var form: Form
    /// One line a reviewer understands: "'Whitfield' is the surname of Mark Whitfield
    /// (Headteacher)".
    public var reason: String

    /// Creates a mention (``StaffMentionFinder`` makes them).
    public init(
        staff: StaffMember, range: Range<Int>, matchedText: String, form: Form, reason: String
    ) {
        self.staff = staff
        self.range = range
        self.matchedText = matchedText
        self.form = form
        self.reason = reason
    }
}
