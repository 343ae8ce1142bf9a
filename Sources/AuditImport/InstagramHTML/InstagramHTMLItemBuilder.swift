import AuditModel
import Foundation

/// Turns the records of one Instagram HTML page into timeline items.
///
/// The conventions are the Instagram ones of the whole tool: platform ``Platform/instagram``;
/// posts, stories and reels are `.post`s by the owner with the caption as text, every media file
/// as an attachment and the `@mentioned` accounts as counterparties; comments are `.comment`s
/// with the post's owner (the "Media Owner" row) as counterparty; likes of posts, comments and
/// stories are `.reaction`s with the liked content's owner as counterparty and the liked post's
/// link as attachment; direct messages are `.message`s in a conversation named by the thread's
/// title; following is `.follow`, followers `.follower`, follow requests sent
/// `.friendRequestSent`, received `.friendRequestReceived` (pending), recently unfollowed
/// accounts `.follow` (removed). Accounts in lists are usernames (``Person/handle``); people in
/// messages are display names (``Person/name``), as Instagram writes them.
struct InstagramHTMLItemBuilder: MetaHTMLItemBuilder {
    let context: ImportContext
    let owner: Person?
    let file: MetaHTMLFile

    var items: [TimelineItem] = []
    var issues: [ImportIssue] = []

    init(context: ImportContext, owner: Person?, file: MetaHTMLFile) {
        self.context = context
        self.owner = owner
        self.file = file
    }

    /// The name Instagram shows for a deleted account, where JSON writes "".
    static let placeholderNames: Set<String> = ["Instagram user"]

    // MARK: - Sections

    /// Adds the item of one record of a section page.
    mutating func addRecord(_ record: MetaHTMLRecord, of section: InstagramHTMLSection) {
        switch section {
        case .profile: addProfile(record)
        case .posts, .archivedPosts, .stories, .reels: addPost(record)
        case .comments: addComment(record)
        case .likedPosts, .likedComments, .storyLikes: addLike(record)
        case .following, .followers, .sentRequests, .receivedRequests, .unfollowed:
            addConnection(record, section: section)
        case .messages: break
        }
    }

    /// Adds the message of one record of a thread page; see
    /// ``FacebookHTMLItemBuilder/addMessage(_:participants:conversation:)``.
    mutating func addMessage(
        _ record: MetaHTMLRecord, participants: [String], conversation: String?
    ) {
        let sender = Self.personName(record.heading?.normalizedText ?? "")
        let content = MetaHTMLContent(record.body)
        var attachments = content.media.map { media in
            Attachment(kind: Self.mediaKind(media), uri: media.uri)
        }
        attachments += content.links.map {
            Attachment(kind: .link, uri: $0.href, caption: $0.text)
        }
        let isOwners = isOwner(sender)
        let excluded = isOwners ? sender : (owner?.name ?? sender)
        var names = participants.filter { $0 != excluded && !isOwner($0) }
        if !isOwners && !participants.contains(sender) && sender != excluded {
            names.append(sender)
        }
        append(
            kind: .message, isAuthoredByOwner: isOwners,
            author: isOwners ? owner : Person(name: sender),
            counterparties: unique(names.map { Person(name: $0) }),
            text: content.texts.isEmpty ? nil : content.texts.joined(separator: "\n"),
            attachments: attachments, conversation: conversation,
            time: instant(of: record, isExpected: true), record: record)
    }

    // MARK: - Record kinds

    private mutating func addPost(_ record: MetaHTMLRecord) {
        let caption = record.heading?.normalizedText
        let content = MetaHTMLContent(record.body)
        let attachments = content.media.map { media in
            Attachment(
                kind: Self.mediaKind(media), uri: media.uri,
                caption: media.caption == caption ? nil : media.caption)
        }
        let text = caption ?? content.joinedText
        append(
            kind: .post, isAuthoredByOwner: true, author: owner,
            counterparties: Self.mentions(in: text ?? "").map { Person(handle: $0) },
            text: text, attachments: attachments,
            time: instant(of: record, isExpected: true), record: record)
    }

    private mutating func addComment(_ record: MetaHTMLRecord) {
        let content = MetaHTMLContent([record.node])
        let text = content.values(for: ["Comment"])?.joined(separator: "\n")
        let mediaOwner =
            content.values(for: ["Media Owner", "Media owner"])?.first
            ?? record.heading?.normalizedText
        var counterparties: [Person] = []
        if let mediaOwner, !mediaOwner.isEmpty, !isOwner(mediaOwner) {
            counterparties.append(Person(handle: mediaOwner))
        }
        append(
            kind: .comment, isAuthoredByOwner: true, author: owner,
            counterparties: counterparties, text: text,
            time: instant(of: record, isExpected: true), record: record)
    }

