import AuditAnalysis
import AuditModel
import AuditSchool
import AuditStore
import Foundation

extension EvidenceBundle {
    /// Gathers what an evidence folder shows from an analysed case.
    ///
    /// - Parameters:
    ///   - timeline: the case's merged timeline (every item a finding cites must be in it).
    ///   - findings: the findings with their current review status.
    ///   - incidents: the incidents grouping `findings`.
    ///   - archives: the archives audited.
    ///   - reviews: every review decision, by finding.
    ///   - configuration: the audit's configuration (staff, school, period).
    ///   - ruleDescriptions: what each rule checks.
    ///   - inputHashes: SHA-256 of school.yaml and the roster.
    ///   - generatedAt: the time to record as the generation time.
    /// - Returns: the bundle, without media (see ``attach(_:)``).
    public static func assemble(
        timeline: Timeline, findings: [Finding], incidents: [Incident], archives: [ImportedArchive],
        reviews: [FindingID: [ReviewDecision]], configuration: AuditConfiguration,
        ruleDescriptions: [RuleID: String], inputHashes: [String: String], generatedAt: Date
    ) -> EvidenceBundle {
        assemble(
            source: timeline, findings: findings, incidents: incidents, archives: archives,
            reviews: reviews, configuration: configuration, ruleDescriptions: ruleDescriptions,
            inputHashes: inputHashes, generatedAt: generatedAt)
    }

    /// Gathers what an evidence folder shows from an analysed case whose timeline is read in
    /// one pass, a batch at a time (``EvidenceContextPass``): only the items the evidence cites
    /// are kept.
    ///
    /// - Parameters:
    ///   - source: the case's merged timeline (every item a finding cites must be in it).
    ///   - findings: the findings with their current review status.
    ///   - incidents: the incidents grouping `findings`.
    ///   - archives: the archives audited.
    ///   - reviews: every review decision, by finding.
    ///   - configuration: the audit's configuration (staff, school, period).
    ///   - ruleDescriptions: what each rule checks.
    ///   - inputHashes: SHA-256 of school.yaml and the roster.
    ///   - generatedAt: the time to record as the generation time.
    /// - Returns: the bundle, without media (see ``attach(_:)``).
    /// - Throws: what reading `source` throws.
    public static func assemble<Source: TimelineSource>(
        source: Source, findings: [Finding], incidents: [Incident], archives: [ImportedArchive],
        reviews: [FindingID: [ReviewDecision]], configuration: AuditConfiguration,
        ruleDescriptions: [RuleID: String], inputHashes: [String: String], generatedAt: Date
    ) throws(Source.Failure) -> EvidenceBundle {
        let zone = configuration.timeZone
        var pass = EvidenceContextPass(findings: findings, configuration: configuration)
        try source.forEachBatch { batch in
            for item in batch { pass.add(item) }
        }
        let (context, threadPositions) = pass.context()

        var itemsInPeriod: [String: [String: Int]] = [:]
        if configuration.from != nil || configuration.to != nil {
            for archive in archives {
                for section in archive.coverage {
                    itemsInPeriod[archive.sha256, default: [:]][section.section] = section.files
                        .reduce(0) { $0 + (pass.countByFile["\(archive.sha256)\u{1F}\($1)"] ?? 0) }
                }
            }
        }

        let timetable = StaffTimetable(
            staff: configuration.staff, configuration: configuration.school)
        var clauses: [RuleID: PolicyClause] = [:]
        for (rule, clause) in configuration.school.policy {
            clauses[RuleID(rawValue: rule)] = PolicyClause(
                section: clause.section, text: clause.text)
        }
        var bundle = EvidenceBundle(
            staffName: configuration.staff.name, staffRole: configuration.staff.role,
            period: Period(
                from: configuration.from?.description, to: configuration.to?.description),
            generatedAt: generatedAt, toolVersion: ToolVersion.current, timeZone: zone,
            archives: archives, findings: findings, incidents: incidents, items: pass.items,
            context: context, policyClauses: clauses, ruleDescriptions: ruleDescriptions,
            inputHashes: inputHashes,
            ownActivity: pass.ownActivity,
            workingHoursShading: workingHours(of: timetable.pattern), reviews: reviews,
            threadPositions: threadPositions, itemsInPeriod: itemsInPeriod)
        bundle.nextSteps = configuration.school.nextSteps
        for id in Set(findings.compactMap { $0.counterparty?.rosterID }) {
            guard let pupil = configuration.roster.pupil(withID: id) else { continue }
            bundle.pupils[id] = PupilSummary(pupil)
        }
        if configuration.roster.idsAreDerived {
            bundle.inputNotes.append(
                "The roster has no id column (UPN, admission number or pupil id): each pupil's "
                    + "id here was derived by this tool from the legal name and date of birth "
                    + "(\"R-\" and 12 hex digits of their SHA-256). It is stable across runs "
                    + "but is not an id the school's MIS knows.")
        }
        return bundle
    }

    /// The weekday-hours at least partly inside the working day and outside lunch.
    static func workingHours(of pattern: WorkingPattern) -> Set<WeekdayHour> {
        var cells: Set<WeekdayHour> = []
        for day in pattern.days {
            let weekday = (Weekday.allCases.firstIndex(of: day) ?? 0) + 1
            for hour in 0..<24 {
                let start = hour * 60
                let end = start + 60
                let working = pattern.workingPeriods.contains { period in
                    period.start.minutesSinceMidnight < end
                        && period.end.minutesSinceMidnight > start
                }
                if working { cells.insert(WeekdayHour(weekday: weekday, hour: hour)) }
            }
        }
        return cells
    }
}

extension EvidenceBundle.PupilSummary {
    /// The roster's legal name and year group, or that the pupil has left.
    init(_ pupil: Pupil) {
        let forename = pupil.legalForename
        let surname = pupil.legalSurname
        var detail: String?
        if let left = pupil.leavingDate {
            detail = "former pupil (left \(left))"
        } else if let year = pupil.yearGroup?.trimmingCharacters(in: .whitespaces), !year.isEmpty {
            detail = year.allSatisfy(\.isNumber) || year.uppercased() == "R" ? "Year \(year)" : year
        }
        self.init(name: "\(forename) \(surname)", detail: detail)
    }
}
