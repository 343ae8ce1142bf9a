import AuditModel
import Foundation

/// Reads an X (Twitter) "Your archive" download: every `window.YTD` data file, at the zip root
/// (2018-2020) or under `data/` (2020+), zipped or unpacked (FORMATS.md §3); and the classic
/// archive of 2010–2018 (`data/js/tweets/YYYY_MM.js` assigning `Grailbird.data.tweets_YYYY_MM`,
/// `data/js/user_details.js` naming the owner; docs/formats/twitter.md), whose tweets are the
/// same objects without the `{"tweet": …}` wrapper.
///
/// What becomes a ``TimelineItem``:
/// - tweets (`tweets.js`, `tweet.js` and every `tweets-partN.js`, read as one section, each tweet
///   once): `.post`. Counterparties are the reply target (`in_reply_to_user_id_str` and
///   `in_reply_to_screen_name`), the author of a retweet ("RT @…"), and every
///   `entities.user_mentions` entry as `Person(name:handle:accountID:)`. **A mention makes no
///   item of its own**: the tweet is one post, and the contact rules read its counterparties.
///   Text is `full_text` with X's `&amp;`/`&lt;`/`&gt;` undone; a long post's full text comes
///   from `note-tweet.js` when a tweet made in the same second begins it. Deleted tweets
///   (`deleted-tweets.js`) and community tweets are posts too;
/// - tweets and messages known only from the headers files: text-less items saying so;
/// - likes (`like.js`): `.reaction` **without a time** (the archive records none), kept and
///   counted; the title says when the liked post was made, from its id;
/// - direct messages (`direct-messages.js`, `direct-messages-group.js`): `.message`, authored by
///   the owner when `senderId` is the owner's account id; encrypted X Chat messages
///   (`message-event.js`): `.message` without content;
/// - followers (`.follower`) and following (`.follow`): ids only, no time;
/// - `account.js` (the owner: account id, username, display name; the manifest's `userInfo`
///   when `account.js` is missing), `profile.js` and `screen-name-change.js`: `.profile` items.
///
/// Accounts known only by id are resolved from the archive itself (``TwitterAccountDirectory``):
/// the ids and handles of every mention and reply in every tweet file. An id it cannot resolve
/// stays `Person(accountID:)` with no handle, for a later match against the roster's known
/// accounts. Every file ends up in exactly one place: a coverage section's `files`, the media
/// index (with size and SHA-256), or `unparsed` with the reason.
public struct TwitterArchiveImporter: ArchiveImporter {
    /// Always ``Platform/twitter``.
    public let platform = Platform.twitter

    /// Creates the importer.
    public init() {}

