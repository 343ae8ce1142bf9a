import AuditModel
import AuditSchool
import Foundation

/// Turns the JSON files of one Snapchat download into timeline items, coverage and issues
/// (docs/formats/snapchat.md gives every layout read).
///
/// Every item cites its file and the JSON pointer of its record and keeps the record's source
/// text as its raw fragment. Times are Snapchat's "2024-11-16 19:02:14 UTC" strings: instants
/// in UTC, recorded as such (`.explicit`).
struct SnapchatItemBuilder {
    let context: ImportContext
    /// The account's owner, from `account.json` (username and display name).
    private(set) var owner: Person?
    private(set) var coverage: [SectionCoverage] = []
    private(set) var issues: [ImportIssue] = []
    /// Chat media files by the media id their name carries (`2024-11-16_b~EiQS….jpg`).
    private let mediaByID: [String: String]

    /// Items of the file being read, handed over by ``takeItems()``.
    private var items: [TimelineItem] = []

    init(context: ImportContext, chatMedia: [ArchiveReader.Entry]) {
        self.context = context
        var byID: [String: String] = [:]
        for entry in chatMedia {
            let stem = entry.fileName.split(separator: ".").first.map(String.init) ?? entry.fileName
            // "<date>_<media id>": the id is what follows the first underscore.
            if let underscore = stem.firstIndex(of: "_") {
                byID[String(stem[stem.index(after: underscore)...])] = entry.path
            }
        }
        mediaByID = byID
    }

    /// The items read since the last call.
    mutating func takeItems() -> [TimelineItem] {
        defer { items = [] }
        return items
    }

    /// The owner's username, compared without case.
    private var ownerKey: String? { owner?.handle.map(AccountDirectory.handleKey) }

    private func isOwner(_ username: String?) -> Bool {
        guard let username, let ownerKey else { return false }
        return AccountDirectory.handleKey(username) == ownerKey
    }

    // MARK: - Account

    /// Reads the owner from `account.json` ("Basic Information": Username, Name; a birthday
    /// when the download gives one) and adds the profile as one `.profile` item.
    mutating func addAccount(_ document: any SnapchatRecordSource, file: String) {
        let pointer = JSONPointer.root.appending(
            document.root.member("Basic Information")?.key ?? "Basic Information")
        guard let basic = document.value(at: pointer), basic.members != nil else {
            issues.append(
                ImportIssue(
                    file: file,
                    reason:
                        "no 'Basic Information' in the account file: the owner is not named, so no chat or snap can be told to be the owner's unless the record says so"
                ))
            return
        }
        let username = basic["Username"]?.text
        let name = basic["Name"]?.text ?? basic["Display Name"]?.text
        owner = Person(name: name, handle: username)
        let birthday = ["Birthday", "Birthdate", "Date of Birth", "Birth Date"].lazy.compactMap {
            basic[$0]?.text
        }.first
        let text = MetaJSONValue.profileText([
            ("Name", name), ("Username", username), ("Birthday", birthday),
            ("Account created", basic["Creation Date"]?.text), ("Country", basic["Country"]?.text),
        ])
        let item = TimelineItem(
            platform: .snapchat, kind: .profile, isAuthoredByOwner: true, author: owner,
            text: text, occurredAt: nil, timeBasis: .none,
            source: context.source(file: file, locator: document.locator(at: pointer)),
            rawFragment: document.fragment(at: pointer))
        record([item], section: "Snapchat: profile", file: file)
    }

    /// How the owner was established when the download has no account file; nil otherwise.
    private(set) var ownerEvidence: String?

    /// Names the owner from the per-conversation histories when the account file is missing:
    /// the one username the download gives as `From` on every record it marks `IsSender`.
    /// Several such usernames (a damaged or merged download) name nobody.
    mutating func inferOwner(from documents: [any SnapchatRecordSource]) {
        var senders = Set<String>()
        var written: String?
        for document in documents {
            for records in (document.root.members ?? [:]).values {
                for record in records.elements ?? [] where record["IsSender"]?.bool == true {
                    guard let from = record["From"]?.text else { continue }
                    senders.insert(AccountDirectory.handleKey(from))
                    written = written ?? from
                }
            }
        }
        guard senders.count == 1, let written else { return }
        owner = Person(handle: written)
        ownerEvidence =
            "the username of every chat and snap the download marks as sent by its owner "
            + "(IsSender); the download has no account file"
    }

