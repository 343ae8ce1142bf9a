import AuditAnalysis
import AuditModel
import AuditSchool
import AuditStore
import Foundation

/// Everything an evidence folder shows, gathered by the caller from the case and the school's
/// configuration.
///
/// The bundle is plain data: ``EvidenceWriter`` renders it without reading files, clocks or
/// configuration, so the same bundle always gives the same folder.
public struct EvidenceBundle: Sendable {
    /// The audited period as the reader should see it ("2024-01-08"); nil ends mean "open".
    public struct Period: Sendable, Equatable {
        public var from: String?
        public var to: String?

        public init(from: String? = nil, to: String? = nil) {
            self.from = from
            self.to = to
        }

        /// "2024-01-01 to 2024-07-31", "from 2024-01-01", or "everything in the archives".
        public var summary: String {
            switch (from, to) {
            case (nil, nil): "everything in the archives"
            case (let from?, nil): "from \(from)"
            case (nil, let to?): "up to \(to)"
            case (let from?, let to?): "\(from) to \(to)"
            }
        }
    }

    /// The school's own wording of the policy a rule enforces, quoted in incident pages.
    public struct PolicyClause: Codable, Sendable, Equatable {
        /// The section of the policy document ("Use of sites"), if known.
        public var section: String?
        public var text: String

        public init(section: String? = nil, text: String) {
            self.section = section
            self.text = text
        }
    }

    /// One hour of one weekday, in local time: a cell of the weekday × hour activity chart.
    public struct WeekdayHour: Codable, Sendable, Hashable, Comparable {
        /// The ISO 8601 weekday: 1 is Monday, 7 is Sunday (not Foundation's 1 = Sunday).
        public var weekday: Int
        /// The hour of the day, 0–23.
        public var hour: Int

        public init(weekday: Int, hour: Int) {
            self.weekday = weekday
            self.hour = hour
        }

        /// The local weekday and hour of an instant in a time zone.
        public init(_ date: Date, in timeZone: TimeZone) {
            let local = ZonedDateTime(date, in: timeZone)
            self.init(weekday: local.weekday, hour: local.hour)
        }

        public static func < (lhs: WeekdayHour, rhs: WeekdayHour) -> Bool {
            (lhs.weekday, lhs.hour) < (rhs.weekday, rhs.hour)
        }
    }

    /// A pupil the findings concern, as the roster names them.
    public struct PupilSummary: Codable, Sendable, Equatable {
        /// "Oliver Bennett": the roster's legal name.
        public var name: String
        /// "Year 6", "former pupil (left 2023-07-21)".
        public var detail: String?

        public init(name: String, detail: String? = nil) {
            self.name = name
            self.detail = detail
        }
    }

