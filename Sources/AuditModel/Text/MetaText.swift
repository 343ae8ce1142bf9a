/// Text repairs that every Meta "Download Your Information" JSON export needs (Facebook,
/// Messenger, Instagram).
public enum MetaText {
    /// Undoes Meta's mojibake: strings whose UTF-8 bytes were written as one `\u00XX` escape each.
    ///
    /// A JSON parser turns `"Zo\u00c3\u00ab"` into "ZoÃ«": the right bytes as the wrong characters.
    /// The repair (FORMATS.md §1.2) treats each scalar as one byte and decodes the bytes as UTF-8.
    /// It is safe on text that is already correct: a string with any scalar above U+00FF (real
    /// non-Latin text, emoji) or whose bytes are not valid UTF-8 ("café" written properly) is
    /// returned unchanged, and so is plain ASCII.
    /// - Parameter text: a string value as decoded from the JSON.
    /// - Returns: the repaired text, or `text` itself when it does not look like mojibake.
    public static func repairMojibake(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return text }
            bytes.append(UInt8(scalar.value))
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// ``repairMojibake(_:)`` for an optional string.
    public static func repairMojibake(_ text: String?) -> String? {
        text.map { repairMojibake($0) }
    }
}
