import AuditModel
import AuditSchool
import Foundation

/// Group conversations: whose lines are the staff member's interaction, and with whom.
extension PupilContactAnalysis.Context {
    /// Judges one message of a group conversation (one whose messages name more than one other
    /// person).
    ///
    /// - A line the staff member wrote is contact with each pupil who was a member of the group
    ///   then: one the message lists (WhatsApp's importer leaves out people its notices show
    ///   were not members then), counted from the first message listing them after the export
    ///   showed them joining, else from the pupil's first message in the group, else where her
    ///   line greets the pupil by forename; her other lines before it are not contact with them.
    /// - A line someone else wrote is her interaction only when it is addressed to her (her
    ///   name, "Mrs Hale", her handle or number), and then only with its writer; a pupil's
    ///   line not addressed to her is an observation, and a line by anyone else (a parent) is
    ///   not contact with a pupil at all.
    mutating func examineGroupMessage(_ item: TimelineItem) {
        let conversation = Self.conversationKey(of: item)
        let who = configuration.staff.name
        guard conversationsWithOwner[conversation] != nil else {
            // She never wrote here: only a pupil's own lines are worth noting.
            guard let author = item.author,
                let identification = identities[.init(person: author, platform: item.platform)]
            else { return }
            observations.append(
                observation(
                    item, person: author, identification,
                    note: "A message in a group conversation in which \(who) never wrote (in "
                        + "the audited period): not an interaction by \(who)."))
            return
        }
        if item.isAuthoredByOwner {
            var subjects = Set<String>()
            for person in item.counterparties {
                let key = PupilContactAnalysis.PersonOnPlatform(
                    person: person, platform: item.platform)
                guard let identification = identities[key] else { continue }
                let circumstance: String
                if let joined = joinedGroup[conversation]?[person],
                    let instant = item.occurredAt, joined <= instant
                {
                    circumstance = joiningSentence(person, listedFrom: joined)
                } else if let since = memberSince(person, in: conversation),
                    let instant = item.occurredAt, since <= instant
                {
                    circumstance = membershipSentence(person, since: since)
                } else if let name = Self.forename(of: identification, in: item.text ?? "") {
                    circumstance =
                        "\(who)'s line greets \(person.label) by name ('\(name)'), so they were in "
                        + "the group by then; her lines before any sign of their membership are "
                        + "not counted as contact with them."
                } else {
                    continue
                }
                let subject = identification.candidates.map(\.pupil.id).joined(separator: "+")
                guard subjects.insert(subject).inserted else { continue }
                record(
                    item, person: person, identification, involvement: .atTime,
                    circumstance: circumstance)
            }
            return
        }
        guard let author = item.author,
            let identification = identities[.init(person: author, platform: item.platform)]
        else { return }
        if let address = addressToOwner(in: item.text ?? "") {
            record(
                item, person: author, identification, involvement: .atTime,
                circumstance: "\(author.label)'s line is addressed to \(who) ('\(address)').")
        } else {
            observations.append(
                observation(
                    item, person: author, identification,
                    note: "Written by \(author.label) in a group conversation and not addressed "
                        + "to \(who): not an interaction by \(who)."))
        }
    }

    /// The forename (legal or preferred) of a candidate pupil that `text` holds as a word, as
    /// written there; `nil` when none.
    static func forename(of identification: PupilIdentification, in text: String) -> String? {
        let names = Set(
            identification.candidates.flatMap {
                [$0.pupil.legalForename, $0.pupil.preferredForename].compactMap { $0 }
            }.map(TokenizedText.fold))
        return TokenizedText(text).words.first {
            names.contains($0.foldedBase ?? $0.folded)
        }?.text
    }

    /// When `person` became a member of the group as far as the archive shows: their first
    /// message in it.
    func memberSince(_ person: Person, in conversation: String) -> Date? {
        firstMessageInGroup[conversation]?[person]
    }

    /// How membership was decided from a first message, for the finding.
    func membershipSentence(_ person: Person, since: Date) -> String {
        "In this group conversation, \(person.label) is counted as a member from their first "
            + "message in it (\(clockPhrase(since))); \(configuration.staff.name)'s lines before "
            + "it are not counted as contact with them."
    }

    /// How membership was decided from the export's notices, for the finding.
    func joiningSentence(_ person: Person, listedFrom: Date) -> String {
        "The chat export shows \(person.label) added to or joining this group (WhatsApp's notice), "
            + "so they are counted as a member from the first message after it "
            + "(\(clockPhrase(listedFrom))) until any notice that they left or were removed; "
            + "\(configuration.staff.name)'s lines before it are not counted as contact with them."
    }

    /// "Saturday 5 October 2024 at 10:03", school-local.
    func clockPhrase(_ instant: Date) -> String {
        let clock = LocalWallClock(instant, in: zone)
        return "\(clock.day.longDescription) at " + TimeFormatting.padded(clock.hour) + ":"
            + TimeFormatting.padded(clock.minute)
    }

    /// The words by which a line addresses the staff member: her full name, her forename, a
    /// title with her surname ("Mrs Hale"), or "@" with her handle or number; `nil` when none.
    func addressToOwner(in text: String) -> String? {
        let tokens = TokenizedText(text)
        let names = NameNormalization.tokens(configuration.staff.name)
        guard let forename = names.first, let surname = names.last else { return nil }
        let titles: Set<String> = ["mrs", "miss", "ms", "mr", "mx", "dr"]
        let words = tokens.words
        for (index, word) in words.enumerated() {
            let folded = word.foldedBase ?? word.folded
            if folded == forename { return word.text }
            if folded == surname, index > 0, titles.contains(words[index - 1].folded) {
                return "\(words[index - 1].text) \(word.text)"
            }
        }
        let lowered = text.lowercased()
        for account in configuration.staff.accounts.values {
            let mention: String
            if PupilIdentifier.isPhone(account) {
                mention = "@" + PupilIdentifier.accountKey(account).dropFirst("tel:".count)
            } else {
                mention = "@" + AccountDirectory.handleKey(account)
            }
            if !mention.contains(" "), lowered.contains(mention) { return mention }
        }
        return nil
    }
}
