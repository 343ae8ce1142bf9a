import AuditModel

/// Plain-language headings and advice for each rule, as the self-check shows them.
enum SelfCheckAdvice {
    /// What a rule's findings are about, as a heading.
    static func heading(for rule: RuleID) -> String {
        switch rule {
        case .workingHours: "Personal social media used during your working hours"
        case .pupilContact: "Contact with pupils on roll"
        case .exPupilContact: "Contact with former pupils under 18"
        case .confidentialDisclosure: "Posts or messages that may disclose confidential matters"
        case .childIdentification: "Photos, videos or tags that may identify pupils"
        case .abusiveContent: "Comments that may be rude or abusive about the school community"
        case .ageMisrepresentation: "A profile that may present you as a child"
        default: "Items flagged by the rule '\(rule.rawValue)'"
        }
    }

    /// What the staff member can do about a rule's findings.
    static func advice(for rule: RuleID) -> String {
        switch rule {
        case .workingHours:
            "Working hours: keep personal social media to your lunch break and outside your "
                + "working day. Times are read in the school's time zone; if a time is wrong (a "
                + "scheduled post, a day you were not working), note why."
        case .pupilContact:
            "Pupils: do not send or accept friend requests from pupils, follow them or message "
                + "them from personal accounts. Remove such connections. If a pupil is a relative, "
                + "declare the link to the headteacher."
        case .exPupilContact:
            "Former pupils under 18: the same applies until they are 18. Remove the connection "
                + "or declare a family link."
        case .confidentialDisclosure:
            "Confidential matters: remove posts or messages that mention pupils, colleagues or "
                + "school matters that are not public, and do not discuss them on social media."
        case .childIdentification:
            "Photos of pupils: remove photos or videos of pupils, and tags or names of pupils, "
                + "unless the school has published them with parents' written consent."
        case .abusiveContent:
            "Tone: remove comments about members of the school community that could be read as "
                + "rude, defamatory or abusive."
        case .ageMisrepresentation:
            "Profile: make sure your profile gives your adult age and does not present you as a "
                + "child."
        default:
            "Review the items listed against the policy."
        }
    }

    /// What to do about people found in the roster digest.
    static let digestAdvice =
        "People with a pupil's name: check whether each is really the pupil. If so, remove the "
        + "connection and do not message them from a personal account (a family link must be "
        + "declared to the headteacher); if it is someone else with the same name, there is "
        + "nothing to do."
}
