import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// A case read by cursor gives its timeline in timeline order, in batches, with texts and raw
/// fragments only of the kinds asked for.
@Suite struct CaseTimelineReaderTests {
    /// Every item `reader` gives, in order, and the size of each batch.
    static func read(_ reader: CaseTimelineReader) throws -> ([TimelineItem], [Int]) {
        var items: [TimelineItem] = []
        var sizes: [Int] = []
        try reader.forEachBatch { batch in
            items += batch
            sizes.append(batch.count)
        }
        return (items, sizes)
    }

    @Test("batches of 7 give the timeline's items in its order")
    func batchesInTimelineOrder() throws {
        // Given a case holding the sample export
        let (database, _) = try ReviewWorkflowTests.sampleCase()

        // When it is read in batches of 7
        let (items, sizes) = try Self.read(CaseTimelineReader(database, batchSize: 7))

        // Then the items are the timeline's, in order, in full batches but the last
        let timeline = try database.timeline()
        #expect(items == timeline.items)
        #expect(sizes.dropLast().allSatisfy { $0 == 7 })
        #expect((sizes.last ?? 0) <= 7)
    }

    @Test("texts and raw fragments are read only for the kinds asked for")
    func textsOfKinds() throws {
        // Given a case holding the sample export
        let (database, _) = try ReviewWorkflowTests.sampleCase()

        // When it is read with texts of profiles only and no raw fragment
        let (items, _) = try Self.read(
            CaseTimelineReader(database, rawFragmentsOf: [], textsOf: [.profile]))

        // Then only profiles have a text, nothing has a fragment, and the rest is as stored
        let full = try database.timeline().items
        #expect(items.map(\.id) == full.map(\.id))
        #expect(items.allSatisfy { $0.rawFragment.isEmpty })
        #expect(items.allSatisfy { $0.kind == .profile || $0.text == nil })
        #expect(full.contains { $0.kind != .profile && $0.text != nil })
        for (lean, whole) in zip(items, full) where lean.kind == .profile {
            #expect(lean.text == whole.text)
        }
    }
}
