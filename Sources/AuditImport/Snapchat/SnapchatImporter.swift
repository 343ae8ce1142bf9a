import AuditModel
import Foundation

/// Reads Snapchat's "My Data" download, zipped or unpacked, JSON layouts old and current
/// (docs/formats/snapchat.md).
///
/// What becomes a ``TimelineItem``:
/// - `account.json`: the profile (`.profile`: name, username, birthday when given); its
///   username and name are the archive's owner (without it, the one username the histories
///   mark `IsSender` is, and the archive says how it was found);
/// - `friends.json`: friends (`.friend`), friend requests sent (`.friendRequestSent`), requests
///   received and pending (`.friendRequestReceived`, pending) or ignored (rejected), deleted
///   friends (`.friend`, removed) and blocked accounts (`.friend`, blocked: never contact);
/// - `chat_history.json`: every saved chat message (`.message`) with sender, conversation,
///   text and media type; media sent in a chat is linked to its file in `chat_media/` by the
///   record's media id when the download holds it;
/// - `snap_history.json`: every snap sent or received (`.message` with the snap's media type
///   as an attachment and no text: Snapchat never keeps a snap's content).
///
/// Every Snapchat archive carries two caveats (``ImportIssue/Kind/caveat``): chats that neither
/// side saved are not in the download, and no snap's content ever is; an archive with neither
/// chats nor snaps says what that means. Other files are listed as not imported with the reason;
/// HTML pages of a download that also has JSON are the same data and listed as such.
public struct SnapchatImporter: ArchiveImporter {
    /// Always ``Platform/snapchat``.
    public let platform = Platform.snapchat

    /// Creates the importer.
    public init() {}

