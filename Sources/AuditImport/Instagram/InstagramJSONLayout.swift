import Foundation

/// Where things are in an Instagram JSON export: which files mark an archive as one, what each
/// file is, and the order files are read in.
///
/// Paths are matched by file name and suffix, never by full path, because every era moved the
/// folders (FORMATS.md §0.1, §2.1). Recognition reads content: Instagram's generic records
/// (`string_list_data`, `string_map_data`) and top-level keys (`profile_user`,
/// `relationships_following` …) appear in no Facebook file.
struct InstagramJSONLayout {
    /// What the importer does with one file.
    typealias Role = MetaFileRole

    /// The archive's files.
    let entries: [ArchiveReader.Entry]

    /// Creates the layout of an archive's entries.
    init(entries: [ArchiveReader.Entry]) {
        self.entries = entries
    }

    // MARK: - Recognition

    /// Quoted keys that only Instagram JSON files contain (FORMATS.md §2.2–§2.7).
    static let contentMarkers: [String] = [
        "\"string_list_data\"", "\"string_map_data\"", "\"profile_user\"",
        "\"relationships_following\"", "\"relationships_followers\"", "\"ig_stories\"",
        "\"ig_reels_media\"", "\"ig_profile_picture\"", "\"ig_archived_post_media\"",
        "\"comments_media_comments\"", "\"likes_media_likes\"", "\"ig_secret_groups\"",
    ]

    /// How many of the smallest JSON files recognition reads at most.
    private static let recognitionBudget = 12

    /// Whether the archive is an Instagram JSON export (see
    /// ``InstagramJSONImporter/recognizedVariant(of:)``).
    func recognizes(_ archive: ArchiveReader) -> Bool {
        let candidates = entries.filter { isJSON($0) && !isFacebookPart($0) }
        let records = candidates.filter { !Self.isMessagePart($0.fileName.lowercased()) }
        let smallest = records.sorted { $0.size < $1.size }.prefix(Self.recognitionBudget)
        for entry in smallest {
            guard let data = try? archive.data(of: entry) else { continue }
            if Self.contentMarkers.contains(where: { data.range(of: Data($0.utf8)) != nil }) {
                return true
            }
        }
        // Bare-array posts files and the flat files of the 2018-2020 layout.
        let shapes: [(String, [String])] = [
            ("posts_1.json", ["\"media\"", "\"uri\"", "\"creation_timestamp\""]),
            ("media.json", ["\"taken_at\""]),
            ("connections.json", ["\"followers\"", "\"following\""]),
        ]
        for (name, needles) in shapes {
            for entry in candidates where entry.fileName.lowercased() == name {
                guard let data = try? archive.data(of: entry) else { continue }
                if needles.allSatisfy({ data.range(of: Data($0.utf8)) != nil }) { return true }
            }
        }
        // A download holding only direct messages, in an Instagram-only folder.
        return candidates.contains { entry in
            Self.isMessagePart(entry.fileName.lowercased())
                && entry.path.lowercased().split(separator: "/").contains("your_instagram_activity")
        }
    }

    /// Whether the entry belongs to a Facebook export placed in the same download (Meta's
    /// Accounts Center can put both side by side).
    func isFacebookPart(_ entry: ArchiveReader.Entry) -> Bool {
        entry.path.lowercased().split(separator: "/").dropLast().contains { folder in
            folder.hasPrefix("facebook-") || folder.hasPrefix("facebook_")
                || folder == "your_facebook_activity"
        }
    }

    // MARK: - Roles

    /// Extensions indexed as media wherever they are.
    static let mediaExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff",
        "mp4", "mov", "m4v", "avi", "webm", "3gp", "mkv",
        "mp3", "m4a", "aac", "ogg", "opus", "wav", "amr",
    ]

    /// Folders whose extension-less files are media: Instagram writes many `uri`s without an
    /// extension (FORMATS.md §2.5).
    private static let mediaFolders: Set<Substring> = [
        "media", "photos", "videos", "stories", "direct", "profile",
    ]

    /// What the importer does with `entry`.
    func role(of entry: ArchiveReader.Entry) -> Role {
        MetaFileRole.of(
            entry,
            otherExport: {
                isFacebookPart(entry)
                    ? "part of a Facebook export in the same download; import it separately as a Facebook archive"
                    : nil
            },
            htmlReason:
                "HTML page; this archive is read from its JSON files, and the JSON importer does not read Instagram HTML pages",
            isMedia: { ext, folders in
                Self.mediaExtensions.contains(ext)
                    || (ext.isEmpty && folders.contains(where: Self.mediaFolders.contains))
            })
    }

    private func isJSON(_ entry: ArchiveReader.Entry) -> Bool {
        entry.fileName.lowercased().hasSuffix(".json")
    }

    /// JSON files that may hold the profile, read first to learn the owner's name and handle.
    var profileCandidates: [ArchiveReader.Entry] {
        entries.filter { entry in
            let name = entry.fileName.lowercased()
            return !isFacebookPart(entry)
                && (name == "personal_information.json" || name == "profile.json")
        }
    }

    // MARK: - Order and names

    /// The entries in reading order (see ``MetaExportFiles/readingOrder(_:)``).
    var orderedEntries: [ArchiveReader.Entry] { MetaExportFiles.readingOrder(entries) }

    /// `message_N.json`, a direct-message thread part.
    static func isMessagePart(_ name: String) -> Bool {
        MetaExportFiles.isMessagePart(name, extensions: ["json"])
    }

    /// The folder part of a path ("" at the root).
    static func folder(of path: String) -> String { MetaExportFiles.folder(of: path) }

    /// The message folder a thread file belongs to: the folder after `messages/` when the path
    /// has `messages/<folder>/<thread>/<file>`, else the first part of the thread's
    /// `thread_path`, else "threads".
    static func messageFolder(of path: String, threadPath: String?) -> String {
        let components = path.split(separator: "/").map(String.init)
        if let index = components.lastIndex(where: { $0.lowercased() == "messages" }),
            components.count - index >= 4
        {
            return components[index + 1]
        }
        if let first = threadPath?.split(separator: "/").first, threadPath?.contains("/") == true {
            return String(first)
        }
        return "threads"
    }
}
