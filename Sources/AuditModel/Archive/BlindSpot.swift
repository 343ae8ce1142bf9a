import Foundation

/// Something an archive's download cannot contain, so that "no findings" is never read as "it
/// did not happen": shown per archive in the evidence index, the terminal summary and the
/// result document's `archives[].blind_spots`.
public struct BlindSpot: Codable, Sendable, Equatable {
    /// What the download cannot contain, in a sentence.
    public var what: String
    /// The day from which it applies, when known ("YYYY-MM-DD", school-local calendar day).
    public var since: String?
    /// What to ask for to close it.
    public var advice: String

    public init(what: String, since: String?, advice: String) {
        self.what = what
        self.since = since
        self.advice = advice
    }

    /// Whether this is a stretch of months with no activity inside the archive's active span
    /// (``BlindSpotSurvey`` words them all alike), which a terminal summary may count rather than
    /// list.
    public var isActivityGap: Bool { what.hasPrefix(Self.gapOpening) }

    /// How every activity-gap blind spot begins.
    public static let gapOpening = "No activity at all in "
}
