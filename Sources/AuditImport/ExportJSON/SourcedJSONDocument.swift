import Foundation

/// A whole JSON file read as a tree, whose values keep their source text: for exports whose
/// files are read by walking their sections (Snapchat, TikTok) rather than decoded into fixed
/// records.
///
/// A value's source text (``fragment(at:)``) is cut from the file's bytes by a
/// ``JSONSourceIndex``: the source as written, keys in the source's order, only the whitespace
/// between tokens removed.
struct SourcedJSONDocument {
    /// The document's top-level value.
    let root: MetaJSONValue
    private let index: JSONSourceIndex

    /// Reads `data`.
    /// - Throws: ``MetaJSONDecoding/InvalidJSON`` when the data is not JSON, saying where and why.
    init(data: Data) throws {
        do {
            root = try MetaJSONDecoding.decode(MetaJSONValue.self, from: data)
        } catch let error as MetaJSONDecoding.InvalidJSON {
            throw error
        } catch {
            // JSON the tree cannot hold (an object with a repeated key, a number beyond any
            // type): refused like invalid JSON, with the decoder's words.
            throw MetaJSONDecoding.InvalidJSON(
                detail: MetaRecord<MetaJSONValue>.describe(error, below: 0))
        }
        index = JSONSourceIndex(data)
    }

    /// The compact source text of the value at `pointer`, or the value re-serialised when the
    /// index cannot find it (which a valid document does not give).
    func fragment(at pointer: JSONPointer) -> String {
        if let text = index.compactText(at: pointer.codingPath) { return text }
        return value(at: pointer)?.serialized(asciiOnly: false) ?? ""
    }

    /// The value at `pointer`, if the document has one there.
    func value(at pointer: JSONPointer) -> MetaJSONValue? { root.value(at: pointer) }
}

extension MetaJSONValue {
    /// The value at `pointer` below this one, if there is one.
    func value(at pointer: JSONPointer) -> MetaJSONValue? {
        var current: MetaJSONValue? = self
        for component in pointer.components {
            switch (component, current) {
            case (.key(let key), .object(let members)?): current = members[key]
            case (.index(let index), .array(let elements)?):
                current = elements.indices.contains(index) ? elements[index] : nil
            default: return nil
            }
        }
        return current
    }

    /// A profile's labelled values as the text of a `.profile` item ("Name: Becky Hale\n
    /// Birthday: 1988-06-17"), the lines without a value left out: the shape the
    /// age-misrepresentation rule reads.
    static func profileText(_ lines: [(label: String, value: String?)]) -> String {
        lines.compactMap { line in line.value.map { "\(line.label): \($0)" } }
            .joined(separator: "\n")
    }
    /// The member named `key`, compared without case (exports change the case of their keys:
    /// TikTok's `Date` and `date`); an exact match wins. Nil for a non-object.
    func member(_ key: String) -> (key: String, value: MetaJSONValue)? {
        guard case .object(let members) = self else { return nil }
        if let value = members[key] { return (key, value) }
        let lowered = key.lowercased()
        return members.first { $0.key.lowercased() == lowered }.map { ($0.key, $0.value) }
    }

    /// The member named `key` (without case), as ``member(_:)``, without its written key.
    subscript(key: String) -> MetaJSONValue? { member(key)?.value }

    /// The text of a string value, trimmed, or a whole number as text; nil for anything else,
    /// for an empty string and for the placeholders exports write for "nothing" ("N/A", "None").
    var text: String? {
        switch self {
        case .string(let value):
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty || ["n/a", "none", "null"].contains(trimmed.lowercased())
                ? nil : trimmed
        case .integer(let value): return String(value)
        default: return nil
        }
    }

    /// The string value exactly as written (untrimmed); nil for anything else.
    var rawString: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements of an array; nil for anything else (`null` sections included).
    var elements: [MetaJSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an object, by key; nil for anything else.
    var members: [String: MetaJSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A boolean value, also when written as the text "true"/"false".
    var bool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value): return Bool(value.lowercased())
        default: return nil
        }
    }
}
