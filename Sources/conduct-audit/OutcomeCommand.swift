import ArgumentParser
import AuditAnalysis
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit outcome`: record an incident's outcome in the terms of Keeping Children Safe
/// in Education.
struct OutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome",
        abstract: "Record an incident's outcome (substantiated, unsubstantiated, unfounded, "
            + "false or malicious).",
        usage: """
            conduct-audit outcome <incident> (--substantiated | --unsubstantiated | --unfounded |
                --false | --malicious) --reason <reason> --reviewer <reviewer> --case <case>
            """,
        discussion: """
            The outcome words are those of Keeping Children Safe in Education, Part four. Exactly
            one is required. Outcomes are appended to the case (never overwritten; the latest
            one stands) and logged with time and reviewer; they stay with the incident (its rule
            and subject) when a re-run renumbers incidents. Incident ids are accepted in any
            letter case. Re-render the evidence folder afterwards with 'report' to show them.

            Example:
              conduct-audit outcome INC-0003 --unsubstantiated \\
                --reason "Account could not be tied to the pupil" \\
                --reviewer "J. Smith (HR)" --case Reports/rebecca-hale/case.sqlite
            """
    )

    /// The outcome flags, exactly one of which is required.
    enum Outcome: String, EnumerableFlag {
        case substantiated, unsubstantiated, unfounded, `false`, malicious

        var kind: OutcomeKind {
            switch self {
            case .substantiated: .substantiated
            case .unsubstantiated: .unsubstantiated
            case .unfounded: .unfounded
            case .false: .false
            case .malicious: .malicious
            }
        }

        static func help(for value: Outcome) -> ArgumentHelp? {
            ArgumentHelp(
                stringLiteral: value.kind.meaning.prefix(1).uppercased()
                    + value.kind.meaning.dropFirst() + ".")
        }
    }

    @Argument(help: "The incident's id (INC-nnnn, as the evidence index shows it).")
    var incident: String

    @Flag(help: "The outcome: exactly one of these five.")
    var outcome: Outcome

    @OptionGroup var decided: DecisionRecordOptions

    func run() throws {
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: decided.case))
        let recorded = try database.recordOutcome(
            incident: incident, outcome: outcome.kind, reason: decided.reason,
            reviewer: decided.reviewer,
            at: Date(), arguments: Array(CommandLine.arguments.dropFirst()))
        Terminal.print(
            "Recorded: \(recorded.incidentID) is \(recorded.outcome.rawValue) (by \(decided.reviewer)). "
                + "Run 'conduct-audit report' to show it in the evidence folder.")
    }
}
