import AuditModel
import AuditSchool
import Foundation

extension PupilContactAnalysis {
    /// A person as seen on one platform: the unit identities are worked out for.
    struct PersonOnPlatform: Hashable {
        var person: Person
        var platform: Platform
    }

    /// What the analysis knows about the whole timeline, and the findings made so far.
    struct Context {
        /// The audit's roster, staff member and time zone.
        let configuration: AuditConfiguration
        /// The school's time zone, in which days and ages are counted.
        let zone: TimeZone
        /// The identified counterparties.
        let identities: [PersonOnPlatform: PupilIdentification]
        /// Per archive (SHA-256): the latest item time, a lower bound of when it was exported.
        let latestByArchive: [String: Date]
        /// Conversations the staff member wrote in, with their first message by the staff member.
        let conversationsWithOwner: [String: ItemID]
        /// Friendship items per "platform|roster id".
        let friendships: [String: [ItemID]]
        /// Received friend requests per "platform|roster id".
        let receivedRequests: [String: [ItemID]]
        /// The declared link of each roster id that one applies to.
        let declaredLinks: [String: DeclaredLink]
        /// People whose name fits a pupil but whom the evidence rules out (``IdentityWeighing``),
        /// with why.
        let contradicted: [PersonOnPlatform: (PupilIdentification, reason: String)]
        /// Group conversations, by ``conversationKey(of:)``.
        let groupConversations: Set<String>
        /// Per group conversation and member, the time of the member's first message in it.
        let firstMessageInGroup: [String: [Person: Date]]
        /// Per conversation and person, when the chat export shows them joining it.
        let joinedGroup: [String: [Person: Date]]
        /// The people ruled out whose observation has been made (one per person and platform).
        private var reportedContradictions: Set<PersonOnPlatform> = []

        /// The findings made so far.
        private(set) var findings: [Finding] = []
        /// The observations made so far.
        var observations: [ContactObservation] = []

        /// Identifies every counterparty the facts name and collects what judging single items
        /// needs.
        init(facts: TimelineFacts, configuration: AuditConfiguration, nicknames: Nicknames) {
            self.configuration = configuration
            zone = configuration.timeZone
            let identifier = PupilIdentifier(
                roster: configuration.roster, nicknames: nicknames, directory: facts.directory)
            let weighing = IdentityWeighing(
                adults: configuration.school.adults(except: configuration.staff.name),
                directory: facts.directory, zone: zone)
            var identities: [PersonOnPlatform: PupilIdentification] = [:]
            var contradicted: [PersonOnPlatform: (PupilIdentification, reason: String)] = [:]
            for key in facts.people {
                guard let identification = identifier.identify(key.person, on: key.platform)
                else { continue }
                let sighting = IdentityWeighing.Sighting(
                    person: key.person, platform: key.platform, earliest: facts.earliestWith[key],
                    latest: facts.latestAudited, clues: facts.clues[key])
                switch weighing.weigh(identification, sighting) {
                case .accepted(let weighed): identities[key] = weighed
                case .contradicted(let original, let reason): contradicted[key] = (original, reason)
                }
            }
            self.contradicted = contradicted
            groupConversations = facts.groupConversations
            firstMessageInGroup = facts.firstMessageInGroup
            joinedGroup = facts.joinedGroup
            var friendships: [String: [ItemID]] = [:]
            var received: [String: [ItemID]] = [:]
            for connection in facts.connections {
                for person in connection.counterparties {
                    let key = PersonOnPlatform(person: person, platform: connection.platform)
                    for candidate in identities[key]?.candidates ?? [] {
                        let pair = Self.pairKey(connection.platform, candidate.pupil)
                        if connection.kind == .friend {
                            friendships[pair, default: []].append(connection.id)
                        } else {
                            received[pair, default: []].append(connection.id)
                        }
                    }
                }
            }
            var declared: [String: DeclaredLink] = [:]
            for link in configuration.staff.declaredLinks {
                // The school writes the pupil's name: exact up to accents, case and punctuation.
                let exact = identifier.displayNameMatches(for: link.pupil).filter {
                    $0.confidence >= 0.88
                }
                if exact.count == 1 { declared[exact[0].pupil.id] = link }
            }
            self.identities = identities
            // The whole archive's latest item, not only the audited period's.
            latestByArchive = configuration.latestItemByArchive.merging(
                facts.latestAuditedByArchive
            ) { whole, _ in whole }
            conversationsWithOwner = facts.conversationsWithOwner
            self.friendships = friendships
            receivedRequests = received
            declaredLinks = declared
        }

