import AuditModel
import Foundation

extension PupilIdentifier {
    /// A forename or surname the roster gives a pupil, and whether it is the legal one.
    struct NamePart {
        var text: String
        var compact: String
        var isPreferred: Bool
    }

    /// The pupil's distinct forenames (legal first) and surnames (legal first).
    static func nameParts(of pupil: Pupil) -> (forenames: [NamePart], surnames: [NamePart]) {
        func parts(_ legal: String, _ preferred: String?) -> [NamePart] {
            var result = [
                NamePart(text: legal, compact: NameNormalization.compact(legal), isPreferred: false)
            ]
            if let preferred, NameNormalization.compact(preferred) != result[0].compact,
                !NameNormalization.compact(preferred).isEmpty
            {
                result.append(
                    NamePart(
                        text: preferred, compact: NameNormalization.compact(preferred),
                        isPreferred: true))
            }
            return result
        }
        return (
            parts(pupil.legalForename, pupil.preferredForename),
            parts(pupil.legalSurname, pupil.preferredSurname)
        )
    }

    // MARK: - Display names

    /// Every pupil whose forename and surname the display name consists of (see the type's
    /// documentation for the rules and confidences).
    package func displayNameMatches(for displayName: String) -> [PupilMatch] {
        let tokens = NameNormalization.tokens(displayName)
        guard tokens.count >= 2 else { return [] }  // a first name alone never matches
        return roster.pupils.compactMap { displayNameMatch(tokens, displayName, for: $0) }
    }

    /// The best reading of a display name as `pupil`'s name, or `nil`.
    func displayNameMatch(_ tokens: [String], _ displayName: String, for pupil: Pupil)
        -> PupilMatch?
    {
        let (forenames, surnames) = Self.nameParts(of: pupil)
        let count = tokens.count
        var best: PupilMatch?
        for forename in forenames {
            for surname in surnames {
                for forenameLength in 1..<count {
                    for surnameLength in 1...(count - forenameLength) {
                        let middleCount = count - forenameLength - surnameLength
                        guard middleCount <= 2 else { continue }
                        let tail = tokens[(count - surnameLength)...].joined()
                        guard tail == surname.compact else { continue }
                        let head = tokens[..<forenameLength].joined()
                        let isExact = head == forename.compact
                        guard
                            isExact
                                || (forenameLength == 1
                                    && nicknames.areVariants(head, forename.text))
                        else { continue }
                        let middle = Array(tokens[forenameLength..<(count - surnameLength)])
                        let match = displayNameMatch(
                            displayName, head: head, isExact: isExact, middle: middle,
                            forename: forename, surname: surname, pupil: pupil)
                        if match.confidence > best?.confidence ?? 0 { best = match }
                    }
                }
            }
        }
        return best
    }

    /// The match for one reading of a display name, with its confidence and reason.
    private func displayNameMatch(
        _ displayName: String, head: String, isExact: Bool, middle: [String], forename: NamePart,
        surname: NamePart, pupil: Pupil
    ) -> PupilMatch {
        let rosterName = "\(forename.text) \(surname.text)"
        let isPreferred = forename.isPreferred || surname.isPreferred
        let label = isPreferred ? "preferred name" : "legal name"
        let trimmed = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        var confidence: Double
        var reason: String
        if isExact {
            let ignored = middle.isEmpty ? Self.ignoredDifferences(trimmed, rosterName) : []
            confidence = trimmed == rosterName || !middle.isEmpty ? 0.90 : 0.88
            reason = "display name '\(trimmed)' = \(label) \(rosterName)"
            if !ignored.isEmpty { reason += " ignoring " + Self.list(ignored) }
        } else {
            confidence = 0.80
            reason =
                "display name '\(trimmed)': '\(head)' is a usual short form of \(forename.text); "
                + "\(label) \(rosterName)"
        }
        if !middle.isEmpty {
            confidence -= 0.05
            let words = middle.map { "'\($0)'" }.joined(separator: " ")
            reason += ", taking \(words) as \(middle.count == 1 ? "a middle name" : "middle names")"
        }
        if isPreferred { reason += " (legal name \(pupil.legalName))" }
        return PupilMatch(
            pupil: pupil, basis: .displayName, confidence: confidence, reason: reason)
    }

