import Foundation

/// The identity of a timeline item: a digest of its content, the same in every export that holds it.
///
/// Two exports of one account taken on different dates contain the same message; because the id
/// is computed from what the item *is* (platform, kind, time, people, text, thread) and not from
/// where it sits in the archive, re-importing or merging exports never stores it twice.
public struct ItemID: RawRepresentable, Codable, Sendable, Hashable, Comparable,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One thing the archive records: a post, comment, reaction, message, connection, tag or profile.
public struct TimelineItem: Codable, Sendable, Equatable, Identifiable {
    public var id: ItemID
    public var platform: Platform
    public var kind: ActivityKind
    /// Whether the archive's owner made this item (wrote the post, sent the message or request).
    public var isAuthoredByOwner: Bool
    /// Who made the item, as the source names them (the owner for owner-authored items).
    public var author: Person?
    /// The other people the item involves: thread participants, the friend, the person whose post
    /// was commented on, tagged or mentioned people.
    public var counterparties: [Person]
    /// The text as written (mojibake repaired), if any.
    public var text: String?
    /// The platform's own description of the item ("Rebecca Hale commented on Oliver Bennett's
    /// photo."), kept because some exports name the counterparty only there.
    public var title: String?
    public var attachments: [Attachment]
    /// The message thread (or group chat) the item belongs to, for context in reports.
    public var conversation: String?
    /// For connection items: whether the connection stands, is pending, was rejected or removed.
    public var connectionState: ConnectionState?
    /// The instant in UTC, or nil when the source gives none (never a made-up time).
    public var occurredAt: Date?
    public var timeBasis: TimeBasis
    /// Where the item came from.
    public var source: SourceReference
    /// The source fragment exactly as read (a JSON object, an HTML element, a chat line), so a
    /// reviewer sees the evidence and not only our reading of it.
    public var rawFragment: String

    public init(
        platform: Platform, kind: ActivityKind, isAuthoredByOwner: Bool, author: Person?,
        counterparties: [Person] = [], text: String? = nil, title: String? = nil,
        attachments: [Attachment] = [], conversation: String? = nil,
        connectionState: ConnectionState? = nil, occurredAt: Date?, timeBasis: TimeBasis,
        source: SourceReference, rawFragment: String
    ) {
        self.platform = platform
        self.kind = kind
        self.isAuthoredByOwner = isAuthoredByOwner
        self.author = author
        self.counterparties = counterparties
        self.text = text.flatMap { $0.isEmpty ? nil : $0 }
        self.title = title.flatMap { $0.isEmpty ? nil : $0 }
        self.attachments = attachments
        self.conversation = conversation.flatMap { $0.isEmpty ? nil : $0 }
        self.connectionState = connectionState
        self.occurredAt = occurredAt
        self.timeBasis = occurredAt == nil ? .none : timeBasis
        self.source = source
        self.rawFragment = rawFragment
        self.id = ItemID(rawValue: "")
        self.id = Self.fingerprint(of: self)
    }

    /// Computes the content identity described on ``ItemID``.
    public static func fingerprint(of item: TimelineItem) -> ItemID {
        var parts: [String] = [
            item.platform.rawValue, item.kind.rawValue, item.isAuthoredByOwner ? "1" : "0",
            item.occurredAt.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) }
                ?? "-",
            item.author?.label ?? "", item.conversation ?? "", item.text ?? "", item.title ?? "",
            item.connectionState?.rawValue ?? "",
        ]
        parts += item.counterparties.map(\.label)
        parts += item.attachments.map { "\($0.kind.rawValue):\($0.uri ?? ""):\($0.caption ?? "")" }
        if item.occurredAt == nil {
            // Without a time two genuinely different items can share all content (two likes of
            // different tweets): the locator keeps them apart.
            parts.append(item.source.file)
            parts.append(item.source.locator)
        }
        return ItemID(
            rawValue: String(SHA256Hex.digest(of: parts.joined(separator: "\u{1F}")).prefix(24)))
    }

    /// Everything textual about the item that content rules read: text, title and captions.
    public var searchableText: String {
        ([text, title] + attachments.map(\.caption)).compactMap { $0 }.joined(separator: "\n")
    }
}

extension TimelineItem {
    /// Rebuilds a stored (the case file's) item field by field, keeping its stored id: the id is the item's
    /// identity in the case even if a later version computes fingerprints differently.
    package init(
        storedID: ItemID, platform: Platform, kind: ActivityKind, isAuthoredByOwner: Bool,
        author: Person?, counterparties: [Person], text: String?, title: String?,
        attachments: [Attachment], conversation: String?, connectionState: ConnectionState?,
        occurredAt: Date?, timeBasis: TimeBasis, source: SourceReference, rawFragment: String
    ) {
        self.id = storedID
        self.platform = platform
        self.kind = kind
        self.isAuthoredByOwner = isAuthoredByOwner
        self.author = author
        self.counterparties = counterparties
        self.text = text
        self.title = title
        self.attachments = attachments
        self.conversation = conversation
        self.connectionState = connectionState
        self.occurredAt = occurredAt
        self.timeBasis = timeBasis
        self.source = source
        self.rawFragment = rawFragment
    }
}
