import ArgumentParser
import AuditModel
import ConductAudit
import Foundation

/// The `conduct-audit` command: parses arguments, runs a subcommand, and maps failures to the
/// contract's exit statuses (0 no open finding, 1 open findings, 2 usage error, 3 bad input).
@main
struct ConductAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduct-audit",
        abstract:
            "Check a staff member's personal social-media exports against the school's social media policy.",
        discussion: """
            Start with 'audit'. Example:
              conduct-audit audit Samples/facebook-rebeccahale-2025-03-14 \\
                --school Samples/school.yaml --roster Samples/pupils.csv
            """,
        version: ToolVersion.current,
        subcommands: [
            AuditCommand.self, ImportCommand.self, FindingsCommand.self, ReviewCommand.self,
            ReportCommand.self, VerifyCommand.self, TimelineCommand.self, SelfCheckCommand.self,
            OutcomeCommand.self, RosterCommand.self, SearchCommand.self, ServeCommand.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            finish(with: error)
        }
    }

    /// Exits with the contract's status for `error`, printing its message to standard error.
    ///
    /// The tool's own errors (unreadable archive, invalid school.yaml or roster, a case file that
    /// cannot be opened) are bad input: status 3. Argument errors are usage errors: status 2.
    /// Help, version and explicit exit codes keep ArgumentParser's handling.
    static func finish(with error: Error) -> Never {
        if error is ExitCode || error is CleanExit {
            exit(withError: error)
        }
        if let usage = error as? UsageFailure {
            Terminal.printError(usage.message)
            Foundation.exit(2)
        }
        // The pipeline could not tell whose archives these are: say more with --staff.
        if let stopped = error as? CaseAuditError, stopped.isUsageProblem,
            let message = stopped.errorDescription
        {
            Terminal.printError(message)
            Foundation.exit(2)
        }
        if let described = error as? LocalizedError, let message = described.errorDescription {
            Terminal.printError(message)
            Foundation.exit(3)
        }
        if exitCode(for: error) == .validationFailure {
            Terminal.note(fullMessage(for: error))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}
