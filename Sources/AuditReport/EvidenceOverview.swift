import AuditAnalysis
import AuditModel
import Foundation

/// The story of a bundle in numbers: how serious, who, when, and what next.
///
/// Computed from the bundle alone; the first screen of the evidence index (and any other front
/// end showing it) draws from it.
struct EvidenceOverview {
    /// One person the findings are about (a pupil, a former pupil), across platforms.
    struct Person: Equatable {
        /// The roster id, or the name as the platforms show it when there is none.
        var key: String
        /// The roster's name when known ("Oliver Bennett"), else the platform's.
        var name: String
        /// "Year 6", "former pupil"…
        var detail: String?
        var findings: Int
        var platforms: [Platform]
        var first: Date?
        var last: Date?
        var severity: Severity
        var matter: MatterKind
        /// The incidents about this person, in number order.
        var incidents: [String]
        var rules: [RuleID]
    }

    /// One calendar month of the school's time zone.
    struct Month: Hashable, Comparable {
        var year: Int
        var month: Int

        static func < (lhs: Month, rhs: Month) -> Bool {
            (lhs.year, lhs.month) < (rhs.year, rhs.month)
        }

        var next: Month {
            month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1)
        }

        /// "Oct 2024".
        var label: String { "\(Self.names[month - 1]) \(year)" }
        /// "Oct".
        var shortName: String { Self.names[month - 1] }

        static let names = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]

        init(year: Int, month: Int) {
            self.year = year
            self.month = month
        }

        init(_ date: Date, in zone: TimeZone) {
            let local = ZonedDateTime(date, in: zone)
            let parts = local.date.split(separator: "-").compactMap { Int($0) }
            self.init(
                year: parts.count > 0 ? parts[0] : 1970, month: parts.count > 1 ? parts[1] : 1)
        }

        /// "2024-10-05" → October 2024.
        init?(day: String) {
            let parts = day.split(separator: "-").compactMap { Int($0) }
            guard parts.count >= 2, (1...12).contains(parts[1]) else { return nil }
            self.init(year: parts[0], month: parts[1])
        }
    }

    /// Findings by severity, then by status.
    var findingsBySeverity: [Severity: [ReviewStatus: Int]] = [:]
    /// Incidents by severity.
    var incidentsBySeverity: [Severity: Int] = [:]
    /// People concerned, most serious first.
    var people: [Person] = []
    /// The months shown by the strip, first to last, without gaps.
    var months: [Month] = []
    /// Findings per month, by rule, for the months of ``months``.
    var findingsPerMonth: [RuleID: [Month: Int]] = [:]
    /// The kind of matter of each incident, by incident id.
    var matters: [String: MatterKind] = [:]
    /// Platforms with findings.
    var platforms: [Platform] = []

    init(bundle: EvidenceBundle) {
        let findings = Dictionary(
            bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for finding in bundle.findings {
            findingsBySeverity[finding.severity, default: [:]][finding.status, default: 0] += 1
        }
        var incidentsOf: [FindingID: String] = [:]
        for incident in bundle.incidents {
            incidentsBySeverity[incident.severity, default: 0] += 1
            let members = incident.findings.compactMap { findings[$0] }
            matters[incident.id] = MatterKind.of(rule: incident.rule, findings: members)
            for id in incident.findings { incidentsOf[id] = incident.id }
        }
        platforms = Platform.allCases.filter { platform in
            bundle.findings.contains { $0.platform == platform }
        }

        // People: every finding naming a counterparty, by roster id (else by name).
        var byPerson: [String: [Finding]] = [:]
        for finding in bundle.findings {
            guard let counterparty = finding.counterparty else { continue }
            guard let key = counterparty.rosterID ?? counterparty.name else { continue }
            byPerson[key, default: []].append(finding)
        }
        people = byPerson.map { key, members in
            let counterparty = members[0].counterparty
            let known = counterparty?.rosterID.flatMap { bundle.pupils[$0] }
            let dates = members.compactMap(\.occurredAt)
            let incidents = Array(Set(members.compactMap { incidentsOf[$0.id] })).sorted()
            return Person(
                key: key, name: known?.name ?? counterparty?.name ?? key, detail: known?.detail,
                findings: members.count,
                platforms: Platform.allCases.filter { p in members.contains { $0.platform == p } },
                first: dates.min(), last: dates.max(),
                severity: members.map(\.severity).max() ?? .low,
                matter: incidents.compactMap { matters[$0] }.max() ?? .conduct,
                incidents: incidents,
                rules: RuleID.all.filter { rule in members.contains { $0.rule == rule } })
        }.sorted {
            ($0.matter, $0.severity, $0.findings, $1.name) > (
                $1.matter, $1.severity, $1.findings, $0.name
            )
        }

        // The months: the audited period when it is given, else the findings' span.
        let dated = bundle.findings.compactMap { f in
            f.occurredAt.map { (f, Month($0, in: bundle.timeZone)) }
        }
        let first = bundle.period.from.flatMap(Month.init(day:)) ?? dated.map(\.1).min()
        let last = bundle.period.to.flatMap(Month.init(day:)) ?? dated.map(\.1).max()
        if let first, let last, first <= last {
            var month = first
            while month <= last, months.count < 240 {
                months.append(month)
                month = month.next
            }
        }
        for (finding, month) in dated {
            findingsPerMonth[finding.rule, default: [:]][month, default: 0] += 1
        }
    }

    /// Rules in the contract's order, then any others by id, that have findings.
    var rulesWithFindings: [RuleID] {
        let present = Set(findingsPerMonth.keys)
        return RuleID.all.filter(present.contains) + present.subtracting(RuleID.all).sorted()
    }

    /// "Oct 2024–Mar 2025", "Oct 2024", or nil without dates.
    static func span(_ first: Date?, _ last: Date?, in zone: TimeZone) -> String? {
        guard let first, let last else { return nil }
        let a = Month(first, in: zone)
        let b = Month(last, in: zone)
        return a == b ? a.label : "\(a.label)–\(b.label)"
    }
}
