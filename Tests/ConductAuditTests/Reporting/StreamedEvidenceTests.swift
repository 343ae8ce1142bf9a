import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The evidence assembled in one pass over a timeline read in batches shows, around each
/// finding, what indexing the whole timeline shows.
@Suite struct StreamedEvidenceTests {
    /// The context of each finding as read from the whole timeline: up to three messages either
    /// side in its thread, or five of the owner's items either side on its day.
    static func reference(_ timeline: Timeline, findings: [Finding], zone: TimeZone)
        -> (context: [FindingID: [ItemID]], positions: [ItemID: ThreadPosition])
    {
        let all = timeline.items
        func thread(_ item: TimelineItem) -> String {
            "\(item.platform.rawValue)|\(item.conversation ?? "")"
        }
        func day(_ item: TimelineItem) -> LocalDay? {
            item.occurredAt.map { LocalDay.containing($0, in: zone) }
        }
        var context: [FindingID: [ItemID]] = [:]
        var positions: [ItemID: ThreadPosition] = [:]
        for finding in findings {
            guard let item = all.first(where: { $0.id == finding.item }) else { continue }
            var neighbours: [TimelineItem] = []
            if item.conversation != nil {
                let messages = all.filter { $0.conversation != nil && thread($0) == thread(item) }
                let index = messages.firstIndex { $0.id == item.id } ?? 0
                let range = max(0, index - 3)...min(messages.count - 1, index + 3)
                neighbours = Array(messages[range])
                for place in range {
                    positions[messages[place].id] = ThreadPosition(
                        line: place + 1, lineCount: messages.count)
                }
            } else if item.isAuthoredByOwner, item.occurredAt != nil {
                let own = all.filter {
                    $0.isAuthoredByOwner && $0.occurredAt != nil && day($0) == day(item)
                }
                let index = own.firstIndex { $0.id == item.id } ?? 0
                neighbours = Array(own[max(0, index - 5)...min(own.count - 1, index + 5)])
            }
            context[finding.id] = neighbours.count > 1 ? neighbours.map(\.id) : []
        }
        return (context, positions)
    }

    static func assemble(
        _ source: some TimelineSource<Never>, findings: [Finding],
        configuration: AuditConfiguration
    ) -> EvidenceBundle {
        EvidenceBundle.assemble(
            source: source, findings: findings, incidents: [], archives: [], reviews: [:],
            configuration: configuration, ruleDescriptions: [:], inputHashes: [:],
            generatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test(
        "batches of any size give each finding the context the whole timeline gives",
        arguments: [1, 7, 100_000])
    func contextInBatches(batchSize: Int) throws {
        // Given every sample in one timeline and its findings
        let (timeline, configuration) = try StreamedAnalysisTests.samples()
        let findings = Analyzer().analyze(timeline, configuration: configuration).findings

        // When the evidence is assembled from the timeline read in batches
        let bundle = Self.assemble(
            TimelineBatches(timeline, batchSize: batchSize), findings: findings,
            configuration: configuration)

        // Then each finding has the context the whole timeline shows, and every cited item
        let expected = Self.reference(
            timeline, findings: findings, zone: configuration.timeZone)
        #expect(bundle.context == expected.context)
        #expect(bundle.threadPositions == expected.positions)
        #expect(bundle.context.values.contains { !$0.isEmpty })
        let cited = Set(
            findings.flatMap { [$0.item] + $0.supportingItems } + expected.context.values.joined())
        let byID = Dictionary(timeline.items.map { ($0.id, $0) }) { first, _ in first }
        #expect(bundle.items == byID.filter { cited.contains($0.key) })
        #expect(
            bundle.ownActivity
                == timeline.items.filter(\.isAuthoredByOwner).compactMap(\.occurredAt))
    }

    @Test("a targeted audit's coverage counts are the same in batches")
    func periodCountsInBatches() throws {
        // Given the samples, a period and a case's archives
        let (results, timeline, whole) = try StreamedAnalysisTests.imported()
        var configuration = whole
        let days = timeline.items.compactMap(\.occurredAt).map {
            LocalDay.containing($0, in: whole.timeZone)
        }
        configuration.from = days[days.count / 2]
        let findings = Analyzer().analyze(timeline, configuration: configuration).findings
        let archives = results.map(\.archive)

        // When assembled whole and in batches of 7
        func bundle(_ source: some TimelineSource<Never>) -> EvidenceBundle {
            EvidenceBundle.assemble(
                source: source, findings: findings, incidents: [], archives: archives,
                reviews: [:], configuration: configuration, ruleDescriptions: [:],
                inputHashes: [:], generatedAt: Date(timeIntervalSince1970: 0))
        }
        let inMemory = bundle(timeline)
        let batched = bundle(TimelineBatches(timeline, batchSize: 7))

        // Then the counts and the chart agree
        #expect(batched.itemsInPeriod == inMemory.itemsInPeriod)
        #expect(!batched.itemsInPeriod.isEmpty)
        #expect(batched.ownActivity == inMemory.ownActivity)
        #expect(batched.context == inMemory.context)
    }
}
