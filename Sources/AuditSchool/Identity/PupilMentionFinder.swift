import AuditModel

/// Finds pupils named inside free text: posts, comments, messages, captions.
///
/// A mention is a forename followed by a surname of the same pupil, with only spaces or a hyphen
/// between the words:
/// - the legal forename with the legal or preferred surname ("Frederick Turner"),
/// - the preferred forename with either surname ("Freddie Turner"),
/// - a usual short form of either forename (``Nicknames``) with either surname ("Ollie Bennett").
///
/// Words are compared folded (``NameNormalization``): accents, case and apostrophes are ignored,
/// so "Zoe Kowalczyk", "ZOË KOWALCZYK" and "Aoife OConnor" match, and a hyphenated or spaced
/// double-barrelled surname matches either way ("Okonkwo-Smith", "Okonkwo Smith"). A possessive
/// "'s" is allowed after the surname ("Freddie Turner's EHCP") and left out of the range.
///
/// Precision comes first, because a wrong match accuses the staff member of naming a child:
/// - a forename alone never counts ("saying grace" is not Grace Patel, "Hi Ollie" is not enough);
/// - the words must be directly adjacent: "Grace. Patel" or "Grace, Patel" is no name;
/// - a longer hyphenated name is a different name: "Mary-Grace Patel" and "Grace Patel-Jones"
///   do not match Grace Patel.
///
/// Text from Meta exports must have its mojibake repaired first (``MetaText/repairMojibake(_:)``,
/// which the importers do): "ZoÃ«" is not a spelling of "Zoë".
public struct PupilMentionFinder: Sendable {
    private struct SurnameEntry: Sendable {
        var pupilIndex: Int
        var isPreferred: Bool
    }

    /// The pupils searched for.
    public let pupils: [Pupil]
    private let nicknames: Nicknames
    /// Folded, compacted surname ("okonkwosmith") → the pupils with it.
    private let surnames: [String: [SurnameEntry]]

    /// Creates a finder for `pupils`.
    /// - Parameters:
    ///   - pupils: the pupils to look for (usually the whole roster; rules decide which matter).
    ///   - nicknames: the table of short forms; the built-in one by default.
    public init(pupils: [Pupil], nicknames: Nicknames = .standard) {
        self.pupils = pupils
        self.nicknames = nicknames
        var surnames: [String: [SurnameEntry]] = [:]
        for (index, pupil) in pupils.enumerated() {
            let legal = NameNormalization.compact(pupil.legalSurname)
            if !legal.isEmpty {
                surnames[legal, default: []].append(
                    SurnameEntry(pupilIndex: index, isPreferred: false))
            }
            if let preferred = pupil.preferredSurname.map(NameNormalization.compact),
                !preferred.isEmpty, preferred != legal
            {
                surnames[preferred, default: []].append(
                    SurnameEntry(pupilIndex: index, isPreferred: true))
            }
        }
        self.surnames = surnames
    }

    /// The pupils named in `text`, in text order.
    public func mentions(in text: String) -> [PupilMention] {
        mentions(in: TokenizedText(text))
    }

    /// The pupils named in already tokenized text, in text order.
    ///
    /// When one name fits two pupils (two children with the same name), both are returned for
    /// the same range: the text cannot say which is meant.
    public func mentions(in text: TokenizedText) -> [PupilMention] {
        let words = text.words
        var found: [PupilMention] = []
        for surnameStart in words.indices where surnameStart > 0 {
            guard words[surnameStart].isJoinedToPrevious else { continue }
            for length in 1...3 {
                let end = surnameStart + length
                guard end <= words.count,
                    (surnameStart + 1..<end).allSatisfy({ words[$0].isJoinedToPrevious })
                else { break }
                for usesBase in [false, true] {
                    let last = words[end - 1]
                    if usesBase && last.foldedBase == nil { continue }
                    let lastWord = usesBase ? last.foldedBase ?? "" : last.folded
                    let key =
                        length == 1
                        ? lastWord
                        : words[surnameStart..<(end - 1)].map(\.folded).joined() + lastWord
                    guard let entries = surnames[key] else { continue }
                    // "Grace Patel-Jones" is someone else; a possessive ends the name.
                    if !usesBase, end < words.count, words[end].isHyphenatedToPrevious { continue }
                    for entry in entries {
                        if let mention = mention(
                            of: entry, in: text, surnameStart: surnameStart, surnameEnd: end,
                            usesBase: usesBase)
                        {
                            found.append(mention)
                        }
                    }
                }
            }
        }
        return Self.keepingLongest(found)
    }

