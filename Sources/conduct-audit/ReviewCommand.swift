import ArgumentParser
import AuditAnalysis
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit review`: record a reviewer's decision on a finding.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a reviewer's decision on a finding (kept across re-runs).",
        usage: """
            conduct-audit review <finding> (--confirm | --dismiss | --declared | --reopen)
                --reason <reason> --reviewer <reviewer> --case <case>
            """,
        discussion: """
            Exactly one decision is required: --confirm, --dismiss, --declared or --reopen.
            Decisions are appended to the case (never overwritten) and logged with time and
            reviewer. Finding ids are accepted in any letter case. Re-render the evidence
            folder afterwards with 'report' to show them on the pages.

            Example:
              conduct-audit review F-1A2B3C4D5E6F --dismiss \\
                --reason "Posted from a timer app at 07:00" \\
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

    @Flag(help: "The decision: exactly one of these four.")
    var decision: Decision

    @OptionGroup var decided: DecisionRecordOptions

    func run() throws {
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: decided.case))
        let id = FindingID(typed: finding)
        try database.recordReviews(
            [
                ReviewDecision(
                    findingID: id, decision: decision.status, reason: decided.reason,
                    reviewer: decided.reviewer, decidedAt: Date())
            ],
            command: "review", arguments: Array(CommandLine.arguments.dropFirst()))
        Terminal.print(
            "Recorded: \(id) is \(decision.status.rawValue) (by \(decided.reviewer)). Run 'conduct-audit report' to show it in the evidence folder."
        )
    }
}
