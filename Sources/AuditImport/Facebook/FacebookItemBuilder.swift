import AuditModel
import Foundation

/// Turns the decoded records of one Facebook file into timeline items and item-level issues.
///
/// Every string read from the file goes through ``MetaText/repairMojibake(_:)``; every item cites
/// the file and the record's JSON pointer and carries the record's source text as its raw
/// fragment (``MetaRecord/raw``: text exactly as Meta wrote it, whitespace removed). Times are
/// taken only from the source: a 0, absurd or missing time leaves the item without one and adds an
/// issue at its locator.
struct FacebookItemBuilder {
    /// The archive being imported, for source references.
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

    private enum TimeUnit {
        case seconds, milliseconds
    }

    // MARK: - Sections

    /// Adds activity-log entries: posts, comments, reactions, story reactions, group posts.
    mutating func addEntries(
        _ records: [MetaRecord<FacebookDTO.Entry>], section: FacebookSection, pointer: String
    ) {
        for (index, record) in records.enumerated() {
            let locator = "\(pointer)/\(index)"
            guard let entry = readable(record, at: locator) else { continue }
            switch section {
            case .comments, .groupComments:
                addComment(entry, raw: record.raw, locator: locator)
            case .reactions, .storyReactions:
                addReaction(entry, raw: record.raw, locator: locator)
            default:
                addPost(entry, section: section, raw: record.raw, locator: locator)
            }
        }
    }

    /// Adds friends, friend requests, follows and followers.
    mutating func addConnections(
        _ records: [MetaRecord<FacebookDTO.Connection>], section: FacebookSection, pointer: String
    ) {
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
        for (index, record) in records.enumerated() {
            let locator = "\(pointer)/\(index)"
            guard let connection = readable(record, at: locator) else { continue }
            let person = Person(name: fix(connection.name))
            // Followers files carry no times at all (FORMATS.md §1.7): no issue for those.
            let time = instant(
                connection.timestamp, unit: .seconds, locator: locator,
                isExpected: section != .followers)
            let author: Person? =
                switch section {
                case .receivedRequests, .rejectedRequests, .followers: person
                default: isOwners ? owner : nil
                }
            append(
                kind: kind, isAuthoredByOwner: isOwners, author: author, counterparties: [person],
                connectionState: state, occurredAt: time, raw: record.raw, locator: locator)
        }
    }

    /// Adds uploaded photos and videos (uploads lists and albums) as owner posts.
    mutating func addUploads(_ records: [MetaRecord<FacebookDTO.Media>], pointer: String) {
        for (index, record) in records.enumerated() {
            let locator = "\(pointer)/\(index)"
            guard let media = readable(record, at: locator) else { continue }
            append(
                kind: .post, isAuthoredByOwner: true, author: owner,
                attachments: [attachment(for: media)],
                occurredAt: instant(
                    media.creationTimestamp, unit: .seconds, locator: locator, isExpected: true),
                raw: record.raw, locator: locator)
        }
    }

    /// Adds the profile as one `.profile` item whose text lists what the profile says.
    mutating func addProfile(_ record: MetaRecord<FacebookDTO.Profile>, pointer: String) {
        guard let profile = readable(record, at: pointer) else { return }
        var lines: [String] = []
        func line(_ label: String, _ value: String?) {
            if let value = fix(value), !value.isEmpty { lines.append("\(label): \(value)") }
        }
        func list(_ values: [String?]?) -> String? {
            let present = (values ?? []).compactMap { fix($0) }.filter { !$0.isEmpty }
            return present.isEmpty ? nil : present.joined(separator: ", ")
        }
        line("Name", profile.name?.fullName)
        line("Username", profile.username)
        line("Birthday", profile.birthday.flatMap(Self.describe))
        line("Gender", list([profile.gender?.genderOption, profile.gender?.pronoun]))
        line("Current city", profile.currentCity?.name)
        line("Hometown", profile.hometown?.name)
        line("Emails", list(profile.emails?.emails))
        line("Previous emails", list(profile.emails?.previousEmails))
        line("Phone numbers", list(profile.phoneNumbers?.map(\.phoneNumber)))
        line("Previous names", list(profile.previousNames?.map(\.name)))
        line("Other names", list(profile.otherNames?.map(\.name)))
        line("Education", list(profile.educationExperiences?.map(\.name)))
        line("Work", list(profile.workExperiences?.map { $0.employer ?? $0.name }))
        if let registered = profile.registrationTimestamp,
            let date = instant(
                registered, unit: .seconds, locator: pointer + "/registration_timestamp",
                isExpected: false)
        {
            lines.append("Registered: \(date.formatted(.iso8601))")
        }
        line("Profile address", profile.profileURI)
        append(
            kind: .profile, isAuthoredByOwner: true, author: owner,
            text: lines.joined(separator: "\n"),
            occurredAt: nil, raw: record.raw, locator: pointer)
    }

