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
        // Items are referred to by their place in the timeline: a case holds hundreds of
        // thousands, and copying them into lookup tables would double the memory the report needs.
        let all = timeline.items
        let placeByID = Dictionary(
            all.indices.map { (all[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        var context: [FindingID: [ItemID]] = [:]
        var cited: Set<ItemID> = []
        // Each thread and each day sorted once, with every item's place in it: a case holds
        // threads of tens of thousands of messages and findings by the thousand.
        let conversations = Dictionary(grouping: all.indices.filter { all[$0].conversation != nil }) {
            Self.threadKey(of: all[$0])
        }.mapValues { OrderedItems($0, of: all) }
        let ownByDay = Dictionary(
            grouping: all.indices.filter { all[$0].isAuthoredByOwner && all[$0].occurredAt != nil }
        ) {
            LocalDay.containing(all[$0].occurredAt ?? .distantPast, in: zone)
        }.mapValues { OrderedItems($0, of: all) }
        var threadPositions: [ItemID: ThreadPosition] = [:]
        for finding in findings {
            cited.insert(finding.item)
            cited.formUnion(finding.supportingItems)
            guard let place = placeByID[finding.item] else { continue }
            let item = all[place]
            let neighbours: [Int]
            if item.conversation != nil, let thread = conversations[Self.threadKey(of: item)] {
                let range = thread.range(around: place, radius: 3)
                neighbours = range.map { Array(thread.places[$0]) } ?? [place]
                for index in range.map(Array.init) ?? [] {
                    threadPositions[all[thread.places[index]].id] = ThreadPosition(
                        line: index + 1, lineCount: thread.places.count)
                }
            } else if let instant = item.occurredAt {
                let day = ownByDay[LocalDay.containing(instant, in: zone)]
                neighbours = day.flatMap { day in
                    day.range(around: place, radius: 5).map { Array(day.places[$0]) }
                } ?? [place]
            } else {
                neighbours = []
            }
            // The flagged item stays in its context, marked, so a reader sees where it sits.
            let ids = neighbours.count > 1 ? neighbours.map { all[$0].id } : []
            context[finding.id] = ids
            cited.formUnion(ids)
        }
        var items: [ItemID: TimelineItem] = [:]
        for id in cited { items[id] = placeByID[id].map { all[$0] } }

        var itemsInPeriod: [String: [String: Int]] = [:]
        if configuration.from != nil || configuration.to != nil {
            var countByFile: [String: Int] = [:]
            for item in all where configuration.isInPeriod(item) {
                countByFile["\(item.source.archiveSHA256)\u{1F}\(item.source.file)", default: 0] += 1
            }
            for archive in archives {
                for section in archive.coverage {
                    itemsInPeriod[archive.sha256, default: [:]][section.section] = section.files
                        .reduce(0) { $0 + (countByFile["\(archive.sha256)\u{1F}\($1)"] ?? 0) }
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
            ownActivity: all.lazy.filter {
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

/// Some items of a timeline, by their places in it, in timeline order, with each one's position
/// among them, for finding an item's neighbours without sorting again.
private struct OrderedItems {
    /// The items' places in the timeline, in timeline order.
    let places: [Int]
    private let positions: [Int: Int]

    init(_ places: [Int], of items: [TimelineItem]) {
        self.places = places.sorted { Timeline.isOrderedBefore(items[$0], items[$1]) }
        positions = Dictionary(self.places.enumerated().map { ($1, $0) }) { first, _ in first }
    }

    /// The positions of up to `radius` items either side of the item at timeline place
    /// `place`, or nil when it is not here.
    func range(around place: Int, radius: Int) -> ClosedRange<Int>? {
        guard let index = positions[place] else { return nil }
        return max(0, index - radius)...min(places.count - 1, index + radius)
    }
}
