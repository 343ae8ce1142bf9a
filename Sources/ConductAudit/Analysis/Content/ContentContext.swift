/// What the content rules of one audit share, built once per analysis rather than once per rule.
public struct ContentContext: Sendable {
    /// The audit's configuration.
    public let configuration: AuditConfiguration
    /// The audit's vocabulary: word lists with the school's additions, pupils, colleagues.
    public let vocabulary: SchoolVocabulary
    /// The school's calendar (term days, holidays).
    public let calendar: SchoolCalendar
    /// The school-local day of the timeline's latest dated item, else the last day of a targeted
    /// audit: the day a profile's age is taken on (the export was made after its latest
    /// activity).
    public let referenceDay: LocalDay?

    /// Builds the context of an audit of `timeline`.
    /// - Parameters:
    ///   - timeline: the audited part of the timeline.
    ///   - configuration: the audit's configuration.
    ///   - lexicon: the built-in word lists the vocabulary starts from.
    public init(timeline: Timeline, configuration: AuditConfiguration, lexicon: ContentLexicon) {
        self.configuration = configuration
        vocabulary = SchoolVocabulary(
            configuration: configuration, timeline: timeline, lexicon: lexicon)
        calendar = SchoolCalendar(configuration: configuration.school)
        let latest = timeline.items.lazy.compactMap(\.occurredAt).max()
        referenceDay =
            latest.map { LocalDay.containing($0, in: configuration.timeZone) } ?? configuration.to
    }
}
