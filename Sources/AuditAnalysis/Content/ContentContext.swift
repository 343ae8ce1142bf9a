import AuditModel
import AuditSchool

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
        self.init(
            facts: TimelineFacts(timeline, configuration: configuration),
            configuration: configuration, lexicon: lexicon)
    }

    /// Builds the context of an audit from what a first pass gathered from the audited timeline.
    /// - Parameters:
    ///   - facts: the audited items' profile texts and latest item time.
    ///   - configuration: the audit's configuration.
    ///   - lexicon: the built-in word lists the vocabulary starts from.
    public init(facts: TimelineFacts, configuration: AuditConfiguration, lexicon: ContentLexicon) {
        self.configuration = configuration
        vocabulary = SchoolVocabulary(
            configuration: configuration, profileTexts: facts.profileTexts, lexicon: lexicon)
        calendar = SchoolCalendar(configuration: configuration.school)
        referenceDay =
            facts.latestAudited.map { LocalDay.containing($0, in: configuration.timeZone) }
            ?? configuration.to
    }
}
