import AuditAnalysis
import AuditModel

/// What a disclosure copy hides: everyone who is neither the staff member nor the pupil an
/// incident concerns appears as initials.
///
/// The people to hide are those the evidence itself names (authors, counterparties of items and
/// findings) and the ``people`` the caller knows about (the roster's pupils, the school's staff),
/// so that a pupil or colleague merely *mentioned* in a message is hidden too. Their full names,
/// single name words, handles, account numbers and the run-together forms used in export folder
/// names ("jordanreece_…") are replaced in every text of the copy: excerpts, explanations, raw
/// source fragments (including the escaped and mis-encoded forms Meta's JSON uses), file paths and
/// JSON. Attached media are withheld: pictures cannot be redacted by text replacement.
///
/// Each page protects the staff member and the pupils *its* findings concern (a finding's
/// counterparty with a roster id); the index protects every pupil any finding concerns.
public struct DisclosureRedaction: Sendable {
    /// The staff member whose archives were audited.
    public var staff: KnownPerson
    /// Other people to look for: pupils (with roster ids) and colleagues.
    public var people: [KnownPerson]
    /// The sub-folder of the evidence folder the disclosure copy is written to.
    public var folderName: String

    public init(staff: KnownPerson, people: [KnownPerson] = [], folderName: String = "disclosure") {
        self.staff = staff
        self.people = people
        self.folderName = folderName
    }

    /// The people of `bundle` and ``people``, whose rules every page's redactor draws on, for
    /// ``redactor(for:concerning:hidden:)``.
    func hidden(in bundle: EvidenceBundle) -> HiddenPeople {
        HiddenPeople(candidates(in: bundle))
    }

    /// The text replacements for a page whose findings are `concerned`.
    /// - Parameter hidden: what ``hidden(in:)`` gave for `bundle`, shared by the pages of one
    ///   copy; when nil, it is worked out for this page alone.
    func redactor(
        for bundle: EvidenceBundle, concerning concerned: [Finding], hidden: HiddenPeople? = nil
    ) -> Redactor {
        var protected = [staff]
        for owner in bundle.archives.compactMap(\.owner) {
            protected.append(
                KnownPerson(
                    names: owner.name.map { [$0] } ?? [], handles: owner.handle.map { [$0] } ?? [],
                    accountIDs: owner.accountID.map { [$0] } ?? []))
        }
        let rosterIDs = Set(concerned.compactMap { $0.counterparty?.rosterID })
        for finding in concerned {
            guard let counterparty = finding.counterparty, counterparty.rosterID != nil else {
                continue
            }
            protected.append(
                KnownPerson(
                    names: counterparty.name.map { [$0] } ?? [],
                    handles: counterparty.handle.map { [$0] } ?? []))
        }
        protected += people.filter { $0.rosterID.map(rosterIDs.contains) ?? false }
        return (hidden ?? self.hidden(in: bundle)).redactor(protecting: protected)
    }

    /// Everyone the bundle names (authors, counterparties of items and findings), then ``people``.
    private func candidates(in bundle: EvidenceBundle) -> [KnownPerson] {
        var candidates: [KnownPerson] = []
        func add(_ person: Person?) {
            guard let person, !person.isAnonymous else { return }
            candidates.append(
                KnownPerson(
                    names: person.name.map { [$0] } ?? [],
                    handles: person.handle.map { [$0] } ?? [],
                    accountIDs: person.accountID.map { [$0] } ?? []))
        }
        for item in bundle.items.values.sorted(by: { $0.id < $1.id }) {
            add(item.author)
            item.counterparties.forEach(add)
        }
        for finding in bundle.findings {
            guard let counterparty = finding.counterparty else { continue }
            add(Person(name: counterparty.name, handle: counterparty.handle))
        }
        candidates += people
        return candidates
    }
}

extension DisclosureRedaction {
    /// The redaction for an audit: the staff member protected; the roster's pupils, the school's
    /// other staff and everyone the staff member's archives name (friends, followers, message
    /// participants) recognised wherever they are named.
    /// - Parameters:
    ///   - configuration: the audit's school, staff member and roster.
    ///   - timeline: the case's whole timeline, whose people are looked for in every text.
    ///   - folderName: the disclosure copy's sub-folder.
    public init(
        configuration: AuditConfiguration, timeline: Timeline = Timeline(),
        folderName: String = "disclosure"
    ) {
        self.init(configuration: configuration, source: timeline, folderName: folderName)
    }

    /// The redaction for an audit whose timeline is read a batch at a time: only the distinct
    /// people it names are kept.
    /// - Parameters:
    ///   - configuration: the audit's school, staff member and roster.
    ///   - source: the case's whole timeline, whose people are looked for in every text.
    ///   - folderName: the disclosure copy's sub-folder.
    /// - Throws: what reading `source` throws.
    public init<Source: TimelineSource>(
        configuration: AuditConfiguration, source: Source, folderName: String = "disclosure"
    ) throws(Source.Failure) {
        let colleagues = configuration.school.staff
            .filter { $0.name != configuration.staff.name }
            .map(KnownPerson.init(staff:))
        var seen = Set<Person>()
        var archivePeople: [KnownPerson] = []
        try source.forEachBatch { batch in
            for item in batch {
                for person in item.counterparties + [item.author].compactMap({ $0 })
                where !person.isAnonymous && seen.insert(person).inserted {
                    archivePeople.append(
                        KnownPerson(
                            names: person.name.map { [$0] } ?? [],
                            handles: person.handle.map { [$0] } ?? [],
                            accountIDs: person.accountID.map { [$0] } ?? []))
                }
            }
        }
        self.init(
            staff: KnownPerson(staff: configuration.staff),
            people: configuration.roster.pupils.map(KnownPerson.init(pupil:)) + colleagues
                + archivePeople,
            folderName: folderName)
    }
}
