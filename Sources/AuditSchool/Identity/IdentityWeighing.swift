import AuditModel
import Foundation

/// Weighs a name-based identification against what else is known, so that a name alone is never
/// taken for a person: a colleague who shares a pupil's full name is not the pupil.
///
/// For each candidate pupil, evidence is gathered both ways (``IdentityEvidence``):
/// - **contradicts**: the person's account on this platform (handle, account id, number, or the
///   name a platform shows as the account) is listed in school.yaml for an adult (staff other
///   than the audited member, `governors`, `known_adults`); the earliest dated interaction with
///   the person on the platform is before the pupil was born, or before they were
///   ``youngestAccountHolder``; the conversation with them states an adult's age ("happy 40th").
/// - **weakens**: an adult of school.yaml has the same full name and lists no account on this
///   platform to tell them apart; the roster lists a different account on this platform for the
///   pupil; the conversation speaks of adult or working life ("staff football", "the pub").
/// - **supports**: the roster lists this account for the pupil; the conversation uses school
///   words a pupil would hear ("Year 6", "P7", "homework").
///
/// A candidate with a contradiction and nothing in support is ruled out. A contradiction with
/// support keeps half the confidence; each weakening keeps three quarters; support alone leaves
/// the confidence as it is. The explanation names the evidence both ways. When every candidate is ruled out the person is not a pupil
/// and the outcome says why.
public struct IdentityWeighing: Sendable {
    /// The adults school.yaml names, the audited staff member excepted.
    public let adults: [KnownAdult]
    /// The archive's own id–handle pairs, to see an id-only person's handle.
    public let directory: AccountDirectory
    /// The school's time zone, in which days and ages are counted.
    public let zone: TimeZone

    /// A child younger than this does not hold a social-media account of their own.
    public static let youngestAccountHolder = 5
    /// The share of confidence a contradicted but supported candidate keeps.
    static let contradictedFactor = 0.5
    /// The share of confidence each weakening keeps.
    static let weakenedFactor = 0.75

    /// Creates a weighing.
    public init(adults: [KnownAdult], directory: AccountDirectory = .init(), zone: TimeZone) {
        self.adults = adults
        self.directory = directory
        self.zone = zone
    }

    /// What the person seen is known by, and when they were first and last seen.
    public struct Sighting: Sendable {
        /// The person as the source names them.
        public var person: Person
        /// The platform they were seen on.
        public var platform: Platform
        /// The earliest dated item with them on the platform, if any.
        public var earliest: Date?
        /// The latest dated item of the audit, the day ages are taken on for stated ages.
        public var latest: Date?
        /// What one-to-one conversations with them say.
        public var clues: ConversationClues?

        /// Creates a sighting.
        public init(
            person: Person, platform: Platform, earliest: Date? = nil, latest: Date? = nil,
            clues: ConversationClues? = nil
        ) {
            self.person = person
            self.platform = platform
            self.earliest = earliest
            self.latest = latest
            self.clues = clues
        }
    }

    /// The identification after weighing.
    public enum Outcome: Sendable, Equatable {
        /// The identification stands, perhaps with lower confidence and fewer candidates; its
        /// explanation names the evidence both ways.
        case accepted(PupilIdentification)
        /// Every candidate was ruled out; the identification as it was, and why it fails.
        case contradicted(PupilIdentification, reason: String)
    }

    /// Weighs `identification` of the person of `sighting`.
    public func weigh(_ identification: PupilIdentification, _ sighting: Sighting) -> Outcome {
        var kept: [(PupilMatch, Double)] = []
        var forAndAgainst: [String] = []
        var ruledOut: [String] = []
        var alsoFor: [String] = []
        for match in identification.candidates {
            let evidence = self.evidence(for: match, sighting)
            let against = evidence.filter { $0.weight != .supports }.map(\.statement)
            let support = evidence.filter { $0.weight == .supports }.map(\.statement)
            let contradictions = evidence.filter { $0.weight == .contradicts }.count
            let weakenings = evidence.filter { $0.weight == .weakens }.count
            let name = match.pupil.legalName
            if contradictions > 0, support.isEmpty {
                ruledOut.append("\(name): " + against.joined(separator: "; "))
                continue
            }
            var factor = contradictions > 0 ? Self.contradictedFactor : 1
            for _ in 0..<weakenings { factor *= Self.weakenedFactor }
            kept.append((match, factor))
            if !against.isEmpty {
                var line = "against \(name): " + against.joined(separator: "; ")
                line += support.isEmpty ? "" : "; for: " + support.joined(separator: "; ")
                forAndAgainst.append(line)
            } else if case let extra = support.filter({ $0 != match.reason }), !extra.isEmpty {
                alsoFor.append("for \(name): " + extra.joined(separator: "; "))
            }
        }
        if kept.isEmpty {
            return .contradicted(
                identification,
                reason: "the name fits, but the evidence rules it out: "
                    + ruledOut.joined(separator: "; and for "))
        }
        guard !forAndAgainst.isEmpty || kept.count != identification.candidates.count else {
            guard !alsoFor.isEmpty else { return .accepted(identification) }
            var supported = identification
            supported.explanation += "; also " + alsoFor.joined(separator: "; ")
            return .accepted(supported)
        }
        let candidates = kept.map(\.0)
        let factor = kept.map(\.1).min() ?? 1
        let top = candidates.map(\.confidence).max() ?? identification.confidence
        let base =
            candidates.count == identification.candidates.count
            ? identification.confidence
            : candidates.count > 1 ? top * PupilIdentification.ambiguityFactor : top
        var explanation =
            candidates.count == identification.candidates.count || candidates.count > 1
            ? identification.explanation
            : "\(candidates[0].reason); \(candidates[0].pupil.rosterSummary)"
        if !ruledOut.isEmpty { explanation += "; ruled out " + ruledOut.joined(separator: "; ") }
        if !forAndAgainst.isEmpty {
            explanation +=
                "; weighed \(forAndAgainst.joined(separator: "; ")), so the identity is weaker"
        }
        if !alsoFor.isEmpty { explanation += "; also " + alsoFor.joined(separator: "; ") }
        return .accepted(
            PupilIdentification(
                candidates: candidates, confidence: (base * factor * 100).rounded() / 100,
                explanation: explanation))
    }

