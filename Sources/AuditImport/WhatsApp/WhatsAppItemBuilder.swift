import AuditModel
import Foundation

/// Turns the chats of one archive into timeline items, coverage, the media index and issues.
struct WhatsAppItemBuilder {
    let archive: ArchiveReader
    let context: ImportContext
    /// The items, handed to the context's sink a batch at a time when there is one.
    private var items: ImportedItems
    var unparsed: [ImportIssue] = []
    private(set) var media: [MediaFile] = []
    private(set) var coverage: [SectionCoverage] = []
    /// The owner each chat was given (nil: not determined), and the evidence.
    private var owners: [(label: String?, evidence: String?)] = []
    /// The archive's paths by file name, so that finding each attachment does not scan every
    /// entry (a chat of many attachments in an archive of many files).
    private let pathsByFileName: [String: [String]]
    /// Reads the messages' wall-clock times in the school's zone, an hour's offset at a time.
    private var clock: WallClockResolver

    init(archive: ArchiveReader, context: ImportContext) {
        self.archive = archive
        self.context = context
        items = ImportedItems(context: context)
        clock = WallClockResolver(zone: context.localTimeZone)
        pathsByFileName = Dictionary(grouping: archive.entries.map(\.path)) {
            $0.split(separator: "/").last.map(String.init) ?? $0
        }
    }

