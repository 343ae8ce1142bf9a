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
        let zone = configuration.timeZone
        let byID = Dictionary(
            timeline.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var context: [FindingID: [ItemID]] = [:]
        var cited: Set<ItemID> = []
        let conversations = Dictionary(grouping: timeline.items.filter { $0.conversation != nil }) {
            Self.threadKey(of: $0)
        }
        let ownByDay = Dictionary(
            grouping: timeline.items.filter { $0.isAuthoredByOwner && $0.occurredAt != nil }
        ) {
            LocalDay.containing($0.occurredAt ?? .distantPast, in: zone)
        }
        var threadPositions: [ItemID: ThreadPosition] = [:]
        for finding in findings {
            cited.insert(finding.item)
            cited.formUnion(finding.supportingItems)
            guard let item = byID[finding.item] else { continue }
            let neighbours: [TimelineItem]
            if item.conversation != nil, let thread = conversations[Self.threadKey(of: item)] {
                let ordered = thread.sorted(by: Timeline.isOrderedBefore)
                neighbours = Self.surrounding(item, in: ordered, radius: 3)
                for (index, message) in ordered.enumerated()
                where neighbours.contains(where: { $0.id == message.id }) {
                    threadPositions[message.id] = ThreadPosition(
                        line: index + 1, lineCount: ordered.count)
                }
            } else if let instant = item.occurredAt {
                let day = ownByDay[LocalDay.containing(instant, in: zone)] ?? []
                neighbours = Self.surrounding(item, in: day, radius: 5)
            } else {
                neighbours = []
            }
            // The flagged item stays in its context, marked, so a reader sees where it sits.
            let ids = neighbours.count > 1 ? neighbours.map(\.id) : []
            context[finding.id] = ids
            cited.formUnion(ids)
        }
        var items: [ItemID: TimelineItem] = [:]
        for id in cited { items[id] = byID[id] }

        var itemsInPeriod: [String: [String: Int]] = [:]
        if configuration.from != nil || configuration.to != nil {
            let inPeriod = timeline.items.filter(configuration.isInPeriod)
            let byFile = Dictionary(grouping: inPeriod) {
                "\($0.source.archiveSHA256)\u{1F}\($0.source.file)"
            }
            for archive in archives {
                for section in archive.coverage {
                    itemsInPeriod[archive.sha256, default: [:]][section.section] = section.files
                        .reduce(0) { $0 + (byFile["\(archive.sha256)\u{1F}\($1)"]?.count ?? 0) }
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
        return EvidenceBundle(
            staffName: configuration.staff.name, staffRole: configuration.staff.role,
            period: Period(
                from: configuration.from?.description, to: configuration.to?.description),
            generatedAt: generatedAt, toolVersion: ToolVersion.current, timeZone: zone,
            archives: archives, findings: findings, incidents: incidents, items: items,
            context: context, policyClauses: clauses, ruleDescriptions: ruleDescriptions,
            inputHashes: inputHashes,
            ownActivity: timeline.items.filter {
                $0.isAuthoredByOwner && configuration.isInPeriod($0)
            }
            .compactMap(\.occurredAt),
            workingHoursShading: workingHours(of: timetable.pattern), reviews: reviews,
            threadPositions: threadPositions, itemsInPeriod: itemsInPeriod)
    }

    /// The key that groups an item with the other messages of its thread.
    private static func threadKey(of item: TimelineItem) -> String {
        "\(item.platform.rawValue)\u{1F}\(item.conversation ?? "")"
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

    /// Up to `radius` items before and after `item` in time-ordered `items`, and the item itself.
    static func surrounding(_ item: TimelineItem, in items: [TimelineItem], radius: Int)
        -> [TimelineItem]
    {
        let ordered = items.sorted(by: Timeline.isOrderedBefore)
        guard let index = ordered.firstIndex(where: { $0.id == item.id }) else { return [item] }
        return Array(ordered[max(0, index - radius)...min(ordered.count - 1, index + radius)])
    }
}
