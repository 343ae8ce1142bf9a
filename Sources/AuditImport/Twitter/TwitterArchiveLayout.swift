import Foundation

/// Where things are in an X archive: which files mark an archive as one, what each file is, and
/// the order files are read in.
///
/// Files are recognised by content: every data file is a `window.YTD.<type>.partN = …`
/// assignment (FORMATS.md §3.2), and the `<type>` in it, not the file name, says what it holds.
/// That covers `tweet.js` (2018-2022) and `tweets.js` (2022+), data files at the zip root
/// (2018-2020) or under `data/`, and every `-partN` file; and the classic archive (2010–2018),
/// whose `data/js/tweets/YYYY_MM.js` assign `Grailbird.data.tweets_YYYY_MM` and whose
/// `data/js/user_details.js` assigns `var user_details` (``TwitterScript/dataType(ofGlobal:)``).
struct TwitterArchiveLayout {
    /// What the importer does with one file.
    enum Role: Equatable {
        /// Read as a `window.YTD` data file.
        case script
        /// Index as media (size and digest).
        case media
        /// List in `unparsed` with this reason.
        case skipped(String)
    }

    /// What a data file holds, from its `YTD.<type>` global.
    enum DataKind: Equatable {
        /// Tweets (`tweets`, `tweet`), community tweets or deleted tweets.
        case tweets(TwitterSection)
        /// Long posts whose start is a tweet (`note_tweet`).
        case notes
        /// Tweet headers: `tweet_headers`, or `deleted_tweet_headers` when `deleted`.
        case tweetHeaders(deleted: Bool)
        case likes
        case followers
        case following
        /// Conversations: `direct_messages` (1:1) or `direct_messages_group`.
        case messages(group: Bool)
        /// The same without text: `direct_message_headers`, `direct_message_group_headers`.
        case messageHeaders
        /// Encrypted X Chat events (`message_event`).
        case messageEvents
        case account
        /// The classic archive's `user_details.js`: the owner's account, one object.
        case classicAccount
        case profile
        case screenNameChanges
        /// The archive's manifest (`window.__THAR_CONFIG`).
        case manifest
        /// A data file this tool reads and does not import, with what it is.
        case notImported(String)
    }

    /// The archive's files.
    let entries: [ArchiveReader.Entry]

    /// Creates the layout of an archive's entries.
    init(entries: [ArchiveReader.Entry]) {
        self.entries = entries
    }

    // MARK: - Recognition

    /// Names of the data files every archive has, read first when recognising an archive.
    private static let typicalNames: Set<String> = [
        "account.js", "tweets.js", "tweet.js", "manifest.js", "follower.js", "following.js",
        "like.js", "profile.js", "user_details.js", "tweet_index.js",
    ]

