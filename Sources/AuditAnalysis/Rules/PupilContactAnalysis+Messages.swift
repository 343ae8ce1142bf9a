import AuditModel
import AuditSchool
import Foundation

/// The findings' and observations' wording, and how a finding is put together.
extension PupilContactAnalysis.Context {
    /// A pupil's status at the time of an item.
    typealias Status = PupilContactAnalysis.Status
    /// How an item involves the pupils it names.
    typealias Involvement = PupilContactAnalysis.Involvement

    /// The finding for a contact with the pupils in `chosen` (one, unless the identity is
    /// ambiguous), all of whose status falls under `rule`.
    func finding(
        _ rule: RuleID, item: TimelineItem, person: Person,
        _ identification: PupilIdentification, chosen: [(PupilMatch, Status)],
        involvement: Involvement, circumstance: String? = nil
    ) -> Finding {
        let pupils = chosen.map(\.0.pupil)
        let isAmbiguous = identification.isAmbiguous
        let tagIndex =
            item.kind == .post && item.isAuthoredByOwner ? Self.tagIndex(of: person, in: item) : nil
        let factor = chosen.map { Self.derivation(of: $0.1).confidenceFactor }.min() ?? 1
        let confidence = (identification.confidence * factor * 100).rounded() / 100
        let links = pupils.compactMap { declaredLinks[$0.id] }
        let isDeclared = !links.isEmpty && links.count == pupils.count

        var supporting: [ItemID] = []
        if item.kind == .friend {
            supporting = pupils.flatMap { receivedRequests[Self.pairKey(item.platform, $0)] ?? [] }
        } else if item.kind == .message, !item.isAuthoredByOwner,
            let first = conversationsWithOwner[Self.conversationKey(of: item)]
        {
            supporting = [first]
        }

        var sentences = [
            action(item, person: person, isTag: tagIndex != nil, involvement: involvement) + "."
        ]
        if let circumstance { sentences.append(circumstance) }
        for (match, status) in chosen {
            let sentence = statusSentence(match.pupil, status)
            sentences.append(
                isAmbiguous
                    ? "If this is \(match.pupil.legalName) (roster \(match.pupil.id)): "
                        + sentence : sentence)
        }
        if isAmbiguous {
            sentences.append("The identity is uncertain: \(identification.explanation).")
        } else if let pupil = pupils.first {
            sentences.append(
                "Identified as \(pupil.legalName) (roster \(pupil.id)): "
                    + "\(identification.explanation).")
        }
        if isDeclared, let pupil = pupils.first, let link = links.first {
            sentences.append(
                "\(configuration.staff.name) has declared \(pupil.legalName) "
                    + "(\(link.relationship)) to the headteacher, so this is marked declared "
                    + "rather than open.")
        }

        let label = pupils.map { incidentLabel(for: $0, rule: rule) }.joined(separator: " or ")
        let ids = pupils.map(\.id).joined(separator: "+")
        var finding = Finding(
            rule: rule, severity: item.kind == .message ? .high : .medium,
            confidence: confidence, status: isDeclared ? .declared : .open, item: item,
            supportingItems: supporting,
            counterparty: counterparty(person, identification),
            explanation: sentences.joined(separator: " "),
            incidentKey: "\(item.platform.rawValue)|\(ids)|\(label)"
                + (isAmbiguous ? " (identity uncertain)" : ""),
            subject: ids)
        if let tagIndex {
            finding.activity = .tag
            finding.source.locator += "/tags/\(tagIndex)"
        } else if item.kind == .post,
            item.platform == .twitter || item.platform == .instagram || item.platform == .tiktok
        {
            // X, Instagram and TikTok posts name people by @handle in the text: the contact is
            // a mention.
            finding.activity = .mention
        }
        return finding
    }

    /// An observation of `item` with `note`.
    func observation(
        _ item: TimelineItem, person: Person, _ identification: PupilIdentification,
        note: String
    ) -> ContactObservation {
        ContactObservation(
            item: item, counterparty: counterparty(person, identification), note: note)
    }

    /// The person as the source names them, with the pupil (when not ambiguous) and why.
    func counterparty(_ person: Person, _ identification: PupilIdentification)
        -> FindingCounterparty
    {
        FindingCounterparty(
            name: person.name ?? (person.handle == nil ? person.label : nil),
            handle: person.handle, rosterID: identification.pupil?.id,
            matchExplanation: identification.explanation)
    }

