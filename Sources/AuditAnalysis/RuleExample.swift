import AuditModel
import Foundation

/// A small example of what a rule flags or leaves alone, kept beside the rule as documentation
/// and run by one generic test (as SwiftLint's `triggeringExamples` are).
///
/// Examples are read against the sample school in `Samples/`: Larkfield Primary School ("LPS"),
/// whose staff include Rebecca Hale (the member audited), the headteacher Mark Whitfield and the
/// teaching assistant Priya Shah, and whose roster includes pupils such as Frederick "Freddie"
/// Turner, Zoë Kowalczyk, Grace Patel and Oliver "Ollie" Bennett.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// The item's text, as the staff member wrote it.
    public var text: String?
    /// What the item is.
    public var kind: ActivityKind
    /// Whether the audited member made the item.
    public var isAuthoredByOwner: Bool
    /// The kinds of the item's attachments (a photo, a video…).
    public var attachments: [Attachment.Kind]
    /// People tagged in the item.
    public var tagged: [String]
    /// The platform's title for the item.
    public var title: String?
    /// When the item was made, as a school-local "yyyy-MM-dd HH:mm"; `nil` for no time.
    public var localTime: String?
    /// For a triggering example: the parts of the text the finding must highlight.
    public var highlights: [String]

    /// Creates an example.
    /// - Parameters:
    ///   - text: the item's text.
    ///   - kind: what the item is (a post by default).
    ///   - isAuthoredByOwner: whether the audited member made it (yes by default).
    ///   - attachments: the kinds of its attachments.
    ///   - tagged: people tagged in it.
    ///   - title: the platform's title.
    ///   - localTime: when it was made, "yyyy-MM-dd HH:mm" school-local; a Saturday evening in
    ///     the summer holiday by default, so that nothing depends on a school day unless an
    ///     example says so.
    ///   - highlights: the parts of the text a finding must highlight.
    public init(
        _ text: String?, kind: ActivityKind = .post, isAuthoredByOwner: Bool = true,
        attachments: [Attachment.Kind] = [], tagged: [String] = [], title: String? = nil,
        localTime: String? = "2024-08-10 19:30", highlights: [String] = []
    ) {
        self.text = text
        self.kind = kind
        self.isAuthoredByOwner = isAuthoredByOwner
        self.attachments = attachments
        self.tagged = tagged
        self.title = title
        self.localTime = localTime
        self.highlights = highlights
    }

    /// The example as a one-item timeline's item, its time read in `timeZone`.
    public func item(in timeZone: TimeZone, index: Int = 0) -> TimelineItem {
        var instant: Date?
        if let localTime {
            let parts = localTime.split(separator: " ")
            if parts.count == 2, let day = LocalDay(iso: String(parts[0])),
                let time = LocalTime(string: String(parts[1]))
            {
                instant = day.instant(at: time, in: timeZone)
            }
        }
        return TimelineItem(
            platform: .facebook, kind: kind, isAuthoredByOwner: isAuthoredByOwner,
            author: isAuthoredByOwner ? Person(name: "Rebecca Hale") : Person(name: "A Friend"),
            counterparties: tagged.map { Person(name: $0) }, text: text, title: title,
            attachments: attachments.map { Attachment(kind: $0, uri: "media/\(index).jpg") },
            occurredAt: instant, timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: "", archivePath: "examples", file: "examples.json",
                locator: "/\(index)"),
            rawFragment: "{}")
    }

    /// The example as a reader sees it in a test failure.
    public var description: String {
        var parts = ["\(kind.rawValue): \(text.map { "\"\($0)\"" } ?? "(no text)")"]
        if !attachments.isEmpty {
            parts.append("with \(attachments.map(\.rawValue).joined(separator: ", "))")
        }
        if !tagged.isEmpty { parts.append("tagging \(tagged.joined(separator: ", "))") }
        if let localTime { parts.append("at \(localTime)") }
        return parts.joined(separator: " ")
    }
}
