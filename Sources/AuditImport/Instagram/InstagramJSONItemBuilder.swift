import AuditModel
import Foundation

/// Turns the decoded records of one Instagram file into timeline items and item-level issues.
///
/// Every string read from the file goes through ``MetaText/repairMojibake(_:)``; every item cites
/// the file and the record's JSON pointer and carries the record re-serialised as its raw
/// fragment. People are identified as Instagram identifies them: by handle (`Person.handle`) in
/// connections, comments, likes and captions, by display name (`Person.name`) in direct messages.
/// Times are taken only from the source: a 0, absurd or missing time leaves the item without one
/// and adds an issue at its locator.
struct InstagramJSONItemBuilder {
    /// The archive being imported, for source references and zone-less legacy times.
    let context: ImportContext
    /// The archive owner from the profile, when the export has one.
    let owner: Person?
    /// The file inside the archive.
    let file: String

    /// The items read so far.
    private(set) var items: [TimelineItem] = []
    /// Problems with single records, each with its locator.
    private(set) var issues: [ImportIssue] = []

    /// Creates a builder for one file.
    init(context: ImportContext, owner: Person?, file: String) {
        self.context = context
        self.owner = owner
        self.file = file
    }

    typealias DTO = InstagramJSONDTO

    // MARK: - Profile

    /// Adds the profile (`profile_user[0]`) as one `.profile` item listing its labelled values.
    mutating func addProfile(_ record: MetaRecord<DTO.Record>, pointer: String) {
        guard let profile = readable(record, at: pointer) else { return }
        let map = profile.stringMapData ?? [:]
        var lines: [String] = []
        for label in Self.profileLabels(in: map) {
            guard let value = fix(map[label]?.value), !value.isEmpty else { continue }
            lines.append("\(fix(label) ?? label): \(value)")
        }
        let photo = profile.mediaMapData?.first { $0.key.lowercased() == "profile photo" }?.value
        let attachments = photo.map { [attachment(for: $0, postText: nil)] } ?? []
        append(
            kind: .profile, isAuthoredByOwner: true, author: owner,
            text: lines.joined(separator: "\n"), attachments: attachments, occurredAt: nil,
            raw: record.raw, locator: pointer)
    }

    /// Name and username first, then the other labels alphabetically.
    private static func profileLabels(in map: [String: DTO.StringEntry]) -> [String] {
        let first = ["Name", "Username"]
        return first.filter { map[$0] != nil } + map.keys.filter { !first.contains($0) }.sorted()
    }

    // MARK: - Posts, reels, stories, profile pictures

    /// Adds posts: one item per post, with every media item as an attachment (a carousel is one
    /// post with several attachments); profile pictures become `.profile` items.
    mutating func addPosts(
        _ records: [MetaRecord<DTO.Post>], section: InstagramJSONSection, pointer: String
    ) {
        for (index, record) in records.enumerated() {
            let locator = "\(pointer)/\(index)"
            guard let post = readable(record, at: locator) else { continue }
            let first = post.media.first
            let text = [fix(post.title), fix(first?.title)].compactMap { $0 }.first {
                !$0.isEmpty
            }
            let attachments = post.media.map { attachment(for: $0, postText: text) }
            let time = instant(
                post.creationTimestamp ?? first?.creationTimestamp, milliseconds: false,
                locator: locator)
            append(
                kind: section == .profilePhotos ? .profile : .post, isAuthoredByOwner: true,
                author: owner, counterparties: mentioned(in: text), text: text,
                attachments: attachments, occurredAt: time, raw: record.raw, locator: locator)
        }
    }

    /// A photo or video attachment for one media item.
    ///
    /// The kind comes from the item's metadata, else its extension; media with neither is taken
    /// to be a photo. Its caption is kept when it differs from the post's text.
    private func attachment(for media: DTO.Media, postText: String?) -> Attachment {
        let uri = fix(media.uri)
        let kind: Attachment.Kind
        if media.mediaMetadata?.videoMetadata != nil {
            kind = .video
        } else if media.mediaMetadata?.photoMetadata != nil {
            kind = .photo
        } else {
            let guessed = uri.map(Attachment.kind(ofMediaPath:)) ?? .photo
            kind = guessed == .file ? .photo : guessed
        }
        let caption = fix(media.title).flatMap { $0 == postText ? nil : $0 }
        return Attachment(kind: kind, uri: uri, caption: caption)
    }

