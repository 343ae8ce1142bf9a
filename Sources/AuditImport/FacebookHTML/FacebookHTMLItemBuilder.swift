import AuditModel
import Foundation

/// Turns the records of one Facebook HTML page into timeline items, the same items the JSON
/// importer makes from the JSON export (``FacebookItemBuilder``).
///
/// The mapping follows the JSON one section by section: posts with the title's other person and
/// tagged people as counterparties, comments and reactions with the person named in the title,
/// connections with the JSON kinds and states, and messages with the thread's other people. What
/// HTML cannot give is left out, never invented: times are wall-clock (read by
/// ``MetaHTMLDateReader`` in the school's zone), comments and reactions do not name their author
/// (the owner is), and a thread page lists no participants (the thread's senders stand in).
/// Every item cites its page and the record's element path and keeps the record's markup as its
/// raw fragment.
struct FacebookHTMLItemBuilder: MetaHTMLItemBuilder {
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

    /// Names Facebook shows for deleted or unavailable accounts, where JSON writes "".
    static let placeholderNames: Set<String> = ["Facebook user", "Người dùng Facebook"]

    // MARK: - Sections

    /// Adds the item of one record of a posts, comments, reactions, connections or profile page.
    mutating func addRecord(_ record: MetaHTMLRecord, of section: FacebookSection) {
        switch section {
        case .comments, .groupComments:
            addComment(record)
        case .reactions, .storyReactions:
            addReaction(record)
        case .friends, .sentRequests, .receivedRequests, .rejectedRequests, .removedFriends,
            .following, .followers:
            addConnection(record, section: section)
        case .profile:
            addProfile(record)
        case .posts, .uploads, .postsByOthers, .groupPosts:
            addPost(record, section: section)
        case .messenger, .encryptedMessenger:
            break
        }
    }

    /// Adds the message of one record of a thread page.
    /// - Parameters:
    ///   - participants: the thread's people (from a "Participants:" line, else every sender of
    ///     every part of the thread, else the thread's title).
    ///   - conversation: the thread's title.
    mutating func addMessage(
        _ record: MetaHTMLRecord, participants: [String], conversation: String?
    ) {
        let sender = Self.personName(record.heading?.normalizedText ?? "")
        let content = MetaHTMLContent(record.body)
        var attachments = content.media.map { media in
            Attachment(kind: Self.messageMediaKind(media), uri: media.uri)
        }
        attachments += content.links.map {
            Attachment(kind: .link, uri: $0.href, caption: $0.text)
        }
        let time = instant(of: record, isExpected: true)
        let ownerName = owner?.name
        let isOwners = ownerName != nil && sender == ownerName
        let excluded = ownerName ?? sender
        var names = participants.filter { $0 != excluded }
        if !isOwners && sender != excluded && !participants.contains(sender) {
            names.append(sender)
        }
        append(
            kind: .message, isAuthoredByOwner: isOwners,
            author: isOwners ? owner : Person(name: sender),
            counterparties: unique(names.map { Person(name: $0) }),
            text: content.texts.isEmpty ? nil : content.texts.joined(separator: "\n"),
            attachments: attachments, conversation: conversation, time: time, record: record)
    }

    // MARK: - Record kinds

    private mutating func addPost(_ record: MetaHTMLRecord, section: FacebookSection) {
        let title = record.heading?.normalizedText
        let content = MetaHTMLContent(record.body)
        var counterparties = tags(in: content).map { Person(name: $0) }
        var author = owner
        var isOwners = true
        var conversation: String?
        if let title {
            switch section {
            case .postsByOthers:
                isOwners = false
                author = FacebookTitle.authorOfPostOnYourTimeline(in: title).map {
                    Person(name: $0)
                }
                if let author { counterparties.insert(author, at: 0) }
            case .groupPosts:
                conversation = FacebookTitle.groupName(in: title)
            default:
                if let other = FacebookTitle.timelineOwner(in: title), other != owner?.name {
                    counterparties.insert(Person(name: other), at: 0)
                }
            }
        } else if section == .postsByOthers {
            isOwners = false
            author = nil
        }
        append(
            kind: .post, isAuthoredByOwner: isOwners, author: author,
            counterparties: unique(counterparties), text: content.joinedText, title: title,
            attachments: attachments(of: content), conversation: conversation,
            time: instant(of: record, isExpected: true), record: record)
    }

