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
    public static func assemble(
        timeline: Timeline, findings: [Finding], incidents: [Incident], archives: [ImportedArchive],
        reviews: [FindingID: [ReviewDecision]], configuration: AuditConfiguration,
        ruleDescriptions: [RuleID: String], inputHashes: [String: String], generatedAt: Date
    ) -> EvidenceBundle {
        let zone = configuration.timeZone
        let byID = Dictionary(timeline.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var context: [FindingID: [ItemID]] = [:]
        var cited: Set<ItemID> = []
        let conversations = Dictionary(grouping: timeline.items.filter { $0.conversation != nil }) {
            "\($0.platform.rawValue)\u{1F}\($0.conversation ?? "")"
        }
        let ownByDay = Dictionary(grouping: timeline.items.filter { $0.isAuthoredByOwner && $0.occurredAt != nil }) {
            LocalDay.containing($0.occurredAt ?? .distantPast, in: zone)
        }
        for finding in findings {
            cited.insert(finding.item)
            cited.formUnion(finding.supportingItems)
            guard let item = byID[finding.item] else { continue }
            let neighbours: [TimelineItem]
            if let conversation = item.conversation,
                let thread = conversations["\(item.platform.rawValue)\u{1F}\(conversation)"]
            {
                neighbours = Self.surrounding(item, in: thread, radius: 3)
            } else if let instant = item.occurredAt {
                let day = ownByDay[LocalDay.containing(instant, in: zone)] ?? []
                neighbours = Self.surrounding(item, in: day, radius: 5)
            } else {
                neighbours = []
            }
            let ids = neighbours.map(\.id).filter { $0 != item.id }
            context[finding.id] = ids
            cited.formUnion(ids)
        }
        var items: [ItemID: TimelineItem] = [:]
        for id in cited { items[id] = byID[id] }

        let timetable = StaffTimetable(staff: configuration.staff, configuration: configuration.school)
        var clauses: [RuleID: PolicyClause] = [:]
        for (rule, clause) in configuration.school.policy {
            clauses[RuleID(rawValue: rule)] = PolicyClause(section: clause.section, text: clause.text)
        }
        return EvidenceBundle(
            staffName: configuration.staff.name, staffRole: configuration.staff.role,
            period: Period(from: configuration.from?.description, to: configuration.to?.description),
            generatedAt: generatedAt, toolVersion: ToolVersion.current, timeZone: zone,
            archives: archives, findings: findings, incidents: incidents, items: items,
            context: context, policyClauses: clauses, ruleDescriptions: ruleDescriptions,
            inputHashes: inputHashes,
            ownActivity: timeline.items.filter { $0.isAuthoredByOwner && configuration.isInPeriod($0) }
                .compactMap(\.occurredAt),
            workingHoursShading: workingHours(of: timetable.pattern), reviews: reviews)
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
                    period.start.minutesSinceMidnight < end && period.end.minutesSinceMidnight > start
                }
                if working { cells.insert(WeekdayHour(weekday: weekday, hour: hour)) }
            }
        }
        return cells
    }

    /// Up to `radius` items before and after `item` in time-ordered `items`, and the item itself.
    static func surrounding(_ item: TimelineItem, in items: [TimelineItem], radius: Int) -> [TimelineItem] {
        let ordered = items.sorted(by: Timeline.isOrderedBefore)
        guard let index = ordered.firstIndex(where: { $0.id == item.id }) else { return [item] }
        return Array(ordered[max(0, index - radius)...min(ordered.count - 1, index + radius)])
    }
}