    // MARK: - Generic records: comments, likes, interactions, connections

    /// Adds the records of a comments, likes, story-interactions or connections file.
    mutating func addRecords(
        _ records: [MetaRecord<DTO.Record>], section: InstagramJSONSection, pointer: String
    ) {
        for (index, record) in records.enumerated() {
            let locator = "\(pointer)/\(index)"
            guard let value = readable(record, at: locator) else { continue }
            switch section {
            case .postComments, .reelsComments, .storyComments:
                addComment(value, raw: record.raw, locator: locator)
            case .likedPosts, .likedComments, .storyInteractions:
                addReaction(value, raw: record.raw, locator: locator)
            default:
                addConnection(value, section: section, raw: record.raw, locator: locator)
            }
        }
    }

    private mutating func addComment(_ record: DTO.Record, raw: String, locator: String) {
        let listed = record.stringListData?.first
        let text = fix(record.entry("Comment")?.value ?? listed?.value)
        let mediaOwner =
            fix(record.entry("Media Owner")?.value).flatMap { $0.isEmpty ? nil : $0 }
            ?? fix(record.title)
        let time = instant(
            record.entry("Time")?.timestamp ?? record.entry("Comment creation time")?.timestamp
                ?? listed?.timestamp ?? Self.anyTimestamp(in: record),
            milliseconds: false, locator: locator)
        var people = mediaOwner.map { [Person(handle: $0)] } ?? []
        people += mentioned(in: text)
        append(
            kind: .comment, isAuthoredByOwner: true, author: owner,
            counterparties: withoutOwner(people), text: text, occurredAt: time, raw: raw,
            locator: locator)
    }

    private mutating func addReaction(_ record: DTO.Record, raw: String, locator: String) {
        let listed = record.stringListData?.first
        let account =
            fix(record.title).flatMap { $0.isEmpty ? nil : $0 }
            ?? fix(record.entry("Owner")?.value ?? record.entry("Username")?.value)
            ?? fix(record.labelled("Username", under: "Owner")?.value).flatMap {
                $0.isEmpty ? nil : $0
            }
        let labelledLink = record.labelled("URL").flatMap { $0.href ?? $0.value }
        let link = fix(listed?.href ?? record.entry("URL")?.href ?? labelledLink)
            .flatMap { $0.isEmpty ? nil : $0 }
        let time = instant(
            listed?.timestamp ?? record.timestamp ?? Self.anyTimestamp(in: record),
            milliseconds: false, locator: locator)
        append(
            kind: .reaction, isAuthoredByOwner: true, author: owner,
            counterparties: withoutOwner(account.map { [Person(handle: $0)] } ?? []),
            text: fix(listed?.value),
            attachments: link.map { [Attachment(kind: .link, uri: $0)] } ?? [],
            occurredAt: time, raw: raw, locator: locator)
    }

