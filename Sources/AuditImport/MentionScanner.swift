/// Finds `@handle` mentions written inline in text, for exports that keep no mention list
/// (Instagram captions and comments, FORMATS.md §2.5–§2.6).
///
/// A mention is an `@` at the start of the text or after a character that cannot be part of a
/// handle or an e-mail address (so `becky@example.com` is not one), followed by letters, digits,
/// `_` and `.`; a trailing `.` is punctuation, not part of the handle. Handles are returned
/// without the `@`, in order of first appearance, each once (compared without regard to case).
enum MentionScanner {
    /// The handles mentioned in `text`.
    /// - Parameters:
    ///   - text: the text as the user wrote it.
    ///   - maximumLength: the platform's longest handle (30 on Instagram, 15 on X); longer runs
    ///     are not handles.
    /// - Returns: the handles without their `@`, each once, in order of first appearance.
    static func handles(in text: String, maximumLength: Int = 30) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var seen = Set<String>()
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@" else { continue }
            if index > 0
                && (isHandleCharacter(characters[index - 1]) || characters[index - 1] == "@")
            {
                continue
            }
            var end = index + 1
            while end < characters.count && isHandleCharacter(characters[end]) { end += 1 }
            var handle = String(characters[(index + 1)..<end])
            while handle.hasSuffix(".") { handle.removeLast() }
            index = end - 1
            guard !handle.isEmpty, handle.count <= maximumLength else { continue }
            if seen.insert(handle.lowercased()).inserted { found.append(handle) }
        }
        return found
    }

    private static func isHandleCharacter(_ character: Character) -> Bool {
        character == "_" || character == "."
            || (character.isASCII && (character.isLetter || character.isNumber))
    }
}