    /// Returns `.js` when one of the archive's `.js` files is a `window.YTD` assignment or the
    /// archive's manifest.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        TwitterArchiveLayout(entries: archive.entries).recognizes(archive) ? .js : nil
    }

    /// The owners named by the archives' `account.js` (else manifest); nothing else is read.
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?]
    {
        archives.map {
            TwitterArchiveSurvey(
                archive: $0.archive, layout: TwitterArchiveLayout(entries: $0.archive.entries),
                ownerOnly: true
            ).owner
        }
    }

    /// Reads every file of the archive; see the type's description for what each becomes.
    /// - Throws: what the context's ``ImportContext/sink`` throws; unreadable or damaged files
    ///   are recorded in `unparsed`.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let layout = TwitterArchiveLayout(entries: archive.entries)
        let survey = TwitterArchiveSurvey(archive: archive, layout: layout)
        var mediaByID: [String: [String]] = [:]
        for entry in layout.entries where layout.role(of: entry) == .media {
            let id = entry.fileName.prefix { $0 != "-" }
            if id.count < entry.fileName.count {
                mediaByID[String(id), default: []].append(entry.path)
            }
        }
        var items = ImportedItems(context: context)
        var unparsed: [ImportIssue] = []
        var media: [MediaFile] = []
        var sections: [TwitterSection: SectionCoverage] = [:]
        var seenTweets: [TwitterSection: Set<String>] = [:]

        for entry in layout.orderedEntries {
            switch layout.role(of: entry) {
            case .media:
                do {
                    let data = try archive.data(of: entry)
                    media.append(
                        MediaFile(
                            path: entry.path, size: UInt64(data.count),
                            sha256: SHA256Hex.digest(of: data)))
                } catch {
                    unparsed.append(
                        ImportIssue(
                            file: entry.path, reason: Self.describe(error),
                            kind: Self.kind(of: error)))
                }
            case .skipped(let reason):
                unparsed.append(ImportIssue(file: entry.path, reason: reason, kind: .notImported))
            case .script:
                var builder = TwitterItemBuilder(
                    context: context, survey: survey, mediaByID: mediaByID, file: entry.path)
                // Items of the large files arrive in chunks (the section's and the sink's).
                func store(_ section: TwitterSection?, _ read: [TimelineItem]) throws {
                    do {
                        try items.add(read)
                    } catch {
                        throw SinkFailure(underlying: error)
                    }
                    guard let section else { return }
                    sections[section, default: SectionCoverage(section: section.title, items: [])]
                        .add(read, from: entry.path)
                }
                let section: TwitterSection?
                do {
                    section = try read(
                        entry, from: archive, into: &builder, seen: &seenTweets, flush: store)
                } catch let failure as SinkFailure {
                    throw failure.underlying
                } catch {
                    unparsed += builder.issues
                    unparsed.append(
                        ImportIssue(
                            file: entry.path, reason: Self.describe(error),
                            kind: Self.kind(of: error)))
                    continue
                }
                unparsed += builder.issues
                try store(section, builder.takeItems())
            }
        }

        let coverage = sections.keys.sorted().compactMap { sections[$0] }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .twitter,
            variant: .js, owner: survey.owner, itemCount: items.count, unparsed: unparsed,
            media: media, coverage: coverage)
        return ImportResult(archive: imported, items: items.items)
    }

    // MARK: - Private

    /// Why a data file could not be read at all.
    private enum FileProblem: Error {
        case notAnAssignment
        case invalidJSON(String)
        /// Records from this index on are not valid JSON; those before were imported.
        case invalidJSONFromRecord(Int, String)
        case wrongShape(String)
        case notImported(String)
    }

    /// A sink's error (the case could not be written), which ends the import rather than
    /// becoming an issue of the file being read.
    private struct SinkFailure: Error {
        let underlying: any Error
    }

    /// Reads one data file into `builder`. The records of the tweet and message files are read
    /// a chunk at a time (``MetaJSONDecoding/forEachChunk(of:in:_:)``), each chunk's items handed
    /// to `flush` with their section.
    /// - Returns: the coverage section the file belongs to.
    /// - Throws: ``FileProblem`` when nothing (or, for a chunked file, nothing more) in the file
    ///   can be imported; what `flush` throws.
    private func read(
        _ entry: ArchiveReader.Entry, from archive: ArchiveReader,
        into builder: inout TwitterItemBuilder, seen: inout [TwitterSection: Set<String>],
        flush: (TwitterSection, [TimelineItem]) throws -> Void
    ) throws -> TwitterSection? {
        // A large tweet or message file the survey read in pieces is taken from its records
        // when the survey kept them, else read in pieces again; any other file is read whole,
        // once.
        let large = builder.survey.largeArrays[entry.path]
        var wholeScript: TwitterScript?
        func script() throws -> TwitterScript {
            if let wholeScript { return wholeScript }
            let read = try Self.script(of: entry, in: archive)
            wholeScript = read
            return read
        }
        func records<Element: Decodable>(_ type: Element.Type) throws -> [MetaRecord<Element>] {
            let script = try script()
            do {
                return try MetaJSONDecoding.decode([MetaRecord<Element>].self, from: script.json)
            } catch let error as MetaJSONDecoding.InvalidJSON {
                throw FileProblem.invalidJSON(error.detail)
            } catch {
                throw FileProblem.wrongShape(MetaRecord<MetaJSONValue>.describe(error, below: 0))
            }
        }
        func chunks<Element: Decodable>(
            _ type: Element.Type, _ body: (Int, [MetaRecord<Element>]) throws -> Void
        ) throws {
            do {
                if let large,
                    let kept = builder.survey.recordCache.take(Element.self, for: entry.path)
                {
                    try TwitterScript.forEachChunk(
                        of: kept.records, sizes: kept.sizes, as: large, body)
                } else if let large {
                    try TwitterScript.forEachChunk(
                        of: MetaRecord<Element>.self, in: entry, of: archive, as: large, body)
                } else {
                    try MetaJSONDecoding.forEachChunk(
                        of: MetaRecord<Element>.self, in: try script().json, body)
                }
            } catch let error as MetaJSONDecoding.InvalidJSON {
                throw FileProblem.invalidJSON(error.detail)
            } catch let error as MetaJSONDecoding.InvalidJSONFromRecord {
                throw FileProblem.invalidJSONFromRecord(error.firstBadRecord, error.detail)
            } catch let error as DecodingError {
                throw FileProblem.wrongShape(MetaRecord<MetaJSONValue>.describe(error, below: 0))
            }
        }
        let kind =
            try large.map { TwitterArchiveLayout.kind(ofGlobal: $0.globalName) }
            ?? TwitterArchiveLayout.kind(of: script())
        switch kind {
        case .tweets(let section):
            try chunks(TwitterDTO.TweetElement.self) { first, records in
                builder.addTweets(
                    records, startingAt: first, section: section, seen: &seen[section, default: []])
                try flush(section, builder.takeItems())
            }
            return section
        case .notes:
            builder.addNotes(try records(TwitterDTO.NoteElement.self))
            return .posts
        case .tweetHeaders(let deleted):
            builder.addTweetHeaders(try records(TwitterDTO.HeaderElement.self), deleted: deleted)
            return deleted ? .deletedPosts : .postHeaders
        case .likes:
            builder.addLikes(try records(TwitterDTO.LikeElement.self))
            return .likes
        case .followers:
            builder.addConnections(try records(TwitterDTO.ConnectionElement.self), followers: true)
            return .followers
        case .following:
            builder.addConnections(
                try records(TwitterDTO.ConnectionElement.self), followers: false)
            return .following
        case .messages(let group):
            let section: TwitterSection = group ? .groupMessages : .directMessages
            try chunks(TwitterDTO.ConversationElement.self) { first, records in
                // A conversation at a time: a file of fewer conversations than a chunk holds is
                // one chunk, and its items all at once would double what its records hold.
                for (offset, record) in records.enumerated() {
                    builder.addConversations(
                        [record], startingAt: first + offset, headersOnly: false)
                    try flush(section, builder.takeItems())
                }
            }
            return section
        case .messageHeaders:
            builder.addConversations(
                try records(TwitterDTO.ConversationElement.self), headersOnly: true)
            return .messageHeaders
        case .messageEvents:
            builder.addMessageEvents(try records(TwitterDTO.MessageEventElement.self))
            return .encryptedChat
        case .account:
            builder.addAccount(try records(TwitterDTO.AccountElement.self))
            return .profile
        case .classicAccount:
            let json = try script().json
            do {
                let details = try MetaJSONDecoding.decode(
                    TwitterDTO.ClassicUserDetails.self, from: json)
                builder.addClassicAccount(details, raw: String(decoding: json, as: UTF8.self))
            } catch let error as MetaJSONDecoding.InvalidJSON {
                throw FileProblem.invalidJSON(error.detail)
            } catch {
                throw FileProblem.wrongShape(MetaRecord<MetaJSONValue>.describe(error, below: 0))
            }
            return .profile
        case .profile:
            builder.addProfile(try records(TwitterDTO.ProfileElement.self))
            return .profile
        case .screenNameChanges:
            builder.addScreenNameChanges(try records(TwitterDTO.ScreenNameChangeElement.self))
            return .profile
        case .manifest:
            throw FileProblem.notImported(
                "read, not imported: the archive's manifest (its list of files; it names the owner when account.js is missing)"
            )
        case .notImported(let reason):
            // Decode anyway, so that a damaged file is reported as damaged.
            let json = try script().json
            if (try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])) == nil
            {
                _ = try records(MetaJSONValue.self)
            }
            throw FileProblem.notImported(reason)
        }
    }

    /// The data file's script; the file's bytes are not kept beside it (the tweet files are
    /// large).
    /// - Throws: ``FileProblem`` when the file is not an X data file.
    private static func script(of entry: ArchiveReader.Entry, in archive: ArchiveReader) throws
        -> TwitterScript
    {
        let data = try archive.data(of: entry)
        do {
            return try TwitterScript(data: data)
        } catch {
            throw FileProblem.notAnAssignment
        }
    }

    /// Whether a file's problem means it was deliberately not imported or could not be read.
    private static func kind(of error: any Error) -> ImportIssue.Kind {
        if case FileProblem.notImported = error { return .notImported }
        return .unreadable
    }

    /// A reviewer-readable reason for a file that could not be read or parsed.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case FileProblem.notAnAssignment:
            return
                "not an X data file (it does not start with 'window.YTD.<name> ='); nothing in it was imported"
        case FileProblem.invalidJSON(let detail):
            return
                "not valid JSON after 'window.YTD… =' (\(detail)): the file is damaged or truncated; nothing in it was imported"
        case FileProblem.invalidJSONFromRecord(let first, let detail):
            return
                "not valid JSON from record \(first) on (\(detail)): the file is damaged or truncated; the \(first) records before it were imported, the rest were not"
        case FileProblem.wrongShape(let detail):
            return "not the expected shape, nothing in the file was imported: \(detail)"
        case FileProblem.notImported(let reason):
            return reason
        case let error as ImportError:
            return error.errorDescription ?? "\(error)"
        default:
            return "could not be read (\(error)); nothing in it was imported"
        }
    }
}
