import ArgumentParser
import ConductAudit
import Foundation

/// `conduct-audit findings`: list the findings stored in a case, with their review status.
struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List the findings of a case, optionally filtered.",
        discussion: """
            Example:
              conduct-audit findings --case Reports/rebecca-hale/case.sqlite --rule pupil-contact --status open
            """
    )

    @Option(help: "The SQLite case file.")
    var `case`: String

    @Option(help: "Only findings of this rule.")
    var rule: RuleID?

    @Option(help: "Only findings with this status (open, confirmed, dismissed, declared).")
    var status: ReviewStatus?

    @Option(help: "The school's time zone for local times (default Europe/London).")
    var timezone: String = "Europe/London"

    @Flag(help: "Print the findings as JSON.")
    var json = false

    func run() throws {
        guard let zone = TimeZone(identifier: timezone) else {
            throw ValidationError("Unknown time zone '\(timezone)'; give an IANA name such as Europe/London.")
        }
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: `case`))
        let findings = try database.findings().filter { finding in
            (rule.map { finding.rule == $0 } ?? true) && (status.map { finding.status == $0 } ?? true)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Terminal.write(try encoder.encode(findings))
            Terminal.print("")
            return
        }
        if findings.isEmpty {
            Terminal.print("No findings match.")
            return
        }
        for finding in findings {
            let time = finding.occurredAt.map { TimeFormatting.localISO8601($0, in: zone) } ?? "(no time)"
            let who = finding.counterparty?.name.map { " with \($0)" } ?? ""
            Terminal.print("\(finding.id)  \(finding.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(finding.rule.rawValue)  \(finding.severity.rawValue)  \(time)  \(finding.platform.rawValue) \(finding.activity.rawValue)\(who)")
        }
        Terminal.print("\(findings.count) finding(s).")
    }
}

extension ReviewStatus: ExpressibleByArgument {}
