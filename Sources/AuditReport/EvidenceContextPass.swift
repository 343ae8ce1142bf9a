import AuditAnalysis
import AuditModel
import Foundation

/// What the evidence shows around each finding, gathered in one pass over a timeline in
/// timeline order: the messages either side of a flagged message in its thread, the staff
/// member's own items either side of a flagged item on its day, and the chart's and coverage
/// counts.
///
/// Only a few recent items per thread and of the current day are held, with the items the
/// evidence cites, so the pass needs memory for the findings' context, not for the timeline.
struct EvidenceContextPass {
    /// How many messages either side of a flagged message its context shows.
    static let threadRadius = 3
    /// How many of the owner's items either side of a flagged item on its day its context shows.
    static let dayRadius = 5

    private let configuration: AuditConfiguration
    private let countsItemsInPeriod: Bool
    /// The findings citing each item as theirs.
    private let findingsByItem: [ItemID: [FindingID]]
    /// The items findings cite as their own or as supporting evidence.
    private let wanted: Set<ItemID>
    /// The flagged items already placed (an item's first occurrence is the one that counts).
    private var placed: Set<ItemID> = []
    private var threads: [String: ItemRun] = [:]
    /// The owner's timed items of the current day (days come one after another in time order).
    private var day: (day: LocalDay, items: ItemRun)?
    private var windows: [Window] = []

    /// Every item cited: flagged, supporting or shown as context, by id.
    private(set) var items: [ItemID: TimelineItem] = [:]
    /// Per "archive SHA-256 \u{1F} file", how many items in the audited period it holds (only
    /// counted for a targeted audit).
    private(set) var countByFile: [String: Int] = [:]
    /// The times of the owner's own items in the audited period, in timeline order.
    private(set) var ownActivity: [Date] = []

    /// Items of one thread, or of the owner on one day, as they pass.
    private struct ItemRun {
        /// How many have passed.
        var count = 0
        /// The latest few, each with its position in the sequence.
        var recent: [(item: TimelineItem, index: Int)] = []
        /// The windows still waiting for items after their flagged item.
        var open: [Int] = []
    }

    /// The context of the findings citing one item: ids and positions, in order.
    private struct Window {
        var findings: [FindingID]
        var entries: [(id: ItemID, index: Int)]
        var remaining: Int
        /// The thread, for a message's context.
        var thread: String?
    }

    /// A pass for `findings` of an audit with `configuration`.
    init(findings: [Finding], configuration: AuditConfiguration) {
        self.configuration = configuration
        countsItemsInPeriod = configuration.from != nil || configuration.to != nil
        var byItem: [ItemID: [FindingID]] = [:]
        var wanted: Set<ItemID> = []
        for finding in findings {
            byItem[finding.item, default: []].append(finding.id)
            wanted.insert(finding.item)
            wanted.formUnion(finding.supportingItems)
        }
        findingsByItem = byItem
        self.wanted = wanted
    }

    /// Takes the next item in timeline order.
    mutating func add(_ item: TimelineItem) {
        let isInPeriod = configuration.isInPeriod(item)
        if countsItemsInPeriod, isInPeriod {
            countByFile["\(item.source.archiveSHA256)\u{1F}\(item.source.file)", default: 0] += 1
        }
        if item.isAuthoredByOwner, isInPeriod, let instant = item.occurredAt {
            ownActivity.append(instant)
        }
        if wanted.contains(item.id) { keep(item) }
        let flagged = findingsByItem[item.id].flatMap { placed.insert(item.id).inserted ? $0 : nil }
        if item.conversation != nil {
            let key = Self.threadKey(of: item)
            var thread = threads[key] ?? ItemRun()
            pass(item, through: &thread, flagged: flagged, radius: Self.threadRadius, thread: key)
            threads[key] = thread
        } else if let flagged, !item.isAuthoredByOwner || item.occurredAt == nil {
            // Outside a thread, only the owner's own timed items have a day's context.
            windows.append(Window(findings: flagged, entries: [], remaining: 0))
        }
        if item.isAuthoredByOwner, let instant = item.occurredAt {
            let today = LocalDay.containing(instant, in: configuration.timeZone)
            var sequence = day?.day == today ? day?.items ?? ItemRun() : ItemRun()
            pass(
                item, through: &sequence, flagged: item.conversation == nil ? flagged : nil,
                radius: Self.dayRadius, thread: nil)
            day = (today, sequence)
        }
    }

    /// Adds `item` to the windows open in `sequence`, opens one for it when flagged, and keeps
    /// it among the sequence's recent items.
    private mutating func pass(
        _ item: TimelineItem, through sequence: inout ItemRun, flagged: [FindingID]?,
        radius: Int, thread: String?
    ) {
        let index = sequence.count
        sequence.count += 1
        let isShown = !sequence.open.isEmpty || flagged != nil
        sequence.open.removeAll { number in
            windows[number].entries.append((item.id, index))
            windows[number].remaining -= 1
            return windows[number].remaining == 0
        }
        if isShown { keep(item) }
        if let flagged {
            for earlier in sequence.recent { keep(earlier.item) }
            windows.append(
                Window(
                    findings: flagged,
                    entries: sequence.recent.map { ($0.item.id, $0.index) } + [(item.id, index)],
                    remaining: radius, thread: thread))
            sequence.open.append(windows.count - 1)
        }
        sequence.recent.append((item, index))
        if sequence.recent.count > radius { sequence.recent.removeFirst() }
    }

    /// Keeps `item` among those cited, unless an item with its id is kept already.
    private mutating func keep(_ item: TimelineItem) {
        if items[item.id] == nil { items[item.id] = item }
    }

    /// The context of each finding whose item was seen (the flagged item among its neighbours,
    /// or none when it has no neighbour), and the position in its thread of every message shown.
    func context() -> (context: [FindingID: [ItemID]], threadPositions: [ItemID: ThreadPosition]) {
        var context: [FindingID: [ItemID]] = [:]
        var positions: [ItemID: ThreadPosition] = [:]
        for window in windows {
            // The flagged item stays in its context, marked, so a reader sees where it sits.
            let ids = window.entries.count > 1 ? window.entries.map(\.id) : []
            for finding in window.findings { context[finding] = ids }
            if let thread = window.thread, let count = threads[thread]?.count {
                for entry in window.entries {
                    positions[entry.id] = ThreadPosition(line: entry.index + 1, lineCount: count)
                }
            }
        }
        return (context, positions)
    }

    /// The key that groups an item with the other messages of its thread.
    private static func threadKey(of item: TimelineItem) -> String {
        "\(item.platform.rawValue)\u{1F}\(item.conversation ?? "")"
    }
}
