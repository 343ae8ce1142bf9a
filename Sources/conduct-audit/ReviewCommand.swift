import ArgumentParser
import ConductAudit
import Foundation

/// `conduct-audit review`: record a reviewer's decision on a finding.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a reviewer's decision on a finding (kept across re-runs).",
        discussion: """
            Decisions are appended to the case (never overwritten) and logged with time and reviewer.
            Re-render the evidence folder afterwards with 'report' to show them on the pages.
            Example:
              conduct-audit review F-1A2B3C4D5E6F --dismiss --reason "Posted from a timer app at 07:00" \\
                --reviewer "J. Smith (HR)" --case Reports/rebecca-hale/case.sqlite
            """
    )

    /// The decision flags, exactly one of which is required.
    enum Decision: String, EnumerableFlag {
        case confirm, dismiss, declared, reopen

        var status: ReviewStatus {
            switch self {
            case .confirm: .confirmed
            case .dismiss: .dismissed
            case .declared: .declared
            case .reopen: .open
            }
        }

        static func help(for value: Decision) -> ArgumentHelp? {
            switch value {
            case .confirm: "The finding is a breach."
            case .dismiss: "The finding is not a breach."
            case .declared: "Covered by a link declared to the headteacher."
            case .reopen: "Undo earlier decisions: the finding is open again (the history is kept)."
            }
        }
    }

    @Argument(help: "The finding's id (as shown by 'findings' or in the evidence pages).")
    var finding: String

    @Flag(help: "The decision.")
    var decision: Decision

    @Option(help: "Why: the reviewer's reason, recorded with the decision.")
    var reason: String

    @Option(help: "Who decided (name and role).")
    var reviewer: String

    @Option(help: "The SQLite case file.")
    var `case`: String

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must not be empty.") }
        if reviewer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reviewer must not be empty.") }
    }

    func run() throws {
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: `case`))
        let id = FindingID(rawValue: finding)
        let now = Date()
        try database.recordReview(
            ReviewDecision(findingID: id, decision: decision.status, reason: reason, reviewer: reviewer, decidedAt: now))
        try database.appendAuditLog(
            AuditLogEntry(
                at: now, command: "review", arguments: Array(CommandLine.arguments.dropFirst()),
                toolVersion: ToolVersion.current,
                summary: "\(reviewer) marked \(finding) \(decision.status.rawValue): \(reason)"))
        Terminal.print("Recorded: \(finding) is \(decision.status.rawValue) (by \(reviewer)). Run 'conduct-audit report' to show it in the evidence folder.")
    }
}