    // MARK: - Friends

    /// The lists of `friends.json`, what each becomes and who acted.
    private static let friendLists:
        [(key: String, kind: ActivityKind, state: ConnectionState, isOwners: Bool, section: String)] =
            [
                ("Friends", .friend, .active, false, "Snapchat: friends"),
                (
                    "Friend Requests Sent", .friendRequestSent, .active, true,
                    "Snapchat: friend requests"
                ),
                (
                    "Pending Requests", .friendRequestReceived, .pending, false,
                    "Snapchat: friend requests"
                ),
                (
                    "Ignored Snapchatters", .friendRequestReceived, .rejected, false,
                    "Snapchat: friend requests"
                ),
                ("Deleted Friends", .friend, .removed, true, "Snapchat: friends"),
                ("Blocked Users", .friend, .blocked, true, "Snapchat: blocked"),
            ]

    /// Lists of `friends.json` that are read and not imported, with the reason.
    private static let notImportedFriendLists = [
        "Hidden Friend Suggestions": "suggestions Snapchat made and the owner hid: no contact",
        "Shortcuts": "the owner's own shortcut groups: no contact",
    ]

    /// Adds every friend, request, deleted friend and block of `friends.json`.
    ///
    /// A friend's time is the list's "Creation Timestamp" (when the friendship or request was
    /// made); a deleted friend's is "Last Modified Timestamp" (when it was deleted), else the
    /// creation time. A friend's "Source" ("Added by Quick Add") is kept as the item's title.
    mutating func addFriends(_ document: any SnapchatRecordSource, file: String) {
        guard let lists = document.root.members else {
            issues.append(
                ImportIssue(
                    file: file, reason: "not a friends file: the top level is not an object"))
            return
        }
        // The file is accounted for as read even when none of its lists has a record.
        record([], section: "Snapchat: friends", file: file)
        var known = Set(Self.friendLists.map { $0.key.lowercased() })
        for list in Self.friendLists {
            guard let member = document.root.member(list.key) else { continue }
            let pointer = JSONPointer.root.appending(member.key)
            var read: [TimelineItem] = []
            for (index, entry) in (member.value.elements ?? []).enumerated() {
                let locator = pointer.appending(index)
                guard let username = entry["Username"]?.text ?? entry["Name"]?.text else {
                    issues.append(
                        ImportIssue(
                            file: file, locator: document.locator(at: locator),
                            reason:
                                "record skipped, the rest of the file was imported: it names no account"
                        ))
                    continue
                }
                let person = Person(name: entry["Display Name"]?.text, handle: username)
                let created = time(
                    entry["Creation Timestamp"] ?? entry["Created"],
                    at: document.locator(at: locator), file: file)
                let modified = time(
                    entry["Last Modified Timestamp"], at: document.locator(at: locator), file: file)
                let when =
                    list.state == .removed || list.state == .blocked ? modified ?? created : created
                var title = entry["Source"]?.text
                if list.state == .blocked {
                    title = "Blocked by the owner" + (title.map { " (\($0))" } ?? "")
                }
                read.append(
                    TimelineItem(
                        platform: .snapchat, kind: list.kind, isAuthoredByOwner: list.isOwners,
                        author: list.isOwners ? owner : person, counterparties: [person],
                        title: title, connectionState: list.state, occurredAt: when,
                        timeBasis: .explicit,
                        source: context.source(file: file, locator: document.locator(at: locator)),
                        rawFragment: document.fragment(at: locator)))
            }
            record(read, section: list.section, file: file)
        }
        for (key, reason) in Self.notImportedFriendLists.sorted(by: { $0.key < $1.key }) {
            known.insert(key.lowercased())
            if let member = document.root.member(key), member.value.elements?.isEmpty == false {
                issues.append(
                    ImportIssue(
                        file: file, locator: "/\(member.key)", reason: "not imported: \(reason)",
                        kind: .notImported))
            }
        }
        for key in lists.keys.sorted() where !known.contains(key.lowercased()) {
            issues.append(
                ImportIssue(
                    file: file, locator: "/\(key)",
                    reason: "a list this version does not know ('\(key)'): not read"))
        }
    }

