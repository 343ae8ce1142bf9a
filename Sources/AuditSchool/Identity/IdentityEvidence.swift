/// One piece of evidence for or against reading a person seen in an archive as a pupil, stated
/// so a reviewer can check it.
public struct IdentityEvidence: Sendable, Equatable {
    /// How the evidence bears on the identification.
    public enum Weight: String, Sendable, Equatable {
        /// Rules the pupil out unless something supports them: an account the school lists for
        /// someone else, an interaction before the pupil was born, an adult's age stated.
        case contradicts
        /// Makes the pupil less likely without ruling them out: a colleague of the same name
        /// with no account listed on this platform, a different account listed for the pupil.
        case weakens
        /// Makes the pupil more likely: the roster's listed account, a year group or school
        /// words in a conversation with them.
        case supports
    }

    /// How it bears.
    public var weight: Weight
    /// What it is, in one clause ("@obennett_pe is listed in school.yaml as the X account of
    /// Oliver Bennett (staff, PE teacher)").
    public var statement: String

    /// Creates a piece of evidence.
    public init(_ weight: Weight, _ statement: String) {
        self.weight = weight
        self.statement = statement
    }
}
