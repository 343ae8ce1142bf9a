import AuditModel
import Foundation

/// Decides whether a person seen in an archive is one of the school's pupils, and says why.
///
/// Evidence is tried strongest first:
/// 1. **Known accounts** (roster column): the person's handle, account id or phone number is one
///    the roster lists for the pupil on this platform (confidence 0.97), or their handle is one
///    listed for another platform (0.85). An X id with no handle is first resolved through the
///    archive's own id–handle pairs (``AccountDirectory``). When any known account matches, name
///    and handle guesses are not used.
/// 2. **Display names**: legal or preferred forename followed by legal or preferred surname,
///    compared without accents, case, apostrophes, hyphens or spacing (0.90 identical, 0.88 after
///    folding), a usual short form of the forename from ``Nicknames`` (0.80), up to two middle
///    names tolerated (−0.05).
/// 3. **Handles built from the name**, separators ignored (``handleMatch(_:for:)``): forename +
///    surname (+ birth year) 0.75 (0.85), surname + forename 0.70 (0.80), initial + surname +
///    birth year 0.70, forename + surname initial + birth year 0.60; −0.05 when the forename
///    is only a nickname; −0.15 when the same person's display name is a different full name.
///
/// A name and a handle agreeing on one pupil add 0.05 (at most 0.97). A first name or a surname
/// alone never matches. When several pupils fit within 0.05 of the best, the identification is
/// ambiguous: it lists them all and keeps ``PupilIdentification/ambiguityFactor`` of the
/// confidence; it never picks one.
public struct PupilIdentifier: Sendable {
    /// The pupils, current and former.
    public let roster: Roster
    /// Forename short forms.
    public let nicknames: Nicknames
    /// The archive's own id–handle pairs, for id-only people (X direct messages).
    public let directory: AccountDirectory

    /// Creates an identifier for a roster.
    /// - Parameters:
    ///   - roster: the pupils.
    ///   - nicknames: the short-form table; the built-in one by default.
    ///   - directory: id–handle pairs from the archives being audited.
    public init(
        roster: Roster, nicknames: Nicknames = .standard, directory: AccountDirectory = .init()
    ) {
        self.roster = roster
        self.nicknames = nicknames
        self.directory = directory
    }

    /// Candidates closer than this to the best confidence make an identification ambiguous.
    static let ambiguityMargin = 0.05
    /// The highest confidence any identification reaches.
    static let maximumConfidence = 0.97

    /// Identifies `person`, seen on `platform`, as a pupil.
    /// - Returns: the identification, or `nil` when no pupil fits.
    public func identify(_ person: Person, on platform: Platform) -> PupilIdentification? {
        var matches = knownAccountMatches(of: person, on: platform, strictOnly: true)
        var seen = person
        var prefix = ""
        if person.handle == nil, let id = person.accountID,
            let resolved = directory.person(withAccountID: id, on: platform),
            let handle = resolved.handle
        {
            seen.handle = handle
            seen.name = person.name ?? resolved.name
            prefix = "account id \(id) is @\(AccountDirectory.handleKey(handle)) in this archive; "
        }
        if matches.isEmpty {
            matches = knownAccountMatches(of: seen, on: platform, strictOnly: false).map {
                var match = $0
                match.reason = prefix + match.reason
                return match
            }
        }
        let hasKnownAccount = matches.contains { $0.basis == .knownAccount }
        if !hasKnownAccount {
            // A name the source gave needs no prefix; a handle or name from the directory does.
            let nameMatches = seen.name.map(displayNameMatches(for:)) ?? []
            let fromHandle =
                seen.handle.map { self.handleMatches(for: $0, displayName: seen.name) } ?? []
            let resolved = (person.name == nil ? nameMatches : []) + fromHandle
            matches += (person.name == nil ? [] : nameMatches)
            matches += resolved.map {
                var match = $0
                match.reason = prefix + match.reason
                return match
            }
        } else {
            matches = matches.filter { $0.basis == .knownAccount }
        }
        return identification(from: combined(matches))
    }

    // MARK: - Known accounts

