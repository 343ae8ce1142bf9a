import Foundation

/// The text of any value of a JSON document, found by the coding path a decoder reached it by,
/// so that a record's source can be kept as evidence without decoding it a second time.
///
/// Decoding each record twice (once into its DTO, once into a generic tree to write it back out)
/// cost a third of a large import. This index instead scans the bytes the decoder reads: the
/// first time a container is asked about, its members' byte ranges are found in one pass (nothing
/// is built for containers no record lives in), and a record's fragment is its byte range with
/// the whitespace between tokens removed. The fragment is therefore the source as written (keys in
/// the source's order, escapes such as Meta's `\u00c3\u00a9` as in the file), only compacted.
///
/// Used through ``MetaJSONDecoding``, which puts the index in the decoder's `userInfo`; the
/// document must be valid JSON (the decoder has already checked that when a record asks).
final class JSONSourceIndex: @unchecked Sendable {
    /// The `userInfo` key under which decoders carry the index of the data they decode.
    // swift-format-ignore: NeverForceUnwrap
    // The raw value is a constant non-empty string, which the failable initialiser accepts.
    static let userInfoKey = CodingUserInfoKey(rawValue: "conduct-audit.json-source-index")!

    /// The members of one container: an array's elements or an object's values, by key.
    private enum Members {
        case array([Range<Int>])
        case object([String: Range<Int>])
    }

    /// The document (not copied: it may be a slice of a larger buffer). Offsets in this type
    /// count from its first byte, whatever its `startIndex`.
    private let bytes: Data
    /// The range of the document's top-level value.
    private var root: Range<Int>?
    /// Containers already indexed, by the path of keys leading to them.
    private var containers: [String: Members] = [:]
    private let lock = NSLock()

    /// Indexes `data`, which must be the exact bytes the decoder decodes.
    init(_ data: Data) {
        bytes = data
        root = valueRange(startingAt: 0)
    }

    /// The compact source text of the value at `codingPath`, or nil when the path does not lead
    /// to a value of the document.
    func compactText(at codingPath: [any CodingKey]) -> String? {
        sourceRange(at: codingPath).map(compactText(in:))
    }

