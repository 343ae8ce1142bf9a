import Foundation
import GRDB
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Storing as an import reads (``CaseDatabase/storeStreaming(importedAt:_:)``) gives the case
/// the same items, sources, counts and search index as storing a collected archive; the
/// hand-written JSON columns are what the shared encoder writes.
@Suite struct StreamingStoreTests {
    static let facebookSample = CommandRunner.repositoryRoot
        .appendingPathComponent("Samples/facebook-rebeccahale-2025-03-14")

    static func importSample(sink: ItemSink?) throws -> ImportResult {
        let reader = try ArchiveReader(url: facebookSample)
        let context = ImportContext(
            archiveSHA256: try reader.sha256(), archivePath: reader.path,
            localTimeZone: try #require(TimeZone(identifier: "Europe/London")), sink: sink)
        return try FacebookJSONImporter().importArchive(reader, context: context)
    }

    @Test("a streamed import stores what a collected one stores, file by file")
    func streamedEqualsCollected() throws {
        let collected = try Self.importSample(sink: nil)
        let whole = try CaseDatabase.makeInMemory()
        let wholeOutcome = try whole.store(collected.archive, items: collected.items)

        let streamed = try CaseDatabase.makeInMemory()
        // The body runs on the reading thread: what it saw is checked after it has ended.
        nonisolated(unsafe) var batches = 0
        nonisolated(unsafe) var streamedResult: ImportResult?
        let outcomes = try streamed.storeStreaming { feed in
            let stored = feed.sink(for: collected.archive.sha256)
            let result = try Self.importSample(
                sink: ItemSink { items in
                    batches += 1
                    try stored.accept(items)
                })
            streamedResult = result
            return [result.archive]
        }
        #expect(batches > 6, "items arrive a file at a time")
        #expect(streamedResult?.items.isEmpty == true, "a sink takes the items")
        #expect(streamedResult?.archive == collected.archive)
        #expect(outcomes[collected.archive.sha256] == wholeOutcome)
        #expect(try streamed.timeline().items == whole.timeline().items)
        #expect(try streamed.archives() == whole.archives())
        // The indexes dropped for the first load are all back, as the migrations made them.
        let indexes = { (database: CaseDatabase) throws -> [String] in
            try database.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
                )
            }
        }
        let fresh = try indexes(CaseDatabase.makeInMemory())
        #expect(fresh.contains { $0.hasPrefix("item_on_occurred_at") })
        #expect(try indexes(streamed) == fresh)
        #expect(try indexes(whole) == fresh)
        let search = ItemSearch(query: "Ollie")
        let found = try streamed.items(matching: search).map(\.id)
        #expect(!found.isEmpty)
        #expect(found == (try whole.items(matching: search).map(\.id)))
    }

    @Test("nothing is stored when the import fails part way")
    func failureStoresNothing() throws {
        struct Interrupted: Error {}
        let database = try CaseDatabase.makeInMemory()
        #expect(throws: Interrupted.self) {
            _ = try database.storeStreaming { writer in
                let stored = writer.sink(for: String(repeating: "a", count: 64))
                _ = try Self.importSample(
                    sink: ItemSink { items in
                        try stored.accept(
                            items.map { item in
                                var item = item
                                item.source.archiveSHA256 = String(repeating: "a", count: 64)
                                return item
                            })
                        throw Interrupted()
                    })
                return []
            }
        }
        #expect(try database.timeline().items.isEmpty)
        #expect(try database.archives().isEmpty)
    }

    @Test("a store that fails stops the reading thread and stores nothing")
    func writerFailureStopsReading() throws {
        let database = try CaseDatabase.makeInMemory()
        nonisolated(unsafe) var batchesOffered = 0
        #expect(throws: StoreError.self) {
            _ = try database.storeStreaming { feed in
                // Items claiming another archive make the writer fail at the first batch.
                let stored = feed.sink(for: String(repeating: "f", count: 64))
                _ = try Self.importSample(
                    sink: ItemSink { items in
                        batchesOffered += 1
                        try stored.accept(items)
                    })
                return []
            }
        }
        // The reader learns of the failure within the channel's capacity (4 batches waiting, one
        // being written), not at the end of the archive (which has more batches: see above).
        #expect(batchesOffered <= 6)
        #expect(try database.timeline().items.isEmpty)
    }

    @Test(
        "hand-written JSON columns are byte for byte the encoder's",
        arguments: [
            "", "plain", "Zoë 👍", "quote \" and back\\slash", "a/b", "line\nbreak\ttab\r",
            String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}\u{2028}",
        ])
    func jsonColumns(text: String) throws {
        let people = [
            Person(name: text), Person(handle: text, accountID: "42"),
            Person(name: "N", handle: text, accountID: text), Person(),
        ]
        let attachments = [
            Attachment(kind: .photo, uri: text, caption: text), Attachment(kind: .link, uri: nil),
        ]
        let encoded = { (value: any Encodable) throws -> String in
            String(decoding: try StoredJSON.encoder.encode(value), as: UTF8.self)
        }
        #expect(StoredJSON.text(people) == (try encoded(people)))
        #expect(StoredJSON.text(people[2]) == (try encoded(people[2])))
        #expect(StoredJSON.text(attachments) == (try encoded(attachments)))
        #expect(StoredJSON.text([Person]()) == "[]")
    }
}

extension StreamingStoreTests {
    /// An export read by `importer` with and without a sink: the batches the sink receives,
    /// joined, must be the collected items, and the archive's description the same.
    static func streamedBatches(
        of sample: URL, by importer: any ArchiveImporter
    ) throws -> (collected: ImportResult, streamed: ImportResult, batches: [[TimelineItem]]) {
        let reader = try ArchiveReader(url: sample)
        func context(_ sink: ItemSink?) throws -> ImportContext {
            ImportContext(
                archiveSHA256: try reader.sha256(), archivePath: reader.path,
                localTimeZone: try #require(TimeZone(identifier: "Europe/London")), sink: sink)
        }
        let collected = try importer.importArchive(reader, context: context(nil))
        nonisolated(unsafe) var batches: [[TimelineItem]] = []
        let streamed = try importer.importArchive(
            reader, context: context(ItemSink { batches.append($0) }))
        return (collected, streamed, batches)
    }

    @Test(
        "Meta importers hand their items to a sink a file at a time, the same items in order",
        arguments: [
            (
                "Samples/facebook-rebeccahale-2025-03-14",
                FacebookJSONImporter() as any ArchiveImporter
            ),
            ("Samples/facebook-rebeccahale-2025-03-14-html", FacebookHTMLImporter()),
            ("Samples/instagram-beckyhale-2025-03-14", InstagramJSONImporter()),
            ("Samples/instagram-beckyhale-2025-03-14-html", InstagramHTMLImporter()),
        ])
    func metaImportersStream(sample: String, importer: any ArchiveImporter) throws {
        let url = CommandRunner.repositoryRoot.appendingPathComponent(sample)
        let (collected, streamed, batches) = try Self.streamedBatches(of: url, by: importer)
        #expect(batches.count > 3, "several files, several batches")
        #expect(streamed.items.isEmpty, "a sink takes the items")
        #expect(batches.flatMap { $0 } == collected.items)
        #expect(streamed.archive == collected.archive)
        #expect(collected.archive.itemCount == collected.items.count)
    }
}
