import AuditModel
import Foundation

/// What a message says once WhatsApp's own markers in it are read (FORMATS.md §4): the text as
/// typed, attached files, and the notes WhatsApp puts in place of text.
///
/// - `<attached: 00000012-PHOTO-….jpg>` (iOS, with media) and `IMG-….jpg (file attached)` (Android,
///   with media; the caption follows on the next lines) name a file of the export;
/// - `<Media omitted>` (Android) and `image omitted`, `video omitted` … (iOS) stand for media the
///   export left out;
/// - `This message was deleted` and `You deleted this message.` replace a deleted message's text
///   (the second only in the exporter's own copy, so it names the exporter);
/// - `<This message was edited>` ends an edited message.
///
/// Direction marks are removed from the text; the item's raw fragment keeps the line as written.
struct WhatsAppMessageBody: Equatable, Sendable {
    /// A file the message refers to.
    struct AttachmentReference: Equatable, Sendable {
        var kind: Attachment.Kind
        /// The file name as the chat writes it; nil for media the export left out.
        var fileName: String?
        /// WhatsApp's placeholder for left-out media ("<Media omitted>", "image omitted").
        var placeholder: String?
    }

    /// The text as typed, without WhatsApp's markers; nil when there is none.
    var text: String?
    /// WhatsApp's note about the message ("This message was deleted", "This message was edited").
    var title: String?
    var attachments: [AttachmentReference] = []
    /// Whether the message is "You deleted this message.", which only the exporter's copy shows.
    var isDeletedByExporter = false

