import AuditModel
import AuditSchool
import Foundation

/// Turns the sections of one TikTok data file into timeline items, coverage and issues; see
/// ``TikTokImporter``. Every item cites the file and its record's JSON pointer and keeps the
/// record's source text.
struct TikTokItemBuilder {
    let context: ImportContext
    let document: SourcedJSONDocument
    let file: String
    private(set) var owner: Person?
    private(set) var coverage: [SectionCoverage] = []
    private(set) var issues: [ImportIssue] = []
    private var items: [TimelineItem] = []
    /// The second-level sections read, as "Top/Second", so that the rest can be listed.
    private var readSections = Set<String>()

    init(context: ImportContext, document: SourcedJSONDocument, file: String) {
        self.context = context
        self.document = document
        self.file = file
    }

    mutating func takeItems() -> [TimelineItem] {
        defer { items = [] }
        return items
    }

    /// Reads every section, the profile first (it names the owner), then lists what was not
    /// read.
    mutating func addEverything() {
        guard document.root.members != nil else {
            issues.append(
                ImportIssue(
                    file: file, reason: "not a TikTok data file: the top level is not an object"))
            return
        }
        for section in TikTokSection.allCases {
            guard let (pointer, value) = locate(section) else { continue }
            switch section {
            case .profile: addProfile(value, at: pointer)
            case .messages: addMessages(value, at: pointer)
            case .liveComments: addLiveComments(value, at: pointer)
            default: addList(section, value, at: pointer)
            }
        }
        listUnread()
        if coverage.isEmpty {
            issues.append(
                ImportIssue(
                    file: file,
                    reason:
                        "holds none of the sections this version reads (profile, follows, comments, posts, likes, direct messages): nothing was imported",
                    kind: .notImported))
        }
    }

    // MARK: - Sections

    private mutating func addProfile(_ profile: MetaJSONValue, at pointer: JSONPointer) {
        let username = profile["userName"]?.text
        let name = profile["displayName"]?.text
        owner = Person(name: name, handle: username)
        let text = MetaJSONValue.profileText([
            ("Name", name), ("Username", username),
            ("Birthday", profile["birthDate"]?.text.map { Self.isoBirthday($0) ?? $0 }),
            ("Bio", profile["bioDescription"]?.text),
        ])
        let item = TimelineItem(
            platform: .tiktok, kind: .profile, isAuthoredByOwner: true, author: owner,
            text: text, occurredAt: nil, timeBasis: .none,
            source: context.source(file: file, locator: pointer.description),
            rawFragment: document.fragment(at: pointer))
        record([item], section: .profile)
    }

    /// Follows, followers, blocks, comments, posts and likes: lists of records.
    private mutating func addList(
        _ section: TikTokSection, _ list: MetaJSONValue, at pointer: JSONPointer
    ) {
        var read: [TimelineItem] = []
        for (index, entry) in (list.elements ?? []).enumerated() {
            let locator = pointer.appending(index)
            guard entry.members != nil else {
                issue(
                    at: locator,
                    "record skipped, the rest of the file was imported: it is not an object")
                continue
            }
            let when = time(entry["Date"], at: locator)
            let source = context.source(file: file, locator: locator.description)
            let raw = document.fragment(at: locator)
            switch section {
            case .following, .followers, .blocked:
                guard let username = entry["UserName"]?.text ?? entry["Username"]?.text else {
                    issue(
                        at: locator,
                        "record skipped, the rest of the file was imported: it names no account")
                    continue
                }
                let person = Person(handle: username)
                let isFollower = section == .followers
                read.append(
                    TimelineItem(
                        platform: .tiktok, kind: isFollower ? .follower : .follow,
                        isAuthoredByOwner: !isFollower, author: isFollower ? person : owner,
                        counterparties: [person],
                        title: section == .blocked ? "Blocked by the owner" : nil,
                        connectionState: section == .blocked ? .blocked : .active,
                        occurredAt: when, timeBasis: .explicit, source: source, rawFragment: raw))
            case .comments:
                var attachments: [Attachment] = []
                if let photo = entry["photo"]?.text {
                    attachments.append(Attachment(kind: .photo, uri: photo))
                }
                if let url = entry["url"]?.text {
                    attachments.append(Attachment(kind: .link, uri: url))
                }
                let text = entry["comment"]?.rawString
                read.append(
                    TimelineItem(
                        platform: .tiktok, kind: .comment, isAuthoredByOwner: true, author: owner,
                        counterparties: mentioned(in: text), text: text, attachments: attachments,
                        occurredAt: when, timeBasis: .explicit, source: source, rawFragment: raw))
            case .posts:
                let links = (entry["Link"]?.rawString ?? "").split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let attachments = links.map { link in
                    Attachment(kind: Self.isPhotoLink(link) ? .photo : .video, uri: link)
                }
                let text = entry["Title"]?.text ?? entry["Desc"]?.text
                read.append(
                    TimelineItem(
                        platform: .tiktok, kind: .post, isAuthoredByOwner: true, author: owner,
                        counterparties: mentioned(in: text), text: text,
                        title: entry["Location"]?.text.map { "Location: \($0)" },
                        attachments: attachments.isEmpty ? [Attachment(kind: .video)] : attachments,
                        occurredAt: when, timeBasis: .explicit, source: source, rawFragment: raw))
            case .likes:
                read.append(
                    TimelineItem(
                        platform: .tiktok, kind: .reaction, isAuthoredByOwner: true, author: owner,
                        text: "like",
                        attachments: (entry["link"]?.text).map {
                            [Attachment(kind: .link, uri: $0)]
                        } ?? [],
                        occurredAt: when, timeBasis: .explicit, source: source, rawFragment: raw))
            case .profile, .messages, .liveComments:
                break
            }
        }
        record(read, section: section)
    }

