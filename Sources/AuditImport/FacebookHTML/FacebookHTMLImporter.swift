import Foundation
import AuditModel

/// Reads Facebook's HTML "Download Your Information" export: the 2018–2021 layout
/// (`uiBoxWhite` blocks) and the 2022+ layout (`_a6-g` sections), zipped or unpacked.
///
/// It makes the items ``FacebookJSONImporter`` makes from the JSON export of the same account
/// (FORMATS.md §1.11): posts (with tagged people and the other person of "X wrote on Y's
/// timeline."), comments, reactions, every Messenger folder's `message_N.html` parts, friends,
/// friend requests, removed friends, follows, followers and the profile. Pages are read by
/// structure (``MetaHTMLPage``), so the generated class names may change; a page's section comes
/// from its file name.
///
/// What HTML loses, and how it is handled:
/// - times are wall-clock text in the account's language with no zone: English (UK and US),
///   all-number and Vietnamese dates are read (``MetaHTMLDate``), in the school's zone
///   (``TimeBasis/inferredLocal``, or ``TimeBasis/ambiguousLocal`` with a note in the repeated
///   autumn hour and the missing spring hour); a date with an offset ("UTC+07:00") is
///   ``TimeBasis/explicit``. All-number dates are ordered day-first or month-first per file; a file
///   that cannot be decided is reported and its dates left empty. A date in any other language
///   leaves its item without a time, with an issue;
/// - message times have at most whole seconds (JSON has milliseconds), so messages do not get the
///   JSON items' ids; posts, comments, reactions and connections do when the seconds are shown;
/// - comments and reactions do not name their author: it is the owner;
/// - a download without a profile page (messages only) is owned by the one person in every thread
///   who matches an owner hint (``MessageThreadOwner``; the thread pages are read twice), else by
///   no one, and then no message counts as the owner's;
/// - a thread page does not list its participants (unless it has a "Participants:" line): the
///   thread's other senders, across all its parts, stand in, or its title when nobody else wrote;
/// - Facebook's placeholder for a deleted account ("Facebook user") is read as no name, as the
///   JSON export's "" is.
///
/// When a page header says the pages were made for a zone ("… at 20:09 UTC+07:00") that is not
/// the school's, the report says so once, since every time in the archive may then be hours off.
/// Pages of a thread that its pagination links to but the archive lacks are reported. Every file
/// ends up in coverage, the media index or `unparsed`, as for the JSON importer.
public struct FacebookHTMLImporter: ArchiveImporter {
    /// Always ``Platform/facebook``.
    public let platform = Platform.facebook

    /// Creates the importer.
    public init() {}

    /// Returns `.html` when the archive holds Facebook HTML pages and no Instagram markers.
    public func recognizedVariant(of archive: ArchiveReader) -> ArchiveVariant? {
        FacebookHTMLLayout(entries: archive.entries).recognizes(archive) ? .html : nil
    }

    /// Reads every file of the archive; see the type's description for what each becomes.
    /// - Throws: nothing in practice: unreadable or damaged files are recorded in `unparsed`.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let layout = FacebookHTMLLayout(entries: archive.entries)
        let decided = decideOwner(in: archive, layout: layout, context: context)
        let owner = decided.owner
        var reading = Reading(items: ImportedItems(context: context))
        var threads: [(key: String, folder: String, parts: [ArchiveReader.Entry])] = []

        for entry in layout.orderedEntries {
            switch layout.role(of: entry) {
            case .media:
                reading.index(entry, in: archive)
            case .skipped(let reason):
                reading.unparsed.append(ImportIssue(file: entry.path, reason: reason, kind: .notImported))
            case .section(let section):
                guard let file = reading.parse(entry, in: archive, context: context) else {
                    continue
                }
                var builder = FacebookHTMLItemBuilder(context: context, owner: owner, file: file)
                builder.addRecords(of: section)
                try reading.add(builder, section: section, file: file)
            case .thread(let folder):
                let key = FacebookArchiveLayout.folder(of: entry.path)
                if let index = threads.firstIndex(where: { $0.key == key }) {
                    threads[index].parts.append(entry)
                } else {
                    threads.append((key, folder, [entry]))
                }
            }
        }
        for thread in threads {
            try readThread(
                thread.parts, folder: thread.folder, key: thread.key, archive: archive,
                context: context, owner: owner, into: &reading)
        }