    private mutating func addConnection(
        _ record: DTO.Record, section: InstagramJSONSection, raw: String, locator: String
    ) {
        let entry = record.stringListData?.first
        guard
            let handle = Self.username(
                value: fix(entry?.value), title: fix(record.title),
                href: fix(entry?.href))
        else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason: "record skipped, the rest of the file was imported: it names no account"
                ))
            return
        }
        let person = Person(handle: handle)
        let kind: ActivityKind
        let state: ConnectionState
        let isOwners: Bool
        var title: String?
        switch section {
        case .followers: (kind, state, isOwners) = (.follower, .active, false)
        case .followRequestsReceived:
            (kind, state, isOwners) = (.friendRequestReceived, .pending, false)
        case .followRequestsSent: (kind, state, isOwners) = (.friendRequestSent, .active, true)
        case .unfollowed: (kind, state, isOwners) = (.follow, .removed, true)
        case .closeFriends:
            (kind, state, isOwners) = (.friend, .active, true)
            title = "On the owner's close friends list"
        default: (kind, state, isOwners) = (.follow, .active, true)
        }
        append(
            kind: kind, isAuthoredByOwner: isOwners, author: isOwners ? owner : person,
            counterparties: [person], title: title, connectionState: state,
            occurredAt: instant(entry?.timestamp, milliseconds: false, locator: locator),
            raw: raw, locator: locator)
    }

    /// The username of a connection record: `value`, else `title` (2025+), else the last part
    /// of `href` with the `/_u/` prefix skipped (FORMATS.md §2.4).
    static func username(value: String?, title: String?, href: String?) -> String? {
        if let value, !value.isEmpty { return value }
        if let title, !title.isEmpty { return title }
        guard let href, let url = URL(string: href) else { return nil }
        return url.pathComponents.filter { $0 != "/" && $0 != "_u" }.last
    }

    /// The first non-zero timestamp of a `string_map_data` record, for shapes whose time label
    /// is not known.
    private static func anyTimestamp(in record: DTO.Record) -> DTO.Epoch? {
        (record.stringMapData ?? [:]).sorted { $0.key < $1.key }.lazy.compactMap(\.value.timestamp)
            .first { $0.value != 0 }
    }

    // MARK: - Direct messages

    /// Adds the messages of one `message_N.json` part: one `.message` each, authored by the
    /// owner when the sender is the profile's display name.
    mutating func addThread(_ thread: DTO.Thread, folder: String) {
        let participants = (thread.participants ?? []).map { fix($0.name) ?? "" }
        let conversation = [fix(thread.title), fix(thread.threadPath), folder].compactMap { $0 }
            .first { !$0.isEmpty }
        for (index, record) in thread.messages.enumerated() {
            let locator = "/messages/\(index)"
            guard let message = readable(record, at: locator) else { continue }
            var attachments: [Attachment] = []
            let media: [(Attachment.Kind, [DTO.MessageMedia]?)] = [
                (.photo, message.photos), (.video, message.videos),
                (.audio, message.audioFiles), (.file, message.files),
            ]
            for (kind, files) in media {
                attachments += (files ?? []).map { Attachment(kind: kind, uri: fix($0.uri)) }
            }
            if let share = message.share {
                attachments.append(
                    Attachment(kind: .link, uri: fix(share.link), caption: fix(share.shareText)))
            }
            let sender = fix(message.senderName) ?? ""
            let ownerName = owner?.name
            let isOwners = ownerName != nil && sender == ownerName
            let excluded = ownerName ?? sender
            var names = participants.filter { $0 != excluded && !$0.isEmpty }
            if !isOwners && sender != excluded && !sender.isEmpty && !names.contains(sender) {
                names.append(sender)
            }
            append(
                kind: .message, isAuthoredByOwner: isOwners,
                author: isOwners ? owner : Person(name: sender),
                counterparties: unique(names.map { Person(name: $0) }),
                text: fix(message.content), attachments: attachments, conversation: conversation,
                occurredAt: instant(message.timestampMS, milliseconds: true, locator: locator),
                raw: record.raw, locator: locator)
        }
    }

    // MARK: - The 2018-2020 layout

    /// Adds legacy `profile.json` as one `.profile` item.
    mutating func addLegacyProfile(_ record: MetaRecord<DTO.LegacyProfile>) {
        guard let profile = readable(record, at: "") else { return }
        let lines = [
            ("Name", profile.name), ("Username", profile.username), ("Bio", profile.biography),
            ("Email", profile.email), ("Date joined", profile.dateJoined),
        ].compactMap { label, value in fix(value).flatMap { $0.isEmpty ? nil : "\(label): \($0)" } }
        append(
            kind: .profile, isAuthoredByOwner: true, author: owner,
            text: lines.joined(separator: "\n"), occurredAt: nil, raw: record.raw, locator: "")
    }

    /// Adds the photos, videos, stories and profile pictures of legacy `media.json`.
    mutating func addLegacyMedia(_ list: InstagramJSONDocument.LegacyList<DTO.LegacyMedia>) {
        for (index, record) in list.records.enumerated() {
            let locator = "\(list.pointer)/\(index)"
            guard let media = readable(record, at: locator) else { continue }
            let path = fix(media.path)
            let kind = path.map(Attachment.kind(ofMediaPath:)) ?? .photo
            var attachments = [Attachment(kind: kind == .file ? .photo : kind, uri: path)]
            if let place = fix(media.location), !place.isEmpty {
                attachments.append(Attachment(kind: .place, caption: place))
            }
            let caption = fix(media.caption)
            let (time, basis) = isoInstant(media.takenAt, locator: locator)
            append(
                kind: list.section == .profilePhotos ? .profile : .post, isAuthoredByOwner: true,
                author: owner, counterparties: mentioned(in: caption), text: caption,
                attachments: attachments, occurredAt: time, timeBasis: basis, raw: record.raw,
                locator: locator)
        }
    }

    /// Adds legacy comments (`[date, text, media owner]`) and likes (`[date, owner]`).
    mutating func addLegacyRows(_ list: InstagramJSONDocument.LegacyList<[String]>) {
        for (index, record) in list.records.enumerated() {
            let locator = "\(list.pointer)/\(index)"
            guard let row = readable(record, at: locator) else { continue }
            let isComment = list.section == .postComments
            guard row.count >= (isComment ? 3 : 2) else {
                issues.append(
                    ImportIssue(
                        file: file, locator: locator,
                        reason:
                            "record skipped, the rest of the file was imported: \(row.count) values where \(isComment ? 3 : 2) were expected"
                    ))
                continue
            }
            let (time, basis) = isoInstant(row[0], locator: locator)
            let account = fix(row[isComment ? 2 : 1]).flatMap { $0.isEmpty ? nil : $0 }
            let text = isComment ? fix(row[1]) : nil
            var people = account.map { [Person(handle: $0)] } ?? []
            people += mentioned(in: text)
            append(
                kind: isComment ? .comment : .reaction, isAuthoredByOwner: true, author: owner,
                counterparties: withoutOwner(people), text: text, occurredAt: time,
                timeBasis: basis, raw: record.raw, locator: locator)
        }
    }

    /// Adds the connections of legacy `connections.json` (objects keyed by username).
    mutating func addLegacyConnections(_ list: InstagramJSONDocument.LegacyConnections) {
        for (username, date) in list.entries {
            let locator = "\(list.pointer)/\(Self.escapePointer(username))"
            let person = Person(handle: fix(username))
            let (time, basis) = isoInstant(date, locator: locator)
            let (kind, isOwners): (ActivityKind, Bool) =
                switch list.section {
                case .followers: (.follower, false)
                case .followRequestsSent: (.friendRequestSent, true)
                case .closeFriends: (.friend, true)
                default: (.follow, true)
                }
            let raw = MetaJSONValue.object([username: date.map(MetaJSONValue.string) ?? .null])
                .serialized
            append(
                kind: kind, isAuthoredByOwner: isOwners, author: isOwners ? owner : person,
                counterparties: [person],
                title: list.section == .closeFriends ? "On the owner's close friends list" : nil,
                connectionState: .active, occurredAt: time, timeBasis: basis, raw: raw,
                locator: locator)
        }
    }

    /// Adds the conversations of legacy `messages.json`, whose people are usernames.
    mutating func addLegacyMessages(
        _ conversations: [MetaRecord<DTO.LegacyConversation>]
    ) {
        for (index, record) in conversations.enumerated() {
            guard let thread = readable(record, at: "/\(index)") else { continue }
            let participants = (thread.participants ?? []).compactMap { fix($0) }
            let conversation = participants.joined(separator: ", ")
            for (position, message) in thread.conversation.enumerated() {
                let locator = "/\(index)/conversation/\(position)"
                guard let value = readable(message, at: locator) else { continue }
                let sender = fix(value.sender) ?? ""
                let isOwners = owner?.handle != nil && sender == owner?.handle
                let excluded = owner?.handle ?? sender
                let others = participants.filter { $0 != excluded && !$0.isEmpty }
                let links = [value.mediaShareURL, value.mediaURL].compactMap { fix($0) }
                let (time, basis) = isoInstant(value.createdAt, locator: locator)
                append(
                    kind: .message, isAuthoredByOwner: isOwners,
                    author: isOwners ? owner : Person(handle: sender),
                    counterparties: unique(others.map { Person(handle: $0) }),
                    text: fix(value.text),
                    attachments: links.map { Attachment(kind: .link, uri: $0) },
                    conversation: conversation, occurredAt: time, timeBasis: basis,
                    raw: message.raw, locator: locator)
            }
        }
    }

    private static func escapePointer(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    // MARK: - Helpers

    private func fix(_ text: String?) -> String? {
        MetaText.repairMojibake(text)
    }

    /// The accounts `@mentioned` in `text`, except the owner.
    private func mentioned(in text: String?) -> [Person] {
        withoutOwner(MentionScanner.handles(in: text ?? "").map { Person(handle: $0) })
    }

    private func withoutOwner(_ people: [Person]) -> [Person] {
        let ownHandle = owner?.handle?.lowercased()
        return unique(people.filter { $0.handle == nil || $0.handle?.lowercased() != ownHandle })
    }

    private func unique(_ people: [Person]) -> [Person] {
        var seen = Set<String>()
        return people.filter { seen.insert($0.label.lowercased()).inserted }
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

    /// Earliest and latest instants accepted as real (1971-01-01 and 2100-01-01, UTC).
    private static let plausibleSeconds: Range<Double> = 31_536_000..<4_102_444_800

    private mutating func instant(_ epoch: DTO.Epoch?, milliseconds: Bool, locator: String)
        -> Date?
    {
        guard let epoch else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason: "no time in the source; the item is kept without a time"))
            return nil
        }
        guard epoch.value != 0 else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason:
                        "time is 0, which Meta writes for 'unknown'; the item is kept without a time"
                ))
            return nil
        }
        let seconds = milliseconds ? epoch.value / 1000 : epoch.value
        guard Self.plausibleSeconds.contains(seconds) else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason:
                        "time \(epoch.value) (\(milliseconds ? "ms" : "s")) is outside 1971-2099; the item is kept without a time"
                ))
            return nil
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Reads a legacy ISO 8601 time: with an offset it is explicit; without one it is a wall
    /// clock read in the school's zone, and says so.
    private mutating func isoInstant(_ text: String?, locator: String) -> (Date?, TimeBasis) {
        guard let text, !text.isEmpty else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason: "no time in the source; the item is kept without a time"))
            return (nil, .none)
        }
        if let date = ISO8601Time.instant(from: text) { return (date, .explicit) }
        if let wallClock = ISO8601Time.wallClock(from: text),
            let resolution = wallClock.resolve(in: context.localTimeZone)
        {
            if let note = resolution.note {
                issues.append(ImportIssue(file: file, locator: locator, reason: note))
            }
            return (resolution.instant, resolution.basis)
        }
        issues.append(
            ImportIssue(
                file: file, locator: locator,
                reason: "time '\(text)' is not an ISO 8601 date; the item is kept without a time"))
        return (nil, .none)
    }

    private mutating func append(
        kind: ActivityKind, isAuthoredByOwner: Bool, author: Person?, counterparties: [Person] = [],
        text: String? = nil, title: String? = nil, attachments: [Attachment] = [],
        conversation: String? = nil, connectionState: ConnectionState? = nil, occurredAt: Date?,
        timeBasis: TimeBasis = .explicit, raw: String, locator: String
    ) {
        items.append(
            TimelineItem(
                platform: .instagram, kind: kind, isAuthoredByOwner: isAuthoredByOwner,
                author: author, counterparties: counterparties, text: text, title: title,
                attachments: attachments, conversation: conversation,
                connectionState: connectionState, occurredAt: occurredAt, timeBasis: timeBasis,
                source: context.source(file: file, locator: locator),
                rawFragment: raw))
    }
}
