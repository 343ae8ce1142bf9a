import AuditModel
import AuditSchool

/// Flags text the staff member wrote that discloses personal information about members of the
/// school community, or matters confidential to the school.
///
/// Policy basis: "Staff and Governors must never disclose any personal information about members
/// of the school community or disclose any information that is confidential to the school,
/// including any information obtained as a result of your employment or position and not yet in
/// the public domain."
///
/// What is read: the text of the member's own posts, comments and messages (to anyone, in any
/// chat), with the captions of their photos and videos. Platform titles, profile details (their
/// own), reactions and connections are not read.
///
/// An item is flagged when its text has at least one of:
/// - **a named pupil with a sensitive matter or personal data** in the same sentence, or in the
///   next sentence of the same text when it goes on about them (``SentenceLink``: "Amara is in
///   my class. The family live at 14 Mill Lane, S11 8YA."): a pupil of
///   the roster named as ``PupilMentionFinder`` finds names (on roll at the time, or a former
///   pupil still under 18), with a term of any ``ConfidentialMatter`` kind, or with a date of
///   birth, address, postcode, phone number, e-mail or NI number (``PersonalDataDetector``).
///   High severity.
/// - **a UPN** with a valid check letter: one of the roster's anywhere, another where the text
///   calls it a UPN or pupil number (UPNs exist only for pupils). High severity.
/// - **a named colleague** (school.yaml staff, the audited member excepted) with a personal,
///   disciplinary, allegation or safeguarding matter, or with personal data, in the same
///   sentence or the next one about them. Medium.
/// - **an unnamed member of the community singled out** ("a child in my class", "one of the
///   parents", "my TA") with a personal matter (medical, family, welfare) or personal data in the
///   same sentence. Medium. A whole class or group ("half my class are on free school meals")
///   identifies nobody and is not enough.
/// - **a confidential school matter** (an inspection not yet announced, an exclusion,
///   safeguarding, special needs, a disciplinary matter, an allegation, a term the school lists)
///   anywhere in an item that also has a school context: the school's name or an alias, a phrase
///   such as "my class" or "at work", a pupil or colleague named. Medium.
///
/// Precision rules out the rest: a sensitive word with nobody and nothing identifiable
/// ("safeguarding training today") is not a finding, and neither is a personal matter next to a
/// school word ("at work all day, then hospital with Mum"), nor a phone number or e-mail with no
/// member of the community named (the member's own numbers, from school.yaml and their profile,
/// are never personal data of someone else). Word lists: `confidential`,
/// `confidentialExceptions`, `secrecyMarkers`, `schoolContext`, `communityReferences` in
/// `Resources/lexicons.json`, plus school.yaml `lexicons.confidential`.
///
/// One finding per item; its incident is the item (incident key: the school-local day and the
/// item id), since each disclosure is judged on its own words.
public struct ConfidentialDisclosureRule: ExampleDocumentedRule, ItemContentRule {
    /// The built-in word lists the rule reads (the school's additions are added per audit).
    public let lexicon: ContentLexicon