    /// What had to be ignored for `shown` to equal `rosterName`: "accents", "case", "the
    /// apostrophe", "hyphens and spacing".
    static func ignoredDifferences(_ shown: String, _ rosterName: String) -> [String] {
        guard shown != rosterName else { return [] }
        let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "`", "\u{00B4}"]
        func lettersOnly(_ text: String) -> String {
            String(text.filter { $0.isLetter || $0.isNumber })
        }
        var notes: [String] = []
        let shownLetters = lettersOnly(shown)
        let rosterLetters = lettersOnly(rosterName)
        if shownLetters.lowercased() != rosterLetters.lowercased() { notes.append("accents") }
        let unaccented = { (text: String) in
            text.folding(options: .diacriticInsensitive, locale: Locale(identifier: "en_GB"))
        }
        if unaccented(shownLetters) != unaccented(rosterLetters) { notes.append("case") }
        if shown.contains(where: apostrophes.contains)
            != rosterName.contains(where: apostrophes.contains)
        {
            notes.append("the apostrophe")
        }
        if shown.contains("-") != rosterName.contains("-")
            || NameNormalization.tokens(shown).count != NameNormalization.tokens(rosterName).count
        {
            notes.append("hyphens and spacing")
        }
        return notes
    }

    // MARK: - Handles

    /// Every pupil whose name parts (and birth year) the handle is built from.
    /// - Parameters:
    ///   - handle: the handle, with or without "@".
    ///   - displayName: the same person's display name, if known: a different full name there
    ///     lowers the confidence.
    /// - Returns: one match per pupil the handle can be read as.
    func handleMatches(for handle: String, displayName: String?) -> [PupilMatch] {
        let shown = AccountDirectory.handleKey(handle)
        let compact = NameNormalization.compact(shown)
        guard compact.count >= 4 else { return [] }
        let nameTokens = displayName.map(NameNormalization.tokens) ?? []
        return roster.pupils.compactMap { pupil in
            guard var match = handleMatch(compact, for: pupil) else { return nil }
            match.reason = "handle @\(shown) = " + match.reason
            if nameTokens.count >= 2, let displayName,
                displayNameMatch(nameTokens, displayName, for: pupil) == nil
            {
                match.confidence -= 0.15
                match.reason += ", but the display name '\(displayName)' is not the pupil's name"
            }
            return match
        }
    }

    /// Reads a compact handle ("olliebennett2013") as built from `pupil`'s name parts.
    ///
    /// | pattern (separators ignored) | with birth year (yyyy or yy) | without |
    /// |---|---|---|
    /// | forename surname: `ollie.bennett2013` | 0.85 | 0.75 |
    /// | surname forename: `bennett_ollie14` | 0.80 | 0.70 |
    /// | initial surname: `obennett2013` | 0.70 | no match |
    /// | forename surname-initial: `ollieb2013` | 0.60 | no match |
    ///
    /// A forename that is only a short form from ``Nicknames`` (not the roster's legal or
    /// preferred forename) costs 0.05. Any other digits make it no match.
    /// - Returns: the best reading (its reason without the "handle @… =" prefix), or `nil`.
    func handleMatch(_ compact: String, for pupil: Pupil) -> PupilMatch? {
        let (forenames, surnames) = Self.nameParts(of: pupil)
        var years: [(text: String, description: String)] = [("", "")]
        if let born = pupil.dateOfBirth?.year {
            years.append((String(born), " + birth year \(born)"))
            years.append(
                (String(format: "%02d", born % 100), " + '\(born % 100)' (birth year \(born))"))
        }
        var best: PupilMatch?
        func consider(_ confidence: Double, _ reason: String) {
            if confidence > best?.confidence ?? 0 {
                best = PupilMatch(
                    pupil: pupil, basis: .handle, confidence: confidence, reason: reason)
            }
        }
        /// The forename `text` stands for, with the cost of reading it as a nickname.
        func forename(_ text: Substring) -> (part: NamePart, penalty: Double, shown: String)? {
            guard !text.isEmpty else { return nil }
            if let part = forenames.first(where: { $0.compact == text }) {
                return (part, 0, "forename \(part.text)")
            }
            if let part = forenames.first(where: { nicknames.areVariants(String(text), $0.text) }) {
                return (part, 0.05, "'\(text)' (short for \(part.text))")
            }
            return nil
        }
        for year in years {
            let hasYear = !year.text.isEmpty
            guard compact.hasSuffix(year.text) else { continue }
            let stem = compact.dropLast(year.text.count)
            for surname in surnames {
                if stem.hasSuffix(surname.compact),
                    let name = forename(stem.dropLast(surname.compact.count))
                {
                    consider(
                        (hasYear ? 0.85 : 0.75) - name.penalty,
                        "\(name.shown) + surname \(surname.text)\(year.description)")
                }
                if stem.hasPrefix(surname.compact),
                    let name = forename(stem.dropFirst(surname.compact.count))
                {
                    consider(
                        (hasYear ? 0.80 : 0.70) - name.penalty,
                        "surname \(surname.text) + \(name.shown)\(year.description)")
                }
                guard hasYear, let surnameInitial = surname.compact.first else { continue }
                for part in forenames where stem == "\(part.compact.prefix(1))\(surname.compact)" {
                    consider(
                        0.70,
                        "initial '\(part.compact.prefix(1))' of \(part.text) + surname "
                            + "\(surname.text)\(year.description)")
                }
                if stem.hasSuffix(String(surnameInitial)),
                    let name = forename(stem.dropLast())
                {
                    consider(
                        0.60 - name.penalty,
                        "\(name.shown) + initial '\(surnameInitial)' of \(surname.text)"
                            + year.description)
                }
            }
        }
        return best
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
