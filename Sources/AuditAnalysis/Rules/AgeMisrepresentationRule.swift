import AuditModel
import AuditSchool
import Foundation

/// Flags a profile birthday or a self-description that presents the (adult) staff member as a
/// child.
///
/// Policy basis: "It is illegal for an adult to network by giving their age and status as a
/// child."
///
/// What is read:
/// - **profile birthdays**: the `.profile` item's "Birthday:" (or "Date of birth:", "DOB:")
///   line, as the importers write it ("Birthday: 2011-03-04", "Birthday: 2011"), else a
///   `birthday` object in the profile's raw JSON (`{"year": 2011, "month": 3, "day": 4}`). A
///   birthday that makes the account holder 5 to 17 years old is flagged. The age is taken on
///   the day of the latest dated item of the audited timeline (the profile itself has no date;
///   the export was made after its latest activity), or the end of a targeted audit's period.
///   A birthday with no year says nothing about age.
/// - **self-descriptions** in the member's own posts, comments and messages and in the profile
///   text: "I'm 14", "I am 15 years old", "im only 13", "I just turned 14", "I'm fourteen",
///   "I'm a year 9 student". Ages 10 to 17 and year groups 1 to 13 count.
///
/// Figures of speech are not findings: the sentence must not carry a word of the list
/// `figurativeAge` ("Mentally I'm still 12", "I feel like I'm 12", "I'm 12 at heart", "acting
/// like I'm 5 again"), and the number must end the statement or be followed by a word of
/// `ageFollowers` ("years", "today", "and"…), so "I'm 14 weeks pregnant" and "I'm 10 minutes
/// away" are not ages. A teacher's "I'm in Year 5 again this year" is not a year-group claim:
/// only "year N student/pupil" counts.
///
/// Severity is high: the policy calls it illegal. One finding per item; its incident is the
/// item.
public struct AgeMisrepresentationRule: ExampleDocumentedRule, ItemContentRule {
    /// The built-in word lists the rule reads.
    public let lexicon: ContentLexicon

    /// Creates the rule.
    /// - Parameter lexicon: the built-in word lists; ``ContentLexicon/builtIn`` by default.
    public init(lexicon: ContentLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    public let id = RuleID.ageMisrepresentation

    /// Profiles: a birthday may be only in the profile's raw JSON.
    public var rawFragmentKinds: Set<ActivityKind> { [.profile] }

    public let summary =
        "An adult member of staff presenting as a child (profile age or birthday, or "
        + "self-description)."

    /// Ages that count as a child's for a profile birthday (younger is an obvious placeholder).
    static let birthdayAges = 5...17
    /// Ages that count in "I'm N" (younger than 10 is too rarely meant literally).
    static let statedAges = 10...17
    /// Year groups that count in "year N student".
    static let yearGroups = 1...13

    public func finding(
        for item: TimelineItem, text itemText: inout ItemText, context: ContentContext
    )
        -> Finding?
    {
        guard item.isAuthoredByOwner else { return nil }
        let configuration = context.configuration
        let zone = configuration.timeZone
        let isProfile = item.kind == .profile
        guard isProfile || ConfidentialDisclosureRule.authoredKinds.contains(item.kind) else {
            return nil
        }
        // A profile's text is the platform's fields, not authored text; read it on its own.
        let text = isProfile ? item.text : itemText.authored()
        var highlights = Highlights()
        var reasons: [String] = []
        var confidence = 0.0
        if isProfile, let referenceDay = context.referenceDay,
            let claim = birthdayClaim(in: item, text: text, on: referenceDay)
        {
            if let range = claim.range { highlights.add(range, label: "birthday") }
            reasons.append(claim.reason)
            confidence = max(confidence, claim.confidence)
        }
        if let text {
            let tokens = isProfile ? TokenizedText(text) : itemText.tokens()
            for claim in selfDescriptions(in: tokens) {
                highlights.add(claim.range, label: "self-description as a child")
                reasons.append(claim.reason)
                confidence = max(confidence, 0.7)
            }
        }
        guard !reasons.isEmpty else { return nil }
        let day = item.occurredAt.map { LocalDay.containing($0, in: zone) }
        let explanation =
            "\(configuration.staff.name) is an adult member of staff. "
            + reasons.joined(separator: " ")
            + " The policy: it is illegal for an adult to network by giving their age and "
            + "status as a child."
        return Finding(
            rule: id, severity: .high, confidence: confidence, item: item,
            excerpt: text ?? item.title, highlights: highlights.textSpans,
            explanation: explanation,
            incidentKey: ContentIncidentKey.make(for: item, on: day))
    }

    public func incidentTitle(key: String, findings: [Finding]) -> String {
        let what =
            findings.first.map { "\($0.platform.displayName) \($0.activity.displayName)" }
            ?? "item"
        return "Adult presenting as a child (\(what))" + ContentIncidentKey.dayPhrase(of: key)
    }

    // MARK: - Profile birthday

    /// A birthday that makes the account holder a child.
    struct BirthdayClaim {
        var range: Range<Int>?
        var reason: String
        var confidence: Double
    }

    private static let birthdayLabels = ["birthday", "date of birth", "birth date", "dob", "born"]

    /// The profile's birthday, when it makes the holder a child on `day`.
    func birthdayClaim(in item: TimelineItem, text: String?, on day: LocalDay) -> BirthdayClaim? {
        var found: (year: Int, month: Int?, date: LocalDay?, written: String, range: Range<Int>?)?
        if let text {
            var offset = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                defer { offset += line.count + 1 }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let label = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                guard Self.birthdayLabels.contains(label) else { continue }
                let value = line[line.index(after: colon)...]
                let written = value.trimmingCharacters(in: .whitespaces)
                let start =
                    offset + line.distance(from: line.startIndex, to: colon) + 1
                    + (value.count - value.drop(while: { $0 == " " }).count)
                let range = start..<(start + written.count)
                if let parsed = Self.parseBirthday(written) {
                    found = (parsed.year, parsed.month, parsed.date, written, range)
                    break
                }
            }
        }
        if found == nil,
            let raw = try? JSONDecoder().decode(
                RawProfile.self, from: Data(item.rawFragment.utf8)), let birthday = raw.birthday,
            let year = birthday.year
        {
            let date = birthday.month.flatMap { month in
                birthday.day.flatMap { LocalDay(year: year, month: month, day: $0) }
            }
            found = (year, birthday.month, date, date?.description ?? "\(year)", nil)
        }
        guard let found else { return nil }
        let ages: ClosedRange<Int>
        if let date = found.date {
            let pupilLike = Pupil(id: "", legalForename: "", legalSurname: "", dateOfBirth: date)
            guard let age = pupilLike.age(on: day) else { return nil }
            ages = age...age
        } else if let month = found.month {
            let hadBirthday = day.month > month
            let age = day.year - found.year - (hadBirthday ? 0 : 1)
            ages = day.month == month ? age...(age + 1) : age...age
        } else {
            ages = (day.year - found.year - 1)...(day.year - found.year)
        }
        guard ages.upperBound <= Self.birthdayAges.upperBound,
            ages.lowerBound >= Self.birthdayAges.lowerBound
        else { return nil }
        let age =
            ages.count == 1 ? "\(ages.lowerBound)" : "\(ages.lowerBound) or \(ages.upperBound)"
        return BirthdayClaim(
            range: found.range,
            reason:
                "The profile gives the birthday '\(found.written)', which makes the account holder "
                + "\(age) years old on \(day.longDescription) (the date of the archive's latest "
                + "activity).",
            confidence: found.date == nil ? 0.75 : 0.85)
    }

