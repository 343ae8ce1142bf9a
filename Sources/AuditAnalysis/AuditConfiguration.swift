import AuditModel
import AuditSchool
import Foundation

/// Everything an audit run is told: the school, whose archives, against which roster, which rules
/// and which period. Immutable; built once by the caller and passed to every rule.
public struct AuditConfiguration: Sendable {
    /// The version of this configuration's shape, recorded with results.
    public var version: Int = 1
    public var school: SchoolConfiguration
    /// The staff member who owns the archives.
    public var staff: StaffMember
    public var roster: Roster
    /// The rules to run; all of them by default.
    public var rules: [RuleID]
    /// First and last school-local day of a targeted audit (inclusive); nil for no bound.
    public var from: LocalDay?
    public var to: LocalDay?
    /// Per archive (SHA-256), the time of its latest dated item in the whole timeline, whatever
    /// the audited period: a lower bound of when the archive was exported. The ``Analyzer``
    /// fills it when empty.
    public var latestItemByArchive: [String: Date] = [:]

    public init(
        school: SchoolConfiguration, staff: StaffMember, roster: Roster,
        rules: [RuleID] = RuleID.all, from: LocalDay? = nil, to: LocalDay? = nil
    ) {
        self.school = school
        self.staff = staff
        self.roster = roster
        self.rules = rules
        self.from = from
        self.to = to
    }

    /// The latest item time of each archive in `timeline`.
    public static func latestItems(in timeline: Timeline) -> [String: Date] {
        var latest: [String: Date] = [:]
        for item in timeline.items {
            guard let instant = item.occurredAt else { continue }
            let archive = item.source.archiveSHA256
            latest[archive] = max(latest[archive] ?? instant, instant)
        }
        return latest
    }

    /// The school's time zone, in which every local time is read.
    public var timeZone: TimeZone { school.school.timeZone }

    /// Whether an item falls inside the audited period. Items without a time are inside: whether
    /// they belong to the period cannot be known, and rules that need a time skip them.
    public func isInPeriod(_ item: TimelineItem) -> Bool {
        guard let instant = item.occurredAt else { return true }
        let day = LocalDay.containing(instant, in: timeZone)
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }
}
