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
    /// The key of `item`, or nil when it has no time and is not a connection or the profile.
    static func key(of item: TimelineItem) -> String? {
        guard let time = item.occurredAt else { return untimedKey(of: item) }
        let precision: TimeInterval = item.platform == .twitter ? 1 : 60
        let instant = Int64((time.timeIntervalSince1970 / precision).rounded(.down))
        let sender = item.isAuthoredByOwner ? "\u{1}owner" : normalized(item.author?.label ?? "")
        var parts = [
            item.platform.rawValue, item.kind.rawValue, String(instant), sender,
            normalized(item.conversation ?? ""),
        ]
        let text = normalized(item.text ?? "")
        parts.append(text)
        if text.isEmpty || item.kind != .message {
            parts += item.counterparties.map { normalized($0.label) }.sorted()
        }
        return String(SHA256Hex.digest(of: parts.joined(separator: "\u{1F}")).prefix(24))
    }

    /// An untimed connection (X's and Meta's follower lists give no time) is the same event in
    /// another archive when its kind, state and other person are; the profile is one per account.
    private static func untimedKey(of item: TimelineItem) -> String? {
        let parts: [String]
        if item.kind == .profile {
            parts = [item.platform.rawValue, item.kind.rawValue, "-"]
        } else if item.kind.isConnection, !item.counterparties.isEmpty {
            parts =
                [
                    item.platform.rawValue, item.kind.rawValue, "-",
                    item.connectionState?.rawValue ?? "",
                ]
                + item.counterparties.map { normalized($0.label) }.sorted()
        } else {
            return nil
        }
        return String(SHA256Hex.digest(of: parts.joined(separator: "\u{1F}")).prefix(24))
    }

    /// Lower case, accents folded, letters and digits only.
    static func normalized(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(
            folded.unicodeScalars.filter(CharacterSet.alphanumerics.contains).map(Character.init))
    }
}
