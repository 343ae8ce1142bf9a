/// Text after a sender's name that WhatsApp composed rather than the sender typed, sorted by what
/// it stands for (docs/formats/whatsapp.md).
///
/// Since about 2023 iOS writes its notices in a sender's place, in the phone's language: `[date]
/// Leon: ‎Leon hat die Gruppe erstellt.`, `[date] KKS: ‎Jimmy te añadió.`, `[date] Andrew: ‎Andrew
/// is a contact.`. It marks all text it composes with a left-to-right mark (U+200E) at the start
/// of the text: notices, deleted-message notes, call logs, polls, and the omitted-media and
/// attachment notes. The last two it also marks before the line's `[` (the line is the sender's
/// file), and a poll runs over several lines (the sender's question and options). So a line is
/// read by that structure, not by its wording in one language:
/// - a one-line text starting with U+200E on an unmarked line is composed;
/// - composed text that holds an attachment, is a deleted message's note
///   (``WhatsAppMessageBody/deletedNote(_:)``), a call log (`Voice call, ‎12 sec`, see
///   ``isCallLog(_:text:sender:)``), or holds a link (`Open this link to join my WhatsApp Group:
///   https://…`, sent by that person) stands for something the sender did and stays theirs;
/// - the encryption notice (its English wordings, or "end-to-end" in the languages exports have
///   shown, or else the first line's composed text) and any other composed text is a notice,
///   whatever its language.
///
/// Only deleted-message notes and the word for a call are matched by wording, in a short
/// table per language: a note in a language not listed is read as a notice, which loses a
/// message nobody can read rather than giving anyone a message they did not send.
enum WhatsAppComposedText: Equatable, Sendable {
    /// A notice WhatsApp wrote; nobody sent it.
    case notice(WhatsAppNotice)
    /// A call the sender made, with WhatsApp's note ("Voice call, 12 sec", without marks).
    case call(String)
    /// A message of the sender's: a deleted message's note or a shared link.
    case message

    /// Sorts a sender's text by what it stands for.
    ///
    /// - Parameters:
    ///   - body: the text after "Name: " as written, marks included.
    ///   - sender: the sender's name without marks.
    ///   - header: the line's header (for its leading mark).
    ///   - hasContinuation: whether lines without a header follow.
    ///   - isFirstEntry: whether this is the file's first dated line.
    /// - Returns: what the text stands for, or nil when it is not composed (the sender typed
    ///   it, or it notes the sender's file or poll).
    static func read(
        _ body: String, sender: String, header: WhatsAppHeader, hasContinuation: Bool,
        isFirstEntry: Bool
    ) -> WhatsAppComposedText? {
        guard body.unicodeScalars.first == "\u{200E}", !header.isMarked, !hasContinuation else {
            return nil
        }
        let text = WhatsAppMessageBody.removingMarks(body).trimmingCharacters(in: .whitespaces)
        if text.contains("<attached: ") { return nil }
        if WhatsAppMessageBody.deletedNote(text) != nil { return .message }
        if WhatsAppNotice.isEncryptionNotice(text) { return .notice(.encryption) }
        if isCallLog(body, text: text, sender: sender) { return .call(text) }
        if text.contains("://") { return .message }
        if isFirstEntry { return .notice(.encryption) }
        return .notice(WhatsAppNotice.read(text, requireKnownWording: false) ?? .other)
    }

    /// Whether composed text is a call log.
    ///
    /// Call logs are `‎Voice call, ‎12 sec`, `‎Missed voice call, ‎Tap to
    /// call back` (a short text, then a second mark after `, `), `‎Sprachchat. ‎‎2 Sek. • ‎1
    /// beigetreten` (after `. `, before a duration), or a short text with the word for a call
    /// that does not name the sender (`‎Missed voice call`). A number change (`‎‎Ana cambió su
    /// número de teléfono. ‎Pulsa para …`) has marks after `. ` too, but names the sender and
    /// gives no duration.
    private static func isCallLog(_ body: String, text: String, sender: String) -> Bool {
        guard text.utf8.count <= 80, sender.isEmpty || !text.contains(sender) else { return false }
        let scalars = body.unicodeScalars.drop { WhatsAppHeader.isInvisibleMark($0) }
        if let mark = scalars.firstIndex(of: "\u{200E}") {
            var lead = String.UnicodeScalarView()
            lead.append(contentsOf: scalars[..<mark])
            let first = String(lead)
            let after = scalars[mark...].drop { WhatsAppHeader.isInvisibleMark($0) }
            if first.hasSuffix(", ") { return true }
            if first.hasSuffix(". "), let next = after.first, ("0"..."9").contains(next) {
                return true
            }
        }
        let lowered = text.lowercased()
        return callWords.contains { lowered.contains($0) }
    }

    /// The word for a call in the call logs of each language exports have shown ("Voice call",
    /// "Sprachanruf", "Llamada de voz", "Chamada de voz", "Spraakoproep", "Panggilan suara",
    /// "Appel vocal", "Chiamata vocale").
    private static let callWords = [
        "call", "anruf", "llamada", "chamada", "oproep", "panggilan", "appel", "chiamata",
    ]
}
