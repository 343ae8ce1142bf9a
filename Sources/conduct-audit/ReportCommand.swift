import ArgumentParser
import AuditAnalysis
import AuditReport
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit report`: re-render the evidence folder from the findings stored in a case.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Re-render the evidence folder from a case (after reviews), without re-analysing.",
        discussion: """
            Shows the findings exactly as stored, with every review decision, and writes a new
            manifest.

            Example:
              conduct-audit report --case Reports/rebecca-hale/case.sqlite \\
                --school Samples/school.yaml --roster Samples/pupils.csv \\
                --pdf --redact-third-parties
            """
    )

    @OptionGroup var schoolOptions: SchoolOptions

    @Option(
        help:
            "The staff member (by name in school.yaml); inferred from the case's archives when omitted."
    )
    var staff: String?

    @OptionGroup var location: CaseLocationOptions

    @OptionGroup var output: EvidenceOutputOptions

    @Flag(help: "No progress on standard error (progress is shown only on a terminal).")
    var quiet = false

    func run() throws {
        let school = try schoolOptions.loadSchool()
        let roster = try schoolOptions.loadRoster()
        guard let casePath = location.case else {
            throw ValidationError("Give the case file with --case.")
        }
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: casePath))
        let archives = try database.archives()
        let member = try CaseAudit(school: school).staffMember(named: staff, owning: archives)
        let configuration = AuditConfiguration(school: school, staff: member, roster: roster)
        let stages = StageProgressLine(quiet: quiet)
        defer { stages.finish() }
        let report = CaseReport(
            configuration: configuration,
            inputHashes: try schoolOptions.inputHashes(),
            pdf: output.pdf, redactThirdParties: output.redactThirdParties)
        let outcome = try report.rewrite(
            database, to: location.evidenceURL(for: member), command: "report",
            arguments: Array(CommandLine.arguments.dropFirst()), progress: stages.handler)
        stages.finish()
        AuditSummary.printNotes(of: outcome)
        Terminal.print(
            "Evidence: \(outcome.evidenceFolder.appendingPathComponent("index.html").path)")
    }
}
