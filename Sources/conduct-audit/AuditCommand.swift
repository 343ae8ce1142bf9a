import ArgumentParser
import AuditAnalysis
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit audit`: import, analyse, store and report, in one run.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract:
            "Audit a staff member's exports against the policy and write the evidence folder.",
        discussion: """
            Imports each archive (zip or folder, detected from its content) into the case file,
            runs the policy rules, records the findings, and writes an evidence folder with one
            sub-folder per incident and a manifest of hashes that 'verify' checks later.

            Exit status: 0 no open finding; 1 at least one open finding; 2 usage error;
            3 unreadable or invalid input.

            Example:
              conduct-audit audit Samples/facebook-rebeccahale-2025-03-14 \\
                --school Samples/school.yaml --roster Samples/pupils.csv \\
                --from 2024-01-01
            """
    )

    @Argument(
        help:
            "The exports: a .zip as downloaded (every part of a split export), the folder it unpacks to, or a WhatsApp .txt."
    )
    var archives: [String]

    @OptionGroup var schoolOptions: SchoolOptions

    @Option(
        help: "The staff member (by name in school.yaml); inferred from the archives when omitted.")
    var staff: String?

    @Option(help: "First school-local day of a targeted audit (YYYY-MM-DD, inclusive).")
    var from: LocalDay?

    @Option(help: "Last school-local day of a targeted audit (YYYY-MM-DD, inclusive).")
    var to: LocalDay?

    @Option(
        help:
            "Only these rules, comma-separated (\(RuleID.all.map(\.rawValue).joined(separator: ", ")))."
    )
    var rules: String?

    @OptionGroup var location: CaseLocationOptions

    @OptionGroup var archiveOptions: ArchiveOptions

    @OptionGroup var output: EvidenceOutputOptions

    @Flag(help: "Print the result document as JSON on standard output, nothing else there.")
    var json = false

    @Flag(
        help:
            "No progress or notes on standard error (progress is shown only on a terminal); the summary is still printed."
    )
    var quiet = false

    func validate() throws {
        if archives.isEmpty { throw ValidationError("Give at least one archive to audit.") }
        if let from, let to, to < from {
            throw ValidationError("--to \(to) is before --from \(from).")
        }
        _ = try selectedRules()
    }

    func run() throws {
        let school = try schoolOptions.loadSchool()
        let roster = try schoolOptions.loadRoster()
        let arguments = Array(CommandLine.arguments.dropFirst())

        let audit = CaseAudit(school: school, statedOwners: archiveOptions.statedOwners)
        let opened = try OpenedArchive.open(archives, limits: archiveOptions.limits)
        // Whose archive this is comes from the archives' own profile data when not given.
        let staffMember =
            try staff.map { try audit.staffMember(named: $0) }
            ?? audit.inferStaff(from: opened)

        let caseURL = location.caseURL(for: staffMember)
        let database = try CaseDatabase.open(at: caseURL)
        // Archives given together are read together; those already in the case are not read.
        let archiveRecords = try audit.importNew(
            opened, into: database, staff: staffMember,
            observer: ImportProgress(quiet: quiet || json),
            note: { if !(quiet || json) { Terminal.note($0) } })
        let owners = try audit.owners(of: archiveRecords, staff: staffMember)

        let linkProblems = DeclaredLinkCheck.problems(for: staffMember, roster: roster)
        if !linkProblems.isEmpty {
            throw InputFailure(
                message: "school.yaml (\(schoolOptions.school)): "
                    + linkProblems.joined(separator: "; ")
                    + ". Fix school.yaml; nothing was analysed.")
        }
        let configuration = AuditConfiguration(
            school: school, staff: staffMember, roster: roster, rules: try selectedRules(),
            from: from, to: to)
        let stages = StageProgressLine(quiet: quiet || json)
        defer { stages.finish() }
        let outcome = try CaseAudit.analyseAndReport(
            database: database, configuration: configuration,
            evidenceFolder: location.evidenceURL(for: staffMember),
            inputHashes: schoolOptions.inputHashes(),
            archives: archiveRecords, pdf: output.pdf,
            redactThirdParties: output.redactThirdParties,
            owners: owners, progress: stages.handler)
        AuditSummary.printNotes(of: outcome)
        stages.finish()

        try database.appendAuditLog(
            AuditLogEntry(
                at: Date(), command: "audit", arguments: arguments,
                toolVersion: ToolVersion.current,
                summary:
                    "\(outcome.run.map { $0.scopeDescription + ": " } ?? "")\(outcome.findings.count) findings (\(outcome.openCount) open) in \(outcome.incidents.count) incidents; evidence at \(outcome.evidenceFolder.path)"
            ))

        if json {
            let document = ResultDocument(
                toolVersion: ToolVersion.current, staff: staffMember.name, archives: archiveRecords,
                findings: outcome.findings, incidents: outcome.incidents,
                evidenceFolder: outcome.evidenceFolder, timeZone: school.school.timeZone,
                owners: outcome.owners, blindSpots: outcome.blindSpots)
            Terminal.write(try document.jsonData())
            Terminal.print("")
        } else {
            // --quiet drops progress and notes, never the summary.
            AuditSummary.printSummary(
                outcome, staff: staffMember, archives: archiveRecords, caseURL: caseURL)
        }
        if outcome.openCount > 0 { throw ExitCode(1) }
    }

    private func selectedRules() throws -> [RuleID] {
        try RuleSelection.parse(rules)
    }
}
