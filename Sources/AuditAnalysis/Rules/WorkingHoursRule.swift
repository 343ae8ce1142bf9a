import AuditModel
import AuditSchool
import Foundation

/// Flags personal social-media use during the staff member's working time, outside lunch.
///
/// Policy basis: "Staff may not access or 'post' on personal social media accounts at any time
/// during their working hours in the school day, with the exception of the 1 hour lunch break."
/// Only what the staff member themselves did counts (a post, comment, reaction, sent message,
/// sent friend request, follow): a message *received* in working hours proves nothing about
/// their own use. Items without a time are never flagged.
public struct WorkingHoursRule: BatchRule {
    public init() {}

    public let id = RuleID.workingHours

    public let summary =
        "Personal social media used during working hours, outside the lunch break."

    /// The kinds of item that record an action of the account owner at the item's time.
    static let ownActions: Set<ActivityKind> = [
        .post, .comment, .reaction, .message, .friendRequestSent, .follow, .tag, .mention,
    ]

    public func findings(inBatch items: [TimelineItem], configuration: AuditConfiguration)
        -> [Finding]
    {
        let timetable = StaffTimetable(
            staff: configuration.staff, configuration: configuration.school)
        var findings: [Finding] = []
        for item in items where item.isAuthoredByOwner && Self.ownActions.contains(item.kind) {
            guard let instant = item.occurredAt else { continue }
            let assessment = timetable.assess(instant)
            guard assessment.isWorkingTime else { continue }
            findings.append(
                finding(for: item, assessment: assessment, configuration: configuration))
        }
        return findings
    }

    public func incidentTitle(key: String, findings: [Finding]) -> String {
        let day = LocalDay(iso: key)?.longDescription ?? key
        let count = findings.count == 1 ? "1 item" : "\(findings.count) items"
        return "Personal social media used in working hours on \(day) (\(count))"
    }

    private func finding(
        for item: TimelineItem, assessment: WorkingTimeAssessment, configuration: AuditConfiguration
    ) -> Finding {
        let who = configuration.staff.name
        var explanation =
            "\(who) \(Self.verbPhrase(for: item)) at \(assessment.localTime) "
            + "(UTC\(assessment.utcOffset), \(configuration.timeZone.identifier)). \(assessment.reason)"
        var confidence = 0.95
        switch item.timeBasis {
        case .inferredLocal:
            explanation +=
                " The export gives this time as a local clock time without a zone; it was read as \(configuration.timeZone.identifier) time."
            confidence = 0.8
        case .ambiguousLocal:
            explanation +=
                " This clock time occurred twice on that day (the clocks went back), so the exact instant is uncertain."
            confidence = 0.6
        case .explicit, .none:
            break
        }
        return Finding(
            rule: id, severity: .low, confidence: confidence, item: item,
            explanation: explanation, incidentKey: assessment.localDay.description)
    }

    /// "posted on Facebook", "sent a message on WhatsApp" …
    static func verbPhrase(for item: TimelineItem) -> String {
        let platform = item.platform.displayName
        let aPlatform = item.platform.withIndefiniteArticle
        switch item.kind {
        case .post: return "posted on \(platform)"
        case .comment: return "commented on \(platform)"
        case .reaction: return "reacted to something on \(platform)"
        case .message:
            return "sent \(aPlatform) message"
                + (item.conversation.map { " in the conversation \"\($0)\"" } ?? "")
        case .friendRequestSent:
            return
                "sent \(aPlatform) friend request to \(item.counterparties.first?.label ?? "someone")"
        case .follow:
            return "followed \(item.counterparties.first?.label ?? "an account") on \(platform)"
        case .tag: return "tagged someone on \(platform)"
        case .mention: return "mentioned someone on \(platform)"
        default: return "used \(platform) (\(item.kind.displayName))"
        }
    }
}
