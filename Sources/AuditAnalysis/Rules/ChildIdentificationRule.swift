import AuditModel
import AuditSchool

/// Flags photos and videos the staff member posted on a personal account that name or tag a
/// pupil, or that show school activity.
///
/// Policy basis: "We will not publish photographs of children without the written consent of
/// parents/carers … We will not identify by name any of the children featured in photographs."
///
/// What is read: the member's own posts with at least one photo, video or GIF
/// (``Attachment/Kind/isVisualMedia``); messages and comments are not publications of a photo.
/// The picture itself is never examined, so every finding asks a reviewer to look at it.
///
/// A media post is flagged when:
/// - **it tags or addresses a pupil**: a person of the post (``TimelineItem/counterparties``:
///   tags, the timeline written on) whose name is a pupil's (``PupilMentionFinder``) or whose
///   handle is one of the pupil's known accounts on that platform, unless their account is one
///   school.yaml lists for an adult (``SchoolVocabulary/adults``). High severity.
/// - **its text names a pupil** (``PupilMentionFinder``). High severity.
/// - **its text speaks of school activity** (list `schoolActivities`: "sports day", "nativity",
///   "school trip", "class assembly", "year #", "my class" …) and the school is named (its name
///   or an alias in the text, the title or a place checked in) or implied because the post was
///   made on a term day of the school's calendar (``SchoolCalendar``: not a weekend, holiday,
///   closure or INSET day). Medium severity; less confidence when the school is only implied.
///   Calendar phrases are not activities (list `schoolActivityExceptions`: "this year 3 of us").
///
/// Pupils are those on roll on the day of the post, or former pupils still under 18. A child
/// who is not on the roster cannot be recognised by name; an activity word alone, on a day that
/// is not a school day and with no school named ("World Book Day costume ready for tomorrow" on
/// a Sunday), is not a finding. One finding per post; its incident is the post.
public struct ChildIdentificationRule: ExampleDocumentedRule, ItemContentRule {
    /// The built-in word lists the rule reads.
    public let lexicon: ContentLexicon