    private mutating func addComment(_ record: MetaHTMLRecord) {
        let title = record.heading?.normalizedText
        let content = MetaHTMLContent(record.body)
        var texts = content.texts
        var group: String?
        if let index = texts.firstIndex(where: { $0.hasPrefix("Group: ") }) {
            group = String(texts[index].dropFirst("Group: ".count))
            texts.remove(at: index)
        }
        var counterparties: [Person] = []
        if let title, let other = FacebookTitle.commentedPerson(in: title), other != owner?.name {
            counterparties.append(Person(name: other))
        }
        append(
            kind: .comment, isAuthoredByOwner: true, author: owner,
            counterparties: counterparties,
            text: texts.isEmpty ? nil : texts.joined(separator: "\n\n"), title: title,
            attachments: attachments(of: content), conversation: group,
            time: instant(of: record, isExpected: true), record: record)
    }

    private mutating func addReaction(_ record: MetaHTMLRecord) {
        let title = record.heading?.normalizedText
        let content = MetaHTMLContent(record.body)
        var other = title.flatMap(FacebookTitle.reactedPerson(in:))
        var reaction = content.icons.lazy.compactMap(Self.reaction(inIcon:)).first
        if let value = content.values(for: ["Reaction"])?.first {
            reaction = reaction ?? value
        }
        if let name = content.values(for: ["Name"])?.first { other = other ?? name }
        if reaction == nil,
            let named = content.texts.lazy.compactMap({ Self.reactionNames[$0.lowercased()] }).first
        {
            reaction = named
        }
        let counterparties = other.flatMap { $0 == owner?.name ? nil : [Person(name: $0)] } ?? []
        append(
            kind: .reaction, isAuthoredByOwner: true, author: owner,
            counterparties: counterparties, text: reaction, title: title,
            attachments: attachments(of: content), time: instant(of: record, isExpected: true),
            record: record)
    }

    private mutating func addConnection(_ record: MetaHTMLRecord, section: FacebookSection) {
        let kind: ActivityKind
        let state: ConnectionState
        let isOwners: Bool
        switch section {
        case .sentRequests: (kind, state, isOwners) = (.friendRequestSent, .active, true)
        case .receivedRequests: (kind, state, isOwners) = (.friendRequestReceived, .pending, false)
        case .rejectedRequests: (kind, state, isOwners) = (.friendRequestReceived, .rejected, false)
        case .removedFriends: (kind, state, isOwners) = (.friend, .removed, true)
        case .following: (kind, state, isOwners) = (.follow, .active, true)
        case .followers: (kind, state, isOwners) = (.follower, .active, false)
        default: (kind, state, isOwners) = (.friend, .active, false)
        }
        let name =
            record.heading?.normalizedText
            ?? MetaHTMLContent(record.body.isEmpty ? [record.node] : record.body).texts.first
        let person = Person(name: name.map(Self.personName))
        let author: Person? =
            switch section {
            case .receivedRequests, .rejectedRequests, .followers: person
            default: isOwners ? owner : nil
            }
        append(
            kind: kind, isAuthoredByOwner: isOwners, author: author, counterparties: [person],
            connectionState: state,
            time: instant(of: record, isExpected: section != .followers), record: record)
    }

    private mutating func addProfile(_ record: MetaHTMLRecord) {
        let content = MetaHTMLContent([record.node])
        var lines = content.fields.compactMap { field -> String? in
            let value = field.values.joined(separator: ", ")
            return field.label.isEmpty || value.isEmpty ? nil : "\(field.label): \(value)"
        }
        if lines.isEmpty { lines = content.texts }
        append(
            kind: .profile, isAuthoredByOwner: true, author: owner,
            text: lines.joined(separator: "\n"), time: nil, record: record)
    }

