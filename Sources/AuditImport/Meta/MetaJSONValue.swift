/// Any JSON value, decoded alongside a record's typed DTO so the record can be kept as evidence.
///
/// Meta importers decode each record twice from one parse: once into a private DTO that the
/// mapping reads, and once into this tree, which ``serialized`` turns back into text for
/// ``TimelineItem/rawFragment``. The tree is never read field by field; it exists to show the
/// reviewer the source.
enum MetaJSONValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([MetaJSONValue])
    case object([String: MetaJSONValue])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        // Objects and arrays are by far the most common values in the records we keep; try them
        // first so that decoding does not go through a string of failed scalar attempts.
        if let container = try? decoder.container(keyedBy: Key.self) {
            var members: [String: MetaJSONValue] = [:]
            for key in container.allKeys {
                members[key.stringValue] = try container.decode(MetaJSONValue.self, forKey: key)
            }
            self = .object(members)
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [MetaJSONValue] = []
            while !container.isAtEnd {
                elements.append(try container.decode(MetaJSONValue.self))
            }
            self = .array(elements)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let integer = try? container.decode(Int64.self) {
                self = .integer(integer)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .bool(try container.decode(Bool.self))
            }
        }
    }

    /// Compact JSON with keys sorted, and every non-ASCII character written as a `\uXXXX`
    /// escape, which is how Meta writes its files: string values therefore read exactly as in
    /// the source (mojibake included, since it is the source as written).
    var serialized: String { serialized(asciiOnly: true) }

    /// Compact JSON with keys sorted; non-ASCII characters are written as `\uXXXX` escapes when
    /// `asciiOnly` (Meta's files) and as themselves otherwise (exports written in plain UTF-8,
    /// such as X's), so that the fragment reads as the source does.
    func serialized(asciiOnly: Bool) -> String {
        var output = ""
        write(to: &output, asciiOnly: asciiOnly)
        return output
    }

    private func write(to output: inout String, asciiOnly: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += value.isFinite ? "\(value)" : "null"
        case .string(let value): Self.writeString(value, to: &output, asciiOnly: asciiOnly)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output, asciiOnly: asciiOnly)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output, asciiOnly: asciiOnly)
                output += ":"
                members[key]?.write(to: &output, asciiOnly: asciiOnly)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String, asciiOnly: Bool) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x20..<0x7F: output.unicodeScalars.append(scalar)
            case 0xA0... where !asciiOnly: output.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        output += "\""
    }
}
