import AuditModel
import Foundation

/// Reads TikTok's "Download your data" file in JSON: `user_data_tiktok.json` (2024 on) or
/// `user_data.json` (before), given as the zip TikTok sends or as the file itself
/// (FORMATS.md §5, docs/formats/tiktok.md).
///
/// What becomes a ``TimelineItem``:
/// - the profile (`ProfileMap`): `.profile` with user name, display name, birthday
///   ("04-Jul-2002" written "Birthday: 2002-07-04") and bio; its user name and display name are
///   the archive's owner;
/// - following (`.follow`) and followers (`.follower`) with the account's user name;
/// - blocked accounts (`.follow`, blocked: never contact);
/// - comments (`.comment`, text and the video's link when given) and comments written in
///   others' LIVEs (`.comment`), with the accounts they `@mention` as counterparties (the
///   download does not say whose video a comment was on);
/// - videos and photo posts (`.post`, with every link as a video or photo attachment and the
///   title as text);
/// - liked videos (`.reaction`, with the video's link);
/// - direct messages: every "Chat History with <user>:" list, one `.message` per message,
///   the owner's when `From` is the profile's user name; counterparties are the chat's user
///   (or a group's other senders).
///
/// Dates ("2025-06-17 19:00:49") are UTC with no zone written (FORMATS.md §5): read as UTC,
/// `.explicit`. Keys are read without case (`Date`/`date`); `null` lists are empty. Every other
/// non-empty section is listed as not imported, with the reason.
public struct TikTokImporter: ArchiveImporter {
    /// Always ``Platform/tiktok``.
    public let platform = Platform.tiktok

    /// Creates the importer.
    public init() {}

    /// The file names TikTok has given its JSON download.
    static let fileNames: Set<String> = ["user_data_tiktok.json", "user_data.json"]

    /// `.json` when the archive holds `user_data_tiktok.json` or `user_data.json`.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        Self.dataFiles(in: archive).isEmpty ? nil : .json
    }

    static func dataFiles(in archive: ArchiveReader) -> [ArchiveReader.Entry] {
        archive.entries.filter { fileNames.contains($0.fileName.lowercased()) }
    }

    /// Reads the file; see the type's description.
    /// - Throws: ``ImportError/invalidFile(_:locator:reason:)`` when the data file is not JSON
    ///   (nothing else is in the download); what the context's sink throws.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let dataFiles = Self.dataFiles(in: archive)
        guard let entry = dataFiles.first else {
            throw ImportError.unrecognizedArchive(
                archive.url, expected: "a TikTok download (user_data_tiktok.json)")
        }
        let document: SourcedJSONDocument
        do {
            document = try SourcedJSONDocument(data: try archive.data(of: entry))
        } catch let error as MetaJSONDecoding.InvalidJSON {
            throw ImportError.invalidFile(
                entry.path, locator: "/", reason: "not valid JSON (\(error.detail))")
        }
        var builder = TikTokItemBuilder(context: context, document: document, file: entry.path)
        var items = ImportedItems(context: context)
        builder.addEverything()
        try items.add(builder.takeItems())
        var issues = builder.issues
        for other in archive.entries where other.path != entry.path {
            issues.append(
                ImportIssue(
                    file: other.path,
                    reason: dataFiles.contains(other)
                        ? "a second TikTok data file in the archive: only \(entry.path) was read"
                        : "not a file of the TikTok download this version reads",
                    kind: .notImported))
        }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .tiktok,
            variant: .json, owner: builder.owner, itemCount: items.count, unparsed: issues,
            coverage: builder.coverage)
        return ImportResult(archive: imported, items: items.items)
    }
}