    /// Creates the rule.
    /// - Parameter lexicon: the built-in word lists; ``ContentLexicon/builtIn`` by default.
    public init(lexicon: ContentLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    public let id = RuleID.childIdentification

    public let summary =
        "Photos or videos of pupils, or pupils named or tagged in media posts, on a personal "
        + "account."

    public func finding(for item: TimelineItem, text: inout ItemText, context: ContentContext)
        -> Finding?
    {
        guard item.isAuthoredByOwner, item.kind == .post,
            item.attachments.contains(where: \.kind.isVisualMedia)
        else { return nil }
        let configuration = context.configuration
        let day = item.occurredAt.map { LocalDay.containing($0, in: configuration.timeZone) }
        let isSchoolDay = day.map { context.calendar.status(of: $0) == .termDay } ?? false
        return finding(
            for: item, text: text.authored(), reading: text.reading(),
            vocabulary: context.vocabulary, day: day, isSchoolDay: isSchoolDay,
            configuration: configuration)
    }

    public func incidentTitle(key: String, findings: [Finding]) -> String {
        let platform = findings.first.map { " \($0.platform.displayName)" } ?? ""
        return "Photo or video identifying pupils or school activity on a personal\(platform) "
            + "account"
            + ContentIncidentKey.dayPhrase(of: key)
    }

    // MARK: - Assessment

    private func finding(
        for item: TimelineItem, text: String?, reading: TextReading, vocabulary: SchoolVocabulary,
        day: LocalDay?, isSchoolDay: Bool, configuration: AuditConfiguration
    ) -> Finding? {
        var highlights = Highlights()
        var reasons: [String] = []
        var severity = Severity.low
        var confidence = 0.0
        var counterparty: FindingCounterparty?
        func record(_ level: Severity, _ sure: Double, _ reason: String) {
            severity = max(severity, level)
            confidence = max(confidence, sure)
            reasons.append(reason)
        }

        for (person, pupil, why) in taggedPupils(of: item, vocabulary: vocabulary, on: day) {
            counterparty =
                counterparty
                ?? FindingCounterparty(
                    name: person.name, handle: person.handle, rosterID: pupil.id,
                    matchExplanation: why)
            record(
                .high, 0.9,
                "It tags \(person.label): \(why), \(pupil.standing(on: day)).")
        }
        for mention in reading.pupils where mention.pupil.isChildOfCommunity(on: day) {
            highlights.add(mention.range, label: "pupil's name")
            counterparty =
                counterparty
                ?? FindingCounterparty(
                    name: mention.pupil.legalName, rosterID: mention.pupil.id,
                    matchExplanation: mention.reason)
            record(
                .high, mention.isCapitalized ? 0.85 : 0.75,
                "Its text names a pupil: \(mention.reason), \(mention.pupil.standing(on: day)).")
        }

        let exceptions = vocabulary.lexicon.schoolActivityExceptions.matches(in: reading.tokens)
        let activities = vocabulary.lexicon.schoolActivities.matches(in: reading.tokens).filter {
            activity in
            !exceptions.contains {
                $0.range.lowerBound <= activity.range.lowerBound
                    && activity.range.upperBound <= $0.range.upperBound
            }
        }
        if !activities.isEmpty {
            let platformText = ([item.title] + item.attachments.map(\.caption)).compactMap { $0 }
            let namedElsewhere = platformText.contains {
                !vocabulary.schoolNames.matches(in: TokenizedText($0)).isEmpty
            }
            let list = ConfidentialDisclosureRule.list(activities.map { "'\($0.matchedText)'" })
            if let name = reading.schoolNames.first {
                for activity in activities {
                    highlights.add(activity.range, label: "school activity")
                }
                highlights.add(name.range, label: "school's name")
                record(
                    .medium, 0.75,
                    "Its text speaks of school activity (\(list)) "
                        + "and names the school ('\(name.matchedText)').")
            } else if namedElsewhere {
                for activity in activities {
                    highlights.add(activity.range, label: "school activity")
                }
                record(
                    .medium, 0.75,
                    "Its text speaks of school activity (\(list)), and the post names the school "
                        + "in its title or place."
                )
            } else if isSchoolDay, let day {
                for activity in activities {
                    highlights.add(activity.range, label: "school activity")
                }
                record(
                    .medium, 0.55,
                    "Its text speaks of school activity (\(list)) and it was posted on "
                        + "\(day.longDescription), a school day, which implies the school.")
            }
        }
        guard !reasons.isEmpty else { return nil }

        let media = item.attachments.filter(\.kind.isVisualMedia)
        let files = media.compactMap(\.uri).map { "'\($0)'" }
        let mediaPhrase =
            media.count == 1 ? "a \(media[0].kind.rawValue)" : "\(media.count) photos or videos"
        let explanation =
            "\(configuration.staff.name) posted \(mediaPhrase) on their personal "
            + "\(item.platform.displayName) account. " + reasons.joined(separator: " ")
            + " The picture itself was not examined: a reviewer should look at it"
            + (files.isEmpty ? "" : " (\(files.joined(separator: ", ")))")
            + ". The policy forbids publishing photographs of children without written parental "
            + "consent, and naming the children in them."
        return Finding(
            rule: id, severity: severity, confidence: confidence, item: item,
            counterparty: counterparty, excerpt: text ?? item.title,
            highlights: text == nil ? [] : highlights.textSpans, explanation: explanation,
            incidentKey: ContentIncidentKey.make(for: item, on: day))
    }

    /// The people of a post who are pupils, with the pupil and why.
    private func taggedPupils(
        of item: TimelineItem, vocabulary: SchoolVocabulary, on day: LocalDay?
    )
        -> [(Person, Pupil, String)]
    {
        var found: [(Person, Pupil, String)] = []
        for person in item.counterparties {
            // An adult's listed account (a colleague who shares a pupil's name) is not a pupil.
            let isAdult = vocabulary.adults.contains {
                $0.accounts[item.platform].map { IdentityWeighing.isAccount($0, of: person) }
                    ?? false
            }
            if isAdult { continue }
            if let name = person.name,
                let mention = vocabulary.pupils.mentions(in: name).first(where: {
                    $0.pupil.isChildOfCommunity(on: day)
                })
            {
                found.append((person, mention.pupil, mention.reason))
                continue
            }
            if let handle = person.handle.map(Self.plainHandle),
                let pupil = vocabulary.pupils.pupils.first(where: { pupil in
                    pupil.isChildOfCommunity(on: day)
                        && pupil.knownAccounts.contains {
                            $0.platform == item.platform && Self.plainHandle($0.handle) == handle
                        }
                })
            {
                found.append(
                    (
                        person, pupil,
                        "@\(handle) is a known \(item.platform.displayName) account of the pupil "
                            + "\(pupil.legalName) (roster id \(pupil.id))"
                    ))
            }
        }
        return found
    }

    private static func plainHandle(_ handle: String) -> String {
        var handle = handle.trimmingCharacters(in: .whitespaces).lowercased()
        if handle.hasPrefix("@") { handle.removeFirst() }
        return handle
    }

    // MARK: - Examples

    public var triggeringExamples: [RuleExample] {
        [
            RuleExample(
                "Year 5 sports day at Larkfield! So proud of every single one of them",
                attachments: [.photo], tagged: ["Tyler Greaves"], localTime: "2024-06-27 16:40",
                highlights: ["Year 5", "sports day", "Larkfield"]),
            RuleExample(
                "Well done Freddie Turner, star of the match!", attachments: [.photo],
                highlights: ["Freddie Turner"]),
            RuleExample(
                "Nativity dress rehearsal, they were wonderful", attachments: [.photo],
                localTime: "2024-12-10 11:00", highlights: ["Nativity"]),
            RuleExample(
                "Our class assembly was amazing", attachments: [.video],
                localTime: "2024-11-14 17:30", highlights: ["class assembly"]),
            RuleExample(
                "School trip to The Deep today!", attachments: [.photo],
                localTime: "2024-11-22 18:00", highlights: ["School trip"]),
            RuleExample("Look at this lot", attachments: [.video], tagged: ["Zoe Kowalczyk"]),
            RuleExample(
                "Larkfield football tournament winners!", attachments: [.photo],
                localTime: "2024-12-14 16:00", highlights: ["football tournament", "Larkfield"]),
            RuleExample(
                "Reception class's first painting", attachments: [.photo],
                localTime: "2024-09-10 14:00", highlights: ["Reception class"]),
            RuleExample(
                "Year 6 leavers' assembly, not a dry eye", attachments: [.video],
                title: "Rebecca Hale is at Larkfield Primary School.", highlights: ["Year 6"]),
            RuleExample(
                "Ollie Bennett scored twice!", attachments: [.photo],
                highlights: ["Ollie Bennett"]),
            RuleExample(nil, attachments: [.photo], tagged: ["Chloé Martin"]),
        ]
    }

    public var nonTriggeringExamples: [RuleExample] {
        [
            RuleExample(
                "Mother's Day lemon drizzle for Mum", attachments: [.photo],
                localTime: "2024-03-10 15:05"),
            RuleExample(
                "Year 5 sports day at Larkfield!", tagged: ["Tyler Greaves"],
                localTime: "2024-06-27 16:40"),
            RuleExample("Sports day at my niece's nursery", attachments: [.photo]),
            RuleExample("Half term walk at Padley Gorge", attachments: [.photo]),
            RuleExample(
                "End of term drinks with these two legends", attachments: [.photo],
                tagged: ["Grace Thompson", "Siobhán Ní Bhriain"]),
            RuleExample("Saying grace before Christmas dinner", attachments: [.photo]),
            RuleExample(
                "Spin class done!", attachments: [.photo], localTime: "2024-11-13 18:30"),
            RuleExample(
                "Year 5 sports day", isAuthoredByOwner: false, attachments: [.photo],
                tagged: ["Tyler Greaves"], localTime: "2024-06-27 16:40"),
            RuleExample(
                "World Book Day costume ready for tomorrow", attachments: [.photo],
                localTime: "2025-03-02 19:00"),
            RuleExample(
                "New classroom display is up!", attachments: [.photo],
                localTime: "2024-09-02 10:30"),
            RuleExample("Beautiful sunset", attachments: [.photo], tagged: ["Marek Kowalczyk"]),
            RuleExample(
                "Well done Freddie Turner!", kind: .comment, attachments: [.photo]),
            RuleExample("Callum Price's wedding, so proud", attachments: [.photo]),
            RuleExample(
                "Sports day today, so proud", attachments: [.link], localTime: "2024-06-27 16:40"),
            RuleExample(
                "Took the kids to the playground after school", attachments: [.photo],
                localTime: "2024-11-13 16:30"),
            RuleExample(
                "This year 3 of us went camping", attachments: [.photo],
                localTime: "2024-11-13 19:00"),
        ]
    }
}
