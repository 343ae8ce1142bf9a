import Foundation
import SyntheticExports
import Testing
import ZIPFoundation

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Large arrays are decoded a chunk at a time (``MetaJSONDecoding/forEachChunk(of:in:_:)``):
/// the records, their indices and their source text are those of decoding the file whole, a
/// damaged chunk is reported from its first record, and X's large files import with the right
/// locators.
@Suite struct ChunkedDecodingTests {
    struct Tweet: Decodable, Equatable {
        let id: Int
        let text: String
    }

    /// A JSON array of `count` tweet records, pretty-printed like X's files.
    static func array(count: Int) -> Data {
        let records = (0..<count).map { #"  {"id": \#($0), "text": "tweet [\#($0)], \"quoted\""}"# }
        return Data(("[\n" + records.joined(separator: ",\n") + "\n]").utf8)
    }

    @Test("chunks give the records, indices and source text of a whole decoding")
    func chunksMatchWhole() throws {
        let count = MetaJSONDecoding.chunkSize * 2 + 5
        let data = Self.array(count: count)
        let whole = try MetaJSONDecoding.decode([MetaRecord<Tweet>].self, from: data)
        var firsts: [Int] = []
        var chunked: [MetaRecord<Tweet>] = []
        try MetaJSONDecoding.forEachChunk(of: MetaRecord<Tweet>.self, in: data) { first, records in
            firsts.append(first)
            chunked += records
        }
        let size = MetaJSONDecoding.chunkSize
        #expect(firsts == [0, size, size * 2])
        #expect(chunked.map(\.value) == whole.map(\.value))
        #expect(chunked.map(\.raw) == whole.map(\.raw))
        #expect(
            chunked[count - 1].raw
                == #"{"id":\#(count - 1),"text":"tweet [\#(count - 1)], \"quoted\""}"#)
    }

    @Test("a small array is decoded whole")
    func smallArrayWhole() throws {
        var calls = 0
        try MetaJSONDecoding.forEachChunk(of: MetaRecord<Tweet>.self, in: Self.array(count: 3)) {
            first, records in
            calls += 1
            #expect(first == 0 && records.count == 3)
        }
        #expect(calls == 1)
    }

    @Test("a damaged record in a later chunk is reported from that chunk's first record")
    func damagedChunk() throws {
        var text = String(
            decoding: Self.array(count: MetaJSONDecoding.chunkSize * 2), as: UTF8.self)
        let damaged = #""id": \#(MetaJSONDecoding.chunkSize + 7), "text""#
        text = text.replacingOccurrences(of: damaged, with: #""id": tru, "text""#)
        var delivered = 0
        #expect {
            try MetaJSONDecoding.forEachChunk(of: MetaRecord<Tweet>.self, in: Data(text.utf8)) {
                _, records in delivered += records.count
            }
        } throws: { error in
            (error as? MetaJSONDecoding.InvalidJSONFromRecord)?.firstBadRecord
                == MetaJSONDecoding.chunkSize
        }
        #expect(delivered == MetaJSONDecoding.chunkSize)
    }

    @Test(
        "separators that are not JSON make the file be decoded whole, as without chunks",
        arguments: [
            #"[{"id": 1, "text": "a"} {"id": 2, "text": "b"}]"#, #"[{"id": 1, "text": "a"}] x"#,
            #"[{"id": 1, "text": "a"},]"#, #"{"id": 1}"#,
        ])
    func badSeparators(json: String) {
        let data = Data(json.utf8)
        #expect(JSONSourceIndex(data).topLevelElementRanges() == nil)
        // Foundation's decoder tolerates a trailing comma; what matters is the same outcome.
        let wholeRefused =
            (try? MetaJSONDecoding.decode([MetaRecord<Tweet>].self, from: data)) == nil
        var chunkedRefused = false
        do {
            try MetaJSONDecoding.forEachChunk(of: MetaRecord<Tweet>.self, in: data) { _, _ in }
        } catch {
            chunkedRefused = true
        }
        #expect(chunkedRefused == wholeRefused)
    }

    @Test("an X archive whose tweet file spans several chunks imports every tweet at its index")
    func largeTweetFile() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("chunked-x-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exports = try SyntheticExports.generate(
            seed: 3, scale: 0.17, into: folder, only: [.twitter])
        let export = try #require(exports.first { $0.file.hasPrefix("twitter") })
        let url = folder.appendingPathComponent(export.file)
        let result = try ImportStage().importArchive(
            at: url, localTimeZone: try #require(TimeZone(identifier: "Europe/London")))
        #expect(result.items.count == export.events + 7)
        #expect(result.archive.unparsed.map(\.file) == ["Your archive.html", "data/manifest.js"])

        // The tweet file itself, to compare locators and source text with.
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try #require(archive["data/tweets.js"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let index = JSONSourceIndex(try TwitterScript(data: data).json)
        let elements = try #require(index.topLevelElementRanges())
        try #require(elements.count > MetaJSONDecoding.chunkSize, "the file must span chunks")
        let tweets = result.items.filter { $0.source.file == "data/tweets.js" }
        #expect(Set(tweets.map(\.source.locator)).count == tweets.count)
        for position in [
            0, MetaJSONDecoding.chunkSize - 1, MetaJSONDecoding.chunkSize, elements.count - 1,
        ] {
            let item = try #require(tweets.first { $0.source.locator == "/\(position)" })
            let key = JSONSourceIndexTests.Key(intValue: position)
            #expect(item.rawFragment == index.compactText(at: [key]))
        }
    }
}