    /// The evidence for and against reading the person of `sighting` as `match`'s pupil.
    public func evidence(for match: PupilMatch, _ sighting: Sighting) -> [IdentityEvidence] {
        let pupil = match.pupil
        let platform = sighting.platform
        var person = sighting.person
        if person.handle == nil, let id = person.accountID,
            let resolved = directory.person(withAccountID: id, on: platform)
        {
            person.handle = resolved.handle
            person.name = person.name ?? resolved.name
        }
        let isListedForPupil = match.basis == .knownAccount
        var evidence: [IdentityEvidence] = []
        if isListedForPupil || match.basis == .knownAccountElsewhere {
            evidence.append(.init(.supports, match.reason))
        }

        // Accounts and names of adults school.yaml lists.
        for adult in adults {
            if let listed = adult.accounts[platform], Self.isAccount(listed, of: person) {
                evidence.append(
                    .init(
                        .contradicts,
                        "'\(listed)' is listed in school.yaml as the \(platform.displayName) "
                            + "account of \(adult.description)"))
            } else if !isListedForPupil, adult.accounts[platform] == nil,
                let name = person.name,
                NameNormalization.key(name) == NameNormalization.key(adult.name)
            {
                evidence.append(
                    .init(
                        .weakens,
                        "school.yaml lists \(adult.description), an adult of the same name, "
                            + "with no \(platform.displayName) account to tell them apart"))
            }
        }

        // A different account the roster lists for the pupil on this platform.
        if !isListedForPupil {
            let others = pupil.knownAccounts.filter {
                $0.platform == platform && !Self.isAccount($0.handle, of: person)
            }
            if let other = others.first {
                evidence.append(
                    .init(
                        .weakens,
                        "the roster lists '\(other.handle)' as \(pupil.legalName)'s "
                            + "\(platform.displayName) account, and this is not it"))
            }
        }

        // When the person was first seen.
        if let earliest = sighting.earliest, let born = pupil.dateOfBirth {
            let day = LocalDay.containing(earliest, in: zone)
            let weight: IdentityEvidence.Weight = isListedForPupil ? .weakens : .contradicts
            if day < born {
                evidence.append(
                    .init(
                        weight,
                        "the earliest dated item with this person on \(platform.displayName) "
                            + "(\(day.dayMonthYear)) is before \(pupil.legalName) was born "
                            + "(\(born.dayMonthYear))"))
            } else if let age = pupil.age(on: day), age < Self.youngestAccountHolder {
                evidence.append(
                    .init(
                        weight,
                        "the earliest dated item with this person on \(platform.displayName) "
                            + "(\(day.dayMonthYear)) is when \(pupil.legalName) was \(age), too "
                            + "young to hold an account"))
            }
        }

        // What conversations with them say.
        if let clues = sighting.clues {
            let now = sighting.latest.map { LocalDay.containing($0, in: zone) }
            let pupilAge = now.flatMap { pupil.age(on: $0) }
            if let age = clues.statedAges.first(where: { $0 >= 18 }), let pupilAge, pupilAge < 18 {
                evidence.append(
                    .init(
                        .contradicts,
                        "the conversation gives this person an age of \(age), and "
                            + "\(pupil.legalName) is \(pupilAge)"))
            }
            if !clues.adultWords.isEmpty {
                evidence.append(
                    .init(
                        .weakens,
                        "the conversation speaks of adult or working life ("
                            + clues.adultWords.map { "'\($0)'" }.joined(separator: ", ") + ")"))
            }
            if !clues.pupilWords.isEmpty {
                evidence.append(
                    .init(
                        .supports,
                        "the conversation uses school words a pupil would hear ("
                            + clues.pupilWords.map { "'\($0)'" }.joined(separator: ", ") + ")"))
            }
        }
        return evidence
    }

    /// Whether `listed` (a handle, id, number, or the name a platform shows as the account) is
    /// the account of `person`.
    package static func isAccount(_ listed: String, of person: Person) -> Bool {
        let key = PupilIdentifier.accountKey(listed)
        let keys = [person.handle, person.accountID].compactMap { $0 }.map(
            PupilIdentifier.accountKey)
        if keys.contains(key) { return true }
        // Facebook shows people by name: a listed name ("Oliver Bennett") is the account.
        guard let name = person.name, !PupilIdentifier.isPhone(listed), !listed.hasPrefix("@")
        else { return false }
        return NameNormalization.key(name) == NameNormalization.key(listed)
    }
}
