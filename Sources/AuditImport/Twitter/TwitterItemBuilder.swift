import AuditModel
import Foundation

/// Turns the decoded records of one X data file into timeline items and item-level issues.
///
/// People are kept as X identifies them: mentions with the id, handle and name the tweet's
/// entity gives; reply targets with the tweet's `in_reply_to_*` fields; everyone known only by an
/// account id (message partners, followers, following) through the ``TwitterAccountDirectory``,
/// which gives the handle the archive's own tweets link to that id, or leaves the bare id in
/// `Person.accountID`. Every item cites the file and the element's JSON pointer and carries the
/// element re-serialised as its raw fragment. Times come only from the source: likes, followers
/// and following have none and keep none.
struct TwitterItemBuilder {
    /// The archive being imported, for source references.
    let context: ImportContext
    /// What the first reading learnt: the owner, the id directory, ids already imported.
    let survey: TwitterArchiveSurvey
    /// Media files of the archive by the id that starts their name (`<tweet or message id>-…`).
    let mediaByID: [String: [String]]
    /// The file inside the archive.
    let file: String

    /// The items read so far.
    private(set) var items: [TimelineItem] = []

    /// The items read so far, which the builder then forgets (a file read in chunks hands each
    /// chunk's items on).
    mutating func takeItems() -> [TimelineItem] {
        defer { items = [] }
        return items
    }
    /// Problems with single records, each with its locator.
    private(set) var issues: [ImportIssue] = []

    /// Creates a builder for one file.
    init(
        context: ImportContext, survey: TwitterArchiveSurvey, mediaByID: [String: [String]],
        file: String
    ) {
        self.context = context
        self.survey = survey
        self.mediaByID = mediaByID
        self.file = file
    }

    private var owner: Person? { survey.owner }

    // MARK: - Tweets

    /// Adds tweets: one `.post` each, with the reply target, the retweeted author and every
    /// mentioned account as counterparties.
    ///
    /// A mention makes no item of its own: the contact rules read counterparties, so a tweet
    /// mentioning a pupil is one post whose counterparties include the pupil (and the locator of
    /// the mention is the tweet's, `/N`). Tweets whose id was already read (the same tweet in two
    /// parts) are reported once and not imported twice.
    /// `first` is the index in the file of the first of `records` (read a chunk at a time).
    mutating func addTweets(
        _ records: [MetaRecord<TwitterDTO.TweetElement>], startingAt first: Int = 0,
        section: TwitterSection, seen: inout Set<String>
    ) {
        for (offset, record) in records.enumerated() {
            let locator = "/\(first + offset)"
            guard let tweet = readable(record, at: locator)?.tweet else { continue }
            if let id = tweet.identifier, !seen.insert(id).inserted {
                issues.append(
                    ImportIssue(
                        file: file, locator: locator,
                        reason: "tweet \(id) was already read from another part; not imported twice"
                    ))
                continue
            }
            let written = Self.unescape(tweet.fullText ?? tweet.text ?? "")
            let text = tweet.identifier.flatMap { survey.noteTextByTweetID[$0] } ?? written
            var title: String?
            if section == .deletedPosts {
                let deleted = tweet.deletedAt.flatMap(TwitterTime.instant(fromTweetTime:))
                title =
                    "Deleted by the owner"
                    + (deleted.map { " on \(Self.utcDescription($0))" } ?? "")
            }
            append(
                kind: .post, isAuthoredByOwner: true, author: owner,
                counterparties: counterparties(of: tweet, text: written), text: text,
                title: title, attachments: attachments(of: tweet),
                occurredAt: tweetTime(tweet.createdAt, locator: locator), raw: record.raw,
                locator: locator)
        }
    }