    // MARK: - Chats and snaps

    /// The layouts of `chat_history.json` and `snap_history.json`.
    ///
    /// Before 2023 both files grouped records by direction ("Received Saved Chat History",
    /// "Sent Snap History" …, with `From` or `To`); from 2023 they are objects keyed by
    /// conversation (the friend's username, or a group's id), each record saying `From` and
    /// `IsSender`.
    private static let directionLists: [(key: String, isSent: Bool, isSaved: Bool?)] = [
        ("Received Saved Chat History", false, true), ("Sent Saved Chat History", true, true),
        ("Received Unsaved Chat History", false, false), ("Sent Unsaved Chat History", true, false),
        ("Received Chat History", false, nil), ("Sent Chat History", true, nil),
        ("Received Snap History", false, nil), ("Sent Snap History", true, nil),
    ]

    /// Adds the saved chats of `chat_history.json` (`isSnaps` false) or the snaps of
    /// `snap_history.json` (`isSnaps` true), one `.message` each, in whichever layout.
    mutating func addMessages(_ document: any SnapchatRecordSource, file: String, isSnaps: Bool) {
        guard let members = document.root.members else {
            issues.append(
                ImportIssue(
                    file: file,
                    reason:
                        "not a \(isSnaps ? "snap" : "chat") history: the top level is not an object"
                ))
            return
        }
        let section = isSnaps ? "Snapchat: snap history" : "Snapchat: saved chats"
        let directional = Self.directionLists.filter { document.root.member($0.key) != nil }
        var read: [TimelineItem] = []
        if !directional.isEmpty {
            for list in directional {
                guard let member = document.root.member(list.key) else { continue }
                let pointer = JSONPointer.root.appending(member.key)
                for (index, entry) in (member.value.elements ?? []).enumerated() {
                    let locator = pointer.appending(index)
                    // Received records name the sender (From); sent ones the recipient (To),
                    // though some exports write From on both.
                    let other =
                        list.isSent ? entry["To"]?.text ?? entry["From"]?.text : entry["From"]?.text
                    if let item = message(
                        entry, at: locator, in: document, file: file, isSnap: isSnaps,
                        isOwners: list.isSent, conversation: other,
                        participants: other.map { [$0] } ?? [])
                    {
                        read.append(item)
                    }
                }
            }
            for key in members.keys.sorted()
            where !directional.contains(where: { $0.key.lowercased() == key.lowercased() }) {
                issues.append(
                    ImportIssue(
                        file: file, locator: "/\(key)",
                        reason: "a list this version does not know ('\(key)'): not read"))
            }
        } else {
            for key in members.keys.sorted() {
                guard let records = members[key]?.elements else {
                    issues.append(
                        ImportIssue(
                            file: file, locator: "/\(key)",
                            reason: "not a conversation (not a list of records): not read"))
                    continue
                }
                let pointer = JSONPointer.root.appending(key)
                // The conversation's other participants: everyone who wrote in it but the owner,
                // and, for a one-to-one chat (no title), the friend the key names.
                let title = records.lazy.compactMap { $0["Conversation Title"]?.text }.first
                var participants: [String] = []
                if title == nil, !Self.looksLikeGroupID(key) { participants.append(key) }
                for record in records {
                    if let from = record["From"]?.text, record["IsSender"]?.bool != true,
                        !isOwner(from),
                        !participants.contains(where: { $0.lowercased() == from.lowercased() })
                    {
                        participants.append(from)
                    }
                }
                for (index, entry) in records.enumerated() {
                    let locator = pointer.appending(index)
                    let from = entry["From"]?.text
                    let isOwners = entry["IsSender"]?.bool ?? isOwner(from)
                    if let item = message(
                        entry, at: locator, in: document, file: file, isSnap: isSnaps,
                        isOwners: isOwners, conversation: title ?? key, participants: participants)
                    {
                        read.append(item)
                    }
                }
            }
        }
        record(read, section: section, file: file)
    }

