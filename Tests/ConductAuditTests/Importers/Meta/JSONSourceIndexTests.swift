import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// ``JSONSourceIndex``: the source text of a value found by its coding path, checked against
/// JSONSerialization's reading of the same bytes, on hand-written edge cases and on every value
/// (to depth 4) of the real Meta and X sample files.
@Suite struct JSONSourceIndexTests {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            self.intValue = intValue
            stringValue = "Index \(intValue)"
        }
    }

    static func path(_ parts: [Any]) -> [any CodingKey] {
        parts.map { part in
            if let index = part as? Int { return Key(intValue: index) }
            return Key(stringValue: String(describing: part))
        }
    }

    @Test("cuts values out of tricky JSON and removes only the whitespace between tokens")
    func edgeCases() {
        let json = #"""
              {  "a b" : [ 1 , -2.5e3 , true , null , "x } ] \" \\" ],
            "k\"ey": { "inner": { } , "list": [ [ ], [ "  spaced  " ] ] },
            "caf\u00e9": "Zo\u00c3\u00ab",
            "plain": "Альфина"  }
            """#
        let index = JSONSourceIndex(Data(json.utf8))
        #expect(
            index.compactText(at: [])
                == #"{"a b":[1,-2.5e3,true,null,"x } ] \" \\"],"k\"ey":{"inner":{},"list":[[],["  spaced  "]]},"caf\u00e9":"Zo\u00c3\u00ab","plain":"Альфина"}"#
        )
        #expect(index.compactText(at: Self.path(["a b"])) == #"[1,-2.5e3,true,null,"x } ] \" \\"]"#)
        #expect(index.compactText(at: Self.path(["a b", 1])) == "-2.5e3")
        #expect(index.compactText(at: Self.path(["a b", 3])) == "null")
        #expect(index.compactText(at: Self.path(["a b", 4])) == #""x } ] \" \\""#)
        #expect(index.compactText(at: Self.path(["k\"ey", "inner"])) == "{}")
        #expect(index.compactText(at: Self.path(["k\"ey", "list", 1, 0])) == #""  spaced  ""#)
        #expect(index.compactText(at: Self.path(["café"])) == #""Zo\u00c3\u00ab""#)
        #expect(index.compactText(at: Self.path(["plain"])) == #""Альфина""#)
    }

    @Test("a path that leads nowhere gives nil")
    func missingPaths() {
        let index = JSONSourceIndex(Data(#"{"a": [1, {"b": 2}], "s": "t"}"#.utf8))
        #expect(index.compactText(at: Self.path(["z"])) == nil)
        #expect(index.compactText(at: Self.path(["a", 2])) == nil)
        #expect(index.compactText(at: Self.path(["a", "b"])) == nil)
        #expect(index.compactText(at: Self.path(["s", 0])) == nil)
        #expect(index.compactText(at: Self.path(["a", 1, "b"])) == "2")
        #expect(JSONSourceIndex(Data()).compactText(at: []) == nil)
    }

    @Test("keys holding slashes or digits never stand for another path")
    func keysWithSlashes() {
        let index = JSONSourceIndex(
            Data(#"{"a/": {"b": 1}, "a": {"/b": 2, "0": 3}, "x": [4]}"#.utf8))
        #expect(index.compactText(at: Self.path(["a/", "b"])) == "1")
        #expect(index.compactText(at: Self.path(["a", "/b"])) == "2")
        #expect(index.compactText(at: Self.path(["a", "0"])) == "3")
        #expect(index.compactText(at: Self.path(["x", 0])) == "4")
    }

    @Test("a slice of a larger buffer is indexed from its own first byte")
    func slice() throws {
        let buffer = Data(#"window.x = [ {"a": "b\"c"}, [1] ]"#.utf8)
        let json = buffer[buffer.index(buffer.startIndex, offsetBy: 11)...]
        let index = JSONSourceIndex(json)
        #expect(index.compactText(at: Self.path([0, "a"])) == #""b\"c""#)
        let elements = try #require(index.topLevelElementRanges())
        #expect(
            elements.map { String(decoding: index.bytes(in: $0), as: UTF8.self) } == [
                #"{"a": "b\"c"}"#, "[1]",
            ])
    }

    /// JSON files of the real samples, read in place.
    static let sampleFolders = ["facebook", "instagram", "twitter"].map {
        SharedSamples.platform($0).path
    }

    @Test(
        "every value of the real sample files reads back as JSONSerialization reads it",
        .needsSharedSamples)
    func differentialOnSamples() throws {
        var checkedFiles = 0
        var checkedValues = 0
        for folder in Self.sampleFolders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".json") || relative.hasSuffix(".js") else { continue }
                var data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
                if relative.hasSuffix(".js") {
                    guard let script = try? TwitterScript(data: data) else { continue }
                    data = script.json
                }
                guard
                    let document = try? JSONSerialization.jsonObject(
                        with: data, options: [.fragmentsAllowed])
                else { continue }
                let index = JSONSourceIndex(data)
                checkedFiles += 1
                checkedValues += try Self.compare(document, index: index, path: [], depth: 4)
            }
        }
        try #require(checkedFiles > 0, "no sample JSON on this machine")
        #expect(checkedValues > 1_000)
    }

    /// The value written with sorted keys, for comparing two readings.
    static func canonical(_ value: Any) throws -> Data {
        try JSONSerialization.data(
            withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    }

    /// Compares every value below `value` to the index's text for its path; returns the count.
    static func compare(_ value: Any, index: JSONSourceIndex, path: [Any], depth: Int) throws -> Int
    {
        let text = try #require(index.compactText(at: Self.path(path)), "no text at \(path)")
        let reread = try JSONSerialization.jsonObject(
            with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(try canonical(reread) == canonical(value), "differs at \(path)")
        var count = 1
        guard depth > 0 else { return count }
        if let array = value as? [Any] {
            for (offset, element) in array.enumerated().prefix(50) {
                count += try compare(element, index: index, path: path + [offset], depth: depth - 1)
            }
        } else if let object = value as? [String: Any] {
            for (key, member) in object {
                count += try compare(member, index: index, path: path + [key], depth: depth - 1)
            }
        }
        return count
    }
}
