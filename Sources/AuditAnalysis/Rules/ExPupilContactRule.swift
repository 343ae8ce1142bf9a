import AuditModel

/// Flags any interaction on social media with a former pupil who was under 18 at the time.
///
/// Policy basis: "No member of staff should interact with any ex-pupil in the school on social
/// networking sites who is under the age of 18."
///
/// The same interactions as ``PupilContactRule`` count (see ``PupilContactAnalysis``). The age
/// is the former pupil's age in whole years on the school-local day of the interaction, not
/// today: on the 18th birthday they are 18, so contact that day is not a breach. An item with no
/// time is never flagged here, since nothing bounds the age at the time; it is listed among
/// ``PupilContactRule/observations(in:configuration:)``.
///
/// One incident per former pupil per platform. Severity is high for messages and medium for
/// everything else.
public struct ExPupilContactRule: PupilContactShareRule {
    public init() {}

    public let id = RuleID.exPupilContact

    public let summary =
        "Interaction on social media with a former pupil who was under 18 at the time."

    public func incidentTitle(key: String, findings: [Finding]) -> String {
        PupilContactRule.incidentTitle(key: key, findings: findings, who: "former pupil")
    }
}