    /// Creates the rule.
    /// - Parameter lexicon: the built-in word lists; ``ContentLexicon/builtIn`` by default.
    public init(lexicon: ContentLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    public let id = RuleID.confidentialDisclosure

    public let summary =
        "Personal information about members of the school community, or confidential school "
        + "matters, disclosed on social media."

    /// The kinds of item whose text the member wrote.
    static let authoredKinds: Set<ActivityKind> = [.post, .comment, .message]

    public func finding(for item: TimelineItem, text: inout ItemText, context: ContentContext)
        -> Finding?
    {
        guard item.isAuthoredByOwner, Self.authoredKinds.contains(item.kind),
            let written = text.authored()
        else { return nil }
        let configuration = context.configuration
        let day = item.occurredAt.map { LocalDay.containing($0, in: configuration.timeZone) }
        guard
            let disclosure = assess(
                text.reading(), vocabulary: context.vocabulary, on: day)
        else { return nil }
        return finding(
            for: item, excerpt: written, disclosure: disclosure, day: day,
            configuration: configuration)
    }

    public func incidentTitle(key: String, findings: [Finding]) -> String {
        let what =
            findings.first.map { "\($0.platform.withIndefiniteArticle) \($0.activity.displayName)" }
            ?? "an item"
        return "Possible disclosure of confidential information in \(what)"
            + ContentIncidentKey.dayPhrase(of: key)
    }

    // MARK: - Assessment

    /// What one text discloses: the evidence found, strongest first.
    struct Disclosure {
        var severity: Severity
        var confidence: Double
        var reasons: [String]
        var highlights: Highlights
        var pupil: PupilMention?
    }

    /// Assesses one text.
    /// - Parameters:
    ///   - reading: the text as read by `vocabulary`.
    ///   - vocabulary: the audit's vocabulary.
    ///   - day: the school-local day the text was written, which decides who was a pupil.
    /// - Returns: the evidence, or `nil` when the text discloses nothing the rule recognises.
    func assess(_ reading: TextReading, vocabulary: SchoolVocabulary, on day: LocalDay?)
        -> Disclosure?
    {
        let tokens = reading.tokens
        let lexicon = vocabulary.lexicon
        let matters = lexicon.confidentialMatches(in: tokens)
        let data = PersonalDataDetector.matches(in: tokens).filter {
            !vocabulary.ownData.contains($0.normalized)
        }
        // Every disclosure below needs a confidential matter or someone's personal data: a text
        // with neither (most texts) need not be read for anything else.
        guard !matters.isEmpty || !data.isEmpty else { return nil }
        let pupils = reading.pupils.filter { $0.pupil.isChildOfCommunity(on: day) }
        let community = lexicon.communityReferences.matches(in: tokens)
        let context = lexicon.schoolContext.matches(in: tokens)
        let secrecy = lexicon.secrecyMarkers.matches(in: tokens)

        var highlights = Highlights()
        var reasons: [String] = []
        var severity = Severity.low
        var confidence = 0.0
        var isFound = false
        var namedPupil: PupilMention?
        var linked: Set<Range<Int>> = []
        func record(_ level: Severity, _ sure: Double, _ reason: String) {
            isFound = true
            severity = max(severity, level)
            confidence = max(confidence, sure)
            reasons.append(reason)
        }
        func sentence(_ range: Range<Int>) -> Int { reading.sentence(of: range.lowerBound) }

        // The sentences that speak of a person named at `range`: theirs, and the next when it
        // goes on about them ("The family live at …") without naming anyone else.
        let people: [(range: Range<Int>, who: String)] =
            pupils.map { ($0.range, "pupil \($0.pupil.id)") }
            + reading.colleagues.map { ($0.range, "staff \($0.staff.name)") }
        func sentences(about range: Range<Int>, who: String) -> (Set<Int>, link: String?) {
            let here = sentence(range)
            let others = people.filter { $0.who != who }.map(\.range)
            guard
                let link = SentenceLink.continues(after: here, in: tokens, otherNames: others)
            else { return ([here], nil) }
            return ([here, here + 1], link)
        }
        /// "in the same sentence", or where the next sentence was read too, says so.
        func wherePhrase(_ here: Int, _ link: String?, _ ranges: [Range<Int>]) -> String {
            guard let link, ranges.contains(where: { sentence($0) != here }) else {
                return "in the same sentence"
            }
            return "in the same message, in the next sentence, which goes on about them "
                + "('\(link)'),"
        }

        // A named pupil with a sensitive matter or personal data in the same sentence, or in
        // the next one when it goes on about them.
        for mention in pupils {
            let here = sentence(mention.range)
            let (near, link) = sentences(about: mention.range, who: "pupil \(mention.pupil.id)")
            let pupilMatters = matters.filter { near.contains(sentence($0.1.range)) }
            let pupilData = data.filter { match in
                guard near.contains(sentence(match.range)) else { return false }
                if match.kind == .date { return match.day == mention.pupil.dateOfBirth }
                return true
            }
            guard !pupilMatters.isEmpty || !pupilData.isEmpty else { continue }
            namedPupil = namedPupil ?? mention
            highlights.add(mention.range, label: "pupil's name")
            var what: [String] = []
            for (matter, match) in pupilMatters {
                highlights.add(match.range, label: matter.label)
                linked.insert(match.range)
                what.append("'\(match.matchedText)' (\(matter.phrase))")
            }
            for match in pupilData {
                highlights.add(
                    match.range, label: match.kind == .date ? "date of birth" : match.kind.rawValue)
                linked.insert(match.range)
                let kind =
                    match.kind == .date ? "the pupil's date of birth" : "a \(match.kind.rawValue)"
                what.append("'\(match.value)' (\(kind))")
            }
            let sure = mention.isCapitalized ? 0.9 : 0.8
            let place = wherePhrase(
                here, link, pupilMatters.map(\.1.range) + pupilData.map(\.range))
            record(
                .high, sure,
                "It names a pupil: \(mention.reason), \(mention.pupil.standing(on: day)); "
                    + "\(place) it mentions \(Self.list(what)).")
        }

        // A UPN: one of the roster's anywhere; another only where the text calls it a UPN (a
        // parcel reference has a valid check letter once in 23).
        let upnWords = Self.upnWords.matches(in: tokens)
        for match in data where match.kind == .upn {
            if let pupil = vocabulary.pupils.pupils.first(where: { $0.id == match.value }) {
                highlights.add(match.range, label: "UPN")
                record(
                    .high, 0.95,
                    "It gives '\(match.value)', the UPN of the pupil \(pupil.legalName).")
            } else if let word = upnWords.first {
                highlights.add(match.range, label: "UPN")
                highlights.add(word.range, label: "UPN")
                record(
                    .high, 0.8,
                    "It gives '\(match.value)' as a \(word.matchedText): a Unique Pupil Number "
                        + "with a valid check letter, though not one of this school's roster.")
            } else {
                continue
            }
            linked.insert(match.range)
        }

        // A named colleague with a personal matter or personal data in the same sentence.
        for mention in reading.colleagues {
            let here = sentence(mention.range)
            let (near, link) = sentences(about: mention.range, who: "staff \(mention.staff.name)")
            let about = matters.filter {
                near.contains(sentence($0.1.range)) && $0.0 != .inspection
            }
            let theirData = data.filter {
                near.contains(sentence($0.range)) && $0.kind != .date && $0.kind != .upn
            }
            guard !about.isEmpty || !theirData.isEmpty else { continue }
            highlights.add(mention.range, label: "colleague's name")
            var what: [String] = []
            for (matter, match) in about {
                highlights.add(match.range, label: matter.label)
                linked.insert(match.range)
                what.append("'\(match.matchedText)' (\(matter.phrase))")
            }
            for match in theirData {
                highlights.add(match.range, label: match.kind.rawValue)
                linked.insert(match.range)
                what.append("'\(match.value)' (a \(match.kind.rawValue))")
            }
            let place = wherePhrase(here, link, about.map(\.1.range) + theirData.map(\.range))
            record(
                .medium, mention.form == .surname ? 0.65 : 0.8,
                "It names a colleague: \(mention.reason); \(place) it mentions "
                    + "\(Self.list(what)).")
        }

        // An unnamed member of the community with a personal matter or personal data.
        for reference in community {
            let here = reference.sentence
            let about = matters.filter {
                sentence($0.1.range) == here && $0.0.needsPerson && !linked.contains($0.1.range)
            }
            let theirData = data.filter {
                sentence($0.range) == here && $0.kind != .date && !linked.contains($0.range)
            }
            guard !about.isEmpty || !theirData.isEmpty else { continue }
            highlights.add(reference.range, label: "member of the school community")
            var what: [String] = []
            for (matter, match) in about {
                highlights.add(match.range, label: matter.label)
                linked.insert(match.range)
                what.append("'\(match.matchedText)' (\(matter.phrase))")
            }
            for match in theirData {
                highlights.add(match.range, label: match.kind.rawValue)
                linked.insert(match.range)
                what.append("'\(match.value)' (a \(match.kind.rawValue))")
            }
            record(
                .medium, 0.65,
                "It speaks of '\(reference.matchedText)' and, in the same sentence, of "
                    + "\(Self.list(what)): personal circumstances of a member of the school "
                    + "community.")
        }

        // A confidential school matter in a school context.
        let schoolMatters = matters.filter { !$0.0.needsPerson && !linked.contains($0.1.range) }
        let contexts: [(Range<Int>, String, String)] =
            reading.schoolNames.map { ($0.range, $0.matchedText, "school's name") }
            + context.map { ($0.range, $0.matchedText, "school context") }
            + pupils.map { ($0.range, $0.matchedText, "pupil's name") }
            + reading.colleagues.map { ($0.range, $0.matchedText, "colleague's name") }
            + community.map { ($0.range, $0.matchedText, "member of the school community") }
        if !schoolMatters.isEmpty,
            let firstContext = contexts.min(by: { $0.0.lowerBound < $1.0.lowerBound })
        {
            var what: [String] = []
            for (matter, match) in schoolMatters {
                highlights.add(match.range, label: matter.label)
                what.append("'\(match.matchedText)' (\(matter.phrase))")
            }
            let named = contexts.first { $0.2 == "school's name" } ?? firstContext
            highlights.add(named.0, label: named.2)
            var sure = named.2 == "school's name" ? 0.85 : 0.7
            var reason =
                "It mentions \(Self.list(what)) in a school context ('\(named.1)'): a matter "
                + "confidential to the school."
            if let marker = secrecy.first {
                highlights.add(marker.range, label: "secrecy")
                sure += 0.05
                reason += " The writer adds '\(marker.matchedText)', knowing it is not public."
            }
            record(.medium, sure, reason)
        }

        guard isFound else { return nil }
        return Disclosure(
            severity: severity, confidence: min(confidence, 0.95), reasons: reasons,
            highlights: highlights, pupil: namedPupil)
    }

    private func finding(
        for item: TimelineItem, excerpt: String, disclosure: Disclosure, day: LocalDay?,
        configuration: AuditConfiguration
    ) -> Finding {
        let explanation =
            "\(configuration.staff.name) wrote this in \(ContentIncidentKey.describe(item)). "
            + disclosure.reasons.joined(separator: " ")
            + " Staff must never disclose personal information about members of the school "
            + "community, or information confidential to the school."
        let counterparty = disclosure.pupil.map {
            FindingCounterparty(
                name: $0.pupil.legalName, rosterID: $0.pupil.id, matchExplanation: $0.reason)
        }
        return Finding(
            rule: id, severity: disclosure.severity, confidence: disclosure.confidence, item: item,
            counterparty: counterparty, excerpt: excerpt,
            highlights: disclosure.highlights.textSpans, explanation: explanation,
            incidentKey: ContentIncidentKey.make(for: item, on: day))
    }

    /// Words that call a number a UPN.
    private static let upnWords = PhraseList([
        "UPN", "UPNs", "unique pupil number", "pupil number", "pupil ID",
    ])

    /// "a, b and c".
    static func list(_ parts: [String]) -> String {
        switch parts.count {
        case 0: return ""
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
        }
    }

    // MARK: - Examples

    public var triggeringExamples: [RuleExample] {
        [
            RuleExample(
                "Rough day. Poor Freddie Turner in my class, social services were in again and "
                    + "his EHCP still isn't sorted.", kind: .message,
                highlights: ["Freddie Turner", "social services", "EHCP"]),
            RuleExample(
                "Ofsted call came in today for Larkfield, inspection Tuesday - can't tell anyone "
                    + "yet!",
                highlights: ["Ofsted call", "Larkfield", "can't tell anyone yet"]),
            RuleExample(
                "Zoe Kowalczyk has been diagnosed with ADHD, her mum told me",
                highlights: ["Zoe Kowalczyk", "diagnosed", "ADHD"]),
            RuleExample(
                "Ollie Bennett's dad is in prison apparently", kind: .comment,
                highlights: ["Ollie Bennett", "in prison"]),
            RuleExample(
                "grace patel is on free school meals now", kind: .message,
                highlights: ["grace patel", "free school meals"]),
            RuleExample(
                "Aoife O'Connor was excluded today after lunch",
                highlights: ["Aoife O'Connor", "excluded"]),
            RuleExample(
                "Amara Okonkwo-Smith lives at 14 Mill Lane, S11 8YA", kind: .message,
                highlights: ["Amara Okonkwo-Smith", "14 Mill Lane", "S11 8YA"]),
            RuleExample(
                "Can you ring Freddie Turner's mum on 07700 900456 about tomorrow?", kind: .message,
                highlights: ["Freddie Turner", "07700 900456"]),
            RuleExample(
                "Noah Fletcher, born 03/10/2014, needs his inhaler form", kind: .message,
                highlights: ["Noah Fletcher", "03/10/2014"]),
            RuleExample(
                "Can you look up K373247319104 on the system for me?", kind: .message,
                highlights: ["K373247319104"]),
            RuleExample(
                "Mr Whitfield has been signed off with stress again", kind: .message,
                highlights: ["Mr Whitfield", "signed off"]),
            RuleExample(
                "A child in my class has been diagnosed with epilepsy, poor thing",
                highlights: ["A child in my class", "diagnosed", "epilepsy"]),
            RuleExample(
                "One of the parents gave me her email, jo.bloggs@example.com, to pass on",
                kind: .message, highlights: ["One of the parents", "jo.bloggs@example.com"]),
            RuleExample(
                "New starter's UPN is M931241718101, can you add her to the register?",
                kind: .message, highlights: ["UPN", "M931241718101"]),
            RuleExample(
                "Safeguarding meeting about a pupil at LPS, third this week", kind: .message,
                highlights: ["Safeguarding meeting", "LPS"]),
            RuleExample(
                "Disciplinary hearing for one of our staff at work tomorrow, awkward",
                highlights: ["Disciplinary hearing"]),
            RuleExample(
                "Chloe Martin's LADO referral went in today", kind: .message,
                highlights: ["Chloe Martin", "LADO"]),
            RuleExample(
                "Amara Okonkwo-Smith is moving up to my class. The family live at 14 Mill Lane, "
                    + "S11 8YA.", kind: .message,
                highlights: ["Amara Okonkwo-Smith", "14 Mill Lane", "S11 8YA"]),
            RuleExample(
                "Freddie Turner was off again today.\nHis dad is in prison apparently",
                kind: .comment, highlights: ["Freddie Turner", "in prison"]),
        ]
    }

    public var nonTriggeringExamples: [RuleExample] {
        [
            RuleExample(
                "INSET day: safeguarding training today, then classroom set-up for my new Year 5s"),
            RuleExample("Dad's insisting on saying grace before dinner tomorrow", kind: .message),
            RuleExample("Child protection training at Larkfield all afternoon"),
            RuleExample("At work all day, then hospital visiting Mum tonight"),
            RuleExample("My new number is 07700 900789, save it!", kind: .message),
            RuleExample("Ring me on 07700 900123 when you're outside", kind: .message),
            RuleExample("Grace said the divorce papers came through", kind: .message),
            RuleExample("Parents' evening done. Lovely to see so many happy families"),
            RuleExample("Hi Ollie! Hope Year 6 is going well, see you at school", kind: .message),
            RuleExample("Freddie Turner was star of the day in my class!"),
            RuleExample("Mental health awareness week at school, lots of lovely activities"),
            RuleExample("Ofsted inspection report on the news about a school in Leeds"),
            RuleExample("Our boiler broke, the engineer is coming on 12/03/2024"),
            RuleExample("Freddie Turner had a great day. Then off to hospital with Mum after."),
            RuleExample(
                "Poor Freddie Turner in my class has social services involved",
                isAuthoredByOwner: false),
            RuleExample("Reference A123456789012 for the parcel", kind: .message),
            RuleExample("Reference B123456789012 for the parcel", kind: .message),
            RuleExample("PLEASE SEND HELP, marking mountain at work"),
            RuleExample("Whitfield is a useless idiot."),
            RuleExample("My class packed shoeboxes for Operation Christmas Child at school"),
            RuleExample("Half my class have exam anxiety before SATs"),
            RuleExample("My class separated into groups for the trip"),
            RuleExample("Half my class are off sick with the bug at school"),
            RuleExample(
                "Freddie Turner was star of the day. My new number is 07700 900789, save it!",
                kind: .message),
            RuleExample(
                "Grace Patel read beautifully today. Then we drove to see Mum in hospital."),
            RuleExample(
                "Grace Patel was brilliant today. Then I popped in to see Mum, she's at "
                    + "14 Mill Lane now", kind: .message),
        ]
    }
}
