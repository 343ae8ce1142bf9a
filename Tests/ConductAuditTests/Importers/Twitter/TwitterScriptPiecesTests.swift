import Foundation
import SyntheticExports
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// X data files read in pieces (``TwitterScript/largeArray(in:of:where:smallest:pieceSize:)``,
/// ``TwitterScript/forEachChunk(of:in:of:as:pieceSize:_:)``) give the records, indices and
/// source text of reading them whole, on the real samples and on a synthetic archive, and damaged
/// files are still reported as when read whole.
@Suite struct TwitterScriptPiecesTests {
    /// A record's source text and its value written back out, to compare two readings by.
    struct Reading: Equatable {
        let first: Int
        let raws: [String]
        let values: [String?]
    }

    /// The chunks of `entry` read whole (``MetaJSONDecoding/forEachChunk(of:in:_:)``).
    static func wholeReading(_ entry: ArchiveReader.Entry, of archive: ArchiveReader) throws
        -> [Reading]
    {
        let script = try TwitterScript(data: try archive.data(of: entry))
        var readings: [Reading] = []
        try MetaJSONDecoding.forEachChunk(of: MetaRecord<MetaJSONValue>.self, in: script.json) {
            readings.append(
                Reading(first: $0, raws: $1.map(\.raw), values: $1.map(\.value?.serialized)))
        }
        return readings
    }

    /// The chunks of `entry` read in pieces of `size` bytes, or nil when it is to be read whole.
    static func piecesReading(
        _ entry: ArchiveReader.Entry, of archive: ArchiveReader, pieces size: Int
    ) throws -> (large: TwitterScript.LargeArray, readings: [Reading])? {
        guard
            let large = TwitterScript.largeArray(
                in: entry, of: archive, where: { _ in true }, smallest: 0, pieceSize: size)
        else { return nil }
        var readings: [Reading] = []
        try TwitterScript.forEachChunk(
            of: MetaRecord<MetaJSONValue>.self, in: entry, of: archive, as: large, pieceSize: size
        ) {
            readings.append(
                Reading(first: $0, raws: $1.map(\.raw), values: $1.map(\.value?.serialized)))
        }
        return (large, readings)
    }

