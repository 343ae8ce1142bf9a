import AuditModel
import Foundation

/// What the importer learns from a first reading of an X archive, before it makes any item.
///
/// Items of one file depend on other files: a direct message's sender is only an id until a
/// tweet's mention links that id to a handle; a header stands for a tweet only when `tweets.js`
/// does not hold it; a long post's full text is in `note-tweet.js`. The survey reads the owner's
/// account, every tweet file and every message file once, keeping only these links; the second
/// reading then builds items file by file.
struct TwitterArchiveSurvey {
    /// The owner from `account.js` (the classic archive's `user_details.js`), else from the
    /// manifest; nil when the archive names none.
    private(set) var owner: Person?
    /// Every handle the owner has had (`screen-name-change.js`), lower-cased.
    private(set) var ownerHandles: Set<String> = []
    /// Handles and names the archive links to account ids.
    private(set) var directory = TwitterAccountDirectory()
    /// The ids of every tweet in the tweet files (posts, community, deleted).
    private(set) var tweetIDs: Set<String> = []
    /// The ids of every message in the full (not headers-only) message files.
    private(set) var messageIDs: Set<String> = []
    /// The full text of long posts, by the id of the tweet that holds their start.
    private(set) var noteTextByTweetID: [String: String] = [:]
    /// Notes whose tweet was not found: they become posts of their own.
    private(set) var unmatchedNoteIDs: Set<String> = []
    /// The data files whose records the survey read a chunk at a time as the file was expanded
    /// (``TwitterScript/largeArray(in:of:where:smallest:pieceSize:)``), by path: the importer
    /// reads them the same way without checking them again.
    private(set) var largeArrays: [String: TwitterScript.LargeArray] = [:]
    /// The decoded records of the large files small enough to keep, for the import.
    let recordCache = TwitterRecordCache()

    /// The owner's account id.
    var ownerID: String? { owner?.accountID }

    /// Surveys the archive's data files.
    /// - Parameter ownerOnly: read only `account.js`, `user_details.js` and `manifest.js`, for
    ///   ``owner`` alone.
    init(archive: ArchiveReader, layout: TwitterArchiveLayout, ownerOnly: Bool = false) {
        var manifestOwner: Person?
        var notes: [(id: String, time: Date?, text: String)] = []
        var tweetStarts: [(id: String, time: Date?, start: String)] = []
        for entry in layout.orderedEntries where layout.role(of: entry) == .script {
            if ownerOnly,
                !["account.js", "manifest.js", "user_details.js"].contains(
                    entry.fileName.lowercased())
            {
                continue
            }
            if !ownerOnly, surveyLarge(entry, of: archive, starts: &tweetStarts) { continue }
            // The file's bytes are not kept beside its script (the tweet files are large).
            guard
                let script = (try? archive.data(of: entry)).flatMap({ try? TwitterScript(data: $0) }
                )
            else { continue }
            switch TwitterArchiveLayout.kind(of: script) {
            case .account:
                if owner == nil, let account = Self.first(TwitterDTO.AccountElement.self, script) {
                    let person = Person(
                        name: account.account.accountDisplayName, handle: account.account.username,
                        accountID: account.account.accountID?.value)
                    owner = person.isAnonymous ? nil : person
                }
            case .classicAccount:
                if owner == nil {
                    owner =
                        (try? JSONDecoder().decode(
                            TwitterDTO.ClassicUserDetails.self, from: script.json))?.owner
                }
            case .manifest:
                if let user = try? JSONDecoder().decode(TwitterDTO.Manifest.self, from: script.json)
                    .userInfo
                {
                    let person = Person(
                        name: user.displayName, handle: user.userName,
                        accountID: user.accountID?.value)
                    manifestOwner = person.isAnonymous ? nil : person
                }
            case .screenNameChanges:
                for change in Self.all(TwitterDTO.ScreenNameChangeElement.self, script) {
                    let names = [
                        change.screenNameChange.screenNameChange.changedFrom,
                        change.screenNameChange.screenNameChange.changedTo,
                    ]
                    ownerHandles.formUnion(names.compactMap { $0?.lowercased() })
                }
            case .tweets(let section):
                Self.forEach(TwitterDTO.TweetElement.self, script) {
                    surveyTweet($0, section: section, starts: &tweetStarts)
                }
            case .notes:
                for element in Self.all(TwitterDTO.NoteElement.self, script) {
                    let note = element.noteTweet
                    guard let id = note.noteTweetID?.value, let text = note.core?.text else {
                        continue
                    }
                    notes.append(
                        (id, note.createdAt.flatMap(TwitterTime.instant(fromISO:)), text))
                }
            case .messages:
                Self.forEach(TwitterDTO.ConversationElement.self, script) { surveyConversation($0) }
            default:
                continue
            }
        }
        if owner == nil { owner = manifestOwner }
        if let handle = owner?.handle { ownerHandles.insert(handle.lowercased()) }
        matchNotes(notes, to: tweetStarts)
    }

