import AuditModel
import Foundation

/// One exported chat file, read line by line.
///
/// Holds its messages, WhatsApp's notices, the people who take part and the file's date order.
/// Times are still wall-clock fields here; the builder reads them in the school's zone.
struct WhatsAppChat: Sendable {
    /// A message: a header line with a sender, and the lines that continue it.
    struct Message: Sendable {
        /// The 1-based line of the header.
        var line: Int
        /// The sender as the chat writes them (an address-book name or a phone number), without
        /// direction marks.
        var sender: String
        var header: WhatsAppHeader
        var body: WhatsAppMessageBody
        /// The message's lines exactly as read, joined with "\n".
        var raw: String
    }

    /// The chat file's path inside the archive.
    var file: String
    var messages: [Message] = []
    /// WhatsApp's notices with their lines.
    var notices: [(line: Int, notice: WhatsAppNotice)] = []
    /// Everyone the chat shows taking part (senders and people named in notices), sorted.
    var participants: [String] = []
    /// Senders of "You deleted this message.", with the line: the exporter's own name.
    var exporterEvidence: [(name: String, line: Int)] = []
    /// The sender WhatsApp gave the encryption notice: the chat's name in iOS exports.
    var encryptionNoticeSender: String?
    /// The group name from "created group" and "changed the subject" notices (the latest).
    var groupName: String?
    var dateOrder = WhatsAppDateOrderDecision(order: .dayFirst, basis: .irrelevant)
    /// Lines or whole-file matters that could not be understood.
    var issues: [ImportIssue] = []
    /// How many lines the file has.
    var lineCount = 0