    /// The staff member whose archives were audited.
    public var staffName: String
    public var staffRole: String?
    public var period: Period
    /// When the folder was generated (injected, so output is reproducible).
    public var generatedAt: Date
    public var toolVersion: String
    /// The school's time zone: every local time is shown in it, with its offset.
    public var timeZone: TimeZone
    public var archives: [ImportedArchive]
    /// Every finding, with its current review status.
    public var findings: [Finding]
    /// The incidents grouping ``findings``; every finding must belong to one.
    public var incidents: [Incident]
    /// Every item a finding cites (its item and supporting items) and every context item.
    public var items: [ItemID: TimelineItem]
    /// Items shown around each finding (neighbouring messages of the thread, the day's posts).
    public var context: [FindingID: [ItemID]]
    public var policyClauses: [RuleID: PolicyClause]
    /// What each rule checks, in a sentence.
    public var ruleDescriptions: [RuleID: String]
    /// SHA-256 digests of the other inputs ("school.yaml", "roster"), by name.
    public var inputHashes: [String: String]
    /// What a reader must know about the inputs, shown under them on the index (for example
    /// that the roster had no id column and the pupils' ids were derived).
    public var inputNotes: [String] = []
    /// The times of the owner's own items, for the weekday × hour chart.
    public var ownActivity: [Date]
    /// The weekday-hours that are normally working time, shaded in the chart.
    public var workingHoursShading: Set<WeekdayHour>
    /// Every review decision, oldest first, by finding.
    public var reviews: [FindingID: [ReviewDecision]]
    /// The place of each message of ``items`` in its whole thread, for numbered transcripts.
    public var threadPositions: [ItemID: ThreadPosition]
    /// The attached media files of cited items, copied from their archives (or why not).
    public var media: [MediaKey: MediaEvidence]
    /// How each archive could be opened when the evidence was written, by SHA-256; an archive
    /// not listed was not looked for.
    public var archiveAccess: [String: ArchiveAccess]
    /// For a targeted audit, how many items of each section fell inside the period.
    ///
    /// By archive SHA-256, then section name; empty when the whole archive was audited.
    public var itemsInPeriod: [String: [String: Int]]
    /// The further places a cited item occurs besides its own source: the same event in another
    /// archive (a JSON and an HTML copy, overlapping downloads), kept once in the case.
    public var furtherSources: [ItemID: [SourceReference]] = [:]
    /// Per archive SHA-256, whose account it is and how that was decided.
    public var owners: [String: ArchiveOwner] = [:]
    /// Per archive SHA-256, what its download cannot contain.
    public var blindSpots: [String: [BlindSpot]] = [:]
    /// The pupils findings name as counterparties, by roster id.
    public var pupils: [String: PupilSummary] = [:]
    /// The school's local designated officer and wording of next steps.
    public var nextSteps: NextStepsSettings = NextStepsSettings()
    /// The outcomes recorded for each incident, oldest first, by incident id.
    public var outcomes: [String: [IncidentOutcome]] = [:]

    public init(
        staffName: String, staffRole: String? = nil, period: Period = Period(),
        generatedAt: Date, toolVersion: String, timeZone: TimeZone,
        archives: [ImportedArchive], findings: [Finding], incidents: [Incident],
        items: [ItemID: TimelineItem], context: [FindingID: [ItemID]] = [:],
        policyClauses: [RuleID: PolicyClause] = [:], ruleDescriptions: [RuleID: String] = [:],
        inputHashes: [String: String] = [:], ownActivity: [Date] = [],
        workingHoursShading: Set<WeekdayHour> = [], reviews: [FindingID: [ReviewDecision]] = [:],
        threadPositions: [ItemID: ThreadPosition] = [:], media: [MediaKey: MediaEvidence] = [:],
        archiveAccess: [String: ArchiveAccess] = [:], itemsInPeriod: [String: [String: Int]] = [:]
    ) {
        self.staffName = staffName
        self.staffRole = staffRole
        self.period = period
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        self.timeZone = timeZone
        self.archives = archives
        self.findings = findings
        self.incidents = incidents
        self.items = items
        self.context = context
        self.policyClauses = policyClauses
        self.ruleDescriptions = ruleDescriptions
        self.inputHashes = inputHashes
        self.ownActivity = ownActivity
        self.workingHoursShading = workingHoursShading
        self.reviews = reviews
        self.threadPositions = threadPositions
        self.media = media
        self.archiveAccess = archiveAccess
        self.itemsInPeriod = itemsInPeriod
    }

    /// Adds the media copies and archive accessibility an ``EvidenceMediaCollector`` found.
    public mutating func attach(_ collected: EvidenceMediaCollector.Result) {
        media.merge(collected.media) { _, new in new }
        archiveAccess.merge(collected.archiveAccess) { _, new in new }
    }

    /// Adds recorded outcomes to the incidents they concern (by rule and key, whatever the
    /// incidents' numbers now); outcomes of incidents this bundle lacks are left out.
    public mutating func attachOutcomes(_ recorded: [IncidentOutcome]) {
        for incident in incidents {
            let mine = recorded.filter { $0.concerns(incident) }
            if !mine.isEmpty { outcomes[incident.id] = mine }
        }
    }

    /// The outcomes recorded for an incident, oldest first.
    func outcomes(of incident: Incident) -> [IncidentOutcome] { outcomes[incident.id] ?? [] }

    /// The items findings cite (their own and supporting items), in no particular order.
    public var citedItems: [TimelineItem] {
        let ids = Set(findings.flatMap { [$0.item] + $0.supportingItems })
        return ids.compactMap { items[$0] }
    }
}
