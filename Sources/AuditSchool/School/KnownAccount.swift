import AuditModel
import Foundation

/// A social-media account the school knows a pupil uses, from the roster's known-accounts column.
public struct KnownAccount: Sendable, Equatable, Hashable {
    /// The platform, when the name is one conduct-audit reads (`nil` for, say, "linkedin").
    public var platform: Platform?
    /// The platform name as written in the roster, such as "Instagram" or "linkedin".
    public var platformName: String
    /// The handle, name or number as written in the roster, such as "@maisie.h".
    public var handle: String

    /// Creates an account; the platform is recognised from `platformName`.
    public init(platformName: String, handle: String) {
        self.platformName = platformName
        self.platform = Self.platform(named: platformName)
        self.handle = handle
    }

    /// The platform a roster name refers to: its id, its display name, or a common short form
    /// ("fb", "ig", "insta", "x", "wa", "snap", "tt"), ignoring case; `nil` otherwise.
    public static func platform(named name: String) -> Platform? {
        let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let platform = Platform(rawValue: lowered) { return platform }
        switch lowered {
        case "fb": return .facebook
        case "ig", "insta": return .instagram
        case "x", "x (twitter)", "tw": return .twitter
        case "wa", "whats app": return .whatsapp
        case "snap", "sc": return .snapchat
        case "tt", "tik tok": return .tiktok
        default: return Platform.allCases.first { $0.displayName.lowercased() == lowered }
        }
    }
}