    /// Adds a chat's messages.
    /// - Parameters:
    ///   - chat: the chat, read.
    ///   - owner: the decision on who exported it.
    ///   - chatCount: how many chats the archive holds (a zip's own name names its chat only
    ///     when it holds one).
    /// - Throws: what the context's sink throws.
    mutating func add(_ chat: WhatsAppChat, owner: WhatsAppOwner.Outcome, chatCount: Int) throws {
        unparsed += chat.issues
        let ownerLabel: String?
        switch owner {
        case .identified(let label, let evidence):
            ownerLabel = label
            owners.append((label, evidence))
        case .undetermined(let reason):
            ownerLabel = nil
            owners.append((nil, nil))
            unparsed.append(ImportIssue(file: chat.file, reason: reason, kind: .caveat))
        }
        let conversation =
            Self.chatName(fromFileName: chat.file)
            ?? (chatCount == 1 ? Self.chatName(fromFileName: archive.url.lastPathComponent) : nil)
            ?? chat.conversationName(owner: ownerLabel)
            ?? Self.chatName(fromStemOf: chat.file)
        let everyone = chat.participants.filter { $0 != ownerLabel }
        let allCounterparties = everyone.map(WhatsAppOwner.person)
        // In a group, the people the notices show were not members then are not counterparties
        // of a message (added later, or gone).
        let absentees = chat.absentees()
        var lastAbsent: Set<String> = []
        var counterparties = allCounterparties

        var section = SectionCoverage(
            section: "WhatsApp chat: \(conversation ?? chat.file)", items: [], files: [chat.file])
        var batch: [TimelineItem] = []
        batch.reserveCapacity(min(chat.messages.count, Self.batchSize))
        var seen: [ItemID: Int] = [:]
        for (index, message) in chat.messages.enumerated() {
            if absentees[index] != lastAbsent {
                lastAbsent = absentees[index]
                counterparties = everyone.filter { !lastAbsent.contains($0) }.map(
                    WhatsAppOwner.person)
            }
            let time = resolveTime(of: message, in: chat)
            var item = TimelineItem(
                platform: .whatsapp, kind: .message,
                isAuthoredByOwner: ownerLabel != nil && message.sender == ownerLabel,
                author: WhatsAppOwner.person(message.sender), counterparties: counterparties,
                text: message.body.text, title: message.body.title,
                attachments: attachments(of: message, in: chat), conversation: conversation,
                occurredAt: time?.instant, timeBasis: time?.basis ?? .none,
                source: context.source(file: chat.file, locator: "line \(message.line)"),
                rawFragment: message.raw)
            // The same sender can send the same text twice in one minute ("ok"): the content
            // digest alone would merge them, so the k-th repeat gets a digest of its own.
            let repeats = seen[item.id, default: 0]
            seen[item.id] = repeats + 1
            if repeats > 0 {
                item.id = ItemID(
                    rawValue: String(
                        SHA256Hex.digest(of: "\(item.id.rawValue)#\(repeats + 1)").prefix(24)))
            }
            batch.append(item)
            if batch.count == Self.batchSize {
                section.add(batch)
                try items.add(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        section.add(batch)
        try items.add(batch)
        coverage.append(section)
    }

    /// How many items are handed on at a time: a large chat's items are never held together.
    static let batchSize = 2_000

    /// Indexes every file that is not a chat as media, with its size and SHA-256.
    mutating func indexMedia(excluding chats: Set<String>) {
        for entry in archive.entries where !chats.contains(entry.path) {
            do {
                let data = try archive.data(of: entry)
                media.append(
                    MediaFile(
                        path: entry.path, size: UInt64(data.count),
                        sha256: SHA256Hex.digest(of: data)))
            } catch {
                let reason = (error as? ImportError)?.errorDescription ?? "\(error)"
                unparsed.append(
                    ImportIssue(file: entry.path, reason: "could not be read: \(reason)"))
            }
        }
    }

    /// The archive's description and items.
    func result() -> ImportResult {
        let labels = Set(owners.map(\.label))
        var owner: Person?
        var evidence: String?
        if labels.count == 1, let label = labels.first ?? nil {
            owner = WhatsAppOwner.person(label)
            evidence = owners.compactMap(\.evidence).first
        }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .whatsapp,
            variant: .txt, owner: owner, itemCount: items.count, unparsed: unparsed, media: media,
            coverage: coverage, ownerEvidence: evidence)
        return ImportResult(archive: imported, items: items.items)
    }

    // MARK: - Private

    /// The message's instant and basis; nil (with an issue) when the date or time is impossible.
    private mutating func resolveTime(of message: WhatsAppChat.Message, in chat: WhatsAppChat)
        -> WallClockTime.Resolution?
    {
        let header = message.header
        let date = header.date(order: chat.dateOrder.order)
        let locator = "line \(message.line)"
        guard let hour = header.hour24,
            var resolution = clock.resolve(
                WallClockTime(
                    year: date.year, month: date.month, day: date.day, hour: hour,
                    minute: header.minute, second: header.second))
        else {
            let order = header.isYearFirst ? "year-first" : chat.dateOrder.order.description
            unparsed.append(
                ImportIssue(
                    file: chat.file, locator: locator,
                    reason: "the date and time \(Self.written(header)) is not a real date and "
                        + "time (read \(order)); the message is kept without a time"))
            return nil
        }
        if let note = resolution.note {
            unparsed.append(
                ImportIssue(file: chat.file, locator: locator, reason: note, kind: .caveat))
        }
        if chat.dateOrder.isAssumed, header.dependsOnDateOrder {
            resolution.basis = .ambiguousLocal
        }
        return resolution
    }

    /// The message's attachments, linked to the archive's media files; a named file the archive
    /// lacks is an issue.
    private mutating func attachments(of message: WhatsAppChat.Message, in chat: WhatsAppChat)
        -> [Attachment]
    {
        message.body.attachments.map { reference in
            guard let name = reference.fileName else {
                return Attachment(kind: reference.kind, caption: reference.placeholder)
            }
            if let path = mediaPath(named: name, besides: chat.file) {
                return Attachment(kind: reference.kind, uri: path)
            }
            unparsed.append(
                ImportIssue(
                    file: chat.file, locator: "line \(message.line)",
                    reason: "the attached file '\(name)' is not in this archive (exported "
                        + "without media, or the file was left out); only its name is known",
                    kind: .caveat))
            return Attachment(kind: reference.kind, uri: name)
        }
    }

    /// The archive path of the media file `name`: beside the chat file, else anywhere when only
    /// one file has that name.
    private func mediaPath(named name: String, besides chatFile: String) -> String? {
        let folder = chatFile.split(separator: "/").dropLast().joined(separator: "/")
        let beside = folder.isEmpty ? name : "\(folder)/\(name)"
        if archive.entry(at: beside) != nil { return beside }
        let matches = pathsByFileName[name] ?? []
        return matches.count == 1 ? matches[0] : nil
    }

    /// The chat's name in a file name WhatsApp wrote: "WhatsApp Chat with X.txt",
    /// "WhatsApp Chat - X.zip".
    static func chatName(fromFileName path: String) -> String? {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".txt", ".zip"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        for prefix in ["WhatsApp Chat with ", "WhatsApp Chat - "] where name.hasPrefix(prefix) {
            let chat = name.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return chat.isEmpty ? nil : chat
        }
        return nil
    }

    /// A chat file's own name when nothing better names the chat ("family.txt" → "family"); nil
    /// for WhatsApp's generic `_chat.txt`.
    static func chatName(fromStemOf path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.lowercased().hasSuffix(".txt") ? String(name.dropLast(4)) : name
        return stem.isEmpty || stem == "_chat" ? nil : stem
    }

    /// The header's date and time as written, for issues.
    private static func written(_ header: WhatsAppHeader) -> String {
        let date = header.dateFields.map(String.init).joined(separator: "/")
        let time = String(format: "%02d:%02d:%02d", header.hour, header.minute, header.second)
        let meridiem = header.meridiem.map { $0 == .am ? " am" : " pm" } ?? ""
        return "'\(date) \(time)\(meridiem)'"
    }
}
