/// The bytes that structure JSON, for the scanners that split documents without parsing them
/// (``JSONSourceIndex``, ``JSONArrayStream``).
enum JSONByte {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")
    /// Not JSON: what ends an X data file's assignment (`];`).
    static let semicolon = UInt8(ascii: ";")

    /// Whether `byte` is JSON whitespace (space, tab, line feed, carriage return).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
