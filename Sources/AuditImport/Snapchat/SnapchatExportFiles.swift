/// The files of a Snapchat "My Data" download, found by name wherever the download's folders
/// put them (`json/friends.json`, `mydata~1712345678901/json/friends.json`, or flattened).
///
/// Snapchat writes its JSON files under `json/` and the same data as pages under `html/`
/// (docs/formats/snapchat.md). A file is Snapchat's only by its name and, for the names other
/// exports could also use (`friends.json`, `account.json`), by sitting in a `json` folder or
/// beside Snapchat's own chat or snap history.
struct SnapchatExportFiles {
    /// The files this importer reads, by what they hold.
    enum Role: String, CaseIterable {
        case account = "account.json"
        case friends = "friends.json"
        case chats = "chat_history.json"
        case snaps = "snap_history.json"
    }

    /// Files of the download that are read and deliberately not imported: they record no
    /// interaction with another person (settings, locations, searches, purchases, logins), with
    /// the reason given in the archive's list.
    static let notImportedFiles: [String: String] = [
        "account_history.json":
            "account changes (e-mail, password, display-name changes, data downloads): no interaction with another person",
        "location_history.json": "location history: no interaction with another person",
        "memories_history.json":
            "saved Memories (links to Snapchat's servers): the owner's own pictures, not shared",
        "search_history.json": "search history: no interaction with another person",
        "user_profile.json":
            "app profile and interests inferred for advertising: no interaction with another person",
        "bitmoji.json": "Bitmoji account: no interaction with another person",
        "ranking.json": "Snapscore and counts: no interaction with another person",
        "story_history.json": "story views and counts: no text or recipient of the owner's stories",
        "talk_history.json": "call and voice-note log: not read by this version",
        "purchase_history.json": "purchases: no interaction with another person",
        "subscriptions.json": "channels followed: publishers, not people",
        "snap_ads.json": "advertising account: no interaction with another person",
        "connected_apps.json": "connected apps: no interaction with another person",
        "in_app_reports.json": "reports sent to Snapchat: no interaction with another person",
        "terms_history.json": "terms accepted: no interaction with another person",
        "support_note.json": "support notes: no interaction with another person",
        "email_campaign_history.json": "e-mails from Snapchat: no interaction with another person",
        "feature_emails.json": "e-mails from Snapchat: no interaction with another person",
        "custom_sticker.json": "stickers made: no interaction with another person",
        "community_lenses.json": "lenses: no interaction with another person",
    ]

    /// The files read, by role (the first of each name; a second copy is listed as an issue).
    private(set) var files: [Role: ArchiveReader.Entry] = [:]
    /// Further copies of a file already found (a download unpacked twice into one folder).
    private(set) var duplicates: [ArchiveReader.Entry] = []
    /// The download's HTML pages (`html/…`), which hold the same data as the JSON files.
    private(set) var htmlPages: [ArchiveReader.Entry] = []
    /// Pictures and films sent in saved chats (`chat_media/`), whose names carry the chat's
    /// media id.
    private(set) var chatMedia: [ArchiveReader.Entry] = []

    /// Finds the files of `entries`.
    init(entries: [ArchiveReader.Entry]) {
        let names = Set(entries.map { $0.fileName.lowercased() })
        let hasHistory = names.contains(Role.chats.rawValue) || names.contains(Role.snaps.rawValue)
        for entry in entries {
            let name = entry.fileName.lowercased()
            let folders = entry.path.lowercased().split(separator: "/").dropLast()
            if let role = Role(rawValue: name) {
                let isSnapchats =
                    role == .chats || role == .snaps || folders.last == "json" || hasHistory
                guard isSnapchats else { continue }
                if files[role] == nil {
                    files[role] = entry
                } else {
                    duplicates.append(entry)
                }
            } else if name.hasSuffix(".html"), folders.contains("html") {
                htmlPages.append(entry)
            } else if folders.contains("chat_media") {
                chatMedia.append(entry)
            }
        }
    }

    /// Whether the archive is a Snapchat download: it holds Snapchat's chat or snap history, or
    /// its friends list in a `json` folder, or the same as HTML pages (`html/friends.html` …).
    var isSnapchatDownload: Bool {
        files[.chats] != nil || files[.snaps] != nil || files[.friends] != nil
            || htmlPages.contains {
                ["chat_history.html", "snap_history.html", "friends.html"].contains(
                    $0.fileName.lowercased())
            }
    }

    /// Whether the download holds JSON files (else it is the HTML variant).
    var hasJSON: Bool { !files.isEmpty }
}
