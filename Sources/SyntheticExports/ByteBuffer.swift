/// A growable byte buffer with the few JSON and HTML writing helpers the generators need.
struct ByteBuffer {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Creates an empty buffer with room for `capacity` bytes.
    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written.
    var count: Int { bytes.count }

    /// Appends text as UTF-8.
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends an integer in decimal.
    mutating func write(_ value: Int) {
        write(String(value))
    }

    /// Appends `text` as a quoted JSON string.
    ///
    /// With `metaEscaped`, every byte of a non-ASCII character is written as `\u00XX`, as
    /// Facebook and Instagram write their JSON (UTF-8 bytes read as Latin-1); otherwise
    /// non-ASCII characters are written as UTF-8, as X does.
    mutating func writeJSONString(_ text: String, metaEscaped: Bool) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [92, 110])
            case 0..<0x20: writeUnicodeEscape(byte)
            case 0x80...0xFF where metaEscaped: writeUnicodeEscape(byte)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `text` with the five HTML special characters escaped.
    mutating func writeHTMLText(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): write("&amp;")
            case UInt8(ascii: "<"): write("&lt;")
            case UInt8(ascii: ">"): write("&gt;")
            case UInt8(ascii: "\""): write("&quot;")
            case UInt8(ascii: "'"): write("&#039;")
            default: bytes.append(byte)
            }
        }
    }

    private mutating func writeUnicodeEscape(_ byte: UInt8) {
        bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48])
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0x0F)])
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
