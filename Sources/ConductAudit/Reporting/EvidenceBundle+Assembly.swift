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
        // Each thread and each day sorted once, with every item's place in it: a case holds
        // threads of tens of thousands of messages and findings by the thousand.
        let conversations = Dictionary(grouping: timeline.items.filter { $0.conversation != nil }) {
            Self.threadKey(of: $0)
        }.mapValues(OrderedItems.init)
        let ownByDay = Dictionary(
            grouping: timeline.items.filter { $0.isAuthoredByOwner && $0.occurredAt != nil }
        ) {
            LocalDay.containing($0.occurredAt ?? .distantPast, in: zone)
        }.mapValues(OrderedItems.init)
        var threadPositions: [ItemID: ThreadPosition] = [:]
        for finding in findings {
            cited.insert(finding.item)
            cited.formUnion(finding.supportingItems)
            guard let item = byID[finding.item] else { continue }
            let neighbours: [TimelineItem]
            if item.conversation != nil, let thread = conversations[Self.threadKey(of: item)] {
                let range = thread.range(around: item, radius: 3)
                neighbours = range.map { Array(thread.items[$0]) } ?? [item]
                for index in range.map(Array.init) ?? [] {
                    threadPositions[thread.items[index].id] = ThreadPosition(
                        line: index + 1, lineCount: thread.items.count)
                }
            } else if let instant = item.occurredAt {
                let day = ownByDay[LocalDay.containing(instant, in: zone)]
                neighbours = day.flatMap { day in
                    day.range(around: item, radius: 5).map { Array(day.items[$0]) }
                } ?? [item]
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
}

/// Items in timeline order with each one's first place, for finding an item's neighbours
/// without sorting again.
private struct OrderedItems {
    let items: [TimelineItem]
    private let places: [ItemID: Int]

    init(_ items: [TimelineItem]) {
        self.items = items.sorted(by: Timeline.isOrderedBefore)
        places = Dictionary(self.items.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    /// The places of up to `radius` items either side of `item`, or nil when it is not here.
    func range(around item: TimelineItem, radius: Int) -> ClosedRange<Int>? {
        guard let index = places[item.id] else { return nil }
        return max(0, index - radius)...min(items.count - 1, index + radius)
    }
}
