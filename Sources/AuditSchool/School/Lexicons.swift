/// The school's additions to the built-in word lists: school.yaml `lexicons`.
public struct Lexicons: Sendable, Equatable {
    /// Words and phrases that mark confidential school matters, such as "EHCP".
    public var confidential: [String]
    /// Words and phrases the school regards as abusive.
    public var abusive: [String]

    /// Creates word lists (both empty by default).
    public init(confidential: [String] = [], abusive: [String] = []) {
        self.confidential = confidential
        self.abusive = abusive
    }
}