    /// Matches on the roster's known accounts.
    ///
    /// With `strictOnly`, only account ids and phone numbers on the same platform (which need no
    /// resolving); otherwise handles and names too.
    func knownAccountMatches(of person: Person, on platform: Platform, strictOnly: Bool)
        -> [PupilMatch]
    {
        var matches: [PupilMatch] = []
        let handle = person.handle.map(AccountDirectory.handleKey)
        let accountID = person.accountID.map(Self.accountKey)
        let nameKey = person.name.map(NameNormalization.key)
        for pupil in roster.pupils {
            for account in pupil.knownAccounts {
                let listed = AccountDirectory.handleKey(account.handle)
                let listedAs =
                    "\(pupil.legalName)'s \(account.platform?.displayName ?? account.platformName) account"
                if account.platform == platform {
                    if let accountID, Self.accountKey(account.handle) == accountID {
                        let what =
                            person.accountID.map {
                                Self.isPhone($0) ? "number \($0)" : "account id \($0)"
                            } ?? ""
                        matches.append(
                            PupilMatch(
                                pupil: pupil, basis: .knownAccount, confidence: 0.97,
                                reason: "\(what) is listed in the roster as \(listedAs)"))
                    } else if strictOnly {
                        continue
                    } else if let handle, listed == handle {
                        matches.append(
                            PupilMatch(
                                pupil: pupil, basis: .knownAccount, confidence: 0.97,
                                reason: "@\(handle) is listed in the roster as \(listedAs)"))
                    } else if let nameKey, nameKey.contains(" "),
                        NameNormalization.key(account.handle) == nameKey,
                        let name = person.name
                    {
                        matches.append(
                            PupilMatch(
                                pupil: pupil, basis: .knownAccount, confidence: 0.92,
                                reason:
                                    "display name '\(name)' is listed in the roster as \(listedAs)")
                        )
                    }
                } else if !strictOnly, let handle, listed == handle,
                    handle.contains(where: \.isLetter)
                {
                    matches.append(
                        PupilMatch(
                            pupil: pupil, basis: .knownAccountElsewhere, confidence: 0.85,
                            reason: "@\(handle) is the handle the roster lists as \(listedAs)"))
                }
            }
        }
        return matches
    }

    /// An account id or phone number in a comparable form: phone numbers as international
    /// digits ("07700 900123" and "+44 7700 900123" agree), anything else as a handle key.
    package static func accountKey(_ value: String) -> String {
        guard isPhone(value) else { return AccountDirectory.handleKey(value) }
        var digits = value.filter { $0.isASCII && $0.isNumber }
        if digits.hasPrefix("00") {
            digits.removeFirst(2)
        } else if digits.hasPrefix("0") {
            digits = "44" + digits.dropFirst()  // a UK national number
        }
        return "tel:" + digits
    }

    /// Whether `value` is written as a phone number: digits with spaces, dashes, brackets or a
    /// leading "+", and at least seven digits.
    package static func isPhone(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.filter { $0.isASCII && $0.isNumber }.count
        return digits >= 7 && (trimmed.hasPrefix("+") || trimmed.hasPrefix("0"))
            && trimmed.allSatisfy { ($0.isASCII && $0.isNumber) || " +-()".contains($0) }
    }

    // MARK: - Combining

    /// One match per pupil: the best, raised when a second, different kind of evidence agrees.
    private func combined(_ matches: [PupilMatch]) -> [PupilMatch] {
        let byPupil = Dictionary(grouping: matches, by: \.pupil.id)
        return byPupil.values.map { group in
            let sorted = group.sorted { ($1.confidence, $0.basis) < ($0.confidence, $1.basis) }
            var best = sorted[0]
            let others = sorted.dropFirst().filter { $0.basis != best.basis }
            if let second = others.first {
                best.confidence = min(Self.maximumConfidence, best.confidence + 0.05)
                best.reason += "; also \(second.reason)"
            }
            return best
        }
    }

    private func identification(from matches: [PupilMatch]) -> PupilIdentification? {
        guard let top = matches.map(\.confidence).max() else { return nil }
        let candidates = matches.filter { $0.confidence >= top - Self.ambiguityMargin }
            .sorted {
                ($1.confidence, $0.pupil.line, $0.pupil.id)
                    < ($0.confidence, $1.pupil.line, $1.pupil.id)
            }
        if candidates.count == 1 {
            let match = candidates[0]
            return PupilIdentification(
                candidates: candidates, confidence: match.confidence,
                explanation: "\(match.reason); \(match.pupil.rosterSummary)")
        }
        let listed = candidates.map {
            "\($0.pupil.legalName) (roster \($0.pupil.id), \($0.pupil.rosterSummary)): \($0.reason)"
        }
        return PupilIdentification(
            candidates: candidates, confidence: top * PupilIdentification.ambiguityFactor,
            explanation:
                "fits \(candidates.count) pupils equally and the archive does not say which: "
                + listed.joined(separator: "; or "))
    }
}