    /// Reads a chat file.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: its path inside the archive, for issues.
    init(data: Data, file: String) {
        self.file = file
        let text = Self.text(of: data)
        if !Self.isExactUTF8(text, of: data), text.contains("\u{FFFD}"),
            String(data: data, encoding: .utf8) == nil,
            !(data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]))
        {
            issues.append(
                ImportIssue(
                    file: file,
                    reason: "the file is not valid UTF-8; the bytes that are not were read as "
                        + "U+FFFD (\u{FFFD}), so some characters of some messages are lost"))
        }
        let lines = Self.lines(of: text)
        lineCount = lines.count
        let entries = Self.entries(of: lines)
        if let first = entries.first?.line, first > 1 {
            let before = lines[0..<(first - 1)].filter {
                !WhatsAppMessageBody.removingMarks(String($0)).trimmingCharacters(in: .whitespaces)
                    .isEmpty
            }
            if !before.isEmpty {
                issues.append(
                    ImportIssue(
                        file: file, locator: first == 2 ? "line 1" : "lines 1-\(first - 1)",
                        reason: "text before the first dated line; not a message, not read"))
            }
        }
        dateOrder = WhatsAppDateOrderDecision.decide(entries.map { ($0.line, $0.header) })
        if let reason = dateOrder.issueReason {
            issues.append(ImportIssue(file: file, reason: reason, kind: .caveat))
        }
        read(entries)
    }

    /// The chat's name for ``TimelineItem/conversation``, from inside the file.
    ///
    /// The group's name, else the contact the encryption notice is attributed to (the chat's name
    /// in iOS exports) unless that is the owner, else nil. The file's or zip's own name, when
    /// WhatsApp wrote it, is preferred by the importer.
    func conversationName(owner: String?) -> String? {
        if let groupName { return groupName }
        if let sender = encryptionNoticeSender, sender != owner { return sender }
        return nil
    }

    // MARK: - Private

    private typealias Entry = (line: Int, header: WhatsAppHeader, lines: [Substring])

    /// Groups lines into entries: a header line and the lines that continue it.
    ///
    /// The first header sets the file's layout; a line in the other layout is text, not a header.
    private static func entries(of lines: [Substring]) -> [Entry] {
        var entries: [Entry] = []
        var layout: WhatsAppHeader.Layout?
        for (index, line) in lines.enumerated() {
            if let header = WhatsAppHeader.parse(line), layout == nil || header.layout == layout {
                layout = header.layout
                entries.append((index + 1, header, [line]))
            } else if !entries.isEmpty {
                entries[entries.count - 1].lines.append(line)
            }
        }
        // Blank lines at the end of the file belong to no message.
        if var last = entries.popLast() {
            while last.lines.count > 1, let tail = last.lines.last,
                WhatsAppMessageBody.removingMarks(String(tail)).trimmingCharacters(
                    in: .whitespaces
                ).isEmpty
            {
                last.lines.removeLast()
            }
            entries.append(last)
        }
        return entries
    }

    private mutating func read(_ entries: [Entry]) {
        let splits = entries.map { Self.split($0.header.rest) }
        let senders = Set(splits.compactMap { $0?.sender })
        var people = Set<String>()
        for (index, entry) in entries.enumerated() {
            let rest = entry.header.rest
            let continuation = entry.lines.dropFirst().map(String.init)
            let raw = entry.lines.joined(separator: "\n")
            if let (sender, body) = splits[index] ?? Self.splitAtBareColon(rest, senders) {
                var composed = WhatsAppComposedText.read(
                    body, sender: sender, header: entry.header,
                    hasContinuation: !continuation.isEmpty, isFirstEntry: index == 0)
                // Older iOS exports put the encryption notice after the chat's name, unmarked,
                // in English ("Messages …"): only such a line is looked at twice.
                if composed == nil, body.utf8.count < 300,
                    let start = body.unicodeScalars.first(where: {
                        !WhatsAppHeader.isInvisibleMark($0)
                    }), start == "M" || start == "m",
                    WhatsAppNotice.isEncryptionNotice(
                        WhatsAppMessageBody.removingMarks(body).trimmingCharacters(
                            in: .whitespaces))
                {
                    composed = .notice(.encryption)
                }
                if case .notice(let notice) = composed {
                    if notice == .encryption {
                        encryptionNoticeSender = encryptionNoticeSender ?? sender
                    } else if sender != encryptionNoticeSender, body.range(of: sender) != nil,
                        rest.unicodeScalars.first.map(WhatsAppHeader.isInvisibleMark) != true
                    {
                        // The notice names its sender: they acted or were acted on. (A marked
                        // label, "‎Du", is WhatsApp's word for the exporter, no one's name.)
                        people.insert(sender)
                    }
                    record(notice, line: entry.line, into: &people)
                    continue
                }
                let messageBody: WhatsAppMessageBody
                if case .call(let note) = composed {
                    messageBody = WhatsAppMessageBody(callNote: note)
                } else {
                    messageBody = WhatsAppMessageBody(lines: [body] + continuation)
                }
                let message = Message(
                    line: entry.line, sender: sender, header: entry.header, body: messageBody,
                    raw: raw)
                if message.body.isDeletedByExporter {
                    exporterEvidence.append((sender, entry.line))
                }
                people.insert(sender)
                messages.append(message)
            } else {
                let text = WhatsAppMessageBody.removingMarks(
                    ([rest] + continuation).joined(separator: "\n")
                )
                .trimmingCharacters(in: .whitespacesAndNewlines)
                let notice = WhatsAppNotice.read(text, requireKnownWording: false) ?? .other
                record(notice, line: entry.line, into: &people)
            }
        }
        participants = people.sorted()
    }

    private mutating func record(
        _ notice: WhatsAppNotice, line: Int, into people: inout Set<String>
    ) {
        notices.append((line, notice))
        people.formUnion(notice.participants.map(Self.cleanName))
        if let name = notice.groupName { groupName = name }
    }

    /// "Name: text" split at the first ": ", when what precedes it can be a name.
    private static func split(_ rest: String) -> (sender: String, body: String)? {
        guard let separator = firstSeparator(in: rest) else { return nil }
        let sender = cleanName(String(rest[..<separator.lowerBound]))
        guard isPlausibleName(sender) else { return nil }
        return (sender, String(rest[separator.upperBound...]))
    }

    /// The first ": " of `rest`, found among its bytes when ASCII stands on both sides of it
    /// (then it is the first ": " of its characters too), else by `range(of:)` (a combining mark
    /// after the space).
    private static func firstSeparator(in rest: String) -> Range<String.Index>? {
        let utf8 = rest.utf8
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if previous == UInt8(ascii: ":"), byte == UInt8(ascii: " ") {
                let colon = utf8.index(before: index)
                guard colon == utf8.startIndex || utf8[utf8.index(before: colon)] < 0x80,
                    next == utf8.endIndex || utf8[next] < 0x80
                else { return rest.range(of: ": ") }
                return colon..<next
            }
            previous = byte
            index = next
        }
        return nil
    }

    /// "Name:text" (no space after the colon) when Name sends other messages in the file.
    private static func splitAtBareColon(_ rest: String, _ senders: Set<String>) -> (
        sender: String, body: String
    )? {
        guard let range = rest.range(of: ":") else { return nil }
        let sender = cleanName(String(rest[..<range.lowerBound]))
        guard senders.contains(sender) else { return nil }
        return (sender, String(rest[range.upperBound...]))
    }

    /// A sender label without direction marks or surrounding spaces.
    static func cleanName(_ name: String) -> String {
        // An ASCII name with no space or tab at either end is its own clean form.
        if let first = name.utf8.first, let last = name.utf8.last,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09,
            !name.utf8.contains(where: { $0 >= 0x80 })
        {
            return name
        }
        return WhatsAppMessageBody.removingMarks(name).trimmingCharacters(in: .whitespaces)
    }

    /// Whether text before ": " can be a sender: not empty, not too long, no quotation marks
    /// (which notices such as `changed the subject to "A: B"` have).
    private static func isPlausibleName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100
            && !name.contains(where: { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" })
    }
}

extension WhatsAppChat {
    /// The lines of `text`, split at "\n", "\r\n" and "\r" as its characters would be (each
    /// of those is a character of its own), found among its UTF-8 bytes.
    static func lines(of text: String) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        var lines: [Substring] = []
        _ = utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var index = 0
            func cut(_ end: Int) {
                lines.append(
                    text[
                        utf8.index(
                            utf8.startIndex, offsetBy: start)..<utf8.index(
                                utf8.startIndex, offsetBy: end)])
            }
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    cut(index)
                    index += 1
                    start = index
                case 0x0D:
                    cut(index)
                    index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                default:
                    index += 1
                }
            }
            cut(bytes.count)
        }
        return lines
    }

    /// Whether `text` holds exactly the bytes of `data` (after a UTF-8 byte-order mark): the
    /// file was valid UTF-8, so no byte was read as U+FFFD.
    private static func isExactUTF8(_ text: String, of data: Data) -> Bool {
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard text.utf8.count == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        return text.utf8.withContiguousStorageIfAvailable { textBytes in
            bytes.withUnsafeBytes { raw in
                guard let left = textBytes.baseAddress, let right = raw.baseAddress else {
                    return false
                }
                return memcmp(left, right, raw.count) == 0
            }
        } ?? text.utf8.elementsEqual(bytes)
    }

    /// The text of a chat file: UTF-8 (a byte-order mark is dropped), or UTF-16 with its mark.
    static func text(of data: Data) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]),
            let text = String(data: data, encoding: .utf16)
        {
            return text
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
