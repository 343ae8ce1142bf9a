import AuditModel

/// Flags any interaction on social media with a pupil who was on roll at the time.
///
/// Policy basis: "No member of staff should interact with any pupil in the school on social
/// networking sites through personal accounts. This means that no member of the school staff
/// should request access to a pupil's area on the social networking site. Neither should he/she
/// permit the pupil access to the staff member's area (e.g. by accepting them as a friend)."
///
/// Friendships, friend requests sent (accepted or not) and received-and-accepted, follows either
/// way, every message of a conversation the staff member wrote in, comments, replies, reactions,
/// tags and mentions all count; what counts and how the time, identity and declared family links
/// are handled is described on ``PupilContactAnalysis``. Pending or declined requests from
/// pupils are not breaches: ``observations(in:configuration:)`` lists them for the report.
///
/// One incident per pupil per platform, its findings in time order. Severity is high for
/// messages and medium for connections and other contact; confidence comes from how surely the
/// person was identified as the pupil.
public struct PupilContactRule: PupilContactShareRule {
    public init() {}

    public let id = RuleID.pupilContact

    public let summary =
        "Interaction on social media with a pupil on roll at the time (friendship, request, "
        + "follow, message, comment, reaction, tag or mention)."

    public func incidentTitle(key: String, findings: [Finding]) -> String {
        Self.incidentTitle(key: key, findings: findings, who: "pupil")
    }

    /// The pupil-related items that are not breaches (pending or declined requests from pupils,
    /// unanswered messages, former pupils already 18, contacts whose time cannot be placed),
    /// each with the reason, for reports to show as information.
    public func observations(in timeline: Timeline, configuration: AuditConfiguration)
        -> [ContactObservation]
    {
        PupilContactAnalysis(timeline: timeline, configuration: configuration).observations
    }

    /// "Contact with pupil Oliver Bennett (Year 6) on Facebook (3 items)", from a key
    /// "platform|roster ids|label".
    static func incidentTitle(key: String, findings: [Finding], who: String) -> String {
        let parts = key.split(separator: "|", maxSplits: 2).map(String.init)
        let platform = parts.first.flatMap(Platform.init(rawValue:))?.displayName ?? "social media"
        let label = parts.count == 3 ? parts[2] : (findings.first?.counterparty?.name ?? key)
        let count = findings.count == 1 ? "1 item" : "\(findings.count) items"
        return "Contact with \(who) \(label) on \(platform) (\(count))"
    }
}
