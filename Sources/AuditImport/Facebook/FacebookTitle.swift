/// Reads the people named in the sentences Facebook generates as `title`s ("Jane Doe commented on
/// Mat Bright's post.").
///
/// For comments, reactions and posts on someone's timeline the other person is named *only* in
/// this sentence (FORMATS.md §1.5). The sentences are localized; these readers know the English
/// wording and return nil for anything else (the raw title stays on the item as evidence). They
/// never invent a person: "commented on her own photo" and "likes a post" name nobody.
enum FacebookTitle {
    /// Verb phrases that come before the commented-on person.
    static let commentPhrases = ["commented on", "replied to"]

    /// Verb phrases that come before the person whose content was reacted to (posts, comments,
    /// photos, stories).
    static let reactionPhrases = [
        "likes", "liked", "loves", "loved", "reacted to", "cares about", "cared about",
        "laughed at", "was sad about", "is sad about", "was angry about", "was angry at",
        "was amazed by", "was surprised by", "voted on a poll in", "replied to", "commented on",
    ]

    /// Verb phrases that come before the person whose timeline a post was written on.
    static let timelinePhrases = [
        "wrote on", "posted on", "posted to", "shared a post to", "shared a link to",
        "shared a photo to", "shared a video to", "shared a memory to", "shared a post on",
    ]

    /// The person whose post, photo or comment was commented on or replied to.
    static func commentedPerson(in title: String) -> String? {
        possessor(in: title, after: commentPhrases)?.name
    }

    /// The person whose content was reacted to.
    static func reactedPerson(in title: String) -> String? {
        possessor(in: title, after: reactionPhrases)?.name
    }

    /// The person on whose timeline the owner wrote ("X wrote on Y's timeline.").
    static func timelineOwner(in title: String) -> String? {
        guard let found = possessor(in: title, after: timelinePhrases),
            found.rest.hasPrefix("timeline")
        else {
            return nil
        }
        return found.name
    }

    /// Who wrote a post on the owner's timeline ("X wrote on your timeline.").
    static func authorOfPostOnYourTimeline(in title: String) -> String? {
        let trimmed = title.trimmingSentenceEnd()
        guard trimmed.hasSuffix(" your timeline") else { return nil }
        for phrase in timelinePhrases {
            if let range = trimmed.range(of: " \(phrase) ") {
                let name = trimmed[..<range.lowerBound].trimmingSpaces()
                return name.isEmpty ? nil : name
            }
        }
        return nil
    }

    /// The group a group post was made in ("X posted in Parents of Year 6.").
    static func groupName(in title: String) -> String? {
        guard let range = title.range(of: " posted in ") else { return nil }
        let name = String(title[range.upperBound...]).trimmingSentenceEnd()
        return name.isEmpty ? nil : name
    }

    /// The name before the first "'s " that follows one of `phrases`, and what follows it.
    private static func possessor(in title: String, after phrases: [String]) -> (
        name: String, rest: Substring
    )? {
        let matches = phrases.compactMap { title.range(of: " \($0) ") }
        guard let phrase = matches.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let remainder = title[phrase.upperBound...]
        let possessives = ["'s ", "\u{2019}s "].compactMap { remainder.range(of: $0) }
        guard let possessive = possessives.min(by: { $0.lowerBound < $1.lowerBound }) else {
            return nil
        }
        let name = remainder[..<possessive.lowerBound].trimmingSpaces()
        let lowered = name.lowercased()
        let notAPerson = [
            "a ", "an ", "the ", "his own", "her own", "their own", "your own", "its own", "own ",
        ]
        guard !name.isEmpty, !notAPerson.contains(where: lowered.hasPrefix) else { return nil }
        return (name, remainder[possessive.upperBound...])
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// The text without trailing spaces and one final full stop.
    fileprivate func trimmingSentenceEnd() -> String {
        var text = trimmingSpaces()
        if text.hasSuffix(".") { text.removeLast() }
        return text.trimmingSpaces()
    }
}
