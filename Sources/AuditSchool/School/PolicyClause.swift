/// The school's own wording of a policy clause, quoted in reports: a value of school.yaml `policy`.
public struct PolicyClause: Sendable, Equatable {
    /// The section of the school's policy document, such as "Use of sites", if given.
    public var section: String?
    /// The clause text as the school wrote it.
    public var text: String

    /// Creates a clause.
    public init(section: String? = nil, text: String) {
        self.section = section
        self.text = text
    }
}