        /// Makes the findings and observations for one item.
        mutating func examine(_ item: TimelineItem) {
            if !contradicted.isEmpty { noteContradictions(in: item) }
            if item.kind == .message, groupConversations.contains(Self.conversationKey(of: item)) {
                examineGroupMessage(item)
                return
            }
            // Most items name no pupil: judging how they involve one would be wasted.
            guard
                item.counterparties.contains(where: {
                    identities[PersonOnPlatform(person: $0, platform: item.platform)] != nil
                }),
                let involvement = involvement(of: item)
            else { return }
            var subjects = Set<String>()
            for person in item.counterparties {
                let key = PersonOnPlatform(person: person, platform: item.platform)
                guard let identification = identities[key] else { continue }
                let subject = identification.candidates.map(\.pupil.id).joined(separator: "+")
                guard subjects.insert(subject).inserted else { continue }
                record(item, person: person, identification, involvement: involvement)
            }
        }

        // MARK: - Judging one contact

        /// Records an observation for the first item with each person whose name fits a pupil
        /// but whom the evidence rules out, saying why; their other items are passed over.
        private mutating func noteContradictions(in item: TimelineItem) {
            for person in item.counterparties {
                let key = PersonOnPlatform(person: person, platform: item.platform)
                guard let entry = contradicted[key], reportedContradictions.insert(key).inserted
                else { continue }
                observations.append(
                    observation(
                        item, person: person, entry.0,
                        note: "Not taken for a pupil: \(entry.reason). No item with "
                            + "\(person.label) on \(item.platform.displayName) is counted as "
                            + "contact with a pupil."))
            }
        }

        /// Judges one contact: a finding, or an observation saying why it is not one.
        /// - Parameters:
        ///   - item: the item.
        ///   - person: the counterparty identified.
        ///   - identification: who they were identified as.
        ///   - involvement: how the item involves them.
        ///   - circumstance: a sentence added to the finding's explanation (how group
        ///     membership was decided).
        mutating func record(
            _ item: TimelineItem, person: Person, _ identification: PupilIdentification,
            involvement: Involvement, circumstance: String? = nil
        ) {
            let candidates = identification.candidates
            if case .notABreach(let reason) = involvement {
                let accepted =
                    item.kind == .friendRequestReceived
                    && candidates.contains {
                        friendships[Self.pairKey(item.platform, $0.pupil)] != nil
                    }
                // An accepted request is cited by the friendship's finding instead.
                if !accepted {
                    observations.append(
                        observation(item, person: person, identification, note: reason))
                }
                return
            }
            let judged = candidates.map { ($0, status(of: $0.pupil, at: item, involvement)) }
            let rule: RuleID? =
                judged.contains { $0.1.rule == .pupilContact }
                ? .pupilContact : judged.compactMap(\.1.rule).first
            guard let rule else {
                let notes = judged.compactMap { match, status -> String? in
                    guard case .outOfScope(let note) = status else { return nil }
                    return candidates.count > 1
                        ? "If this is \(match.pupil.legalName): \(note)" : note
                }
                observations.append(
                    observation(
                        item, person: person, identification,
                        note: notes.joined(separator: " ")))
                return
            }
            let chosen = judged.filter { $0.1.rule == rule }
            findings.append(
                finding(
                    rule, item: item, person: person, identification, chosen: chosen,
                    involvement: involvement, circumstance: circumstance))
        }

        /// How `item` involves the people it names, or `nil` for items that involve nobody.
        func involvement(of item: TimelineItem) -> Involvement? {
            let who = configuration.staff.name
            if item.connectionState == .blocked {
                return .notABreach(
                    "\(who) blocked this account on \(item.platform.displayName): blocking is "
                        + "not contact.")
            }
            switch item.kind {
            case .profile:
                return nil
            case .message:
                if conversationsWithOwner[Self.conversationKey(of: item)] != nil { return .atTime }
                return .notABreach(
                    "A message received in a conversation in which \(who) never wrote (in the "
                        + "audited period): not an interaction by \(who).")
            case .friend:
                return item.connectionState == .removed ? .endedAt : .standing
            case .friendRequestSent:
                return .atTime
            case .friendRequestReceived:
                switch item.connectionState {
                case .active: return .atTime
                case .rejected:
                    return .notABreach(
                        "A friend request to \(who) that \(who) declined: not a breach.")
                default:
                    return .notABreach(
                        "A friend request to \(who) that \(who) has not accepted: not a breach.")
                }
            case .follow:
                switch item.connectionState {
                case .removed: return .endedAt
                case .pending, .rejected: return .atTime  // a request to follow, sent by the owner
                default: return .standing
                }
            case .follower:
                switch item.connectionState {
                case .removed: return .endedAt
                case .pending:
                    return .notABreach(
                        "A request to follow \(who) that \(who) has not accepted: not a breach.")
                case .rejected:
                    return .notABreach(
                        "A request to follow \(who) that \(who) declined: not a breach.")
                default: return .standing
                }
            case .post, .comment, .reaction, .tag, .mention:
                if item.isAuthoredByOwner { return .atTime }
                return .notABreach(
                    "Made by \(item.author?.label ?? "someone else"), not by \(who); shown "
                        + "for information.")
            }
        }