    /// Reads the text after the sender's name and the message's continuation lines.
    init(lines rawLines: [String]) {
        var notes: [String] = []
        var rawLines = rawLines
        // iOS ends an edited message with its note in the phone's language, marked:
        // "text ‎<Diese Nachricht wurde bearbeitet.>".
        if let last = rawLines.last, let note = Self.markedEndNote(in: last) {
            rawLines[rawLines.count - 1] = String(last[..<note.start])
            notes.append(note.text)
        }
        var lines = rawLines.map(Self.removingMarks)
        while lines.count > 1, let last = lines.last, Self.isBlank(last) {
            lines.removeLast()
        }
        var body = lines.joined(separator: "\n")

        let edited = "<This message was edited>"
        if body.hasSuffix(edited) {
            body = String(body.dropLast(edited.count)).trimmingCharacters(in: .whitespaces)
            notes.append("This message was edited")
        }
        let trimmed = Self.trimmed(body)
        if let deleted = Self.deletedNote(trimmed) {
            notes.insert(trimmed, at: 0)
            isDeletedByExporter = deleted == .byExporter
            body = ""
        } else if trimmed == "<Media omitted>" {
            attachments.append(AttachmentReference(kind: .other, placeholder: trimmed))
            body = ""
        } else if let kind = Self.omittedMediaKind(trimmed) {
            attachments.append(AttachmentReference(kind: kind, placeholder: trimmed))
            body = ""
        }

        // iOS: "<attached: NAME>" anywhere in the text.
        while Self.holds("<attached: ", in: body), let open = body.range(of: "<attached: "),
            let close = body.range(of: ">", range: open.upperBound..<body.endIndex)
        {
            let name = String(body[open.upperBound..<close.lowerBound])
            attachments.append(
                AttachmentReference(kind: Attachment.kind(ofMediaPath: name), fileName: name))
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        // Android: "NAME (file attached)" as the first line; the caption follows.
        let marker = " (file attached)"
        var bodyLines =
            Self.holds(marker, in: body)
            ? body.split(separator: "\n", omittingEmptySubsequences: false) : []
        if let first = bodyLines.first, first.hasSuffix(marker), first.count > marker.count {
            let name = String(first.dropLast(marker.count))
            attachments.append(
                AttachmentReference(kind: Attachment.kind(ofMediaPath: name), fileName: name))
            bodyLines.removeFirst()
            body = bodyLines.joined(separator: "\n")
        }

        let text = Self.trimmed(body)
        self.text = text.isEmpty ? nil : text
        title = notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// A note in angle brackets after a left-to-right mark at the end of a line (`‎<This message
    /// was edited>`, `‎<Diese Nachricht wurde bearbeitet.>`), with where it starts; an
    /// attachment (`‎<attached: …>`) is not a note.
    private static func markedEndNote(in line: String) -> (start: String.Index, text: String)? {
        guard line.hasSuffix(">"), let open = line.range(of: "\u{200E}<", options: .backwards)
        else { return nil }
        let inner = line[open.upperBound..<line.index(before: line.endIndex)]
        guard !inner.isEmpty, !inner.contains(">"), !inner.contains("<"),
            !inner.hasPrefix("attached: ")
        else { return nil }
        var text = String(inner)
        if text.hasSuffix(".") { text.removeLast() }
        return (open.lowerBound, text)
    }

    /// A call the sender made: no text, and WhatsApp's note ("Voice call, 12 sec") as the title.
    init(callNote note: String) {
        title = note
    }

    /// Who a deleted message's note says deleted it.
    enum Deletion: Equatable, Sendable {
        /// "You deleted this message.": only the exporter's own copy says so.
        case byExporter
        /// "This message was deleted." (by its sender, seen by others) or deleted by an admin.
        case other
    }

    /// Reads WhatsApp's note in place of a deleted message.
    ///
    /// The notes are listed in the languages exports have shown (docs/formats/whatsapp.md); a
    /// final full stop is optional.
    /// - Returns: who the note says deleted the message; nil when `text` is not such a note.
    static func deletedNote(_ text: String) -> Deletion? {
        // The shortest note ("Mensagem apagada") has 16 bytes; most messages are shorter
        // ("ok") or longer than any note, and are not lowercased.
        guard (16...160).contains(text.utf8.count),
            let first = text.utf8.first, first >= 0x80 || noteInitials.contains(first | 0x20)
        else { return nil }
        var lowered = text.lowercased()
        if lowered.hasSuffix(".") { lowered.removeLast() }
        if exporterDeletedNotes.contains(lowered) { return .byExporter }
        if deletedNotes.contains(lowered) { return .other }
        let isByAdmin = adminDeletedNotes.contains { prefix, suffix in
            lowered.hasPrefix(prefix) && lowered.hasSuffix(suffix)
                && lowered.count > prefix.count + suffix.count
        }
        return isByAdmin ? .other : nil
    }

    /// The first letters of the notes below (ASCII, lowercased): text starting with another
    /// ASCII byte is none of them, and is not lowercased to be compared.
    private static let noteInitials = Set(
        (Array(exporterDeletedNotes) + Array(deletedNotes) + adminDeletedNotes.map { $0.prefix })
            .compactMap { $0.utf8.first })

    /// "You deleted this message" in each language, lowercased, without the full stop.
    private static let exporterDeletedNotes: Set<String> = [
        "you deleted this message", "du hast diese nachricht gelöscht", "eliminaste este mensaje",
        "je hebt dit bericht verwijderd", "você apagou esta mensagem",
        "anda menghapus pesan ini", "vous avez supprimé ce message",
        "hai eliminato questo messaggio",
    ]

    /// "This message was deleted" in each language, lowercased, without the full stop.
    private static let deletedNotes: Set<String> = [
        "this message was deleted", "diese nachricht wurde gelöscht", "se eliminó este mensaje",
        "dit bericht is verwijderd", "mensagem apagada", "esta mensagem foi apagada",
        "pesan ini telah dihapus", "ce message a été supprimé",
        "questo messaggio è stato eliminato", "waiting for this message",
    ]

    /// Deleted by an admin: the note's start and end around the admin's name, lowercased.
    ///
    /// Also the longer "Waiting for this message. This may take a while.", which stands in place
    /// of a message not yet decrypted: like a deleted one, it is the sender's, without its text.
    private static let adminDeletedNotes: [(prefix: String, suffix: String)] = [
        ("waiting for this message", ""),
        ("this message was deleted by admin ", ""),
        ("diese nachricht wurde von admin ", " gelöscht"),
        ("un admin", " eliminó este mensaje"), ("mensagem apagada por um admin", ""),
    ]

    /// The kind of media an iOS "… omitted" placeholder stands for.
    private static func omittedMediaKind(_ text: String) -> Attachment.Kind? {
        // Only ASCII lower-cases to " omitted": text that does not end so in any case is not
        // lowercased to be compared.
        let ending = text.utf8.suffix(8)
        guard ending.count == 8,
            zip(ending, " omitted".utf8).allSatisfy({ $0 == $1 || $0 | 0x20 == $1 })
        else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasSuffix(" omitted") else { return nil }
        let what = lowered.dropLast(" omitted".count)
        switch what {
        case "image": return .photo
        case "video": return .video
        case "audio": return .audio
        case "sticker": return .sticker
        case "gif": return .gif
        case "contact card": return .other
        default: return what.hasSuffix("document") ? .file : nil
        }
    }

    /// `text` without the invisible direction marks WhatsApp writes.
    static func removingMarks(_ text: String) -> String {
        // Every mark's UTF-8 form starts with E2 or EF: text with neither byte has none.
        guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF }),
            text.unicodeScalars.contains(where: WhatsAppHeader.isInvisibleMark)
        else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(
            contentsOf: text.unicodeScalars.filter { !WhatsAppHeader.isInvisibleMark($0) })
        return String(scalars)
    }

    /// Whether `text` holds `needle` among its bytes (a necessary condition for `range(of:)` to
    /// find it, checked first because most messages hold no marker at all).
    private static func holds(_ needle: String, in text: String) -> Bool {
        let wanted = Array(needle.utf8)
        let bytes = text.utf8
        guard let first = wanted.first, bytes.count >= wanted.count else { return false }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: wanted) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    /// Whether `text` is empty or white space only (as trimming `.whitespaces` finds it).
    private static func isBlank(_ text: String) -> Bool {
        // An ASCII byte other than a space or tab is not white space.
        if text.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 }) { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// `text` without white space and newlines at either end; `text` itself when it starts and
    /// ends with ASCII that is neither (no trimming needed).
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, isPlainASCII(first),
            isPlainASCII(last)
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An ASCII byte that is not white space or a newline (tab, LF, VT, FF, CR, space).
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