    /// Adds the messages of one `message_N.json` part.
    mutating func addThread(_ thread: FacebookDTO.Thread, folder: String) {
        let participants = (thread.participants ?? []).map { fix($0.name) ?? "" }
        let conversation = [fix(thread.title), fix(thread.threadPath), folder].compactMap { $0 }
            .first { !$0.isEmpty }
        for (index, record) in thread.messages.enumerated() {
            let locator = "/messages/\(index)"
            guard let message = readable(record, at: locator) else { continue }
            let time: Date?
            if message.timestampMS == nil, let seconds = message.timestamp {
                time = instant(seconds, unit: .seconds, locator: locator, isExpected: true)
            } else {
                time = instant(
                    message.timestampMS, unit: .milliseconds, locator: locator, isExpected: true)
            }
            var attachments: [Attachment] = []
            let media: [(Attachment.Kind, [FacebookDTO.MessageMedia]?)] = [
                (.photo, message.photos), (.video, message.videos), (.gif, message.gifs),
                (.audio, message.audioFiles), (.file, message.files),
                (.sticker, message.sticker.map { [$0] }),
            ]
            for (kind, files) in media {
                attachments += (files ?? []).map { Attachment(kind: kind, uri: fix($0.uri)) }
            }
            if let share = message.share {
                attachments.append(
                    Attachment(kind: .link, uri: fix(share.link), caption: fix(share.shareText)))
            }
            appendMessage(
                sender: fix(message.senderName) ?? "", participants: participants,
                text: fix(message.content),
                attachments: attachments, conversation: conversation, occurredAt: time,
                raw: record.raw, locator: locator)
        }
    }

    /// Adds the messages of one thread of the end-to-end-encrypted chat download.
    mutating func addEncryptedThread(_ thread: FacebookDTO.EncryptedThread, fallbackName: String) {
        let participants = (thread.participants ?? []).map { fix($0.name) ?? "" }
        let conversation = fix(thread.threadName).flatMap { $0.isEmpty ? nil : $0 } ?? fallbackName
        for (index, record) in thread.messages.enumerated() {
            let locator = "/messages/\(index)"
            guard let message = readable(record, at: locator) else { continue }
            let attachments = (message.media ?? []).map { media -> Attachment in
                if let uri = fix(media.uri) {
                    return Attachment(kind: Attachment.kind(ofMediaPath: uri), uri: uri)
                }
                return Attachment(kind: .other, caption: fix(media.note))
            }
            appendMessage(
                sender: fix(message.senderName) ?? "", participants: participants,
                text: fix(message.text),
                attachments: attachments, conversation: conversation,
                occurredAt: instant(
                    message.timestamp, unit: .milliseconds, locator: locator, isExpected: true),
                raw: record.raw, locator: locator)
        }
    }

    // MARK: - Entry kinds