    /// Direct messages: an object of "Chat History with <user>:" lists.
    private mutating func addMessages(_ chats: MetaJSONValue, at pointer: JSONPointer) {
        var read: [TimelineItem] = []
        let ownerKey = owner?.handle.map(AccountDirectory.handleKey)
        for (key, value) in (chats.members ?? [:]).sorted(by: { $0.key < $1.key }) {
            let chatPointer = pointer.appending(key)
            guard let messages = value.elements else {
                if value != .null { issue(at: chatPointer, "not a list of messages: not read") }
                continue
            }
            let conversation = Self.chatPartner(fromKey: key)
            let isGroup = conversation.hasPrefix("Group_Chat_")
            var participants: [String] = isGroup ? [] : [conversation]
            for message in messages {
                if let from = message["From"]?.text, AccountDirectory.handleKey(from) != ownerKey,
                    !participants.contains(where: {
                        AccountDirectory.handleKey($0) == AccountDirectory.handleKey(from)
                    })
                {
                    participants.append(from)
                }
            }
            let counterparties = participants.map { Person(handle: $0) }
            for (index, message) in messages.enumerated() {
                let locator = chatPointer.appending(index)
                guard message.members != nil else {
                    issue(
                        at: locator,
                        "record skipped, the rest of the file was imported: it is not an object")
                    continue
                }
                let from = message["From"]?.text
                let isOwners = from.map { AccountDirectory.handleKey($0) == ownerKey } ?? false
                let content = message["Content"]?.rawString
                var attachments: [Attachment] = []
                if let content, content.hasPrefix("https://"), !content.contains(" ") {
                    attachments.append(Attachment(kind: .link, uri: content))
                }
                read.append(
                    TimelineItem(
                        platform: .tiktok, kind: .message, isAuthoredByOwner: isOwners,
                        author: isOwners ? owner : from.map { Person(handle: $0) },
                        counterparties: counterparties, text: attachments.isEmpty ? content : nil,
                        attachments: attachments, conversation: conversation,
                        occurredAt: time(message["Date"], at: locator), timeBasis: .explicit,
                        source: context.source(file: file, locator: locator.description),
                        rawFragment: document.fragment(at: locator)))
            }
        }
        if ownerKey == nil, !read.isEmpty {
            issues.append(
                ImportIssue(
                    file: file, locator: pointer.description,
                    reason:
                        "the profile gives no user name, so no message could be told to be the owner's: every message is shown as received",
                    kind: .caveat))
        }
        record(read, section: .messages)
    }

    /// Comments written in other people's LIVEs: WatchLiveMap → room id → Comments.
    private mutating func addLiveComments(_ rooms: MetaJSONValue, at pointer: JSONPointer) {
        var read: [TimelineItem] = []
        for (room, value) in (rooms.members ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let comments = value.member("Comments") else { continue }
            let listPointer = pointer.appending(room).appending(comments.key)
            for (index, comment) in (comments.value.elements ?? []).enumerated() {
                let locator = listPointer.appending(index)
                let text = comment["CommentContent"]?.rawString
                read.append(
                    TimelineItem(
                        platform: .tiktok, kind: .comment, isAuthoredByOwner: true, author: owner,
                        counterparties: mentioned(in: text), text: text,
                        title: "Comment in a LIVE (room \(room))",
                        occurredAt: time(comment["CommentTime"], at: locator), timeBasis: .explicit,
                        source: context.source(file: file, locator: locator.description),
                        rawFragment: document.fragment(at: locator)))
            }
        }
        record(read, section: .liveComments)
    }

