import Foundation

/// Where things are in an Instagram HTML export (FORMATS.md §2.1, §2.9): which files mark an
/// archive as one, and what each file is.
///
/// The HTML export has the JSON export's folders with `.html` pages; names are matched by
/// suffix, apostrophes read as underscores, numbered parts (`followers_1.html`,
/// `post_comments_1.html`) in numeric order.
struct InstagramHTMLLayout {
    /// What the importer does with one file.
    typealias Role = MetaHTMLRole<InstagramHTMLSection>

    let entries: [ArchiveReader.Entry]

    init(entries: [ArchiveReader.Entry]) {
        self.entries = entries
    }

    // MARK: - Recognition

    /// Folders only Instagram exports have.
    private static let instagramFolders: Set<String> = [
        "your_instagram_activity", "followers_and_following", "account_information",
        "story_interactions", "story_sticker_interactions",
    ]

    /// File names (without extension) only Instagram exports use.
    /// (Names that Facebook also uses, such as `following`, `stories` or `secret_conversations`
    /// (in a 2024 Facebook export's `messages/`), are left out: the folders above mark those.)
    private static let instagramStems: Set<String> = [
        "personal_information", "liked_posts", "liked_comments", "secret_groups",
        "profile_photos", "story_likes", "pending_follow_requests", "recent_follow_requests",
        "close_friends", "archived_posts",
    ]

    /// Folders only Facebook exports have: what is inside them is Facebook's, whatever its name
    /// (a 2024 Facebook HTML export has `your_activity_across_facebook/messages/
    /// secret_conversations.html`, a name Instagram uses too).
    private static let facebookFolders: Set<String> = [
        "your_activity_across_facebook", "your_facebook_activity",
    ]

    /// Whether the entry's folders or name are Instagram's.
    static func isInstagramMarker(_ entry: ArchiveReader.Entry) -> Bool {
        let components = entry.path.lowercased().split(separator: "/")
        if components.dropLast().contains(where: { facebookFolders.contains(String($0)) }) {
            return false
        }
        if components.dropLast().contains(where: { instagramFolders.contains(String($0)) }) {
            return true
        }
        let stem = stem(of: entry)
        if instagramStems.contains(stem) { return true }
        return ["post_comments", "posts"].contains { prefix in
            stem == prefix
                || (stem.hasPrefix(prefix + "_")
                    && stem.dropFirst(prefix.count + 1).allSatisfy(\.isNumber))
        }
    }

    /// Whether a thread page shows Instagram's logo or links to instagram.com.
    static func pageLooksLikeInstagram(_ data: Data) -> Bool {
        ["Instagram-Logo", "alt=\"Instagram\"", "instagram.com/"].contains { needle in
            data.range(of: Data(needle.utf8)) != nil
        }
    }

    /// Whether the archive is an Instagram HTML export.
    func recognizes(_ archive: ArchiveReader) -> Bool {
        let pages = entries.filter(FacebookHTMLLayout.isHTML)
        guard !pages.isEmpty else { return false }
        if entries.contains(where: Self.isInstagramMarker) { return true }
        let threads = pages.filter { FacebookHTMLLayout.isMessagePart($0.fileName.lowercased()) }
        for entry in threads.sorted(by: { $0.size < $1.size }).prefix(3) {
            guard let data = try? archive.data(of: entry) else { continue }
            if Self.pageLooksLikeInstagram(data) { return true }
        }
        return false
    }

    // MARK: - Roles

    static func stem(of entry: ArchiveReader.Entry) -> String {
        String(entry.fileName.lowercased().split(separator: ".").first ?? "")
            .replacingOccurrences(of: "'", with: "_")
    }

