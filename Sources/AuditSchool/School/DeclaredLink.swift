/// A family or other link between a staff member and a pupil, declared to the headteacher.
///
/// Contact with a declared pupil is expected; findings about it are marked as declared.
public struct DeclaredLink: Sendable, Equatable, Hashable {
    /// The pupil's name as the school wrote it, such as "Maisie Hale".
    public var pupil: String
    /// How they are related, such as "niece".
    public var relationship: String

    /// Creates a declared link.
    public init(pupil: String, relationship: String) {
        self.pupil = pupil
        self.relationship = relationship
    }
}