    // MARK: - Content

    /// Tagged people: the values of a "Tags"/"Tagged"/"With" row.
    private func tags(in content: MetaHTMLContent) -> [String] {
        guard let values = content.values(for: ["Tags", "Tagged", "Tagged people", "With"]) else {
            return []
        }
        return values.flatMap { value in
            value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty }
    }

    /// Media, links and places of a post, comment or reaction, in page order of their kind.
    private func attachments(of content: MetaHTMLContent) -> [Attachment] {
        var result = content.media.map { media -> Attachment in
            let guessed = media.tag == "video" ? .video : Attachment.kind(ofMediaPath: media.uri)
            let kind: Attachment.Kind = guessed == .file ? .photo : guessed
            return Attachment(kind: kind, uri: media.uri, caption: media.caption)
        }
        result += content.links.map { Attachment(kind: .link, uri: $0.href, caption: $0.text) }
        if let place = content.field(["Place", "Location", "Check-in"]) {
            let address = content.values(for: ["Address"])?.joined(separator: ", ")
            let parts = (place.values + [address]).compactMap { $0 }.filter { !$0.isEmpty }
            result.append(
                Attachment(kind: .place, uri: place.href, caption: parts.joined(separator: ", ")))
        }
        return result
    }

    private static func messageMediaKind(_ media: MetaHTMLContent.Media) -> Attachment.Kind {
        let folders = media.uri.lowercased().split(separator: "/").dropLast()
        if folders.contains("stickers_used") { return .sticker }
        if folders.contains("photos") { return .photo }
        if folders.contains("videos") { return .video }
        if folders.contains("gifs") { return .gif }
        if folders.contains("audio") { return .audio }
        if folders.contains("files") { return .file }
        if media.tag == "video" { return .video }
        if media.tag == "audio" { return .audio }
        return Attachment.kind(ofMediaPath: media.uri)
    }

    /// Reaction names as Facebook's JSON writes them, by the words of their icons and labels.
    private static let reactionNames: [String: String] = [
        "like": "LIKE", "love": "LOVE", "haha": "HAHA", "wow": "WOW", "sorry": "SORRY",
        "sad": "SORRY", "anger": "ANGER", "angry": "ANGER", "care": "CARE",
    ]

    /// The reaction an icon's file name shows (`…/love.png` → LOVE).
    private static func reaction(inIcon source: String) -> String? {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let stem = name.split(separator: ".").first.map { $0.lowercased() } ?? ""
        return reactionNames[stem]
    }

    /// A person's name as shown, with Facebook's placeholder for deleted accounts read as no name.
    static func personName(_ shown: String) -> String {
        placeholderNames.contains(shown) ? "" : shown
    }

    // MARK: - Helpers

    private func unique(_ people: [Person]) -> [Person] {
        var seen = Set<Person>()
        return people.filter { seen.insert($0).inserted }
    }

    private mutating func append(
        kind: ActivityKind, isAuthoredByOwner: Bool, author: Person?, counterparties: [Person] = [],
        text: String? = nil, title: String? = nil, attachments: [Attachment] = [],
        conversation: String? = nil, connectionState: ConnectionState? = nil,
        time: MetaHTMLDateReader.Reading?, record: MetaHTMLRecord
    ) {
        items.append(
            TimelineItem(
                platform: .facebook, kind: kind, isAuthoredByOwner: isAuthoredByOwner,
                author: author, counterparties: counterparties, text: text, title: title,
                attachments: attachments, conversation: conversation,
                connectionState: connectionState, occurredAt: time?.instant,
                timeBasis: time?.basis ?? .none,
                source: context.source(file: file.path, locator: record.node.path),
                rawFragment: record.node.outerHTML))
    }
}
