/// One reason to think a person seen in an archive is a particular pupil on the roster.
public struct PupilMatch: Sendable, Equatable {
    /// What the match rests on, strongest first.
    public enum Basis: String, Sendable, Equatable, Comparable {
        /// The handle, id or number is one the roster lists for the pupil on this platform.
        case knownAccount = "known-account"
        /// The handle is one the roster lists for the pupil on another platform.
        case knownAccountElsewhere = "known-account-elsewhere"
        /// The display name is the pupil's forename and surname.
        case displayName = "display-name"
        /// The handle is built from the pupil's name parts (and perhaps birth year).
        case handle

        private var rank: Int {
            switch self {
            case .knownAccount: 0
            case .knownAccountElsewhere: 1
            case .displayName: 2
            case .handle: 3
            }
        }

        /// Whether `lhs` is the stronger kind of evidence.
        public static func < (lhs: Basis, rhs: Basis) -> Bool { lhs.rank < rhs.rank }
    }

    /// The pupil matched.
    public var pupil: Pupil
    /// What the match rests on.
    public var basis: Basis
    /// How sure the match is that the person is this pupil (0...1).
    public var confidence: Double
    /// Why, in one line a headteacher can check against the roster ("display name 'Zoe
    /// Kowalczyk' = legal name Zoë Kowalczyk ignoring accents").
    public var reason: String

    /// Creates a match.
    public init(pupil: Pupil, basis: Basis, confidence: Double, reason: String) {
        self.pupil = pupil
        self.basis = basis
        self.confidence = confidence
        self.reason = reason
    }
}