    /// Surveys a large tweet or message file as the zip expands it, once
    /// (``TwitterScript/readLargeArray(in:of:where:smallest:pieceSize:chunk:)``).
    /// - Returns: whether the file was surveyed; false when it is to be read whole (nothing of
    ///   it is kept).
    private mutating func surveyLarge(
        _ entry: ArchiveReader.Entry, of archive: ArchiveReader,
        starts: inout [(id: String, time: Date?, start: String)]
    ) -> Bool {
        let before = self
        let startsBefore = starts
        // The records are decoded as the import decodes them, and kept for it when they fit.
        let keeps = recordCache.canKeep(size: entry.size)
        var tweets: [MetaRecord<TwitterDTO.TweetElement>] = []
        var conversations: [MetaRecord<TwitterDTO.ConversationElement>] = []
        var sizes: [Int] = []
        let reading = TwitterScript.readLargeArray(
            in: entry, of: archive, where: TwitterArchiveLayout.isChunked(global:)
        ) { globalName, elements in
            switch TwitterArchiveLayout.kind(ofGlobal: globalName) {
            case .tweets(let section):
                guard let records = Self.decoded(TwitterDTO.TweetElement.self, elements) else {
                    return false
                }
                for tweet in records.compactMap(\.value) {
                    surveyTweet(tweet, section: section, starts: &starts)
                }
                if keeps { tweets += records }
            case .messages:
                guard let records = Self.decoded(TwitterDTO.ConversationElement.self, elements)
                else { return false }
                for conversation in records.compactMap(\.value) {
                    surveyConversation(conversation)
                }
                if keeps { conversations += records }
            default:
                break
            }
            if keeps { sizes += elements.map(\.count) }
            return true
        }
        switch reading {
        case .read(let large):
            largeArrays[entry.path] = large
            if keeps, !tweets.isEmpty {
                recordCache.keep(tweets, sizes: sizes, for: entry.path)
            } else if keeps, !conversations.isEmpty {
                recordCache.keep(conversations, sizes: sizes, for: entry.path)
            }
            return true
        case .readWhole:
            self = before
            starts = startsBefore
            return false
        case .refused:
            // A damaged group: judged and read as before, in two readings.
            self = before
            starts = startsBefore
            guard
                let large = TwitterScript.largeArray(
                    in: entry, of: archive, where: TwitterArchiveLayout.isChunked(global:))
            else { return false }
            largeArrays[entry.path] = large
            switch TwitterArchiveLayout.kind(ofGlobal: large.globalName) {
            case .tweets(let section):
                Self.forEach(TwitterDTO.TweetElement.self, in: entry, of: archive, as: large) {
                    surveyTweet($0, section: section, starts: &starts)
                }
            case .messages:
                Self.forEach(
                    TwitterDTO.ConversationElement.self, in: entry, of: archive, as: large
                ) {
                    surveyConversation($0)
                }
            default:
                break
            }
            return true
        }
    }

    /// The records of one group, decoded as the import decodes them (their `value` is nil
    /// when the record does not decode); nil when the group is not valid JSON.
    private static func decoded<Element: Decodable>(_ type: Element.Type, _ elements: [Data])
        -> [MetaRecord<Element>]?
    {
        try? MetaJSONDecoding.decodeChunk(elements, startingAt: 0)
    }

    /// Records what one tweet links: its id, its start (for long posts' notes) and the handles
    /// and names of the accounts it mentions or replies to.
    private mutating func surveyTweet(
        _ element: TwitterDTO.TweetElement, section: TwitterSection,
        starts: inout [(id: String, time: Date?, start: String)]
    ) {
        let tweet = element.tweet
        let time = tweet.createdAt.flatMap(TwitterTime.instant(fromTweetTime:))
        if let id = tweet.identifier {
            tweetIDs.insert(id)
            if section == .posts {
                let text = TwitterItemBuilder.unescape(tweet.fullText ?? tweet.text ?? "")
                starts.append((id, time, text))
            }
        }
        for mention in tweet.entities?.userMentions ?? [] {
            directory.record(
                id: mention.identifier, handle: mention.screenName, name: mention.name, at: time)
        }
        directory.record(
            id: tweet.inReplyToUserID?.value, handle: tweet.inReplyToScreenName, name: nil,
            at: time)
    }