        let coverage = reading.sections.keys.sorted().compactMap { reading.sections[$0] }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .facebook,
            variant: .html, owner: owner, itemCount: reading.items.count,
            unparsed: reading.unparsed, media: reading.media, coverage: coverage,
            ownerEvidence: decided.basis)
        return ImportResult(archive: imported, items: reading.items.items)
    }

    // MARK: - Private

    /// What has been read so far.
    private struct Reading {
        /// The items, handed to the context's sink a page at a time when it has one.
        var items: ImportedItems
        var unparsed: [ImportIssue] = []
        var media: [MediaFile] = []
        var sections: [FacebookSection: SectionCoverage] = [:]
        var hasZoneNote = false
        /// The zone the pages' wall-clock times are read in, once a page header has decided it:
        /// the school's, unless the header shows Facebook made the pages for an account set to
        /// another offset (then that fixed offset).
        var pageZone: TimeZone?

        mutating func index(_ entry: ArchiveReader.Entry, in archive: ArchiveReader) {
            do {
                let data = try archive.data(of: entry)
                media.append(
                    MediaFile(
                        path: entry.path, size: UInt64(data.count),
                        sha256: SHA256Hex.digest(of: data)))
            } catch {
                unparsed.append(ImportIssue(file: entry.path, reason: describe(error)))
            }
        }

        /// Parses a page, or records why it cannot be read.
        mutating func parse(
            _ entry: ArchiveReader.Entry, in archive: ArchiveReader, context: ImportContext
        ) -> MetaHTMLFile? {
            do {
                var file = try MetaHTMLFile(
                    entry: entry, archive: archive, zone: pageZone ?? context.localTimeZone)
                if pageZone == nil, let zone = Self.headerZone(of: file, school: context.localTimeZone)
                {
                    pageZone = zone
                    if zone != context.localTimeZone {
                        file = try MetaHTMLFile(entry: entry, archive: archive, zone: zone)
                    }
                }
                unparsed += file.fileIssues
                noteZone(of: file, context: context)
                return file
            } catch {
                unparsed.append(ImportIssue(file: entry.path, reason: describe(error)))
                return nil
            }
        }

        /// - Throws: what the context's sink throws.
        mutating func add(
            _ builder: FacebookHTMLItemBuilder, section: FacebookSection, file: MetaHTMLFile
        ) throws {
            if file.page.records.isEmpty {
                unparsed.append(file.emptyPageIssue)
                return
            }
            try items.add(builder.items)
            unparsed += builder.issues
            sections[section, default: SectionCoverage(section: section.title, items: [])]
                .add(builder.items, from: file.path)
        }

        /// The zone a page's times are in, from its header's "created on … UTC+07:00": the
        /// school's zone when it had that offset at that instant (its clock changes then apply),
        /// else the header's fixed offset; nil when the header gives no offset.
        static func headerZone(of file: MetaHTMLFile, school: TimeZone) -> TimeZone? {
            guard let text = file.page.generatedDateText,
                let date = try? MetaHTMLDate.parse(text), let offset = date.offsetSeconds,
                let instant = file.dates.read(text).instant
            else { return nil }
            if school.secondsFromGMT(for: instant) == offset { return school }
            return TimeZone(secondsFromGMT: offset) ?? school
        }

        /// Says once when a page header gives an offset other than the school zone's.
        private mutating func noteZone(of file: MetaHTMLFile, context: ImportContext) {
            guard !hasZoneNote, let text = file.page.generatedDateText,
                let date = try? MetaHTMLDate.parse(text), let offset = date.offsetSeconds,
                let instant = file.dates.read(text).instant
            else {
                return
            }
            let zone = context.localTimeZone
            guard zone.secondsFromGMT(for: instant) != offset else { return }
            hasZoneNote = true
            unparsed.append(
                ImportIssue(
                    file: file.path, locator: "page header",
                    reason:
                        "the page header says Facebook made these pages for an account set to \(Self.describe(offset: offset)) ('\(text)'), not the school's zone (\(zone.identifier)); the times in the pages have no zone and were read at \(Self.describe(offset: offset)). Whether that account's zone changes its clocks is not known: times from the other part of the year may be an hour off"
                ))
        }

        private static func describe(offset: Int) -> String {
            "UTC" + TimeFormatting.offsetString(seconds: offset)
        }

        func describe(_ error: any Error) -> String {
            switch error {
            case ImportError.invalidFile(_, let locator, let reason):
                let place = locator.isEmpty ? "" : " at \(locator)"
                return "\(reason)\(place); nothing in it was imported"
            case let error as ImportError:
                return error.errorDescription ?? "\(error)"
            default:
                return "could not be read (\(error)); nothing in it was imported"
            }
        }
    }

    /// Reads every part of one thread: the participants come from all parts together.
    private func readThread(
        _ parts: [ArchiveReader.Entry], folder: String, key: String, archive: ArchiveReader,
        context: ImportContext, owner: Person?, into reading: inout Reading
    ) throws {
        let files = parts.compactMap { reading.parse($0, in: archive, context: context) }
        let participants = Self.participants(of: files, owner: owner)
        let conversation =
            files.lazy.compactMap(\.page.title).first
            ?? key.split(separator: "/").last.map(String.init)
        let section = FacebookSection.messenger(folder)
        for file in files {
            var builder = FacebookHTMLItemBuilder(context: context, owner: owner, file: file)
            builder.addMessages(participants: participants, conversation: conversation)
            try reading.add(builder, section: section, file: file)
        }
        // Pagination bars name every part; say which ones the archive lacks.
        let present = Set(parts.map { $0.fileName.lowercased() })
        let linked = Set(
            files.flatMap(\.page.pageLinks).compactMap {
                $0.split(separator: "/").last.map { $0.lowercased() }
            })
        let missing = linked.subtracting(present).sorted {
            $0.localizedStandardCompare($1) == .orderedAscending
        }
        if let first = files.first, !missing.isEmpty {
            reading.unparsed.append(
                ImportIssue(
                    file: first.path, locator: "pagination",
                    reason:
                        "the thread's page links to \(missing.joined(separator: ", ")), which this archive does not contain: older messages of this thread are missing (a split export given in part, or pages removed)"
                ))
        }
    }

    /// The thread's people: a "Participants:" line when a page has one, else every sender of
    /// every part (placeholders for deleted accounts left out), with the title added when
    /// nobody but the owner wrote.
    static func participants(of files: [MetaHTMLFile], owner: Person?) -> [String] {
        for file in files {
            for text in file.page.furnitureTexts where text.hasPrefix("Participants:") {
                // "Participants: A, B and C": the last two are joined by " and ".
                var names = text.dropFirst("Participants:".count).split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                if let last = names.last, let and = last.range(of: " and ", options: .backwards) {
                    names.removeLast()
                    names += [String(last[..<and.lowerBound]), String(last[and.upperBound...])]
                }
                return names.filter { !$0.isEmpty }
            }
        }
        var names: [String] = []
        for file in files {
            for record in file.page.records {
                let name = FacebookHTMLItemBuilder.personName(record.heading?.normalizedText ?? "")
                if !name.isEmpty && !names.contains(name) { names.append(name) }
            }
        }
        if names.allSatisfy({ $0 == owner?.name }),
            let title = files.lazy.compactMap(\.page.title).first,
            title != owner?.name, !FacebookHTMLItemBuilder.placeholderNames.contains(title)
        {
            names.append(title)
        }
        return names
    }

    /// The owners named by the archives' profile pages, or, for a download without one, decided
    /// from its message threads (``MessageThreadOwner``).
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?] {
        archives.map {
            decideOwner(
                in: $0.archive, layout: FacebookHTMLLayout(entries: $0.archive.entries),
                context: $0.context
            ).owner
        }
    }

    /// The owner the profile names; without a profile, the one decided from the threads (each
    /// thread's pages read once more, a thread at a time), with the basis (nil for a profile's
    /// owner: the archive names it).
    private func decideOwner(
        in archive: ArchiveReader, layout: FacebookHTMLLayout, context: ImportContext
    ) -> (owner: Person?, basis: String?) {
        if let owner = findOwner(in: archive, layout: layout, context: context) {
            return (owner, nil)
        }
        var threads: [String: [ArchiveReader.Entry]] = [:]
        for entry in layout.orderedEntries {
            if case .thread = layout.role(of: entry) {
                threads[FacebookArchiveLayout.folder(of: entry.path), default: []].append(entry)
            }
        }
        let people = threads.keys.sorted().map { key in
            let files = (threads[key] ?? []).compactMap {
                try? MetaHTMLFile(entry: $0, archive: archive, zone: context.localTimeZone)
            }
            return Self.participants(of: files, owner: nil)
        }
        return MessageThreadOwner.recorded(threads: people, context: context)
    }

    /// The owner named by the first readable profile page: its "Name" and "Username" rows.

    private func findOwner(
        in archive: ArchiveReader, layout: FacebookHTMLLayout, context: ImportContext
    ) -> Person? {
        for entry in layout.profileCandidates {
            guard
                let file = try? MetaHTMLFile(
                    entry: entry, archive: archive, zone: context.localTimeZone)
            else {
                continue
            }
            for record in file.page.records {
                let content = MetaHTMLContent([record.node])
                let owner = Person(
                    name: content.values(for: ["Name", "Full name"])?.first,
                    handle: content.values(for: ["Username"])?.first)
                if !owner.isAnonymous { return owner }
            }
        }
        return nil
    }
}