    /// One chat message or snap.
    private mutating func message(
        _ entry: MetaJSONValue, at locator: JSONPointer, in document: any SnapchatRecordSource,
        file: String, isSnap: Bool, isOwners: Bool, conversation: String?, participants: [String]
    ) -> TimelineItem? {
        guard entry.members != nil else {
            issues.append(
                ImportIssue(
                    file: file, locator: document.locator(at: locator),
                    reason: "record skipped, the rest of the file was imported: it is not an object"
                ))
            return nil
        }
        let from = entry["From"]?.text
        let author: Person? =
            isOwners
            ? owner
            : from.map { Person(handle: $0) } ?? participants.first.map { Person(handle: $0) }
        let counterparties = participants.filter { !isOwner($0) }.map { Person(handle: $0) }
        let mediaType = entry["Media Type"]?.text?.uppercased()
        var attachments: [Attachment] = []
        if let mediaType, mediaType != "TEXT" {
            let ids = (entry["Media IDs"]?.text ?? "").split(whereSeparator: { " ,;|".contains($0) }
            ).map(String.init)
            let uris = ids.compactMap { mediaByID[$0] }
            let kind = Self.attachmentKind(mediaType)
            if uris.isEmpty {
                attachments.append(Attachment(kind: kind, caption: mediaType))
            } else {
                attachments += uris.map {
                    Attachment(kind: Attachment.kind(ofMediaPath: $0), uri: $0, caption: mediaType)
                }
            }
        }
        let text =
            isSnap
            ? nil : (entry["Content"] ?? entry["Text"])?.rawString.flatMap { $0.isEmpty ? nil : $0 }
        var title: String?
        if isSnap {
            let direction = isOwners ? "sent" : "received"
            title =
                "Snap \(direction) (\(mediaType ?? "no media type")); Snapchat keeps no snap's content"
        }
        return TimelineItem(
            platform: .snapchat, kind: .message, isAuthoredByOwner: isOwners, author: author,
            counterparties: counterparties, text: text, title: title, attachments: attachments,
            conversation: conversation,
            occurredAt: time(entry["Created"], at: document.locator(at: locator), file: file),
            timeBasis: .explicit,
            source: context.source(file: file, locator: document.locator(at: locator)),
            rawFragment: document.fragment(at: locator))
    }

    /// Snapchat's media types as attachment kinds.
    static func attachmentKind(_ mediaType: String) -> Attachment.Kind {
        switch mediaType {
        case "IMAGE", "PHOTO": .photo
        case "VIDEO", "VIDEO_NO_AUDIO": .video
        case "NOTE", "AUDIO": .audio
        case "STICKER": .sticker
        case "SHARE", "LINK": .link
        case "LOCATION": .place
        default: .other
        }
    }

    /// Whether a conversation key is a group's id (a UUID) rather than a friend's username.
    static func looksLikeGroupID(_ key: String) -> Bool {
        UUID(uuidString: key) != nil
    }

    // MARK: - Shared

    /// The instant of a Snapchat time string; an unreadable one is an issue and no time.
    private mutating func time(_ value: MetaJSONValue?, at locator: String, file: String) -> Date? {
        guard let written = value?.text else { return nil }
        guard let instant = UTCTimeString.instant(from: written) else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason:
                        "the time '\(written)' is not a date and time Snapchat writes (YYYY-MM-DD HH:MM:SS UTC): the item was imported without a time",
                    kind: .caveat))
            return nil
        }
        return instant
    }

    /// Keeps `read` and counts it in `section`.
    private mutating func record(_ read: [TimelineItem], section: String, file: String) {
        items += read
        if let index = coverage.firstIndex(where: { $0.section == section }) {
            coverage[index].add(read, from: file)
        } else {
            coverage.append(SectionCoverage(section: section, items: read, files: [file]))
        }
    }

    /// Records an issue found outside the builder.
    mutating func add(_ issue: ImportIssue) {
        issues.append(issue)
    }
}