    /// "2011-03-04", "2011-03", "2011", "04/03/2011", "4 March 2011"; `nil` without a year.
    static func parseBirthday(_ written: String) -> (year: Int, month: Int?, date: LocalDay?)? {
        if let date = LocalDay(iso: written) { return (date.year, date.month, date) }
        let text = TokenizedText(written)
        if let match = PersonalDataDetector.matches(in: text).first(where: { $0.day != nil }),
            let date = match.day
        {
            return (date.year, date.month, date)
        }
        let parts = written.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
            let month = Int(parts[1]),
            (1...12).contains(month)
        {
            return (year, month, nil)
        }
        if written.count == 4, let year = Int(written), year > 1900 { return (year, nil, nil) }
        return nil
    }

    /// The birthday part of a profile's raw JSON.
    private struct RawProfile: Decodable {
        struct Birthday: Decodable {
            var year: Int?
            var month: Int?
            var day: Int?
        }
        var birthday: Birthday?
    }

    // MARK: - Self-description

    /// "I'm 14" or "I'm a year 9 student", found in the text.
    struct SelfDescription {
        var range: Range<Int>
        var reason: String
    }

    private static let spelledAges = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17,
    ]
    private static let ageQualifiers: Set<String> = [
        "only", "just", "now", "nearly", "almost", "turning",
    ]
    private static let schoolNouns: Set<String> = ["student", "pupil", "girl", "boy", "kid"]

    /// The statements of `text` in which the writer gives a child's age or year group.
    func selfDescriptions(in text: TokenizedText) -> [SelfDescription] {
        let words = text.words
        let figurative = Set(lexicon.figurativeAge.matches(in: text).map(\.sentence))
        var found: [SelfDescription] = []
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard !figurative.contains(words[index].sentence),
                let subject = Self.firstPerson(at: index, in: words)
            else { continue }
            let verb = subject.verb
            var cursor = subject.next
            func next() -> TokenizedText.Word? {
                guard cursor < words.count, words[cursor].sentence == words[index].sentence,
                    words[cursor].isJoinedToPrevious || words[cursor].separatorBefore == " "
                else { return nil }
                return words[cursor]
            }
            if verb == .turned {
                // "I (just) turned 14"
            } else if let word = next(), Self.ageQualifiers.contains(word.folded) {
                cursor += 1
            }
            // "I'm 14 …"
            if let word = next(), let age = Self.age(of: word), Self.statedAges.contains(age),
                isAgeStatementEnd(after: cursor, in: text)
            {
                let range = text.span(from: index, through: cursor)
                found.append(
                    SelfDescription(
                        range: range,
                        reason: "The text says '\(text.substring(range))': an age of \(age)."))
                continue
            }
            // "I'm a year 9 student"
            guard verb == .be else { continue }
            if let word = next(), word.folded == "a" || word.folded == "an" { cursor += 1 }
            guard let year = next(), year.folded == "year" || year.folded == "yr" else { continue }
            cursor += 1
            guard let number = next(), number.isSmallNumber, let group = Int(number.folded),
                Self.yearGroups.contains(group)
            else { continue }
            cursor += 1
            guard let noun = next(), Self.schoolNouns.contains(noun.folded) else { continue }
            let range = text.span(from: index, through: cursor)
            found.append(
                SelfDescription(
                    range: range,
                    reason: "The text says '\(text.substring(range))': a pupil in year \(group)."))
        }
        return found
    }

    private enum Verb { case be, turned }

    /// "I'm", "im", "I am", "iam", "I (just/have just) turned": the word after it and the verb.
    private static func firstPerson(at index: Int, in words: [TokenizedText.Word]) -> (
        next: Int, verb: Verb
    )? {
        let word = words[index].folded
        if word == "im" || word == "iam" { return (index + 1, .be) }
        guard word == "i" || word == "ive" else { return nil }
        var cursor = index + 1
        func folded(_ at: Int) -> String? {
            at < words.count && words[at].sentence == words[index].sentence ? words[at].folded : nil
        }
        if word == "i", folded(cursor) == "am" { return (cursor + 1, .be) }
        while let current = folded(cursor), ["just", "have", "ve", "only"].contains(current) {
            cursor += 1
        }
        return folded(cursor) == "turned" ? (cursor + 1, .turned) : nil
    }

    private static func age(of word: TokenizedText.Word) -> Int? {
        if let number = Int(word.folded), word.folded.allSatisfy(\.isASCII) { return number }
        return spelledAges[word.folded]
    }

    /// Whether the age number at word `index` ends the statement: the end of the sentence or
    /// text, punctuation right after it, or a word of `ageFollowers`.
    private func isAgeStatementEnd(after index: Int, in text: TokenizedText) -> Bool {
        let words = text.words
        let following = index + 1
        guard following < words.count, words[following].sentence == words[index].sentence else {
            return true
        }
        if !words[following].isJoinedToPrevious { return true }
        return lexicon.ageFollowers.match(in: text, at: following) != nil
    }

    // MARK: - Examples

    public var triggeringExamples: [RuleExample] {
        [
            RuleExample(
                "Name: Becky Hale\nBirthday: 2011-03-04", kind: .profile,
                localTime: "2025-03-13 20:00", highlights: ["2011-03-04"]),
            RuleExample(
                "Name: Becky Hale\nBirthday: 2010", kind: .profile, localTime: "2025-03-13 20:00",
                highlights: ["2010"]),
            RuleExample("hi im 14 and in year 9 lol", kind: .message, highlights: ["im 14"]),
            RuleExample("I'm 13, is that ok?", kind: .message, highlights: ["I'm 13"]),
            RuleExample(
                "I am a year 9 student at Parkway", kind: .comment,
                highlights: ["I am a year 9 student"]),
            RuleExample("I just turned 15 today!!", highlights: ["I just turned 15"]),
            RuleExample("I'm fourteen btw", kind: .message, highlights: ["I'm fourteen"]),
            RuleExample("i'm only 12 so I can't go", kind: .message, highlights: ["i'm only 12"]),
            RuleExample("I am 15 years old", kind: .message, highlights: ["I am 15"]),
            RuleExample(
                "Name: Becky Hale\nBio: I'm a Year 8 pupil x", kind: .profile,
                localTime: "2025-03-13 20:00", highlights: ["I'm a Year 8 pupil"]),
        ]
    }

    public var nonTriggeringExamples: [RuleExample] {
        [
            RuleExample(
                "Trampoline park with my brother for his birthday. Mentally I'm still 12"),
            RuleExample(
                "Name: Rebecca Hale\nBirthday: 1988-06-17", kind: .profile,
                localTime: "2025-03-13 20:00"),
            RuleExample(
                "Name: Rebecca Hale\nBirthday: 17/06 (no year)", kind: .profile,
                localTime: "2025-03-13 20:00"),
            RuleExample("I'm 14 weeks pregnant!"),
            RuleExample("I'm 10 minutes away", kind: .message),
            RuleExample("When I was 14 I loved this song"),
            RuleExample("My daughter is 14 today"),
            RuleExample("I'm in Year 5 again this year, love it"),
            RuleExample("I feel like I'm 12 at this party"),
            RuleExample("I'm 40 next week!"),
            RuleExample("My year 9 student won the prize"),
            RuleExample("im 14", kind: .message, isAuthoredByOwner: false),
            RuleExample("I'm 12 at heart"),
            RuleExample("I'm 5 foot 4 on a good day"),
            RuleExample("Coffee number three and it's not even 11"),
            RuleExample("I'm 3 glasses in"),
            RuleExample("I'm a Year 5 teacher at Larkfield"),
        ]
    }
}