    // MARK: - Sentences

    /// What happened, in the staff member's terms: "Rebecca Hale sent Harvey Collins a Facebook
    /// friend request on Saturday 5 October 2024 at 21:14".
    func action(_ item: TimelineItem, person: Person, isTag: Bool, involvement: Involvement)
        -> String
    {
        let who = configuration.staff.name
        let them = person.name ?? person.label
        let platform = item.platform.displayName
        let aPlatform = item.platform.withIndefiniteArticle
        let when = timePhrase(item)
        switch item.kind {
        case .friend:
            if involvement == .endedAt {
                return "\(who) was \(platform) friends with \(them) until the friendship was "
                    + "removed \(when)"
            }
            return item.occurredAt == nil
                ? "\(who) is \(platform) friends with \(them) (the export gives no date)"
                : "\(who) became \(platform) friends with \(them) \(when)"
        case .friendRequestSent:
            return "\(who) sent \(them) \(aPlatform) friend request \(when)"
        case .friendRequestReceived:
            return "\(who) accepted \(aPlatform) friend request from \(them), made \(when)"
        case .follow:
            switch involvement {
            case .endedAt: return "\(who) followed \(them) on \(platform) until \(when)"
            case .atTime: return "\(who) asked to follow \(them) on \(platform) \(when)"
            default:
                return item.occurredAt == nil
                    ? "\(who) follows \(them) on \(platform) (the export gives no date)"
                    : "\(who) followed \(them) on \(platform) \(when)"
            }
        case .follower:
            if involvement == .endedAt {
                return "\(them) followed \(who) on \(platform) until \(when)"
            }
            return item.occurredAt == nil
                ? "\(them) follows \(who) on \(platform) (the export gives no date)"
                : "\(them) started following \(who) on \(platform) \(when)"
        case .message:
            let conversation = item.conversation.map { "'\($0)'" } ?? "a conversation"
            let isGroup = item.counterparties.count > 1
            if item.isAuthoredByOwner {
                return isGroup
                    ? "\(who) wrote in the \(platform) conversation \(conversation), which "
                        + "includes \(them), \(when)"
                    : "\(who) sent \(them) \(aPlatform) message \(when)"
            }
            let sender = item.author?.label ?? "Someone"
            let base =
                sender == them && !isGroup
                ? "\(them) sent \(who) \(aPlatform) message \(when)"
                : "\(sender) wrote in the \(platform) conversation \(conversation), which "
                    + "includes \(them), \(when)"
            return base + ", in a conversation in which \(who) also wrote"
        case .comment:
            return "\(who) commented on \(them)'s content on \(platform) \(when)"
                + (item.title.map { " (the export records: \"\($0)\")" } ?? "")
        case .reaction:
            let reaction = item.text.map { " (\($0))" } ?? ""
            return "\(who) reacted\(reaction) to \(them)'s content on \(platform) \(when)"
        case .post:
            if isTag { return "\(who) tagged \(them) in \(aPlatform) post \(when)" }
            if let title = item.title, title.contains("\(them)'s timeline") {
                return "\(who) wrote on \(them)'s \(platform) timeline \(when)"
            }
            return "\(who) made \(aPlatform) post naming \(them) (tagged or addressed) \(when)"
        case .tag:
            return "\(who) tagged \(them) on \(platform) \(when)"
        case .mention:
            return "\(who) mentioned \(them) on \(platform) \(when)"
        case .profile:
            return "\(who)'s \(platform) profile names \(them)"
        }
    }

