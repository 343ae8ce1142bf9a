import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// ``JSONArrayStream``: the elements of an array found in pieces are those
/// ``JSONSourceIndex/topLevelElementRanges()`` finds in the whole document, whatever the piece
/// boundaries, and it never calls well-formed what that scan refuses.
@Suite struct JSONArrayStreamTests {
    /// Elements with brackets and escaped quotes inside strings, bare values and whitespace.
    static let tricky = Data(
        #"""
         [ {"a": "x ] } [ \" \\", "b": [1, {"c": []}]} ,
          "a ] string \"with\" quotes" , 12.5e3,true ,null
          , [[], {}], {"k\"ey": "\\"}
        ];
        ;
        """#.utf8)

    /// The elements found by feeding `data` in pieces of `size` bytes, and whether the stream
    /// found the whole a well-formed array.
    static func split(_ data: Data, pieces size: Int) -> (elements: [Data], isWellFormed: Bool) {
        var stream = JSONArrayStream(keepsElements: true)
        var elements: [Data] = []
        var offset = data.startIndex
        while offset < data.endIndex {
            let end = min(offset + size, data.endIndex)
            stream.consume(Data(data[offset..<end])) { elements.append($0) }
            offset = end
        }
        return (elements, stream.isWellFormed)
    }

    /// The elements the whole-document scan finds, after X's trailing `;` is stripped.
    static func wholeElements(_ data: Data) -> [Data]? {
        var json = data[...]
        while let last = json.last, last == UInt8(ascii: ";") || JSONByte.isSpace(last) {
            json = json.dropLast()
        }
        let index = JSONSourceIndex(Data(json))
        return index.topLevelElementRanges()?.map(index.bytes(in:))
    }

    @Test(
        "elements are those of the whole document at any piece size",
        arguments: [1, 2, 3, 7, 64, 100_000])
    func pieceSizes(size: Int) throws {
        let whole = try #require(Self.wholeElements(Self.tricky))
        #expect(whole.count == 7)
        let split = Self.split(Self.tricky, pieces: size)
        #expect(split.isWellFormed)
        #expect(split.elements == whole)
    }

    @Test("a large array split in pieces gives every element in order")
    func largeArray() throws {
        let data = ChunkedDecodingTests.array(count: MetaJSONDecoding.chunkSize + 11)
        let split = Self.split(data, pieces: 4_093)
        #expect(split.isWellFormed)
        #expect(split.elements == (try #require(Self.wholeElements(data))))
    }

    @Test(
        "what the whole-document scan refuses is not well-formed",
        arguments: [
            #"[{"id": 1, "text": "a"} {"id": 2, "text": "b"}]"#, #"[{"id": 1, "text": "a"}] x"#,
            #"[{"id": 1, "text": "a"},]"#, #"{"id": 1}"#, #"[{"a": 1}, {"b""#, #"[{"a": 1}"#,
            #"[1, 2"#, #"[ , 1]"#, "", "  ",
        ])
    func refused(json: String) {
        let data = Data(json.utf8)
        #expect(Self.wholeElements(data) == nil)
        #expect(!Self.split(data, pieces: 3).isWellFormed)
    }

    @Test("counting without keeping hands over empty elements")
    func countingOnly() {
        var stream = JSONArrayStream(keepsElements: false)
        var handed: [Data] = []
        stream.consume(Self.tricky) { handed.append($0) }
        #expect(stream.isWellFormed && stream.count == 7)
        #expect(handed == Array(repeating: Data(), count: 7))
    }

    @Test(
        "damaged copies the stream calls well-formed are split as the whole-document scan splits them"
    )
    func damagedCopies() {
        var random = SplitMix(seed: 7)
        let original = Array(Self.tricky)
        let alphabet = Array(#"[]{}",:\ a1;"#.utf8)
        var accepted = 0
        for _ in 0..<2_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(alphabet.randomElement(using: &random) ?? 0x20, at: position)
                default: bytes[position] = alphabet.randomElement(using: &random) ?? 0x20
                }
            }
            let data = Data(bytes)
            let split = Self.split(data, pieces: 5)
            guard split.isWellFormed else { continue }
            accepted += 1
            #expect(
                split.elements == Self.wholeElements(data),
                "\(String(decoding: data, as: UTF8.self))")
        }
        #expect(accepted > 100, "enough damaged copies stay arrays to make the comparison count")
    }
}
