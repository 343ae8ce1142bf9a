/// The social network an archive was exported from.
public enum Platform: String, Codable, Sendable, CaseIterable, Comparable {
    case facebook
    case instagram
    case twitter
    case whatsapp
    case snapchat
    case tiktok

    /// The platform's name as a reader expects to see it.
    public var displayName: String {
        switch self {
        case .facebook: "Facebook"
        case .instagram: "Instagram"
        case .twitter: "X (Twitter)"
        case .whatsapp: "WhatsApp"
        case .snapchat: "Snapchat"
        case .tiktok: "TikTok"
        }
    }

    /// The name with "a" or "an", for sentences ("an X (Twitter) post", "a Facebook message").
    public var withIndefiniteArticle: String {
        switch self {
        case .instagram, .twitter: "an \(displayName)"
        case .facebook, .whatsapp, .snapchat, .tiktok: "a \(displayName)"
        }
    }

    public static func < (lhs: Platform, rhs: Platform) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The file format variant of an export, as named in the result document.
public enum ArchiveVariant: String, Codable, Sendable {
    case json
    case html
    case js
    case txt
}