    /// Adds the long posts of `note-tweet.js` that no tweet holds the start of (those that one
    /// does have given that tweet its full text).
    mutating func addNotes(_ records: [MetaRecord<TwitterDTO.NoteElement>]) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let note = readable(record, at: locator)?.noteTweet,
                let id = note.noteTweetID?.value, survey.unmatchedNoteIDs.contains(id)
            else { continue }
            let text = note.core?.text
            append(
                kind: .post, isAuthoredByOwner: true, author: owner,
                counterparties: withoutOwner(
                    MentionScanner.handles(in: text ?? "", maximumLength: 15).map {
                        person(id: nil, handle: $0, name: nil)
                    }),
                text: text,
                occurredAt: isoTime(note.createdAt, locator: locator), raw: record.raw,
                locator: locator)
        }
    }

    /// Adds the tweets of a headers file that no tweet file holds: `.post`s without text.
    mutating func addTweetHeaders(
        _ records: [MetaRecord<TwitterDTO.HeaderElement>], deleted: Bool
    ) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let header = readable(record, at: locator)?.tweet else { continue }
            if let id = header.tweetID?.value, survey.tweetIDs.contains(id) { continue }
            let deletedAt = header.deletedAt.flatMap(TwitterTime.instant(fromTweetTime:))
            let title =
                deleted
                ? "Deleted by the owner"
                    + (deletedAt.map { " on \(Self.utcDescription($0))" } ?? "")
                    + "; the archive keeps no text for it"
                : "Listed in the tweet headers only; the archive keeps no text for it"
            append(
                kind: .post, isAuthoredByOwner: true, author: owner, title: title,
                occurredAt: tweetTime(header.createdAt, locator: locator), raw: record.raw,
                locator: locator)
        }
    }

    private func counterparties(of tweet: TwitterDTO.Tweet, text: String) -> [Person] {
        let mentions = tweet.entities?.userMentions ?? []
        func fromMention(handle: String) -> TwitterDTO.Mention? {
            mentions.first { $0.screenName?.lowercased() == handle.lowercased() }
        }
        var people: [Person] = []
        if tweet.inReplyToUserID != nil || tweet.inReplyToScreenName != nil {
            let id = tweet.inReplyToUserID?.value
            let entity =
                mentions.first { id != nil && $0.identifier == id }
                ?? tweet.inReplyToScreenName.flatMap(fromMention(handle:))
            people.append(
                person(
                    id: id ?? entity?.identifier,
                    handle: tweet.inReplyToScreenName ?? entity?.screenName, name: entity?.name))
        }
        if let handle = Self.retweetedHandle(in: text) {
            let entity = fromMention(handle: handle)
            people.append(
                person(
                    id: entity?.identifier, handle: entity?.screenName ?? handle,
                    name: entity?.name))
        }
        for mention in mentions {
            people.append(
                Person(
                    name: mention.name, handle: mention.screenName, accountID: mention.identifier))
        }
        return withoutOwner(people)
    }

    /// The handle after "RT @" at the start of a retweet's text.
    static func retweetedHandle(in text: String) -> String? {
        guard text.hasPrefix("RT @") else { return nil }
        let handle = text.dropFirst(4).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return handle.isEmpty ? nil : String(handle)
    }

    private func attachments(of tweet: TwitterDTO.Tweet) -> [Attachment] {
        var result: [Attachment] = []
        let media = tweet.extendedEntities?.media ?? tweet.entities?.media ?? []
        for item in media {
            let kind: Attachment.Kind =
                switch item.type {
                case "video": .video
                case "animated_gif": .gif
                default: .photo
                }
            let still = item.mediaURLHTTPS ?? item.mediaURL
            let local = tweet.identifier.flatMap { localMedia(for: $0, remote: still, kind: kind) }
            result.append(Attachment(kind: kind, uri: local ?? item.bestVideoURL ?? still))
        }
        for link in tweet.entities?.urls ?? [] {
            if let url = link.expandedURL ?? link.url {
                result.append(Attachment(kind: .link, uri: url))
            }
        }
        return result
    }

    /// The archive's copy of a media file: `<id>-<last part of the URL>` for photos, any
    /// `<id>-…` file of the same kind for videos and GIFs (their names are random).
    private func localMedia(for id: String, remote: String?, kind: Attachment.Kind) -> String? {
        let candidates = mediaByID[id] ?? []
        if let last = remote?.split(separator: "/").last,
            let exact = candidates.first(where: {
                $0.hasSuffix("/\(id)-\(last)") || $0 == "\(id)-\(last)"
            })
        {
            return exact
        }
        if kind == .photo { return nil }
        return candidates.first { path in
            let guessed = Attachment.kind(ofMediaPath: path)
            return guessed == .video || guessed == .gif
        }
    }

    // MARK: - Likes

    /// Adds likes as `.reaction`s without a time: `like.js` records none (FORMATS.md §3.5).
    ///
    /// The liked account is a counterparty only when the link names it (`twitter.com/<handle>/
    /// status/…`); X usually writes `twitter.com/i/web/status/…`, which names nobody. The title
    /// says that the like's time is unknown and, from the tweet id, when the liked post was made.
    mutating func addLikes(_ records: [MetaRecord<TwitterDTO.LikeElement>]) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let like = readable(record, at: locator)?.like else { continue }
            let author = like.expandedURL.flatMap(Self.authorHandle(inStatusURL:))
            var title = "Like; the archive does not record when it was made"
            if let created = like.tweetID.flatMap({
                TwitterTime.creationInstant(ofTweetID: $0.value)
            }) {
                title += " (the liked post was created \(Self.utcDescription(created)))"
            }
            append(
                kind: .reaction, isAuthoredByOwner: true, author: owner,
                counterparties: withoutOwner(
                    author.map { [person(id: nil, handle: $0, name: nil)] } ?? []),
                text: like.fullText.map(Self.unescape), title: title,
                attachments: like.expandedURL.map { [Attachment(kind: .link, uri: $0)] } ?? [],
                occurredAt: nil, raw: record.raw, locator: locator)
        }
    }

    /// The handle in `https://twitter.com/<handle>/status/<id>` (or x.com), unless it is `i`.
    static func authorHandle(inStatusURL text: String) -> String? {
        guard let url = URL(string: text),
            let host = url.host?.lowercased(),
            ["twitter.com", "www.twitter.com", "x.com", "www.x.com", "mobile.twitter.com"]
                .contains(host)
        else { return nil }
        let parts = url.pathComponents.filter { $0 != "/" }
        guard parts.count >= 3, parts[1] == "status", parts[0] != "i" else { return nil }
        return parts[0]
    }

    // MARK: - Followers and following

    /// Adds followers (`.follower`) or followed accounts (`.follow`): ids only, no time.
    mutating func addConnections(
        _ records: [MetaRecord<TwitterDTO.ConnectionElement>], followers: Bool
    ) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let connection = readable(record, at: locator)?.account else { continue }
            let other = person(id: connection.accountID.value, handle: nil, name: nil)
            append(
                kind: followers ? .follower : .follow, isAuthoredByOwner: !followers,
                author: followers ? other : owner, counterparties: [other],
                connectionState: .active, occurredAt: nil, raw: record.raw, locator: locator)
        }
    }

    // MARK: - Direct messages

    /// Adds the messages of a direct-messages file (1:1 or group) or of a headers file.
    ///
    /// One `.message` per `messageCreate`, authored by the owner when its sender is the owner's
    /// account id; the counterparties are every other participant of the conversation (senders,
    /// recipients, people who joined or left, and both ids of a 1:1 conversation id). In a
    /// headers file only messages missing from the full files are added, without text. Other
    /// events (reactions, joins, renames) make no item; an event of an unknown kind is an issue.
    mutating func addConversations(
        _ records: [MetaRecord<TwitterDTO.ConversationElement>], startingAt first: Int = 0,
        headersOnly: Bool
    ) {
        for (offset, record) in records.enumerated() {
            let index = first + offset
            guard let conversation = readable(record, at: "/\(index)")?.dmConversation else {
                continue
            }
            let events = conversation.messages.map(\.value)
            let participants = Self.participants(of: conversation.conversationID, events: events)
            let name = events.lazy.compactMap { $0?.conversationNameUpdate?.name }.first
            let label = name ?? conversation.conversationID
            for (position, event) in conversation.messages.enumerated() {
                let locator = "/\(index)/dmConversation/messages/\(position)"
                guard let value = readable(event, at: locator) else { continue }
                guard let message = value.messageCreate else {
                    if !Self.eventKindsWithoutItems.contains(value.kind) {
                        issues.append(
                            ImportIssue(
                                file: file, locator: locator,
                                reason:
                                    "conversation event '\(value.kind)' of a kind this tool does not read; not imported"
                            ))
                    }
                    continue
                }
                if headersOnly, let id = message.id?.value, survey.messageIDs.contains(id) {
                    continue
                }
                appendMessage(
                    sender: message.senderID?.value, participants: participants,
                    text: headersOnly ? nil : message.text,
                    title: headersOnly
                        ? "Listed in the message headers only; the archive keeps no text for it"
                        : nil,
                    attachments: headersOnly ? [] : attachments(of: message),
                    conversation: label,
                    occurredAt: isoTime(message.createdAt, locator: locator), raw: event.raw,
                    locator: locator)
            }
        }
    }

    /// Conversation events that are not messages and make no item.
    private static let eventKindsWithoutItems: Set<String> = [
        "reactionCreate", "reactionDelete", "joinConversation", "participantsJoin",
        "participantsLeave", "conversationNameUpdate", "welcomeMessageCreate",
        "conversationCreate", "messageDelete",
    ]

    private static func participants(
        of conversationID: String?, events: [TwitterDTO.ConversationEvent?]
    ) -> [String] {
        var ids: [String] = []
        func add(_ id: String?) {
            guard let id, !id.isEmpty, id != "0", !ids.contains(id) else { return }
            ids.append(id)
        }
        let parts = (conversationID ?? "").split(separator: "-").map(String.init)
        if parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            parts.forEach(add)
        }
        for event in events {
            add(event?.messageCreate?.senderID?.value)
            add(event?.messageCreate?.recipientID?.value)
            for change in [
                event?.participantsJoin, event?.participantsLeave, event?.joinConversation,
            ] {
                add(change?.initiatingUserID?.value)
                for id in change?.userIDs ?? [] { add(id.value) }
            }
        }
        return ids
    }

    private func attachments(of message: TwitterDTO.MessageCreate) -> [Attachment] {
        var result: [Attachment] = []
        for url in message.mediaURLs ?? [] {
            let kind = Attachment.kind(ofMediaPath: url)
            let local = message.id.flatMap { localMedia(for: $0.value, remote: url, kind: kind) }
            result.append(Attachment(kind: kind == .file ? .photo : kind, uri: local ?? url))
        }
        for link in message.urls ?? [] {
            if let url = link.expanded ?? link.url {
                result.append(Attachment(kind: .link, uri: url))
            }
        }
        return result
    }

    /// Adds the messages of encrypted X Chat (`message-event.js`): who wrote to whom and when;
    /// the content is ciphertext and is not shown (FORMATS.md §3.4).
    mutating func addMessageEvents(_ records: [MetaRecord<TwitterDTO.MessageEventElement>]) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let event = readable(record, at: locator)?.messageEvent else { continue }
            guard event.detail?["messageCreateEvent"] != nil else { continue }
            let participants = (event.conversationID ?? "").split(separator: ":").map(String.init)
            let time = event.createdAtMsec.flatMap { Double($0.value) }.flatMap { milliseconds in
                Self.plausible(Date(timeIntervalSince1970: milliseconds / 1000))
            }
            if time == nil {
                issues.append(
                    ImportIssue(
                        file: file, locator: locator,
                        reason: "no readable time in the source; the item is kept without a time"))
            }
            appendMessage(
                sender: event.senderID?.value, participants: participants, text: nil,
                title: "Encrypted X Chat message; its content cannot be read from the archive",
                attachments: [], conversation: event.conversationID, occurredAt: time,
                raw: record.raw, locator: locator)
        }
    }

    private mutating func appendMessage(
        sender: String?, participants: [String], text: String?, title: String?,
        attachments: [Attachment], conversation: String?, occurredAt: Date?, raw: String,
        locator: String
    ) {
        let ownerID = survey.ownerID
        let isOwners = ownerID != nil && sender == ownerID
        let excluded = ownerID ?? sender
        var others = participants.filter { $0 != excluded }
        if let sender, !isOwners, sender != excluded, !others.contains(sender) {
            others.append(sender)
        }
        append(
            kind: .message, isAuthoredByOwner: isOwners,
            author: isOwners ? owner : sender.map { person(id: $0, handle: nil, name: nil) },
            counterparties: others.map { person(id: $0, handle: nil, name: nil) }, text: text,
            title: title, attachments: attachments, conversation: conversation,
            occurredAt: occurredAt, raw: raw, locator: locator)
    }

    // MARK: - Account and profile

    /// Adds `account.js` as a `.profile` item listing the account's details.
    mutating func addAccount(_ records: [MetaRecord<TwitterDTO.AccountElement>]) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let account = readable(record, at: locator)?.account else { continue }
            let lines = [
                ("Display name", account.accountDisplayName), ("Username", account.username),
                ("Account id", account.accountID?.value), ("Created", account.createdAt),
                ("Created via", account.createdVia), ("Email", account.email),
                ("Phone number", account.phoneNumber),
            ].compactMap { label, value in value.flatMap { $0.isEmpty ? nil : "\(label): \($0)" } }
            append(
                kind: .profile, isAuthoredByOwner: true, author: owner,
                text: lines.joined(separator: "\n"), occurredAt: nil, raw: record.raw,
                locator: locator)
        }
    }

    /// Adds the classic archive's `user_details.js` as a `.profile` item: the owner's names, id,
    /// bio and location.
    mutating func addClassicAccount(_ details: TwitterDTO.ClassicUserDetails, raw: String) {
        let lines = [
            ("Display name", details.fullName), ("Username", details.screenName),
            ("Account id", details.id?.value), ("Created", details.createdAt),
            ("Bio", details.bio), ("Location", details.location),
        ].compactMap { label, value in value.flatMap { $0.isEmpty ? nil : "\(label): \($0)" } }
        append(
            kind: .profile, isAuthoredByOwner: true, author: owner,
            text: lines.joined(separator: "\n"), occurredAt: nil, raw: raw, locator: "")
    }

    /// Adds `profile.js` as a `.profile` item: bio, website, location and pictures.
    mutating func addProfile(_ records: [MetaRecord<TwitterDTO.ProfileElement>]) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let profile = readable(record, at: locator)?.profile else { continue }
            let lines = [
                ("Bio", profile.description?.bio), ("Website", profile.description?.website),
                ("Location", profile.description?.location),
            ].compactMap { label, value in value.flatMap { $0.isEmpty ? nil : "\(label): \($0)" } }
            let pictures = [profile.avatarMediaURL, profile.headerMediaURL].compactMap { $0 }
                .map { Attachment(kind: .photo, uri: $0) }
            append(
                kind: .profile, isAuthoredByOwner: true, author: owner,
                text: lines.joined(separator: "\n"), attachments: pictures, occurredAt: nil,
                raw: record.raw, locator: locator)
        }
    }

    /// Adds each change of the owner's handle as a `.profile` item at the time of the change.
    mutating func addScreenNameChanges(
        _ records: [MetaRecord<TwitterDTO.ScreenNameChangeElement>]
    ) {
        for (index, record) in records.enumerated() {
            let locator = "/\(index)"
            guard let change = readable(record, at: locator)?.screenNameChange.screenNameChange
            else { continue }
            let text =
                "Handle changed from @\(change.changedFrom ?? "?") to @\(change.changedTo ?? "?")"
            append(
                kind: .profile, isAuthoredByOwner: true, author: owner, text: text,
                occurredAt: isoTime(change.changedAt, locator: locator), raw: record.raw,
                locator: locator)
        }
    }

    // MARK: - Helpers

    /// The person with this id or handle: the owner when it is theirs, else with the handle and
    /// name the archive links to the id.
    private func person(id: String?, handle: String?, name: String?) -> Person {
        if let id, id == survey.ownerID, let owner { return owner }
        let resolvedID = id ?? handle.flatMap { survey.directory.id(forHandle: $0) }
        guard let resolvedID else { return Person(name: name, handle: handle) }
        let known = survey.directory.person(id: resolvedID)
        return Person(
            name: name ?? known.name, handle: handle ?? known.handle, accountID: resolvedID)
    }

    private func withoutOwner(_ people: [Person]) -> [Person] {
        var seen = Set<String>()
        return people.filter { person in
            if let id = person.accountID, id == survey.ownerID { return false }
            if let handle = person.handle?.lowercased(), survey.ownerHandles.contains(handle) {
                return false
            }
            let key = person.accountID ?? person.handle?.lowercased() ?? person.label
            return seen.insert(key).inserted
        }
    }

    /// X's text with the three entities it writes (`&amp;`, `&lt;`, `&gt;`) turned back into
    /// the characters the person typed.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
            of: "&gt;", with: ">"
        )
        .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// "2019-09-13 14:02:11 UTC".
    static func utcDescription(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d UTC", parts.year ?? 0, parts.month ?? 0,
            parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private mutating func readable<Value>(_ record: MetaRecord<Value>, at locator: String)
        -> Value?
    {
        if let value = record.value { return value }
        issues.append(
            ImportIssue(
                file: file, locator: locator,
                reason:
                    "record skipped, the rest of the file was imported: \(record.failure ?? "unreadable record")"
            ))
        return nil
    }

    /// Tweets with years before X existed (2006) are kept without a time (FORMATS.md §3.3).
    private static func plausible(_ date: Date) -> Date? {
        let earliest = Date(timeIntervalSince1970: 1_136_073_600)  // 2006-01-01
        let latest = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
        return date >= earliest && date < latest ? date : nil
    }

    private mutating func tweetTime(_ text: String?, locator: String) -> Date? {
        guard let text else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason: "no time in the source; the item is kept without a time"))
            return nil
        }
        guard let date = TwitterTime.instant(fromTweetTime: text),
            let plausible = Self.plausible(date)
        else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason:
                        "time '\(text)' is not a readable date between 2006 and 2099; the item is kept without a time"
                ))
            return nil
        }
        return plausible
    }

    private mutating func isoTime(_ text: String?, locator: String) -> Date? {
        guard let text else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason: "no time in the source; the item is kept without a time"))
            return nil
        }
        guard let date = TwitterTime.instant(fromISO: text), let plausible = Self.plausible(date)
        else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason:
                        "time '\(text)' is not a readable date between 2006 and 2099; the item is kept without a time"
                ))
            return nil
        }
        return plausible
    }

    private mutating func append(
        kind: ActivityKind, isAuthoredByOwner: Bool, author: Person?, counterparties: [Person] = [],
        text: String? = nil, title: String? = nil, attachments: [Attachment] = [],
        conversation: String? = nil, connectionState: ConnectionState? = nil, occurredAt: Date?,
        raw: String, locator: String
    ) {
        items.append(
            TimelineItem(
                platform: .twitter, kind: kind, isAuthoredByOwner: isAuthoredByOwner,
                author: author, counterparties: counterparties, text: text, title: title,
                attachments: attachments, conversation: conversation,
                connectionState: connectionState, occurredAt: occurredAt, timeBasis: .explicit,
                source: context.source(file: file, locator: locator),
                rawFragment: raw))
    }
}
