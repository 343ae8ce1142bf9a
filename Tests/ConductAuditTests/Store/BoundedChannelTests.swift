import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// ``BoundedChannel`` (as ``ItemBatchChannel``): batches arrive in order, no more than its capacity ever wait, and a
/// writer's failure stops the reader.
@Suite struct BoundedChannelTests {
    static func batch(_ number: Int) -> [TimelineItem] {
        [CaseDatabaseStoreTests.item("batch \(number)", at: Int64(number) * 1000)]
    }

    @Test("batches arrive in order and never more than the capacity wait")
    func orderAndBound() throws {
        let channel = ItemBatchChannel(capacity: 3)
        let reading = BackgroundWork { () throws -> Int in
            defer { channel.finish() }
            for number in 0..<200 { try channel.put(Self.batch(number), archiveSHA256: "a") }
            return 200
        }
        var received: [String] = []
        while let batch = channel.take() {
            received += batch.items.compactMap(\.text)
        }
        #expect(try reading.result() == 200)
        #expect(received == (0..<200).map { "batch \($0)" })
        // Counted by the channel under its lock as each batch is queued: a count taken from
        // this thread after `take` would race with the reader's next `put`.
        #expect(channel.peakWaitingCount <= 3)
        #expect(channel.peakWaitingCount >= 1)
        #expect(channel.waitingCount == 0)
    }

    @Test("a writer's failure reaches the reader at its next batch")
    func failureStopsReader() throws {
        struct Full: Error {}
        let channel = ItemBatchChannel(capacity: 2)
        let reading = BackgroundWork { () throws -> Int in
            defer { channel.finish() }
            var sent = 0
            for number in 0..<1_000 {
                try channel.put(Self.batch(number), archiveSHA256: "a")
                sent += 1
            }
            return sent
        }
        _ = channel.take()
        channel.fail(Full())
        #expect(throws: Full.self) { try reading.result() }
        #expect(channel.waitingCount == 0)
    }
}
