/// Who on the roster a person seen in an archive is: one pupil, or several that fit equally.
///
/// An ambiguous identification is never resolved by picking one candidate: it keeps them all,
/// says so in its explanation and carries a lower confidence.
public struct PupilIdentification: Sendable, Equatable {
    /// The best matches: one for a clear identification, several when they fit equally well.
    public var candidates: [PupilMatch]
    /// How sure the identification is (0...1); lowered when ambiguous.
    public var confidence: Double
    /// One line on why the person was identified, with the pupil's roster details.
    public var explanation: String

    /// Creates an identification.
    public init(candidates: [PupilMatch], confidence: Double, explanation: String) {
        self.candidates = candidates
        self.confidence = confidence
        self.explanation = explanation
    }

    /// The confidence an ambiguous identification keeps, as a share of its candidates' own.
    public static let ambiguityFactor = 0.6

    /// Whether several pupils fit equally well.
    public var isAmbiguous: Bool { candidates.count > 1 }

    /// The pupil, when exactly one fits.
    public var pupil: Pupil? { candidates.count == 1 ? candidates[0].pupil : nil }
}
