import ArgumentParser
import AuditAnalysis
import AuditModel
import AuditReport
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit findings`: list the findings stored in a case, with their review status.
struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List the findings of a case, optionally filtered.",
        discussion: """
            Examples:
              conduct-audit findings --case Reports/rebecca-hale/case.sqlite \\
                --rule pupil-contact --status open
              conduct-audit findings --case Reports/rebecca-hale/case.sqlite \\
                --from 2024-03-01 --to 2024-03-31 --json
            """
    )

    @Option(help: "The SQLite case file.")
    var `case`: String

    @Option(help: "Only findings of this rule (repeat for several).")
    var rule: [RuleID] = []

    @Option(
        help:
            "Only findings with this status: open, confirmed, dismissed, declared (repeat for several)."
    )
    var status: [ReviewStatus] = []

    @Option(help: "Only findings of this severity: low, medium, high (repeat for several).")
    var severity: [Severity] = []

    @Option(
        help:
            "Only findings on this platform: facebook, instagram, twitter, whatsapp, snapchat, tiktok (repeat for several)."
    )
    var platform: [Platform] = []

    @Option(help: "Only findings of this incident, e.g. INC-0003 (repeat for several).")
    var incident: [String] = []

    @Option(help: "First school-local day (YYYY-MM-DD, inclusive).")
    var from: LocalDay?

    @Option(help: "Last school-local day (YYYY-MM-DD, inclusive).")
    var to: LocalDay?

    @Option(help: "The school's time zone for local times and days (default Europe/London).")
    var timezone: String = "Europe/London"

    @Flag(
        help:
            "Print the findings as JSON: {\"findings\": [...]} with the result document's entries.")
    var json = false

    @Flag(
        help:
            "List the findings of every audit run recorded in the case, not only the latest run's (what its evidence folder shows)."
    )
    var allRuns = false

    func run() throws {
        guard let zone = TimeZone(identifier: timezone) else {
            throw ValidationError(
                "Unknown time zone '\(timezone)'; give an IANA name such as Europe/London.")
        }
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: `case`))
        let analysis = try database.storedAnalysis(scope: allRuns ? .allRuns : .latestRun)
        let scope = try database.runs().last.map {
            allRuns
                ? "every run's findings (latest: \($0.scopeDescription))"
                : "latest \($0.scopeDescription); --all-runs lists every run's findings"
        }
        let filter = FindingFilter(
            rules: rule.isEmpty ? nil : Set(rule), statuses: status.isEmpty ? nil : Set(status),
            severities: severity.isEmpty ? nil : Set(severity),
            platforms: platform.isEmpty ? nil : Set(platform), from: from, to: to,
            incidents: incident.isEmpty ? nil : Set(incident), timeZone: zone)
        let findings = filter.apply(to: analysis.findings, incidents: analysis.incidents)
        var incidentOf: [FindingID: String] = [:]
        for group in analysis.incidents {
            for id in group.findings { incidentOf[id] = group.id }
        }
        if json {
            // The same entries as the result document's `findings` (INTERFACE.md).
            let entries = findings.map {
                ResultDocument.FindingEntry($0, incident: incidentOf[$0.id], timeZone: zone)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.write(try encoder.encode(["findings": entries]))
            Terminal.print("")
            return
        }
        if findings.isEmpty {
            Terminal.print("No findings match (\(analysis.findings.count) in the case).")
            return
        }
        var rows: [[String]] = []
        for finding in findings {
            let time =
                finding.occurredAt.map { TimeFormatting.localISO8601($0, in: zone) } ?? "(no time)"
            // Contact rules are about someone the staff member interacted with; content rules
            // about someone the text concerns.
            let preposition =
                [RuleID.pupilContact, .exPupilContact].contains(finding.rule) ? "with" : "about"
            let who =
                (finding.counterparty?.name ?? finding.counterparty?.handle).map {
                    " \(preposition) \($0)"
                } ?? ""
            rows.append([
                finding.id.rawValue, incidentOf[finding.id] ?? "-", finding.status.rawValue,
                finding.rule.rawValue, finding.severity.rawValue, time,
                "\(finding.platform.rawValue) \(finding.activity.rawValue)\(who)",
            ])
        }
        let header = ["FINDING", "INCIDENT", "STATUS", "RULE", "SEVERITY", "LOCAL TIME", "WHAT"]
        for line in TextTable(header: header, rows: rows).lines { Terminal.print(line) }
        Terminal.print("\(findings.count) of \(analysis.findings.count) finding(s).")
        if let scope { Terminal.print("Scope: \(scope).") }
    }
}

extension ReviewStatus: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {}

extension Platform: ExpressibleByArgument {}
