import AuditModel
import Foundation

/// Reads WhatsApp "Export chat" files: a chat `.txt` on its own, or the `.zip` WhatsApp writes
/// (`_chat.txt` or `WhatsApp Chat with X.txt` plus the media files), unpacked or not.
///
/// Every layout of FORMATS.md §4 is read: bracketed (`[dd/MM/yyyy, HH:mm:ss] Name: text`) and
/// dashed (`dd/MM/yyyy, HH:mm - Name: text`) headers, 12-hour clocks (`1:05 pm`, `1:05 PM`, with
/// a narrow no-break space) and 24-hour clocks, 2- and 4-digit years, year-first dates, and
/// direction marks at line starts. Lines without a header continue the message above.
///
/// What becomes a ``TimelineItem``: each message, as `.message`, authored by its sender
/// (``Person/accountID`` when the sender is a phone number, else ``Person/name``), in the
/// conversation named by the file name WhatsApp wrote ("WhatsApp Chat with X"), the group's name,
/// or the name the encryption notice is attributed to. Counterparties are the chat's other
/// participants: everyone the chat shows taking part except the owner, less those WhatsApp's
/// notices show were not members when the message was written (added or joining later, or gone
/// after "left" or "removed"; ``WhatsAppChat/absentees()``). Deleted messages keep
/// WhatsApp's note as their `title`; media markers become attachments, linked to the media file
/// of the archive when it is there (a missing file is an issue). The locator is "line N" of the
/// message's first line, and the raw fragment is the message's lines as written.
///
/// Not items: WhatsApp's notices (the encryption notice, "X added Y", "X left", subject and
/// number changes …, in any language, also when iOS writes them after a sender's name:
/// ``WhatsAppComposedText``); they are read for the chat's name and participants. An iOS call log
/// is the caller's `.message` with WhatsApp's note ("Voice call, 12 sec") as its title and no
/// text (the contract has no call activity).
///
/// Times are the exporting phone's wall-clock time with no zone: they are read in
/// ``ImportContext/localTimeZone`` with ``WallClockTime``, so every item's basis is
/// `.inferredLocal`, or `.ambiguousLocal` in the hour repeated when clocks go back, in the hour
/// skipped when they go forward (each such line is an issue quoting the choice made), and for a
/// date whose day and month could be either way round. The date order is decided from the whole
/// file (``WhatsAppDateOrderDecision``); a file that does not show it is read day-first and says
/// so in an issue.
///
/// The owner is decided by ``WhatsAppOwner`` from the owner hints, the "You deleted this
/// message." lines and the chats given together; when it cannot be, an issue says why and no
/// message is the owner's. Other files of the archive are media: indexed with size and SHA-256.
public struct WhatsAppChatImporter: ArchiveImporter {
    /// Always ``Platform/whatsapp``.
    public let platform = Platform.whatsapp

    /// Creates the importer.
    public init() {}

    /// Returns `.txt` when the archive holds a text file whose first line is a WhatsApp header.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        archive.entries.contains { Self.chatData(of: $0, in: archive) != nil } ? .txt : nil
    }

    /// Reads one archive on its own; see the type's description.
    /// - Throws: what the context's ``ImportContext/sink`` throws; unreadable files are issues.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        guard let result = try importArchives([(archive: archive, context: context)]).first else {
            throw ImportError.unrecognizedArchive(
                archive.url, expected: "a WhatsApp chat export (.txt or .zip)")
        }
        return result
    }

    /// Reads archives given together: the participant present in every one of their chats is
    /// evidence of the owner (``WhatsAppOwner``).
    /// - Throws: what the context's ``ImportContext/sink`` throws; unreadable files are issues.
    public func importArchives(_ archives: [(archive: ArchiveReader, context: ImportContext)])
        throws -> [ImportResult]
    {
        let read = archives.map { Self.read($0.archive) }
        let allChats = read.flatMap(\.self)
        let common: Set<String>? =
            allChats.count < 2
            ? nil
            : allChats.dropFirst().reduce(Set(allChats[0].participants)) {
                $0.intersection($1.participants)
            }
        return try zip(archives, read).map { given, chats in
            var builder = WhatsAppItemBuilder(archive: given.archive, context: given.context)
            for chat in chats {
                let outcome = WhatsAppOwner.decide(
                    for: chat, hints: given.context.ownerHints, common: common,
                    chatCount: allChats.count)
                try builder.add(chat, owner: outcome, chatCount: chats.count)
            }
            builder.indexMedia(excluding: Set(chats.map(\.file)))
            return builder.result()
        }
    }

    // MARK: - Private

    /// An archive's chats, read.
    private static func read(_ archive: ArchiveReader) -> [WhatsAppChat] {
        // Each chat file is read once: the bytes that show it is a chat are the ones parsed.
        var chats = archive.entries.compactMap { entry in
            chatData(of: entry, in: archive).map { WhatsAppChat(data: $0, file: entry.path) }
        }
        // A chat sent as a document inside another chat is that chat's attachment, not a chat.
        let attached = Set(
            chats.flatMap { chat in
                chat.messages.flatMap { $0.body.attachments.compactMap(\.fileName) }
            })
        if chats.count > 1 {
            chats.removeAll { chat in
                attached.contains(
                    chat.file.split(separator: "/").last.map(String.init) ?? chat.file)
            }
        }
        return chats
    }

    /// The bytes of `entry` when it is a text file whose first non-blank line is a WhatsApp
    /// header; nil when it is not, or cannot be read.
    private static func chatData(of entry: ArchiveReader.Entry, in archive: ArchiveReader)
        -> Data?
    {
        guard entry.fileName.lowercased().hasSuffix(".txt"), entry.size <= 512 << 20,
            let data = try? archive.data(of: entry)
        else { return nil }
        return isChat(data) ? data : nil
    }

    /// Whether the first non-blank line of the file's first 4 KB is a WhatsApp header.
    private static func isChat(_ data: Data) -> Bool {
        let text = WhatsAppChat.text(of: data.prefix(4096))
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .first {
                !WhatsAppMessageBody.removingMarks(String($0)).trimmingCharacters(
                    in: .whitespaces
                ).isEmpty
            }
        return firstLine.flatMap { WhatsAppHeader.parse($0) } != nil
    }
}
