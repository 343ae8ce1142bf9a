import AuditModel
import AuditSchool

/// One text as the content rules read it: its words and the people and school it names.
public struct TextReading: Sendable {
    /// The text cut into words and sentences.
    public var tokens: TokenizedText
    /// The pupils named (``PupilMentionFinder``).
    public var pupils: [PupilMention]
    /// The colleagues named (``StaffMentionFinder``), the audited member excepted.
    public var colleagues: [StaffMention]
    /// Where the school's name or an alias appears.
    public var schoolNames: [PhraseMatch]

    /// Creates a reading (``SchoolVocabulary/read(_:)`` makes them).
    public init(
        tokens: TokenizedText, pupils: [PupilMention], colleagues: [StaffMention],
        schoolNames: [PhraseMatch]
    ) {
        self.tokens = tokens
        self.pupils = pupils
        self.colleagues = colleagues
        self.schoolNames = schoolNames
    }

    /// The text read.
    public var text: String { tokens.text }

    /// The sentence holding a `Character` offset (0 when the text has no word before it).
    public func sentence(of offset: Int) -> Int {
        tokens.sentence(containing: offset) ?? 0
    }

    /// The text a staff member wrote in an item.
    ///
    /// That is its text, plus the captions of its photos and videos where they add something.
    /// Titles ("Rebecca Hale added a new photo.") and link titles are the platform's words, not
    /// theirs, and are left out.
    public static func authoredText(of item: TimelineItem) -> String? {
        var parts: [String] = []
        if let text = item.text, !text.isEmpty { parts.append(text) }
        for attachment in item.attachments where attachment.kind.isVisualMedia {
            guard let caption = attachment.caption, !caption.isEmpty else { continue }
            if !parts.contains(where: { $0.contains(caption) }) { parts.append(caption) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