    // MARK: - Matching

    private func mention(
        of entry: SurnameEntry, in text: TokenizedText, surnameStart: Int, surnameEnd: Int,
        usesBase: Bool
    ) -> PupilMention? {
        let words = text.words
        let pupil = pupils[entry.pupilIndex]
        var forenames: [(name: String, isPreferred: Bool)] = [(pupil.legalForename, false)]
        if let preferred = pupil.preferredForename,
            NameNormalization.compact(preferred) != NameNormalization.compact(pupil.legalForename)
        {
            forenames.append((preferred, true))
        }
        for length in 1...3 {
            let start = surnameStart - length
            guard start >= 0,
                (start + 1..<surnameStart).allSatisfy({ words[$0].isJoinedToPrevious })
            else { break }
            // "Mary-Grace Patel" is someone else.
            if words[start].isHyphenatedToPrevious { continue }
            let written = words[start..<surnameStart].map(\.folded).joined()
            var form: PupilMention.Form?
            var forename = ""
            for candidate in forenames
            where NameNormalization.compact(candidate.name) == written {
                form = (candidate.isPreferred || entry.isPreferred) ? .preferredName : .legalName
                forename = candidate.name
                break
            }
            if form == nil, length == 1 {
                if let candidate = forenames.first(where: {
                    nicknames.areVariants(written, $0.name)
                }) {
                    form = .nickname
                    forename = candidate.name
                }
            }
            guard let form else { continue }
            let range = text.span(from: start, through: surnameEnd - 1, possessive: !usesBase)
            let matched = text.substring(range)
            let isCapitalized = words[start].isCapitalized && words[surnameStart].isCapitalized
            return PupilMention(
                pupil: pupil, range: range, matchedText: matched, form: form,
                isCapitalized: isCapitalized,
                reason: Self.reason(
                    matched: matched, form: form, forename: forename,
                    written: words[start..<surnameStart].map(\.text).joined(separator: " "),
                    pupil: pupil))
        }
        return nil
    }

    private static func reason(
        matched: String, form: PupilMention.Form, forename: String, written: String, pupil: Pupil
    ) -> String {
        let who = "the pupil \(pupil.legalName) (roster id \(pupil.id))"
        switch form {
        case .legalName, .preferredName:
            let rosterSpelling = form == .legalName ? pupil.legalName : pupil.preferredName
            var reason = "'\(matched)' is the \(form.rawValue) of \(who)"
            if matched != rosterSpelling, !pupil.names.contains(matched) {
                reason += ", ignoring accents, case and apostrophes"
            }
            return reason
        case .nickname:
            return "'\(matched)' names \(who): '\(written)' is a usual short form of \(forename)"
        }
    }

    /// Drops a mention of a pupil whose range lies inside a longer mention of the same pupil.
    private static func keepingLongest(_ mentions: [PupilMention]) -> [PupilMention] {
        let kept = mentions.filter { mention in
            !mentions.contains { other in
                other.pupil.id == mention.pupil.id && other.range != mention.range
                    && other.range.contains(mention.range.lowerBound)
                    && other.range.upperBound >= mention.range.upperBound
            }
        }
        var seen: Set<String> = []
        return kept.sorted {
            ($0.range.lowerBound, $0.pupil.id) < ($1.range.lowerBound, $1.pupil.id)
        }
        .filter { seen.insert("\($0.pupil.id)|\($0.range)").inserted }
    }
}