    /// The byte range of the value at `codingPath`, or nil when the path does not lead to a
    /// value of the document: what a record keeps so that its text is cut only when asked for
    /// (``compactText(in:)``).
    func sourceRange(at codingPath: [any CodingKey]) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        return range(at: codingPath)
    }

    /// The compact source text of the value occupying `range` (a range ``sourceRange(at:)``
    /// gave).
    func compactText(in range: Range<Int>) -> String {
        compact(range)  // reads only the immutable bytes: no lock needed
    }

    /// The byte ranges of the elements of the document's top-level array, or nil when the
    /// document is not an array whose elements are separated as JSON requires (a comma between
    /// two, nothing but whitespace after the closing bracket). The elements themselves are not
    /// checked: whoever decodes them does that.
    func topLevelElementRanges() -> [Range<Int>]? {
        lock.lock()
        defer { lock.unlock() }
        guard let root, byte(at: root.lowerBound) == JSONByte.openBracket,
            skipSpace(from: root.upperBound) == bytes.count
        else { return nil }
        var elements: [Range<Int>] = []
        var index = skipSpace(from: root.lowerBound + 1)
        guard index < root.upperBound else { return nil }
        if byte(at: index) == JSONByte.closeBracket {
            return index + 1 == root.upperBound ? [] : nil
        }
        while true {
            let end = endOfValue(at: index)
            guard end > index, end < root.upperBound else { return nil }
            elements.append(index..<end)
            index = skipSpace(from: end)
            guard index < root.upperBound else { return nil }
            if byte(at: index) == JSONByte.closeBracket {
                return index + 1 == root.upperBound ? elements : nil
            }
            guard byte(at: index) == JSONByte.comma else { return nil }
            index = skipSpace(from: index + 1)
        }
    }

    /// The bytes of the document in `range`.
    func bytes(in range: Range<Int>) -> Data {
        bytes[(bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound)]
    }

    /// The byte at an offset from the document's start.
    private func byte(at offset: Int) -> UInt8 {
        bytes[bytes.startIndex + offset]
    }

    /// The path of the container the last record was found in, and its members: consecutive
    /// records are usually siblings, whose container is then not looked up again.
    private var lastParent: [any CodingKey] = []
    private var lastParentMembers: Members?

    /// The byte range of the value at `path`.
    private func range(at path: [any CodingKey]) -> Range<Int>? {
        guard let key = path.last else { return root }
        let parent = path.dropLast()
        let members: Members
        if let cached = lastParentMembers, Self.samePath(parent, lastParent) {
            members = cached
        } else {
            guard let container = walk(parent),
                let found = containers[container.key] ?? self.members(of: container.range)
            else { return nil }
            containers[container.key] = found
            lastParent = Array(parent)
            lastParentMembers = found
            members = found
        }
        return Self.member(key, of: members)
    }

    /// The member `key` names in `members`.
    private static func member(_ key: any CodingKey, of members: Members) -> Range<Int>? {
        switch members {
        case .array(let elements):
            guard let index = key.intValue, elements.indices.contains(index) else { return nil }
            return elements[index]
        case .object(let values):
            return values[key.stringValue]
        }
    }

    private static func samePath(_ lhs: ArraySlice<any CodingKey>, _ rhs: [any CodingKey]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) {
            if let leftIndex = left.intValue, let rightIndex = right.intValue {
                guard leftIndex == rightIndex else { return false }
            } else if left.intValue != nil || right.intValue != nil
                || left.stringValue != right.stringValue
            {
                return false
            }
        }
        return true
    }

    /// The range of the value at `path` and the key its members are cached under.
    private func walk(_ path: ArraySlice<any CodingKey>) -> (range: Range<Int>, key: String)? {
        guard var current = root else { return nil }
        var pathKey = ""
        for key in path {
            let members: Members
            if let known = containers[pathKey] {
                members = known
            } else {
                guard let found = self.members(of: current) else { return nil }
                containers[pathKey] = found
                members = found
            }
            guard let value = Self.member(key, of: members) else { return nil }
            current = value
            switch members {
            case .array:
                pathKey += "#\(key.intValue ?? -1)"
            case .object:
                // Length-prefixed, so that no two paths share a key whatever the names hold.
                pathKey += "/\(key.stringValue.utf8.count):" + key.stringValue
            }
        }
        return (current, pathKey)
    }

    // MARK: - Scanning

    /// The range of the value starting at the first non-space byte from `start`.
    private func valueRange(startingAt start: Int) -> Range<Int>? {
        let begin = skipSpace(from: start)
        guard begin < bytes.count else { return nil }
        let end = endOfValue(at: begin)
        return end > begin ? begin..<end : nil
    }

    private func skipSpace(from start: Int) -> Int {
        bytes.withUnsafeBytes { buffer in
            var index = start
            while index < buffer.count, JSONByte.isSpace(buffer[index]) { index += 1 }
            return index
        }
    }

    /// The index just past the value that starts at `start`.
    private func endOfValue(at start: Int) -> Int {
        bytes.withUnsafeBytes { buffer in
            var index = start
            let count = buffer.count
            switch buffer[index] {
            case JSONByte.quote:
                return Self.endOfString(buffer, at: index)
            case JSONByte.openBrace, JSONByte.openBracket:
                var depth = 0
                while index < count {
                    let byte = buffer[index]
                    if byte == JSONByte.quote {
                        index = Self.endOfString(buffer, at: index)
                        continue
                    }
                    if byte == JSONByte.openBrace || byte == JSONByte.openBracket {
                        depth += 1
                    } else if byte == JSONByte.closeBrace || byte == JSONByte.closeBracket {
                        depth -= 1
                        if depth == 0 { return index + 1 }
                    }
                    index += 1
                }
                return count
            default:  // number, true, false, null
                while index < count {
                    let byte = buffer[index]
                    if byte == JSONByte.comma || byte == JSONByte.closeBrace
                        || byte == JSONByte.closeBracket || JSONByte.isSpace(byte)
                    {
                        break
                    }
                    index += 1
                }
                return index
            }
        }
    }

    /// The index just past the string whose opening quote is at `start`.
    private static func endOfString(_ buffer: UnsafeRawBufferPointer, at start: Int) -> Int {
        var index = start + 1
        while index < buffer.count {
            let byte = buffer[index]
            if byte == JSONByte.backslash {
                index += 2
            } else if byte == JSONByte.quote {
                return index + 1
            } else {
                index += 1
            }
        }
        return buffer.count
    }

    /// The members of the container occupying `range`, or nil when it is not a container.
    private func members(of range: Range<Int>) -> Members? {
        let opening = byte(at: range.lowerBound)
        var index = range.lowerBound + 1
        if opening == JSONByte.openBracket {
            var elements: [Range<Int>] = []
            while true {
                index = skipSpace(from: index)
                guard index < range.upperBound, byte(at: index) != JSONByte.closeBracket else {
                    break
                }
                let end = endOfValue(at: index)
                elements.append(index..<end)
                index = skipSpace(from: end)
                if index < range.upperBound, byte(at: index) == JSONByte.comma { index += 1 }
            }
            return .array(elements)
        }
        guard opening == JSONByte.openBrace else { return nil }
        var values: [String: Range<Int>] = [:]
        while true {
            index = skipSpace(from: index)
            guard index < range.upperBound, byte(at: index) == JSONByte.quote else { break }
            let keyEnd = endOfValue(at: index)
            let key = self.key(index..<keyEnd)
            index = skipSpace(from: keyEnd)
            guard index < range.upperBound, byte(at: index) == JSONByte.colon else { break }
            index = skipSpace(from: index + 1)
            let end = endOfValue(at: index)
            if values[key] == nil { values[key] = index..<end }
            index = skipSpace(from: end)
            if index < range.upperBound, byte(at: index) == JSONByte.comma { index += 1 }
        }
        return .object(values)
    }

    /// The key a quoted string denotes, escapes resolved.
    private func key(_ range: Range<Int>) -> String {
        let inner = bytes(
            in: (range.lowerBound + 1)..<max(range.lowerBound + 1, range.upperBound - 1))
        guard inner.contains(JSONByte.backslash) else {
            return String(decoding: inner, as: UTF8.self)
        }
        return (try? JSONDecoder().decode(String.self, from: bytes(in: range)))
            ?? String(decoding: inner, as: UTF8.self)
    }

    /// The bytes of `range` without whitespace between tokens.
    private func compact(_ range: Range<Int>) -> String {
        bytes.withUnsafeBytes { buffer in
            String(unsafeUninitializedCapacity: range.count) { output in
                var count = 0
                var index = range.lowerBound
                while index < range.upperBound {
                    let byte = buffer[index]
                    if byte == JSONByte.quote {
                        let end = min(Self.endOfString(buffer, at: index), range.upperBound)
                        for offset in index..<end {
                            output[count + offset - index] = buffer[offset]
                        }
                        count += end - index
                        index = end
                    } else {
                        if !JSONByte.isSpace(byte) {
                            output[count] = byte
                            count += 1
                        }
                        index += 1
                    }
                }
                return count
            }
        }
    }
}