    private mutating func addLike(_ record: MetaHTMLRecord) {
        let contentOwner = record.heading?.normalizedText
        let entry = MetaHTMLContent(record.body)
        let value = entry.texts.first
        var counterparties: [Person] = []
        if let contentOwner, !contentOwner.isEmpty, !isOwner(contentOwner) {
            counterparties.append(Person(handle: contentOwner))
        }
        append(
            kind: .reaction, isAuthoredByOwner: true, author: owner,
            counterparties: counterparties, text: value,
            attachments: entry.links.map { Attachment(kind: .link, uri: $0.href) },
            time: instant(of: record, isExpected: true), record: record)
    }

    private mutating func addConnection(_ record: MetaHTMLRecord, section: InstagramHTMLSection) {
        let kind: ActivityKind
        let state: ConnectionState
        let isOwners: Bool
        switch section {
        case .followers: (kind, state, isOwners) = (.follower, .active, false)
        case .sentRequests: (kind, state, isOwners) = (.friendRequestSent, .active, true)
        case .receivedRequests: (kind, state, isOwners) = (.friendRequestReceived, .pending, false)
        case .unfollowed: (kind, state, isOwners) = (.follow, .removed, true)
        default: (kind, state, isOwners) = (.follow, .active, true)
        }
        let content = MetaHTMLContent(record.body.isEmpty ? [record.node] : record.body)
        let username =
            content.links.first.flatMap { Self.username(link: $0) }
            ?? record.heading?.normalizedText
        let person = Person(handle: username)
        append(
            kind: kind, isAuthoredByOwner: isOwners, author: isOwners ? owner : person,
            counterparties: [person], connectionState: state,
            time: instant(of: record, isExpected: true), record: record)
    }

    private mutating func addProfile(_ record: MetaHTMLRecord) {
        let content = MetaHTMLContent([record.node])
        let lines = content.fields.compactMap { field -> String? in
            let value = field.values.joined(separator: ", ")
            return field.label.isEmpty || value.isEmpty ? nil : "\(field.label): \(value)"
        }
        append(
            kind: .profile, isAuthoredByOwner: true, author: owner,
            text: lines.joined(separator: "\n"), time: nil, record: record)
    }

    // MARK: - Helpers

    /// Whether a name or username is the owner's.
    private func isOwner(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        return name == owner?.name || name == owner?.handle
    }

    /// The username of a profile link: its text, else the last part of its address
    /// (`https://www.instagram.com/_u/ollie.bennett2013` → `ollie.bennett2013`).
    static func username(link: MetaHTMLContent.Link) -> String? {
        if let text = link.text, !text.contains(" ") { return text }
        let parts = link.href.split(separator: "/").filter { !$0.isEmpty && $0 != "_u" }
        guard link.href.contains("instagram.com"), let last = parts.last, !last.contains(".com")
        else {
            return link.text
        }
        return String(last)
    }

    /// The accounts `@mentioned` in a caption, in order, once each.
    static func mentions(in text: String) -> [String] {
        var result: [String] = []
        var scanner = text[...]
        while let at = scanner.firstIndex(of: "@") {
            let before = at > text.startIndex ? text[text.index(before: at)] : " "
            scanner = scanner[scanner.index(after: at)...]
            guard !(before.isLetter || before.isNumber) else { continue }
            let name = scanner.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
            let handle = String(name).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if !handle.isEmpty && !result.contains(handle) { result.append(handle) }
        }
        return result
    }

    private static func mediaKind(_ media: MetaHTMLContent.Media) -> Attachment.Kind {
        if media.tag == "video" { return .video }
        if media.tag == "audio" { return .audio }
        let guessed = Attachment.kind(ofMediaPath: media.uri)
        return guessed == .file ? .photo : guessed
    }

    static func personName(_ shown: String) -> String {
        placeholderNames.contains(shown) ? "" : shown
    }

    private func unique(_ people: [Person]) -> [Person] {
        var seen = Set<Person>()
        return people.filter { seen.insert($0).inserted }
    }

    private mutating func append(
        kind: ActivityKind, isAuthoredByOwner: Bool, author: Person?, counterparties: [Person] = [],
        text: String? = nil, attachments: [Attachment] = [], conversation: String? = nil,
        connectionState: ConnectionState? = nil, time: MetaHTMLDateReader.Reading?,
        record: MetaHTMLRecord
    ) {
        items.append(
            TimelineItem(
                platform: .instagram, kind: kind, isAuthoredByOwner: isAuthoredByOwner,
                author: author, counterparties: counterparties, text: text,
                attachments: attachments, conversation: conversation,
                connectionState: connectionState, occurredAt: time?.instant,
                timeBasis: time?.basis ?? .none,
                source: context.source(file: file.path, locator: record.node.path),
                rawFragment: record.node.outerHTML))
    }
}
