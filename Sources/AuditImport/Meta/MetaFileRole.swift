/// What the import of a Meta JSON download does with one file.
enum MetaFileRole: Equatable {
    /// Parse as JSON and classify by content.
    case json
    /// Index as media (size and digest).
    case media
    /// List in `unparsed` with this reason.
    case skipped(String)

    /// The role of a file of a Meta JSON download: operating-system metadata and parts of the
    /// other platform's export are skipped, media indexed, JSON read, anything else skipped with
    /// the reason.
    /// - Parameters:
    ///   - entry: the file.
    ///   - otherExport: why the file is skipped when it belongs to another platform's export in
    ///     the same download, else nil.
    ///   - htmlReason: why an HTML page is skipped.
    ///   - isMedia: whether a file with this extension (lower-case, empty when none) in these
    ///     folders (lower-case, outermost first) is media.
    static func of(
        _ entry: ArchiveReader.Entry, otherExport: () -> String?, htmlReason: String,
        isMedia: (_ extension: String, _ folders: [Substring]) -> Bool
    ) -> MetaFileRole {
        let name = entry.fileName.lowercased()
        let folders = Array(entry.path.lowercased().split(separator: "/").dropLast())
        let ext = name.contains(".") ? name.split(separator: ".").last.map(String.init) ?? "" : ""
        if folders.contains("__macosx") || name == ".ds_store" || name == "thumbs.db"
            || name == "desktop.ini"
        {
            return .skipped(
                "operating-system metadata added when the export was copied or zipped, not part of the export"
            )
        }
        if let reason = otherExport() { return .skipped(reason) }
        if isMedia(ext, folders) { return .media }
        switch ext {
        case "json": return .json
        case "html", "htm": return .skipped(htmlReason)
        default:
            if name == "no-data.txt" {
                return .skipped("placeholder Meta writes in an empty section; nothing to read")
            }
            return .skipped(
                "not an activity file this tool reads (\(ext.isEmpty ? "no extension" : ".\(ext) file"))"
            )
        }
    }
}