    @Test(
        "every array file of the real samples reads in pieces as it reads whole",
        .needsSharedSamples,
        arguments: [97, 4_096])
    func realSamples(pieceSize: Int) throws {
        let folders = try FileManager.default.contentsOfDirectory(
            at: TwitterTestSupport.samplesRoot, includingPropertiesForKeys: nil)
        var compared = 0
        for folder in folders where folder.lastPathComponent.hasPrefix("x_archive") {
            let archive = try ArchiveReader(url: folder)
            for entry in archive.entries where entry.path.hasSuffix(".js") {
                guard let script = try? TwitterScript(data: try archive.data(of: entry)),
                    let elements = JSONSourceIndex(script.json).topLevelElementRanges(),
                    !elements.isEmpty
                else { continue }
                let pieces = try #require(
                    try Self.piecesReading(entry, of: archive, pieces: pieceSize),
                    "\(folder.lastPathComponent)/\(entry.path) is an array of valid records")
                #expect(pieces.large.globalName == script.globalName)
                #expect(pieces.large.recordCount == elements.count)
                let whole = try Self.wholeReading(entry, of: archive)
                // Few records make one chunk read whole, and chunks of a few megabytes in pieces.
                #expect(pieces.readings.flatMap(\.raws) == whole.flatMap(\.raws))
                #expect(pieces.readings.flatMap(\.values) == whole.flatMap(\.values))
                #expect(pieces.readings.map(\.first) == [0])
                compared += 1
            }
        }
        #expect(compared >= 10)
    }

    /// Runs `body` on the synthetic X archive (a zip) of `scale`, generated for it and removed
    /// after.
    static func withSyntheticArchive(scale: Double, _ body: (ArchiveReader) throws -> Void) throws {
        let folder = try FacebookTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exports = try SyntheticExports.generate(
            seed: 5, scale: scale, into: folder, only: [.twitter])
        let export = try #require(exports.first { $0.file.hasPrefix("twitter") })
        try body(try ArchiveReader(url: folder.appendingPathComponent(export.file)))
    }

    @Test("a synthetic archive's tweet and message files read in pieces as they read whole")
    func syntheticArchive() throws {
        try Self.withSyntheticArchive(scale: 0.17) { archive in
            let tweets = try #require(archive.entry(at: "data/tweets.js"))
            let messages = try #require(archive.entry(at: "data/direct-messages.js"))
            for size in [1_000, 1 << 16] {
                let tweetPieces = try #require(
                    try Self.piecesReading(tweets, of: archive, pieces: size))
                #expect(tweetPieces.large.chunking == .byRecords)
                #expect(tweetPieces.readings == (try Self.wholeReading(tweets, of: archive)))
                let messagePieces = try #require(
                    try Self.piecesReading(messages, of: archive, pieces: size))
                #expect(messagePieces.large.chunking == .byBytes)
                let whole = try Self.wholeReading(messages, of: archive)
                #expect(messagePieces.readings.flatMap(\.raws) == whole.flatMap(\.raws))
                #expect(messagePieces.readings.flatMap(\.values) == whole.flatMap(\.values))
            }
            // The archive's own tweet file is larger than a whole reading is kept for.
            #expect(tweets.size >= TwitterScript.smallestLargeFile)
            #expect(
                TwitterScript.largeArray(
                    in: tweets, of: archive, where: TwitterArchiveLayout.isChunked(global:))
                    != nil)
            #expect(TwitterScript.largeArray(in: tweets, of: archive, where: { _ in false }) == nil)
        }
    }

    @Test("direct messages reach the sink a conversation at a time, every one of them")
    func messagesByConversation() throws {
        try Self.withSyntheticArchive(scale: 0.02) { archive in
            let collected = try Self.importX(archive, sink: nil)
            var batches: [[TimelineItem]] = []
            let streamed = try Self.importX(archive, sink: ItemSink { batches.append($0) })
            let messageBatches = batches.filter {
                $0.first?.source.file == "data/direct-messages.js"
            }
            #expect(messageBatches.count > 1)
            for batch in messageBatches {
                #expect(Set(batch.map(\.conversation)).count == 1)
                #expect(batch.allSatisfy { $0.source.file == "data/direct-messages.js" })
            }
            #expect(batches.flatMap { $0 } == collected.items)
            #expect(streamed.items.isEmpty)
        }
    }

    /// Imports an X archive with `sink` (nil: the items are collected in the result).
    static func importX(_ archive: ArchiveReader, sink: ItemSink?) throws -> ImportResult {
        let context = ImportContext(
            archiveSHA256: try archive.sha256(), archivePath: archive.path,
            localTimeZone: TwitterTestSupport.london, sink: sink)
        return try TwitterArchiveImporter().importArchive(archive, context: context)
    }

    /// `count` tweets, pretty-printed as X writes them, one of them replaced by `damage`.
    static func tweetFile(count: Int, damage: (index: Int, text: String)? = nil) -> String {
        let tweets = (0..<count).map { index in
            if let damage, damage.index == index { return damage.text }
            return TwitterTestSupport.tweet(
                id: "\(1_000_000 + index)", at: "Mon Mar 03 10:00:00 +0000 2025",
                text: "post number \(index), long enough to make the file large: "
                    + String(repeating: "x", count: 300))
        }
        return TwitterTestSupport.script("tweets", "[\n" + tweets.joined(separator: ",\n") + "\n]")
    }

    @Test("a large tweet file cut short is refused whole, as when it was read whole")
    func truncatedLargeFile() throws {
        let full = Self.tweetFile(count: MetaJSONDecoding.chunkSize + 1_000)
        try #require(full.utf8.count >= Int(TwitterScript.smallestLargeFile))
        let cut = String(full.prefix(full.count - 5_000))
        let result = try TwitterTestSupport.importFiles(["data/tweets.js": cut])
        #expect(result.items.filter { $0.source.file.hasSuffix("tweets.js") }.isEmpty)
        let issue = try #require(result.archive.unparsed.first { $0.file == "data/tweets.js" })
        #expect(issue.reason.hasPrefix("not valid JSON after 'window.YTD… ='"))
        #expect(issue.reason.hasSuffix("nothing in it was imported"))
    }

    @Test("a large file of few records, one not JSON, is refused whole, as when it was read whole")
    func fewRecordsOneDamaged() throws {
        let text = Self.tweetFile(count: 4_000, damage: (17, #"{"tweet": {"id_str": tru}}"#))
        // 4,000 records: chunked by count, the damage is reported from its chunk's first record.
        let chunked = try TwitterTestSupport.importFiles(["data/tweets.js": text])
        let chunkIssue = try #require(
            chunked.archive.unparsed.first { $0.file == "data/tweets.js" })
        #expect(chunkIssue.reason.hasPrefix("not valid JSON from record 0 on"))

        let few = Self.tweetFile(count: 1_500, damage: (17, #"{"tweet": {"id_str": tru}}"#))
        let padded = few.replacingOccurrences(of: "xxxx", with: "xxxxxxxx")
        try #require(padded.utf8.count >= Int(TwitterScript.smallestLargeFile))
        let whole = try TwitterTestSupport.importFiles(["data/tweets.js": padded])
        #expect(whole.items.filter { $0.source.file.hasSuffix("tweets.js") }.isEmpty)
        let wholeIssue = try #require(whole.archive.unparsed.first { $0.file == "data/tweets.js" })
        #expect(wholeIssue.reason.hasPrefix("not valid JSON after 'window.YTD… ='"))
    }

    @Test("a large file of few valid records imports every record at its index")
    func fewLargeRecords() throws {
        let few = Self.tweetFile(count: 1_500).replacingOccurrences(of: "xxxx", with: "xxxxxxxx")
        try #require(few.utf8.count >= Int(TwitterScript.smallestLargeFile))
        let result = try TwitterTestSupport.importFiles(["data/tweets.js": few])
        let tweets = result.items.filter { $0.source.file.hasSuffix("tweets.js") }
        #expect(tweets.count == 1_500)
        #expect(Set(tweets.map(\.source.locator)) == Set((0..<1_500).map { "/\($0)" }))
    }

    @Test("pieces of an entry are its bytes, and the receiver's error ends reading unchanged")
    func archivePieces() throws {
        try Self.withSyntheticArchive(scale: 0.02) { archive in
            let entry = try #require(archive.entry(at: "data/tweets.js"))
            var joined = Data()
            var count = 0
            try archive.readPieces(of: entry, pieceSize: 1_000) {
                joined.append($0)
                count += 1
            }
            #expect(joined == (try archive.data(of: entry)))
            #expect(count > 1)
            struct Refusal: Error {}
            #expect(throws: Refusal.self) {
                try archive.readPieces(of: entry, pieceSize: 1_000) { _ in throw Refusal() }
            }
        }
    }
}
