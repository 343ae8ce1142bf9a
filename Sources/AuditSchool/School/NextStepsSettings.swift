/// What school.yaml says about next steps (its optional `next_steps` mapping): the local
/// designated officer's contact, the edition of the guidance to cite, and the school's own
/// wording for each kind of matter in place of the built-in one.
public struct NextStepsSettings: Sendable, Equatable, Codable {
    /// How to reach the local authority designated officer (LADO): "Kent LADO, 03000 410888,
    /// kentchildrenslado@kent.gov.uk".
    public var ladoContact: String?
    /// The edition of Keeping Children Safe in Education to cite ("Keeping children safe in
    /// education 2025").
    public var guidance: String?
    /// The school's wording for a matter that may meet the harms threshold.
    public var harmsThreshold: String?
    /// The school's wording for a low-level concern.
    public var lowLevelConcern: String?
    /// The school's wording for a conduct matter.
    public var conduct: String?

    public init(
        ladoContact: String? = nil, guidance: String? = nil, harmsThreshold: String? = nil,
        lowLevelConcern: String? = nil, conduct: String? = nil
    ) {
        self.ladoContact = ladoContact
        self.guidance = guidance
        self.harmsThreshold = harmsThreshold
        self.lowLevelConcern = lowLevelConcern
        self.conduct = conduct
    }
}
