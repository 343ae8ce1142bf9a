import AuditModel

/// Finds members of staff (school.yaml `staff`) named inside free text.
///
/// A member is named by forename and surname ("Mark Whitfield", or a usual short form of the
/// forename), by a title and the surname ("Mr Whitfield", "Mrs. Shah"), or by the surname alone
/// written with a capital ("Whitfield is…"). The surname alone is the weakest form: it is not
/// taken when a capitalised word other than a title comes right before it ("Tom Whitfield" is
/// someone else), and rules trust it less. A forename alone never counts.
///
/// The staff member whose archives are audited is left out by the caller: what someone writes
/// about themselves is not a statement about a colleague.
public struct StaffMentionFinder: Sendable {
    private struct Name: Sendable {
        var staff: StaffMember
        var forename: String
        var surname: String
    }

    private let names: [Name]
    /// Folded surname → indexes into ``names``, in their order.
    private let bySurname: [String: [Int]]
    private let nicknames: Nicknames

    /// Creates a finder for `staff`.
    /// - Parameters:
    ///   - staff: the members to look for.
    ///   - nicknames: the table of short forms; the built-in one by default.
    public init(staff: [StaffMember], nicknames: Nicknames = .standard) {
        self.nicknames = nicknames
        names = staff.compactMap { member in
            let parts = member.name.split(separator: " ").map(String.init)
            guard parts.count >= 2, let last = parts.last, let first = parts.first else {
                return nil
            }
            return Name(
                staff: member, forename: NameNormalization.compact(first),
                surname: NameNormalization.compact(last))
        }
        let names = self.names
        bySurname = Dictionary(grouping: names.indices, by: { names[$0].surname })
    }

    /// The staff named in `text`, in text order.
    public func mentions(in text: TokenizedText) -> [StaffMention] {
        let words = text.words
        var found: [StaffMention] = []
        for start in words.indices {
            for length in 1...3 {
                let end = start + length
                guard end <= words.count,
                    (start + 1..<end).allSatisfy({ words[$0].isJoinedToPrevious })
                else { break }
                if end < words.count, words[end].isHyphenatedToPrevious { continue }
                let written = length == 1 ? "" : words[start..<(end - 1)].map(\.folded).joined()
                // The words as one surname, and with a possessive "'s" taken off the last.
                let lastFolded = words[end - 1].folded
                let asWritten = bySurname[length == 1 ? lastFolded : written + lastFolded] ?? []
                let asBase = words[end - 1].foldedBase.flatMap { bySurname[written + $0] } ?? []
                guard !asWritten.isEmpty || !asBase.isEmpty else { continue }
                for index in Set(asWritten + asBase).sorted() {
                    if let mention = mention(
                        of: names[index], in: text, surnameStart: start, surnameEnd: end,
                        usesBase: !asWritten.contains(index))
                    {
                        found.append(mention)
                    }
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "sir"]

    private func mention(
        of name: Name, in text: TokenizedText, surnameStart: Int, surnameEnd: Int, usesBase: Bool
    ) -> StaffMention? {
        let words = text.words
        let surnameWord = words[surnameStart]
        let who = name.staff.name + (name.staff.role.map { " (\($0))" } ?? "")
        if surnameStart > 0, words[surnameStart - 1].sentence == surnameWord.sentence,
            Self.titles.contains(words[surnameStart - 1].folded),
            surnameWord.separatorBefore.hasPrefix("."),
            surnameWord.separatorBefore.dropFirst().allSatisfy({ $0 == " " })
        {
            // "Mrs. Shah"
            let range = text.span(
                from: surnameStart - 1, through: surnameEnd - 1, possessive: !usesBase)
            let matched = text.substring(range)
            return StaffMention(
                staff: name.staff, range: range, matchedText: matched, form: .titleAndSurname,
                reason: "'\(matched)' is a title and the surname of the staff member \(who)")
        }
        if surnameStart > 0, surnameWord.isJoinedToPrevious {
            let previous = words[surnameStart - 1]
            let hyphenated = previous.isHyphenatedToPrevious
            if !hyphenated, nicknames.areVariants(previous.folded, name.forename) {
                let range = text.span(
                    from: surnameStart - 1, through: surnameEnd - 1, possessive: !usesBase)
                let matched = text.substring(range)
                return StaffMention(
                    staff: name.staff, range: range, matchedText: matched, form: .fullName,
                    reason: "'\(matched)' is the name of the staff member \(who)")
            }
            if !hyphenated, Self.titles.contains(previous.folded) {
                let range = text.span(
                    from: surnameStart - 1, through: surnameEnd - 1, possessive: !usesBase)
                let matched = text.substring(range)
                return StaffMention(
                    staff: name.staff, range: range, matchedText: matched, form: .titleAndSurname,
                    reason: "'\(matched)' is a title and the surname of the staff member \(who)")
            }
            if previous.isCapitalized || hyphenated { return nil }
        }
        guard surnameWord.isCapitalized else { return nil }
        let range = text.span(from: surnameStart, through: surnameEnd - 1, possessive: !usesBase)
        let matched = text.substring(range)
        return StaffMention(
            staff: name.staff, range: range, matchedText: matched, form: .surname,
            reason: "'\(matched)' is the surname of the staff member \(who)")
    }
}