    private mutating func addPost(
        _ entry: FacebookDTO.Entry, section: FacebookSection, raw: String, locator: String
    ) {
        let title = fix(entry.title)
        let text = (entry.data ?? []).compactMap { fix($0.post) }.filter { !$0.isEmpty }.joined(
            separator: "\n\n")
        var counterparties = (entry.tags ?? []).compactMap { fix($0.name) }.map { Person(name: $0) }
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
            counterparties: unique(counterparties),
            text: text, title: title, attachments: attachments(of: entry),
            conversation: conversation,
            occurredAt: instant(
                entry.timestamp, unit: .seconds, locator: locator, isExpected: true),
            raw: raw, locator: locator)
    }

    private mutating func addComment(
        _ entry: FacebookDTO.Entry, raw: String, locator: String
    ) {
        let comment = (entry.data ?? []).lazy.compactMap(\.comment).first
        let title = fix(entry.title)
        let author = fix(comment?.author).flatMap { $0.isEmpty ? nil : Person(name: $0) } ?? owner
        var counterparties: [Person] = []
        if let title, let other = FacebookTitle.commentedPerson(in: title), other != author?.name {
            counterparties.append(Person(name: other))
        }
        append(
            kind: .comment, isAuthoredByOwner: true, author: author, counterparties: counterparties,
            text: fix(comment?.comment), title: title, attachments: attachments(of: entry),
            conversation: fix(comment?.group),
            occurredAt: instant(
                entry.timestamp ?? comment?.timestamp, unit: .seconds, locator: locator,
                isExpected: true),
            raw: raw, locator: locator)
    }

    private mutating func addReaction(
        _ entry: FacebookDTO.Entry, raw: String, locator: String
    ) {
        let reaction = (entry.data ?? []).lazy.compactMap(\.reaction).first
        let title = fix(entry.title)
        var text = fix(reaction?.reaction)
        let author = fix(reaction?.actor).flatMap { $0.isEmpty ? nil : Person(name: $0) } ?? owner
        var other = title.flatMap(FacebookTitle.reactedPerson(in:))
        // 2024+ shape: {"label": "Reaction" | "Name" | "URL", "value": …}; labels are English only.
        for pair in entry.labelValues ?? [] {
            switch pair.label {
            case "Reaction": text = text ?? fix(pair.value)
            case "Name": other = other ?? fix(pair.value)
            default: break
            }
        }
        let counterparties = other.flatMap { $0 == author?.name ? nil : [Person(name: $0)] } ?? []
        append(
            kind: .reaction, isAuthoredByOwner: true, author: author,
            counterparties: counterparties,
            text: text, title: title, attachments: attachments(of: entry),
            occurredAt: instant(
                entry.timestamp, unit: .seconds, locator: locator, isExpected: true),
            raw: raw, locator: locator)
    }

    private mutating func appendMessage(
        sender: String, participants: [String], text: String?, attachments: [Attachment],
        conversation: String?,
        occurredAt: Date?, raw: String, locator: String
    ) {
        let ownerName = owner?.name
        let isOwners = ownerName != nil && sender == ownerName
        // Counterparties: everyone in the thread but the owner (or, with no known owner, but the
        // sender), plus a sender who has left the thread since.
        let excluded = ownerName ?? sender
        var names = participants.filter { $0 != excluded }
        if !isOwners && sender != excluded && !participants.contains(sender) {
            names.append(sender)
        }
        append(
            kind: .message, isAuthoredByOwner: isOwners,
            author: isOwners ? owner : Person(name: sender),
            counterparties: unique(names.map { Person(name: $0) }), text: text,
            attachments: attachments,
            conversation: conversation, occurredAt: occurredAt, raw: raw, locator: locator)
    }

    // MARK: - Attachments

    private func attachments(of entry: FacebookDTO.Entry) -> [Attachment] {
        (entry.attachments ?? []).flatMap { $0.data ?? [] }.flatMap(attachments(of:))
    }

    private func attachments(of data: FacebookDTO.AttachmentData) -> [Attachment] {
        var result: [Attachment] = []
        if let media = data.media { result.append(attachment(for: media)) }
        if let link = data.externalContext {
            result.append(Attachment(kind: .link, uri: fix(link.url), caption: fix(link.name)))
        }
        if let place = data.place {
            let parts = [fix(place.name), fix(place.address)].compactMap { $0 }.filter {
                !$0.isEmpty
            }
            result.append(
                Attachment(
                    kind: .place, uri: fix(place.url), caption: parts.joined(separator: ", ")))
        }
        if let name = fix(data.name) { result.append(Attachment(kind: .other, caption: name)) }
        if let text = fix(data.text) {
            let isLink = text.hasPrefix("http://") || text.hasPrefix("https://")
            result.append(
                isLink
                    ? Attachment(kind: .link, uri: text) : Attachment(kind: .other, caption: text))
        }
        if let name = fix(data.event?.name) {
            result.append(Attachment(kind: .other, caption: name))
        }
        if let title = fix(data.lifeEvent?.title) {
            result.append(Attachment(kind: .other, caption: title))
        }
        if let note = data.note {
            let words = [fix(note.title), fix(note.text)].compactMap { $0 }.filter { !$0.isEmpty }
            if !words.isEmpty {
                result.append(Attachment(kind: .other, caption: words.joined(separator: "\n")))
            }
            result += (note.media ?? []).map(attachment(for:))
        }
        if let poll = data.poll {
            let options = (poll.options ?? []).compactMap { option in
                fix(option.option).map { option.voted == true ? "\($0) (voted)" : $0 }
            }
            let words = ([fix(poll.question)] + options).compactMap { $0 }
            result.append(Attachment(kind: .other, caption: words.joined(separator: "; ")))
        }
        return result
    }

    /// A photo or video: the kind from its metadata, else its extension; media with neither is
    /// taken to be a photo, the common case, so that picture checks still see it.
    private func attachment(for media: FacebookDTO.Media) -> Attachment {
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
        return Attachment(kind: kind, uri: uri, caption: fix(media.description))
    }

    // MARK: - Helpers

    private func fix(_ text: String?) -> String? {
        MetaText.repairMojibake(text)
    }

    private func unique(_ people: [Person]) -> [Person] {
        var seen = Set<Person>()
        return people.filter { seen.insert($0).inserted }
    }

    private mutating func readable<DTO>(_ record: MetaRecord<DTO>, at locator: String) -> DTO? {
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

    private mutating func instant(
        _ epoch: FacebookDTO.Epoch?, unit: TimeUnit, locator: String, isExpected: Bool
    ) -> Date? {
        guard let epoch else {
            if isExpected {
                issues.append(
                    ImportIssue(
                        file: file, locator: locator,
                        reason: "no time in the source; the item is kept without a time"))
            }
            return nil
        }
        let seconds = unit == .milliseconds ? epoch.value / 1000 : epoch.value
        guard epoch.value != 0 else {
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason:
                        "time is 0, which Meta writes for 'unknown'; the item is kept without a time"
                ))
            return nil
        }
        guard Self.plausibleSeconds.contains(seconds) else {
            // Int64(exactly:), not Int64(_:): a hostile 1e30 or "inf" is integral but does not
            // fit, and converting it would trap.
            let written = Int64(exactly: epoch.value).map(String.init) ?? String(epoch.value)
            issues.append(
                ImportIssue(
                    file: file, locator: locator,
                    reason:
                        "time \(written) (\(unit == .milliseconds ? "ms" : "s")) is outside 1971-2099; the item is kept without a time"
                ))
            return nil
        }
        return Date(timeIntervalSince1970: seconds)
    }

    private static func describe(_ date: FacebookDTO.PartialDate) -> String? {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch (date.year, date.month, date.day) {
        case (let year?, let month?, let day?): return "\(year)-\(two(month))-\(two(day))"
        case (nil, let month?, let day?): return "\(two(day))/\(two(month)) (no year)"
        case (let year?, let month?, nil): return "\(year)-\(two(month))"
        case (let year?, nil, nil): return "\(year)"
        default: return nil
        }
    }

    private mutating func append(
        kind: ActivityKind, isAuthoredByOwner: Bool, author: Person?, counterparties: [Person] = [],
        text: String? = nil, title: String? = nil, attachments: [Attachment] = [],
        conversation: String? = nil,
        connectionState: ConnectionState? = nil, occurredAt: Date?, raw: String,
        locator: String
    ) {
        items.append(
            TimelineItem(
                platform: .facebook, kind: kind, isAuthoredByOwner: isAuthoredByOwner,
                author: author,
                counterparties: counterparties, text: text, title: title, attachments: attachments,
                conversation: conversation, connectionState: connectionState,
                occurredAt: occurredAt,
                timeBasis: .explicit, source: context.source(file: file, locator: locator),
                rawFragment: raw))
    }
}
