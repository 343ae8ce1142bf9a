/// A path to a value of a JSON document, written as an RFC 6901 JSON pointer ("/Friends/3",
/// "/Direct Message/Direct Messages/ChatHistory/Chat History with ollie:/0").
struct JSONPointer: Sendable, Hashable {
    /// One step: an object's member or an array's element.
    enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document's root.
    private(set) var components: [Component] = []

    /// The document's root.
    static let root = JSONPointer()

    /// This path with one more object member.
    func appending(_ key: String) -> JSONPointer {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    /// This path with one more array element.
    func appending(_ index: Int) -> JSONPointer {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// The pointer as text, "~" and "/" in keys escaped as RFC 6901 requires ("" for the root).
    var description: String {
        components.map { component in
            switch component {
            case .key(let key):
                "/"
                    + key.replacingOccurrences(of: "~", with: "~0")
                    .replacingOccurrences(of: "/", with: "~1")
            case .index(let index): "/\(index)"
            }
        }.joined()
    }

    /// The path as coding keys, for ``JSONSourceIndex``.
    var codingPath: [any CodingKey] {
        components.map { component in
            switch component {
            case .key(let key): PointerKey(stringValue: key)
            case .index(let index): PointerKey(intValue: index)
            }
        }
    }

    private struct PointerKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) {
            self.stringValue = stringValue
            intValue = nil
        }
        init(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }
}
