import Foundation

/// Where things are in a Facebook HTML export: which files mark an archive as one, and what each
/// file is.
///
/// The HTML export has the JSON export's folder tree with `.html` pages instead of `.json` files
/// (FORMATS.md §1.11), except that apostrophes in names become underscores
/// (`who_you_ve_followed.html`). A page's role comes from its name, matched by suffix as for JSON
/// (§0.1), because unlike a JSON file's keys its markup does not say what it lists.
struct FacebookHTMLLayout {
    /// What the importer does with one file.
    typealias Role = MetaHTMLRole<FacebookSection>

    /// The archive's files.
    let entries: [ArchiveReader.Entry]

    init(entries: [ArchiveReader.Entry]) {
        self.entries = entries
    }

    // MARK: - Recognition

    /// Whether the archive is a Facebook HTML export: it has Facebook pages (by name) or
    /// Messenger thread pages, and nothing marks it as Instagram.
    func recognizes(_ archive: ArchiveReader) -> Bool {
        let pages = entries.filter { Self.isHTML($0) && !Self.isInstagramPart($0) }
        guard !pages.isEmpty else { return false }
        // Instagram files outside an `instagram-…` part (which a combined Meta download has, and
        // which is skipped with a reason) mean this is an Instagram export.
        let ownEntries = entries.filter { !Self.isInstagramPart($0) }
        if ownEntries.contains(where: InstagramHTMLLayout.isInstagramMarker) { return false }
        if pages.contains(where: { Self.section(of: $0) != nil }) { return true }
        let threads = pages.filter { Self.isMessagePart($0.fileName.lowercased()) }
        // A flattened thread page: Facebook's, unless it carries Instagram's logo or links.
        for entry in threads.sorted(by: { $0.size < $1.size }).prefix(3) {
            guard let data = try? archive.data(of: entry) else { continue }
            if !InstagramHTMLLayout.pageLooksLikeInstagram(data) { return true }
        }
        return false
    }

    static func isHTML(_ entry: ArchiveReader.Entry) -> Bool {
        let name = entry.fileName.lowercased()
        return name.hasSuffix(".html") || name.hasSuffix(".htm")
    }

    /// Whether the entry belongs to an Instagram export placed in the same download.
    static func isInstagramPart(_ entry: ArchiveReader.Entry) -> Bool {
        entry.path.lowercased().split(separator: "/").dropLast().contains { folder in
            folder.hasPrefix("instagram-") || folder.hasPrefix("instagram_")
                || folder == "your_instagram_activity"
        }
    }

    /// `message.html`, `message_N.html`.
    static func isMessagePart(_ name: String) -> Bool {
        MetaExportFiles.isMessagePart(name, extensions: ["html", "htm"])
    }

    /// The section a page lists, from its name (without extension; `'` written as `_`).
    static func section(of entry: ArchiveReader.Entry) -> FacebookSection? {
        let name = entry.fileName.lowercased()
        let stem = String(name.split(separator: ".").first ?? "")
            .replacingOccurrences(of: "'", with: "_")
        let parent = entry.path.lowercased().split(separator: "/").dropLast().last.map(String.init)
        if stem.hasPrefix("your_posts") { return .posts }
        if stem.hasPrefix("likes_and_reactions") { return .reactions }
        let exact: [String: FacebookSection] = [
            "your_uncategorized_photos": .uploads, "your_videos": .uploads,
            "your_photos": .uploads,
            "other_people_s_posts_to_your_timeline": .postsByOthers,
            "group_posts_and_comments": .groupPosts, "your_posts_in_groups": .groupPosts,
            "your_comments_in_groups": .groupComments,
            "posts_and_comments": .reactions,
            "story_reactions": .storyReactions,
            "your_friends": .friends, "friends": .friends,
            "sent_friend_requests": .sentRequests, "friend_requests_sent": .sentRequests,
            "received_friend_requests": .receivedRequests,
            "friend_requests_received": .receivedRequests,
            "rejected_friend_requests": .rejectedRequests,
            "removed_friends": .removedFriends,
            "who_you_ve_followed": .following, "who_you_follow": .following,
            "people_who_followed_you": .followers, "people_who_follow_you": .followers,
            "profile_information": .profile,
        ]
        if let section = exact[stem] { return section }
        if stem == "comments" && (parent == "comments_and_reactions" || parent == "comments") {
            return .comments
        }
        if parent == "album" && stem.allSatisfy(\.isNumber) { return .uploads }
        return nil
    }

    // MARK: - Roles

    /// What the importer does with `entry`.
    func role(of entry: ArchiveReader.Entry) -> Role {
        let name = entry.fileName.lowercased()
        let folders = entry.path.lowercased().split(separator: "/").dropLast()
        let ext = name.contains(".") ? name.split(separator: ".").last.map(String.init) ?? "" : ""
        if folders.contains("__macosx") || name == ".ds_store" || name == "thumbs.db"
            || name == "desktop.ini"
        {
            return .skipped(
                "operating-system metadata added when the export was copied or zipped, not part of the export"
            )
        }
        if Self.isInstagramPart(entry) {
            return .skipped(
                "part of an Instagram export in the same download; import it separately as an Instagram archive"
            )
        }
        if FacebookArchiveLayout.mediaExtensions.contains(ext) { return .media }
        if folders.contains("messages") && folders.contains("files") { return .media }
        switch ext {
        case "html", "htm":
            if Self.isMessagePart(name) {
                return .thread(
                    folder: FacebookArchiveLayout.messengerFolder(of: entry.path, threadPath: nil))
            }
            if let section = Self.section(of: entry) { return .section(section) }
            let stem = String(name.split(separator: ".").first ?? "")
            if stem == "friends_you_see_less" {
                return .skipped(
                    "read, not imported: friends whose posts the owner chose to see less of (a news feed setting, not an interaction)"
                )
            }
            if stem == "people_you_may_know" {
                return .skipped(
                    "read, not imported: Facebook's friend suggestions ('people you may know'), which are not the owner's interactions"
                )
            }
            return .skipped("HTML page that is not an activity file this tool reads")
        case "json":
            return .skipped(
                "JSON file in an HTML export; this archive is read from its HTML pages (import the JSON export separately)"
            )
        default:
            if name == "no-data.txt" {
                return .skipped("placeholder Meta writes in an empty section; nothing to read")
            }
            return .skipped(
                "not an activity file this tool reads (\(ext.isEmpty ? "no extension" : ".\(ext) file"))"
            )
        }
    }

    /// The profile pages, read first to learn the owner's name.
    var profileCandidates: [ArchiveReader.Entry] {
        entries.filter { Self.isHTML($0) && Self.section(of: $0) == .profile }
    }

    /// The entries in reading order (folders, then names with numbered parts in numeric order).
    var orderedEntries: [ArchiveReader.Entry] {
        MetaExportFiles.readingOrder(entries)
    }
}