        /// The pupil's status at the time `item` shows them in contact.
        func status(of pupil: Pupil, at item: TimelineItem, _ involvement: Involvement)
            -> Status
        {
            let name = pupil.legalName
            let latest = latestByArchive[item.source.archiveSHA256].map {
                LocalDay.containing($0, in: zone)
            }
            guard let instant = item.occurredAt else {
                if involvement == .standing, let latest, pupil.leavingDate == nil,
                    pupil.admissionDate.map({ $0 <= latest }) ?? true
                {
                    return .onRoll(nil, .listedAtExport(after: latest))
                }
                if pupil.admissionDate == nil, pupil.leavingDate == nil {
                    return .onRoll(nil, .alwaysOnRoll)
                }
                // A connection still listed when the export was made, with a former pupil who
                // was under 18 on the archive's latest dated day: it stood while they were a
                // child. (Exports are made soon after their latest item; the finding says so.)
                if involvement == .standing, let latest, let left = pupil.leavingDate,
                    left <= latest,
                    let age = pupil.age(on: latest), age < 18
                {
                    return .exPupil(latest, age: age, .listedAtExport(after: latest))
                }
                return .outOfScope(
                    "The export gives no time for this item, so whether \(name) was a pupil on "
                        + "roll, or a former pupil under 18, at the time cannot be established.")
            }
            let day = LocalDay.containing(instant, in: zone)
            if pupil.isOnRoll(on: day) { return .onRoll(day, .itemTime) }
            if involvement == .standing, let latest, latest > day {
                let start = max(day, pupil.admissionDate ?? day)
                if start <= latest, pupil.leavingDate.map({ start <= $0 }) ?? true {
                    return .onRoll(start, .laterWhileStanding(from: day, through: latest))
                }
                if let left = pupil.leavingDate, left < latest {
                    let first = max(day, left.adding(days: 1))
                    if let age = pupil.age(on: first), age < 18 {
                        let derivation: Derivation =
                            first == day
                            ? .itemTime : .laterWhileStanding(from: day, through: latest)
                        return .exPupil(first, age: age, derivation)
                    }
                }
            }
            if let left = pupil.leavingDate, day > left {
                guard let age = pupil.age(on: day) else {
                    return .outOfScope(
                        "\(name) had left the school on \(left.dayMonthYear); the roster gives no "
                            + "date of birth, so whether \(name) was under 18 then cannot be "
                            + "established.")
                }
                if age < 18 { return .exPupil(day, age: age, .itemTime) }
                return .outOfScope(
                    "\(name) had left the school on \(left.dayMonthYear) and was \(age) on "
                        + "\(day.dayMonthYear), not under 18: not a breach.")
            }
            let admitted = pupil.admissionDate?.dayMonthYear ?? "a later date"
            return .outOfScope(
                "\(name) joined the school on \(admitted), after this (\(day.dayMonthYear)): "
                    + "not a pupil at the time.")
        }

        // MARK: - Keys

        /// "facebook|G373247318101": one staff–pupil pair on one platform.
        static func pairKey(_ platform: Platform, _ pupil: Pupil) -> String {
            "\(platform.rawValue)|\(pupil.id)"
        }

        /// The conversation a message belongs to: platform, archive, the file's folder (one per
        /// Messenger thread) and the conversation's name.
        static func conversationKey(of item: TimelineItem) -> String {
            let folder = item.source.file.split(separator: "/").dropLast().joined(separator: "/")
            return [
                item.platform.rawValue, item.source.archiveSHA256, folder,
                item.conversation ?? "",
            ].joined(separator: "\u{1F}")
        }

        /// Whether `person` is the audited staff member: their name, or their account on the
        /// platform as school.yaml gives it.
        static func isStaff(_ person: Person, _ staff: StaffMember, _ platform: Platform) -> Bool {
            if let name = person.name,
                NameNormalization.key(name) == NameNormalization.key(staff.name)
            {
                return true
            }
            guard let account = staff.accounts[platform].map(AccountDirectory.handleKey) else {
                return false
            }
            return [person.handle, person.accountID, person.name].compactMap { $0 }.contains {
                AccountDirectory.handleKey($0) == account
            }
        }
    }
}
