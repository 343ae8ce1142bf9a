/// What a timeline item records, with the names of the contract's `activity` field.
public enum ActivityKind: String, Codable, Sendable, CaseIterable {
    case post
    case comment
    case reaction
    case message
    case friend
    case friendRequestSent = "friend-request-sent"
    case friendRequestReceived = "friend-request-received"
    case follow
    case follower
    case tag
    case mention
    case profile

    /// Whether the item is a connection between two accounts rather than content.
    public var isConnection: Bool {
        switch self {
        case .friend, .friendRequestSent, .friendRequestReceived, .follow, .follower: true
        default: false
        }
    }

    /// A short noun phrase for reports ("friend request sent").
    public var displayName: String {
        rawValue.replacingOccurrences(of: "-", with: " ")
    }
}

/// The state of a connection item (a friendship, a request, a follow) as the export records it.
///
/// Exports list current friends, pending and rejected requests, and removed friends in separate
/// files; the state keeps that distinction, which decides whether a request was ever accepted.
public enum ConnectionState: String, Codable, Sendable {
    /// A current friendship or follow, or a request that was sent.
    case active
    /// A request received and not (yet) acted on.
    case pending
    /// A request the owner declined.
    case rejected
    /// A friendship the owner ended; it existed until the item's time.
    case removed
    /// An account the owner blocked (Snapchat's and TikTok's block lists): the opposite of
    /// contact, kept so a reviewer sees it.
    case blocked
}