    /// Whether the archive is an X archive: one of its `.js` files (the typical ones first, at
    /// most eight) is a `window.YTD` assignment or the archive manifest.
    func recognizes(_ archive: ArchiveReader) -> Bool {
        let scripts = entries.filter { $0.fileName.lowercased().hasSuffix(".js") && !isViewer($0) }
        let ordered =
            scripts.filter { Self.typicalNames.contains($0.fileName.lowercased()) }
            + scripts.filter { !Self.typicalNames.contains($0.fileName.lowercased()) }
            .sorted { $0.size < $1.size }
        for entry in ordered.prefix(8) {
            guard let data = try? archive.data(of: entry),
                let script = try? TwitterScript(data: data)
            else { continue }
            if script.dataType != nil || script.globalName == "__THAR_CONFIG" { return true }
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
        let name = entry.fileName.lowercased()
        let folders = entry.path.lowercased().split(separator: "/").dropLast()
        let ext = name.contains(".") ? name.split(separator: ".").last.map(String.init) ?? "" : ""
        if folders.contains("__macosx") || name == ".ds_store" || name == "thumbs.db"
            || name == "desktop.ini"
        {
            return .skipped(
                "operating-system metadata added when the archive was copied or zipped, not part of the archive"
            )
        }
        if folders.contains(where: { $0.hasSuffix("_media") }) { return .media }
        if isViewer(entry) {
            return .skipped(
                "part of the archive's offline viewer ('Your archive.html', or the classic archive's index.html, and their assets), not account data"
            )
        }
        if Self.mediaExtensions.contains(ext) { return .media }
        if ext == "js" { return .script }
        if name == "readme.txt" {
            return .skipped("X's own description of the archive's files, not account data")
        }
        if name == "tweets.csv" {
            return .skipped(
                "a spreadsheet copy of the classic archive's tweets (before August 2018); they are read from its data/js/tweets/ files"
            )
        }
        return .skipped(
            "not a file this tool reads (\(ext.isEmpty ? "no extension" : ".\(ext) file"))")
    }

    /// Whether the entry belongs to the offline viewer: `Your archive.html` and `assets/`; in
    /// the classic archive `index.html`, `css/`, `img/`, `js/` and `lib/` (its data is under
    /// `data/js/`).
    private func isViewer(_ entry: ArchiveReader.Entry) -> Bool {
        let components = entry.path.lowercased().split(separator: "/")
        let name = components.last.map(String.init) ?? ""
        let folders = components.dropLast()
        return folders.contains("assets")
            || (name.hasPrefix("your archive") && name.hasSuffix(".html"))
            || name == "index.html" || folders.contains("lib") || folders.contains("css")
            || folders.contains("img")
            || (folders.last == "js" && folders.dropLast().last != "data")
    }

    /// What a data file with this global holds.
    static func kind(of script: TwitterScript) -> DataKind {
        kind(ofGlobal: script.globalName)
    }

    /// What a data file assigning the global `globalName` holds.
    static func kind(ofGlobal globalName: String) -> DataKind {
        if globalName == "__THAR_CONFIG" { return .manifest }
        guard let type = TwitterScript.dataType(ofGlobal: globalName) else {
            return .notImported("not an X data file (the global '\(globalName)')")
        }
        switch type {
        case "tweets", "tweet": return .tweets(.posts)
        case "community_tweet": return .tweets(.communityPosts)
        case "deleted_tweets", "deleted_tweet": return .tweets(.deletedPosts)
        case "note_tweet": return .notes
        case "tweet_headers": return .tweetHeaders(deleted: false)
        case "deleted_tweet_headers": return .tweetHeaders(deleted: true)
        case "like": return .likes
        case "follower": return .followers
        case "following": return .following
        case "direct_messages", "direct_message": return .messages(group: false)
        case "direct_messages_group", "direct_message_group": return .messages(group: true)
        case "direct_message_headers", "direct_message_group_headers": return .messageHeaders
        case "message_event": return .messageEvents
        case "account": return .account
        case "user_details": return .classicAccount
        case "profile": return .profile
        case "screen_name_change": return .screenNameChanges
        default:
            let what = notImportedTypes[type] ?? "data this tool does not read"
            let global =
                TwitterScript.classicGlobals.contains(type) ? "var \(type)" : "window.YTD.\(type)"
            return .notImported("read, not imported: \(what) (\(global))")
        }
    }

    /// Whether files with this global hold the large arrays read a chunk at a time (tweets and
    /// direct messages).
    static func isChunked(global globalName: String) -> Bool {
        switch kind(ofGlobal: globalName) {
        case .tweets, .messages: true
        default: false
        }
    }

    /// Data types read and deliberately not imported, with what they are.
    private static let notImportedTypes: [String: String] = [
        "ageinfo": "the age X inferred for the account",
        "account_timezone": "the account's time-zone setting",
        "account_suspension": "the account's suspension history",
        "account_creation_ip": "the address the account was created from",
        "block": "accounts the owner blocked",
        "mute": "accounts the owner muted",
        "saved_search": "saved searches",
        "app": "apps connected to the account",
        "connected_application": "apps connected to the account",
        "contact": "contacts uploaded from the owner's address book",
        "device_token": "devices signed in",
        "ip_audit": "sign-in addresses",
        "lists_created": "lists the owner created",
        "lists_member": "lists the owner was added to",
        "lists_subscribed": "lists the owner follows",
        "personalization": "advertising interests",
        "phone_number": "the account's phone number",
        "email_address_change": "e-mail address changes",
        "verified": "the verification status",
        "protected_history": "when the account was protected",
        "key_registry": "encryption keys of X Chat",
        "grok_chat_item": "conversations with the Grok assistant",
        "tweet_index": "the classic archive's list of its monthly tweet files",
        "payload_details": "the classic archive's tweet count and date",
    ]

    // MARK: - Order

    /// The entries in reading order: by folder, then by data file with its parts in numeric
    /// order (`tweets.js`, `tweets-part1.js`, `tweets-part2.js`, …, `tweets-part10.js`).
    var orderedEntries: [ArchiveReader.Entry] {
        entries.sorted { lhs, rhs in
            let left = Self.sortKey(lhs.path)
            let right = Self.sortKey(rhs.path)
            if left.folder != right.folder { return left.folder < right.folder }
            if left.stem != right.stem { return left.stem < right.stem }
            if left.part != right.part { return left.part < right.part }
            return lhs.path < rhs.path
        }
    }

    private static func sortKey(_ path: String) -> (folder: String, stem: String, part: Int) {
        let components = path.split(separator: "/")
        let folder = components.dropLast().joined(separator: "/")
        let name = components.last.map(String.init) ?? path
        let base =
            name.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init)
            ?? name
        guard let range = base.range(of: "-part", options: .backwards),
            let part = Int(base[range.upperBound...])
        else {
            return (folder, base, 0)
        }
        return (folder, String(base[..<range.lowerBound]), part)
    }
}