    // MARK: - Helpers

    /// The first path of `section` the file has, with the written keys, and its value.
    private mutating func locate(_ section: TikTokSection) -> (JSONPointer, MetaJSONValue)? {
        for path in section.paths {
            var pointer = JSONPointer.root
            var value = document.root
            var found = true
            for key in path {
                guard let member = value.member(key) else {
                    found = false
                    break
                }
                pointer = pointer.appending(member.key)
                value = member.value
            }
            guard found else { continue }
            if case .key(let top) = pointer.components[0],
                case .key(let second) = pointer.components[1]
            {
                readSections.insert("\(top)/\(second)")
            }
            return (pointer, value)
        }
        return nil
    }

    /// Lists every non-empty second-level section that was not read.
    private mutating func listUnread() {
        for (top, value) in (document.root.members ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (second, content) in (value.members ?? [:]).sorted(by: { $0.key < $1.key })
            where !readSections.contains("\(top)/\(second)") && Self.hasRecords(content) {
                let reason =
                    TikTokSection.notImported[second].map { "not imported: \($0)" }
                    ?? "not imported: a section this version does not read"
                issues.append(
                    ImportIssue(
                        file: file,
                        locator: JSONPointer.root.appending(top).appending(second).description,
                        reason: reason, kind: .notImported))
            }
        }
    }

    /// Whether a section holds any list with records.
    private static func hasRecords(_ value: MetaJSONValue) -> Bool {
        switch value {
        case .array(let elements): !elements.isEmpty
        case .object(let members): members.values.contains(where: hasRecords)
        default: false
        }
    }

    /// "Chat History with ollie.b:" → "ollie.b".
    static func chatPartner(fromKey key: String) -> String {
        var name = key.trimmingCharacters(in: .whitespaces)
        if name.hasSuffix(":") { name.removeLast() }
        for prefix in ["Chat History with ", "Chat history with "] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// The accounts `@mentioned` in a comment or caption (TikTok keeps no mention list), the
    /// owner left out: whose video a comment is on is not in the download, so a mention is the
    /// only person a comment names.
    private func mentioned(in text: String?) -> [Person] {
        let ownerKey = owner?.handle.map(AccountDirectory.handleKey)
        return MentionScanner.handles(in: text ?? "", maximumLength: 24)
            .filter { AccountDirectory.handleKey($0) != ownerKey }
            .map { Person(handle: $0) }
    }

    /// Whether a post link is a picture (photo posts link to `.jpeg` images under "photomode").
    static func isPhotoLink(_ link: String) -> Bool {
        let lowered = link.lowercased()
        return lowered.contains("photomode") || lowered.contains(".jpeg")
            || lowered.contains(".jpg")
            || lowered.contains(".png") || lowered.contains(".webp")
    }

    /// "04-Jul-2002" → "2002-07-04"; nil for anything else.
    static func isoBirthday(_ written: String) -> String? {
        let parts = written.split(separator: "-")
        let months = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
            parts[2].count == 4,
            let month = months.firstIndex(of: parts[1].lowercased()), (1...31).contains(day)
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month + 1, day)
    }

    private mutating func time(_ value: MetaJSONValue?, at locator: JSONPointer) -> Date? {
        guard let written = value?.text else { return nil }
        guard let instant = UTCTimeString.instant(from: written) else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator.description,
                    reason:
                        "the time '\(written)' is not a date and time TikTok writes (YYYY-MM-DD HH:MM:SS, UTC): the item was imported without a time",
                    kind: .caveat))
            return nil
        }
        return instant
    }

    private mutating func issue(at locator: JSONPointer, _ reason: String) {
        issues.append(ImportIssue(file: file, locator: locator.description, reason: reason))
    }

    private mutating func record(_ read: [TimelineItem], section: TikTokSection) {
        items += read
        if let index = coverage.firstIndex(where: { $0.section == section.title }) {
            coverage[index].add(read, from: file)
        } else {
            coverage.append(SectionCoverage(section: section.title, items: read, files: [file]))
        }
    }
}
