import AuditModel
import Foundation

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
    /// Pages are streamed: items are handed on in batches as their records are read.
    /// - Throws: what the context's sink throws; unreadable or damaged files are recorded in
    ///   `unparsed`.
    public func importArchive(_ archive: ArchiveReader, context: ImportContext) throws
        -> ImportResult
    {
        let layout = FacebookHTMLLayout(entries: archive.entries)
        let decided = decideOwner(in: archive, layout: layout, context: context)
        var reading = MetaHTMLArchiveReading(
            export: layout, archive: archive, context: context, owner: decided.owner)
        try reading.readArchive()
        return reading.result(ownerEvidence: decided.basis)
    }

    // MARK: - Private

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
            for heading in file.headings {
                let name = FacebookHTMLItemBuilder.personName(heading)
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
    public func owners(of archives: [(archive: ArchiveReader, context: ImportContext)]) -> [Person?]
    {
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
        MetaHTMLArchiveReading<FacebookHTMLLayout>.profileOwner(
            in: archive, pages: layout.profileCandidates, nameLabels: ["Name", "Full name"],
            context: context)
    }
}

extension FacebookHTMLLayout: MetaHTMLExport {
    typealias Builder = FacebookHTMLItemBuilder

    var platform: Platform { .facebook }

    /// Facebook's page headers say which offset the pages were made for.
    var readsHeaderZone: Bool { true }

    func messagesSection(folder: String) -> FacebookSection { .messenger(folder) }

    func title(of section: FacebookSection) -> String { section.title }

    func participants(of files: [MetaHTMLFile], owner: Person?) -> [String] {
        FacebookHTMLImporter.participants(of: files, owner: owner)
    }
}