    /// Records the ids of a conversation's messages.
    private mutating func surveyConversation(_ element: TwitterDTO.ConversationElement) {
        for event in element.dmConversation.messages {
            if let id = event.value?.messageCreate?.id?.value { messageIDs.insert(id) }
        }
    }

    /// Links each long post to the tweet created in the same second whose (truncated) text
    /// begins the note's text.
    private mutating func matchNotes(
        _ notes: [(id: String, time: Date?, text: String)],
        to tweets: [(id: String, time: Date?, start: String)]
    ) {
        // Only tweets of the note's second can match: look among those alone.
        var tweetsBySecond: [Int: [(id: String, time: Date?, start: String)]] = [:]
        for tweet in tweets {
            guard let time = tweet.time else { continue }
            tweetsBySecond[Int(time.timeIntervalSince1970), default: []].append(tweet)
        }
        for note in notes {
            let candidates =
                note.time.flatMap { tweetsBySecond[Int($0.timeIntervalSince1970)] } ?? []
            let match = candidates.first { tweet in
                guard noteTextByTweetID[tweet.id] == nil else { return false }
                let start = Self.truncatedStart(tweet.start)
                return start.isEmpty || Self.squeezed(note.text).hasPrefix(Self.squeezed(start))
            }
            if let match {
                noteTextByTweetID[match.id] = note.text
            } else {
                unmatchedNoteIDs.insert(note.id)
            }
        }
    }

    /// A truncated tweet's text without the trailing link and ellipsis X adds.
    private static func truncatedStart(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        while let last = words.last,
            last.hasPrefix("https://t.co/") || last.isEmpty || last == "…" || last == "..."
        {
            words.removeLast()
        }
        var start = words.joined(separator: " ")
        while start.hasSuffix("…") || start.hasSuffix(".") { start.removeLast() }
        return String(start.prefix(80))
    }

    private static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Each element of the script's array that decodes, read a chunk at a time (the tweet and
    /// message files are large); elements that do not decode are skipped, and so is the rest of
    /// a file from a chunk that is not valid JSON.
    private static func forEach<Element: Decodable>(
        _ type: Element.Type, _ script: TwitterScript, _ body: (Element) -> Void
    ) {
        try? MetaJSONDecoding.forEachChunk(of: Lenient<Element>.self, in: script.json) {
            _, elements in
            for element in elements {
                if let value = element.value { body(value) }
            }
        }
    }

    /// Each element that decodes of a file
    /// ``TwitterScript/largeArray(in:of:where:smallest:pieceSize:)`` accepted, read a chunk at a
    /// time as the file is expanded; elements are skipped as ``forEach(_:_:_:)`` skips them.
    private static func forEach<Element: Decodable>(
        _ type: Element.Type, in entry: ArchiveReader.Entry, of archive: ArchiveReader,
        as large: TwitterScript.LargeArray, _ body: (Element) -> Void
    ) {
        try? TwitterScript.forEachChunk(
            of: Lenient<Element>.self, in: entry, of: archive, as: large
        ) {
            _, elements in
            for element in elements {
                if let value = element.value { body(value) }
            }
        }
    }

    /// The elements of a data file that decode, without keeping their raw JSON: the survey
    /// only needs links, and the second reading reports the elements that do not decode.
    private static func all<Element: Decodable>(_ type: Element.Type, _ script: TwitterScript)
        -> [Element]
    {
        let elements = try? JSONDecoder().decode([Lenient<Element>].self, from: script.json)
        return (elements ?? []).compactMap(\.value)
    }

    /// An element decoded if it can be, skipped (nil) if not.
    private struct Lenient<Value: Decodable>: Decodable {
        let value: Value?

        init(from decoder: any Decoder) throws {
            value = try? Value(from: decoder)
        }
    }

    private static func first<Element: Decodable>(_ type: Element.Type, _ script: TwitterScript)
        -> Element?
    {
        all(type, script).first
    }
}
