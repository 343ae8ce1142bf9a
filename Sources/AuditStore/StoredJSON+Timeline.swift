import AuditModel

/// The JSON columns of an item row (author, counterparties, attachments), written by hand.
///
/// Storing a large archive encodes these for every item; the hand-written form is byte for byte
/// what ``StoredJSON/encoder`` writes (sorted keys, absent values left out, slashes unescaped),
/// several times faster, and read back by ``StoredJSON/value(_:from:)`` like any other.
extension StoredJSON {
    /// The JSON text of a person.
    static func text(_ person: Person) -> String {
        var output = ""
        write(person, to: &output)
        return output
    }

    /// The JSON text of a list of people.
    static func text(_ people: [Person]) -> String {
        var output = "["
        for (index, person) in people.enumerated() {
            if index > 0 { output += "," }
            write(person, to: &output)
        }
        return output + "]"
    }

    /// The JSON text of a list of attachments.
    static func text(_ attachments: [Attachment]) -> String {
        var output = "["
        for (index, attachment) in attachments.enumerated() {
            if index > 0 { output += "," }
            var members: [(String, String)] = []
            if let caption = attachment.caption { members.append(("caption", caption)) }
            members.append(("kind", attachment.kind.rawValue))
            if let uri = attachment.uri { members.append(("uri", uri)) }
            writeObject(members, to: &output)
        }
        return output + "]"
    }

    private static func write(_ person: Person, to output: inout String) {
        var members: [(String, String)] = []
        if let accountID = person.accountID { members.append(("accountID", accountID)) }
        if let handle = person.handle { members.append(("handle", handle)) }
        if let name = person.name { members.append(("name", name)) }
        writeObject(members, to: &output)
    }

    /// An object of string members, given in sorted key order.
    private static func writeObject(_ members: [(String, String)], to output: inout String) {
        output += "{"
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { output += "," }
            output += "\"\(key)\":"
            writeString(value, to: &output)
        }
        output += "}"
    }

    /// A JSON string as JSONEncoder writes it: quote, backslash and control characters escaped.
    static func writeString(_ value: String, to output: inout String) {
        output += "\""
        var plainStart = value.utf8.startIndex
        var index = plainStart
        let utf8 = value.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            let escape: String?
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                output += value[plainStart..<index]
                output += escape
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += value[plainStart..<utf8.endIndex]
        output += "\""
    }
}