    /// `.json` for a download with Snapchat's JSON files, `.html` for one with only its pages.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        let files = SnapchatExportFiles(entries: archive.entries)
        guard files.isSnapchatDownload else { return nil }
        return files.hasJSON ? .json : .html
    }

    /// Reads the download; see the type's description.
    /// - Throws: what the context's sink throws; unreadable files are issues.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let files = SnapchatExportFiles(entries: archive.entries)
        guard files.hasJSON else {
            return try SnapchatHTMLReader(archive: archive, files: files, context: context).result()
        }
        var builder = SnapchatItemBuilder(context: context, chatMedia: files.chatMedia)
        var items = ImportedItems(context: context)
        var handled = Set<String>()
        let roles: [SnapchatExportFiles.Role] = [.account, .friends, .chats, .snaps]
        var documents: [SnapchatExportFiles.Role: SourcedJSONDocument] = [:]
        for role in roles {
            guard let entry = files.files[role] else { continue }
            handled.insert(entry.path)
            documents[role] = Self.document(entry, in: archive, builder: &builder)
        }
        if documents[.account] == nil {
            // Without the account file, the records the download marks as the owner's
            // (IsSender) name the owner's username.
            builder.inferOwner(from: [documents[.chats], documents[.snaps]].compactMap { $0 })
        }
        for role in roles {
            guard let entry = files.files[role], let document = documents[role] else { continue }
            switch role {
            case .account: builder.addAccount(document, file: entry.path)
            case .friends: builder.addFriends(document, file: entry.path)
            case .chats: builder.addMessages(document, file: entry.path, isSnaps: false)
            case .snaps: builder.addMessages(document, file: entry.path, isSnaps: true)
            }
            try items.add(builder.takeItems())
        }
        var media: [MediaFile] = []
        for entry in archive.entries where !handled.contains(entry.path) {
            builder.add(
                contentsOf: Self.otherFile(entry, files: files, archive: archive, media: &media))
        }
        if builder.owner == nil, documents[.account] == nil {
            builder.add(
                ImportIssue(
                    file: "account.json",
                    reason:
                        "the download holds no account file, so its owner is not named; chats and snaps still say which were the owner's where the record does (IsSender, or a sent list)",
                    kind: .caveat))
        }
        for caveat in Self.caveats(files: files, coverage: builder.coverage) { builder.add(caveat) }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .snapchat,
            variant: .json, owner: builder.owner, itemCount: items.count,
            unparsed: builder.issues, media: media, coverage: builder.coverage,
            ownerEvidence: builder.ownerEvidence)
        return ImportResult(archive: imported, items: items.items)
    }

    /// What every Snapchat archive must say about what it cannot show.
    static func caveats(files: SnapchatExportFiles, coverage: [SectionCoverage]) -> [ImportIssue] {
        let page = { (name: String) in
            files.htmlPages.first { $0.fileName.lowercased() == name }?.path
        }
        let chatFile = files.files[.chats]?.path ?? page("chat_history.html") ?? "chat_history.json"
        let snapFile = files.files[.snaps]?.path ?? page("snap_history.html") ?? "snap_history.json"
        var caveats = [
            ImportIssue(
                file: chatFile,
                reason:
                    "Snapchat deletes chats after they are viewed unless someone saves them: only chats saved by the owner or the other person are in this download, so the absence of a chat is no evidence that none took place",
                kind: .caveat),
            ImportIssue(
                file: snapFile,
                reason:
                    "a snap's picture or film is never in the download: snap history says only who sent a snap to whom, when, and whether it was a photo or a video (and Snapchat keeps that history for about a month)",
                kind: .caveat),
        ]
        let messages = coverage.filter {
            $0.section == "Snapchat: saved chats" || $0.section == "Snapchat: snap history"
        }.reduce(0) { $0 + $1.itemCount }
        if messages == 0 {
            caveats.append(
                ImportIssue(
                    file: chatFile,
                    reason:
                        "this download holds neither saved chats nor snap history: Snapchat may not have included them (they are chosen when the download is requested) or nothing was saved or sent recently; it shows nothing about whether the owner chatted or sent snaps, so only friends and the profile could be checked",
                    kind: .caveat))
        }
        return caveats
    }

    /// Reads a JSON file of the download; a file that cannot be read or is not JSON is an issue.
    private static func document(
        _ entry: ArchiveReader.Entry, in archive: ArchiveReader, builder: inout SnapchatItemBuilder
    ) -> SourcedJSONDocument? {
        do {
            return try SourcedJSONDocument(data: try archive.data(of: entry))
        } catch let error as MetaJSONDecoding.InvalidJSON {
            builder.add(
                ImportIssue(
                    file: entry.path,
                    reason: "not valid JSON (\(error.detail)); nothing in it was imported"))
        } catch {
            let reason = (error as? ImportError)?.errorDescription ?? "\(error)"
            builder.add(ImportIssue(file: entry.path, reason: "could not be read: \(reason)"))
        }
        return nil
    }

    /// How a file the importer does not read is accounted for: media of saved chats are
    /// indexed (size and SHA-256) for the evidence; anything else is listed with the reason.
    private static func otherFile(
        _ entry: ArchiveReader.Entry, files: SnapchatExportFiles, archive: ArchiveReader,
        media: inout [MediaFile]
    ) -> [ImportIssue] {
        let name = entry.fileName.lowercased()
        if files.chatMedia.contains(entry) {
            do {
                let data = try archive.data(of: entry)
                media.append(
                    MediaFile(
                        path: entry.path, size: UInt64(data.count),
                        sha256: SHA256Hex.digest(of: data)))
                return []
            } catch {
                let reason = (error as? ImportError)?.errorDescription ?? "\(error)"
                return [ImportIssue(file: entry.path, reason: "could not be read: \(reason)")]
            }
        }
        if files.duplicates.contains(entry) {
            return [
                ImportIssue(
                    file: entry.path,
                    reason:
                        "a second copy of \(entry.fileName) in the download: the first was read",
                    kind: .notImported)
            ]
        }
        if files.htmlPages.contains(entry) {
            return [
                ImportIssue(
                    file: entry.path,
                    reason:
                        "the HTML page of data read from the download's JSON files (the same data)",
                    kind: .notImported)
            ]
        }
        if let reason = SnapchatExportFiles.notImportedFiles[name] {
            return [
                ImportIssue(file: entry.path, reason: "not imported: \(reason)", kind: .notImported)
            ]
        }
        let folders = entry.path.lowercased().split(separator: "/")
        if folders.contains("memories") || folders.contains("shared_story")
            || folders.contains("public_profile")
        {
            return [
                ImportIssue(
                    file: entry.path,
                    reason:
                        "not imported: a saved Memory or story of the owner's, not sent to anyone in a chat",
                    kind: .notImported)
            ]
        }
        return [
            ImportIssue(
                file: entry.path,
                reason: "not a file of the Snapchat download this version reads: not read",
                kind: .notImported)
        ]
    }
}

extension SnapchatItemBuilder {
    /// Records several issues found outside the builder.
    mutating func add(contentsOf issues: [ImportIssue]) {
        for issue in issues { add(issue) }
    }
}
