import Foundation

/// Where things are in a Facebook export: which files mark an archive as Facebook JSON, what each
/// file is, and the order files are read in.
///
/// Paths are matched by file name and suffix, never by full path, because every era moved the
/// folders (FORMATS.md §0.1, §1.1) and people re-zip or flatten them.
struct FacebookArchiveLayout {
    /// What the importer does with one file.
    typealias Role = MetaFileRole

    /// The archive's files.
    let entries: [ArchiveReader.Entry]

    /// Creates the layout of an archive's entries.
    init(entries: [ArchiveReader.Entry]) {
        self.entries = entries
    }

    // MARK: - Recognition

    /// File names that only Facebook exports use (any era), for recognising an archive.
    static let facebookFileNames: Set<String> = [
        "friends.json", "your_friends.json", "removed_friends.json", "who_you_follow.json",
        "people_who_follow_you.json", "who_you've_followed.json", "people_who_followed_you.json",
        "friends_you_see_less.json", "people_you_may_know.json", "your_uncategorized_photos.json",
        "your_videos.json", "story_reactions.json", "group_posts_and_comments.json",
        "your_comments_in_groups.json", "posts_and_comments.json",
        "other_people's_posts_to_your_timeline.json",
    ]

    /// Whether the archive is a Facebook JSON export (see ``FacebookJSONImporter/recognizedVariant(of:)``).
    func recognizes(_ archive: ArchiveReader) -> Bool {
        let candidates = entries.filter { isJSON($0) && !isInstagramPart($0) }
        if candidates.contains(where: Self.isFacebookFile) { return true }
        // Messenger threads have the same format in Instagram exports: do not claim those.
        if entries.contains(where: Self.isInstagramMarker) { return false }
        let threads = candidates.filter { Self.isMessagePart($0.fileName.lowercased()) }
        if Self.anyContains(threads, in: archive, all: ["\"participants\"", "\"messages\""]) {
            return true
        }
        let encrypted = candidates.filter { Self.isNumberedFile($0.fileName.lowercased()) }
        return Self.anyContains(
            encrypted, in: archive, all: ["\"participants\"", "\"messages\"", "\"threadName\""])
    }

    private static func isFacebookFile(_ entry: ArchiveReader.Entry) -> Bool {
        let name = entry.fileName.lowercased()
        if facebookFileNames.contains(name) { return true }
        if name.hasPrefix("your_posts") || name.hasPrefix("likes_and_reactions") { return true }
        if name.hasSuffix("profile_information.json") || name.contains("friend_requests") {
            return true
        }
        let parent = entry.path.split(separator: "/").dropLast().last.map { $0.lowercased() }
        return name == "comments.json"
            && (parent == "comments_and_reactions" || parent == "comments")
    }

    /// Files and folders that only Instagram exports have (FORMATS.md §2.1).
    private static func isInstagramMarker(_ entry: ArchiveReader.Entry) -> Bool {
        let components = entry.path.lowercased().split(separator: "/")
        let folders: Set<Substring> = [
            "your_instagram_activity", "followers_and_following", "account_information",
        ]
        if components.dropLast().contains(where: folders.contains) { return true }
        let name = components.last.map(String.init) ?? ""
        let names: Set<String> = [
            "personal_information.json", "liked_posts.json", "liked_comments.json",
            "secret_groups.json",
            "profile_photos.json", "connections.json", "stories.json", "reels.json",
        ]
        if names.contains(name) { return true }
        return ["post_comments", "posts_", "followers_"].contains { prefix in
            name.hasPrefix(prefix) && (name == "\(prefix).json" || isNumberedFile(name))
        }
    }

    /// Whether the entry belongs to an Instagram export placed in the same download (Meta's
    /// Accounts Center can put both side by side): under an `instagram-…` folder or an
    /// Instagram-only activity folder.
    func isInstagramPart(_ entry: ArchiveReader.Entry) -> Bool {
        entry.path.lowercased().split(separator: "/").dropLast().contains { folder in
            folder.hasPrefix("instagram-") || folder.hasPrefix("instagram_")
                || folder == "your_instagram_activity"
        }
    }

    /// Whether any of the (at most three smallest) entries contains every one of `needles`.
    private static func anyContains(
        _ candidates: [ArchiveReader.Entry], in archive: ArchiveReader, all needles: [String]
    ) -> Bool {
        for entry in candidates.sorted(by: { $0.size < $1.size }).prefix(3) {
            guard let data = try? archive.data(of: entry) else { continue }
            if needles.allSatisfy({ data.range(of: Data($0.utf8)) != nil }) { return true }
        }
        return false
    }

    // MARK: - Roles

    /// Extensions indexed as media wherever they are.
    static let mediaExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff",
        "mp4", "mov", "m4v", "avi", "webm", "3gp", "mkv",
        "mp3", "m4a", "aac", "ogg", "opus", "wav", "amr",
    ]

    /// What the importer does with `entry`.
    func role(of entry: ArchiveReader.Entry) -> Role {
        MetaFileRole.of(
            entry,
            otherExport: {
                isInstagramPart(entry)
                    ? "part of an Instagram export in the same download; import it separately as an Instagram archive"
                    : nil
            },
            htmlReason:
                "HTML page; this archive is read from its JSON files, and Facebook HTML pages are not read by the JSON importer",
            isMedia: { ext, folders in
                Self.mediaExtensions.contains(ext)
                    || (folders.contains("messages") && folders.contains("files"))
            })
    }

    private func isJSON(_ entry: ArchiveReader.Entry) -> Bool {
        entry.fileName.lowercased().hasSuffix(".json")
    }

    /// JSON files that may hold the profile, read first to learn the owner's name.
    var profileCandidates: [ArchiveReader.Entry] {
        entries.filter { entry in
            isJSON(entry) && !isInstagramPart(entry)
                && entry.fileName.lowercased().contains("profile_information")
        }
    }

    /// JSON files that may be Messenger threads (`message_N.json` or an encrypted-chat
    /// `<name>_<digits>.json`), read for the owner of a download without a profile.
    var threadCandidates: [ArchiveReader.Entry] {
        entries.filter { entry in
            let name = entry.fileName.lowercased()
            return isJSON(entry) && !isInstagramPart(entry)
                && (Self.isMessagePart(name) || Self.isNumberedFile(name))
        }
    }

    // MARK: - Order and names

    /// The entries in reading order (see ``MetaExportFiles/readingOrder(_:)``).
    var orderedEntries: [ArchiveReader.Entry] { MetaExportFiles.readingOrder(entries) }

    /// `message.json` (2018) or `message_N.json`.
    static func isMessagePart(_ name: String) -> Bool {
        MetaExportFiles.isMessagePart(name, extensions: ["json"])
    }

    /// `<anything>_<digits>.json`, the shape of encrypted-chat thread files (`Alice_40.json`).
    static func isNumberedFile(_ name: String) -> Bool {
        guard name.hasSuffix(".json") else { return false }
        let base = name.dropLast(".json".count)
        let digits = base.reversed().prefix { $0.isNumber }
        return !digits.isEmpty && base.dropLast(digits.count).hasSuffix("_")
            && base.count > digits.count + 1
    }

    /// The folder part of a path ("" at the root).
    static func folder(of path: String) -> String { MetaExportFiles.folder(of: path) }

    /// The Messenger folder a thread file belongs to: the folder after `messages/` when the path
    /// has `messages/<folder>/<thread>/<file>`, else the first part of the file's `thread_path`,
    /// else "threads".
    static func messengerFolder(of path: String, threadPath: String?) -> String {
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
