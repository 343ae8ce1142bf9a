import AuditAnalysis
import AuditModel
import AuditSchool

/// The staff member's private check: the audit's rules over their own archives, nothing stored.
///
/// Contact with pupils is checked against the roster or, when the school gives
/// a roster digest instead, by hashing names and handles the way the digest was made.
public struct SelfCheck: Sendable {
    public var analyzer: Analyzer

    public init(analyzer: Analyzer = Analyzer()) {
        self.analyzer = analyzer
    }

    /// Checks a timeline.
    /// - Parameters:
    ///   - timeline: the merged items of the staff member's archives.
    ///   - archives: what was read from each archive.
    ///   - configuration: the school, the staff member, the roster (empty with a digest), the
    ///     rules and the period.
    ///   - digest: the roster digest to match people against, when there is no roster.
    /// - Returns: the findings, the people matched in the digest and what was checked.
    public func run(
        timeline: Timeline, archives: [ImportedArchive], configuration: AuditConfiguration,
        digest: RosterDigestMatcher? = nil
    ) -> SelfCheckReport {
        let analysis = analyzer.analyze(timeline, configuration: configuration)
        let inPeriod = Timeline(items: timeline.items.filter(configuration.isInPeriod))
        let pupilCheck: SelfCheckReport.PupilCheck
        var contacts: [DigestContact] = []
        if let digest {
            pupilCheck = .digest(entries: digest.digest.entries.count, madeOn: digest.digest.madeOn)
            contacts = digest.contacts(in: inPeriod, timeZone: configuration.timeZone)
        } else if configuration.roster.pupils.isEmpty {
            pupilCheck = .none
        } else {
            pupilCheck = .roster(pupils: configuration.roster.pupils.count)
        }
        return SelfCheckReport(
            configuration: configuration, archives: archives, itemsChecked: inPeriod.items.count,
            itemsWithoutTime: inPeriod.items.filter { $0.occurredAt == nil }.count,
            findings: analysis.findings, incidents: analysis.incidents, pupilCheck: pupilCheck,
            digestContacts: contacts)
    }
}
