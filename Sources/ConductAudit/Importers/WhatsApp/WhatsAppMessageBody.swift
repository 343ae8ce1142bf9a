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
        var lines = rawLines.map(Self.removingMarks)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty,
            lines.count > 1
        {
            lines.removeLast()
        }
        var body = lines.joined(separator: "\n")
        var notes: [String] = []

        let edited = "<This message was edited>"
        if body.hasSuffix(edited) {
            body = String(body.dropLast(edited.count)).trimmingCharacters(in: .whitespaces)
            notes.append("This message was edited")
        }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        switch trimmed {
        case "This message was deleted", "This message was deleted.":
            notes.insert(trimmed, at: 0)
            body = ""
        case "You deleted this message", "You deleted this message.":
            notes.insert(trimmed, at: 0)
            isDeletedByExporter = true
            body = ""
        case "<Media omitted>":
            attachments.append(AttachmentReference(kind: .other, placeholder: trimmed))
            body = ""
        default:
            if let kind = Self.omittedMediaKind(trimmed) {
                attachments.append(AttachmentReference(kind: kind, placeholder: trimmed))
                body = ""
            }
        }

        // iOS: "<attached: NAME>" anywhere in the text.
        while let open = body.range(of: "<attached: "),
            let close = body.range(of: ">", range: open.upperBound..<body.endIndex)
        {
            let name = String(body[open.upperBound..<close.lowerBound])
            attachments.append(
                AttachmentReference(kind: Attachment.kind(ofMediaPath: name), fileName: name))
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        // Android: "NAME (file attached)" as the first line; the caption follows.
        let marker = " (file attached)"
        var bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = bodyLines.first, first.hasSuffix(marker), first.count > marker.count {
            let name = String(first.dropLast(marker.count))
            attachments.append(
                AttachmentReference(kind: Attachment.kind(ofMediaPath: name), fileName: name))
            bodyLines.removeFirst()
            body = bodyLines.joined(separator: "\n")
        }

        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = text.isEmpty ? nil : text
        title = notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// The kind of media an iOS "… omitted" placeholder stands for.
    private static func omittedMediaKind(_ text: String) -> Attachment.Kind? {
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
        guard text.unicodeScalars.contains(where: WhatsAppHeader.isInvisibleMark) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(
            contentsOf: text.unicodeScalars.filter { !WhatsAppHeader.isInvisibleMark($0) })
        return String(scalars)
    }
}