    /// The section a page lists, from its name.
    static func section(of entry: ArchiveReader.Entry) -> InstagramHTMLSection? {
        let stem = stem(of: entry)
        func numbered(_ prefix: String) -> Bool {
            stem == prefix
                || (stem.hasPrefix(prefix + "_")
                    && stem.dropFirst(prefix.count + 1).allSatisfy(\.isNumber))
        }
        if stem == "personal_information" { return .profile }
        if numbered("posts") { return .posts }
        if stem == "archived_posts" { return .archivedPosts }
        if stem == "stories" { return .stories }
        if stem == "reels" { return .reels }
        if numbered("post_comments") || stem == "reels_comments" { return .comments }
        if stem == "liked_posts" { return .likedPosts }
        if stem == "liked_comments" { return .likedComments }
        if stem == "story_likes" { return .storyLikes }
        if stem == "following" { return .following }
        if numbered("followers") { return .followers }
        if stem == "pending_follow_requests" || stem == "recent_follow_requests" {
            return .sentRequests
        }
        if stem == "follow_requests_you_ve_received" { return .receivedRequests }
        if stem == "recently_unfollowed_profiles" || stem == "recently_unfollowed_accounts" {
            return .unfollowed
        }
        return nil
    }

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
        if FacebookArchiveLayout.mediaExtensions.contains(ext) { return .media }
        switch ext {
        case "html", "htm":
            if FacebookHTMLLayout.isMessagePart(name) {
                return .thread(folder: Self.threadFolder(of: entry.path))
            }
            if let section = Self.section(of: entry) { return .section(section) }
            let stem = Self.stem(of: entry)
            if let reason = Self.notImported[stem] {
                return .skipped("read, not imported: \(reason)")
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

    /// Pages that are read elsewhere or hold no interactions, with the reason.
    private static let notImported: [String: String] = [
        "start_here": "the export's index page, which only links to the other pages",
        "close_friends": "the owner's close-friends list (a sharing setting, not an interaction)",
        "blocked_profiles": "accounts the owner blocked",
        "blocked_accounts": "accounts the owner blocked",
        "restricted_profiles": "accounts the owner restricted",
        "removed_suggestions": "suggestions the owner dismissed",
        "following_hashtags": "hashtags the owner follows, not people",
        "profile_photos": "the owner's profile pictures",
        "secret_conversations": "a list of the devices with end-to-end encrypted chats",
        "chats": "the index of message threads (each thread is read from its own pages)",
    ]

    /// `inbox`, `message_requests` …: the folder after `messages/`, else "threads".
    static func threadFolder(of path: String) -> String {
        FacebookArchiveLayout.messengerFolder(of: path, threadPath: nil)
    }

    /// The profile pages, read first to learn the owner.
    var profileCandidates: [ArchiveReader.Entry] {
        entries.filter { FacebookHTMLLayout.isHTML($0) && Self.section(of: $0) == .profile }
    }

    /// The entries in reading order.
    var orderedEntries: [ArchiveReader.Entry] {
        MetaExportFiles.readingOrder(entries)
    }
}

/// A part of an Instagram export that yields one kind of timeline item, named for coverage.
enum InstagramHTMLSection: Hashable, Comparable {
    case profile
    case posts
    case archivedPosts
    case stories
    case reels
    case comments
    case likedPosts
    case likedComments
    case storyLikes
    case messages(String)
    case following
    case followers
    case sentRequests
    case receivedRequests
    case unfollowed

    /// The name shown in coverage.
    var title: String {
        switch self {
        case .profile: "Profile"
        case .posts: "Posts"
        case .archivedPosts: "Archived posts"
        case .stories: "Stories"
        case .reels: "Reels"
        case .comments: "Comments"
        case .likedPosts: "Likes: posts"
        case .likedComments: "Likes: comments"
        case .storyLikes: "Likes: stories"
        case .messages(let folder): "Direct messages: \(folder)"
        case .following: "Following"
        case .followers: "Followers"
        case .sentRequests: "Follow requests sent"
        case .receivedRequests: "Follow requests received"
        case .unfollowed: "Recently unfollowed"
        }
    }

    private var order: Int {
        switch self {
        case .profile: 0
        case .posts: 1
        case .archivedPosts: 2
        case .stories: 3
        case .reels: 4
        case .comments: 5
        case .likedPosts: 6
        case .likedComments: 7
        case .storyLikes: 8
        case .messages: 9
        case .following: 10
        case .followers: 11
        case .sentRequests: 12
        case .receivedRequests: 13
        case .unfollowed: 14
        }
    }

    static func < (lhs: InstagramHTMLSection, rhs: InstagramHTMLSection) -> Bool {
        if lhs.order != rhs.order { return lhs.order < rhs.order }
        return lhs.title < rhs.title
    }
}
