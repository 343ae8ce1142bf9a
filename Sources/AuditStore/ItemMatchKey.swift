import AuditModel
import Foundation

/// What makes two items from different archives the same real event: the same account's JSON
/// and HTML downloads, two overlapping downloads, or Messenger's secure-storage download beside
/// the main one give the same message with different ids (HTML times have no milliseconds,
/// thread names and people are written differently).
///
/// The key is a digest of the platform, the kind, the conversation, the sender, the instant to
/// the platform's precision (whole seconds for X, whose archive keeps them; whole minutes
/// elsewhere, the least HTML pages and chat exports show) and the text, with names and text
/// normalised (case, accents, punctuation and spacing ignored). An item without a text is told
/// apart by its other people. An item without a time is matched only when it is a connection
/// (by its kind, state and other person) or the profile.
/// ``CaseItemWriter`` matches items only across archives, never within one: two identical
/// messages in one minute of one download are two messages.
enum ItemMatchKey {
    /// What the key is made of: the fields of an item it reads, as a stored row holds them.
    struct Fields {
        var platform: Platform
        var kind: ActivityKind
        var isAuthoredByOwner: Bool
        /// The author's ``Person/label``, and the other people's.
        var authorLabel: String?
        var counterpartyLabels: [String]
        var text: String?
        var conversation: String?
        var connectionState: String?
        var occurredAt: Date?
    }

    /// The key of `item`, or nil when it has no time and is not a connection or the profile.
    static func key(of item: TimelineItem) -> String? {
        key(
            of: Fields(
                platform: item.platform, kind: item.kind,
                isAuthoredByOwner: item.isAuthoredByOwner, authorLabel: item.author?.label,
                counterpartyLabels: item.counterparties.map(\.label), text: item.text,
                conversation: item.conversation, connectionState: item.connectionState?.rawValue,
                occurredAt: item.occurredAt))
    }

    /// The key of an item with these fields (see ``key(of:)-(TimelineItem)``).
    static func key(of item: Fields) -> String? {
        let parts: [String]
        if let time = item.occurredAt {
            let precision: TimeInterval = item.platform == .twitter ? 1 : 60
            let instant = Int64((time.timeIntervalSince1970 / precision).rounded(.down))
            let sender =
                item.isAuthoredByOwner ? "\u{1}owner" : normalized(item.authorLabel ?? "")
            let text = normalized(item.text ?? "")
            let others =
                text.isEmpty || item.kind != .message
                ? item.counterpartyLabels.map(normalized).sorted() : []
            parts =
                [
                    item.platform.rawValue, item.kind.rawValue, String(instant), sender,
                    normalized(item.conversation ?? ""), text,
                ] + others
        } else if item.kind == .profile {
            // The profile is one per account.
            parts = [item.platform.rawValue, item.kind.rawValue, "-"]
        } else if item.kind.isConnection, !item.counterpartyLabels.isEmpty {
            // An untimed connection (X's and Meta's follower lists give no time) is the same
            // event in another archive when its kind, state and other person are.
            parts =
                [item.platform.rawValue, item.kind.rawValue, "-", item.connectionState ?? ""]
                + item.counterpartyLabels.map(normalized).sorted()
        } else {
            return nil
        }
        return String(SHA256Hex.digest(of: parts.joined(separator: "\u{1F}")).prefix(24))
    }

    /// Lower case, accents folded, letters and digits only. Plain ASCII is read from its bytes;
    /// other text goes through Foundation's folding.
    static func normalized(_ text: String) -> String {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                ascii.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                ascii.append(byte + 32)
            case 0x80...:
                let folded = text.folding(
                    options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                return String(
                    folded.unicodeScalars.filter(CharacterSet.alphanumerics.contains)
                        .map(Character.init))
            default:
                continue
            }
        }
        return String(decoding: ascii, as: UTF8.self)
    }
}