    /// Why the pupil was in scope at the time.
    func statusSentence(_ pupil: Pupil, _ status: Status) -> String {
        let name = pupil.legalName
        let born = pupil.dateOfBirth.map { " (born \($0.dayMonthYear))" } ?? ""
        let left = pupil.leavingDate?.dayMonthYear ?? "an unknown date"
        let admitted = pupil.admissionDate?.dayMonthYear ?? "an unknown date"
        switch status {
        case .onRoll(_, .itemTime):
            return "\(name) was a pupil on roll at the time."
        case .onRoll(_, .laterWhileStanding(_, let through)):
            return "The connection began before \(name) was admitted on \(admitted) and was "
                + "still listed when the export was made (after \(through.dayMonthYear)), so it "
                + "stood while \(name) was a pupil on roll."
        case .onRoll(_, .listedAtExport(let after)):
            return "The connection was listed when the export was made (after "
                + "\(after.dayMonthYear)); \(name) has been on roll since \(admitted) and has not "
                + "left, so was a pupil then."
        case .onRoll(_, .alwaysOnRoll):
            return "The roster gives \(name) neither an admission nor a leaving date, so \(name) "
                + "is taken to have been on roll throughout."
        case .exPupil(let day, let age, .laterWhileStanding):
            return "The connection still stood on \(day.dayMonthYear), after \(name) left the "
                + "school on \(left); \(name) was \(age) then\(born), under 18."
        case .exPupil(let day, let age, .listedAtExport):
            let eighteen = pupil.dateOfBirth.flatMap {
                LocalDay(year: $0.year + 18, month: $0.month, day: $0.day)
            }
            return "The export gives no time for this connection, but it was still listed when the "
                + "export was made, after \(day.dayMonthYear) (the archive's latest dated item), "
                + "when \(name), who left the school on \(left), was \(age)\(born), under 18"
                + (eighteen.map { " until \($0.dayMonthYear)" } ?? "") + "."
        case .exPupil(_, let age, _):
            return "\(name) had left the school on \(left) and was \(age) at the time\(born), "
                + "under 18."
        case .outOfScope(let note):
            return note
        }
    }

    /// "Oliver Bennett (Year 6 on the roster)", or "Jordan Reece (left July 2019)" for former
    /// pupils.
    func incidentLabel(for pupil: Pupil, rule: RuleID) -> String {
        if rule == .exPupilContact, let left = pupil.leavingDate {
            return "\(pupil.legalName) (left \(left.monthName) \(left.year))"
        }
        // The roster gives the year group now, not at the time of the contact: say so.
        return
            "\(pupil.legalName) (\(pupil.yearLabel.map { "\($0) on the roster" } ?? "roster \(pupil.id)"))"
    }

    /// "on Sunday 22 September 2024 at 20:05" (school-local), or "at a time the export does not
    /// give".
    func timePhrase(_ item: TimelineItem) -> String {
        guard let instant = item.occurredAt else { return "at a time the export does not give" }
        let clock = LocalWallClock(instant, in: zone)
        return "on \(clock.day.longDescription) at "
            + TimeFormatting.padded(clock.hour) + ":" + TimeFormatting.padded(clock.minute)
    }

    /// How the status was established (`itemTime` for out-of-scope statuses).
    static func derivation(of status: Status) -> PupilContactAnalysis.Derivation {
        switch status {
        case .onRoll(_, let derivation), .exPupil(_, _, let derivation): derivation
        case .outOfScope: .itemTime
        }
    }

    // MARK: - Tags

    /// The index of `person` in the `tags` array of a Meta post's source record, if there.
    ///
    /// Facebook posts list tagged people in `tags`; the finding then cites the tag itself
    /// (`/14/tags/0`) rather than the whole post. The names are compared after Meta's mojibake
    /// repair, ignoring accents and case.
    static func tagIndex(of person: Person, in item: TimelineItem) -> Int? {
        guard let name = person.name,
            let record = try? JSONDecoder().decode(
                TaggedRecord.self, from: Data(item.rawFragment.utf8)),
            let tags = record.tags
        else { return nil }
        let wanted = NameNormalization.key(name)
        return tags.firstIndex {
            $0.name.map { NameNormalization.key(MetaText.repairMojibake($0)) == wanted } ?? false
        }
    }
}

/// The part of a Meta post record that lists tagged people.
private struct TaggedRecord: Decodable {
    /// One tag: `{"name": "…"}`, or a bare name in older exports.
    struct Tag: Decodable {
        var name: String?

        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(),
                let text = try? single.decode(String.self)
            {
                name = text
                return
            }
            let object = try decoder.container(keyedBy: CodingKeys.self)
            name = try object.decodeIfPresent(String.self, forKey: .name)
        }

        enum CodingKeys: String, CodingKey { case name }
    }

    var tags: [Tag]?
}
