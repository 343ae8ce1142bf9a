import ArgumentParser
import AuditModel
import AuditSchool
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit import`: read archives into a case without analysing them.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exports into a case file without analysing them.",
        discussion: """
            Each archive is recorded with its SHA-256; importing the same archive again adds
            nothing.

            Example:
              conduct-audit import Samples/facebook-rebeccahale-2025-03-14 \\
                --school Samples/school.yaml
            """
    )

    @Argument(
        help:
            "The exports: a .zip as downloaded (every part of a split export), the folder it unpacks to, or a WhatsApp .txt."
    )
    var archives: [String]

    @Option(help: "The school's configuration (for its time zone and staff accounts).")
    var school: String

    @Option(
        help: "The staff member (by name in school.yaml); inferred from the archives when omitted.")
    var staff: String?

    @OptionGroup var location: CaseLocationOptions

    @OptionGroup var archiveOptions: ArchiveOptions

    @Flag(help: "No progress or notes on standard error (progress is shown only on a terminal).")
    var quiet = false

    func run() throws {
        let configuration = try SchoolConfiguration.load(from: URL(fileURLWithPath: school))
        let audit = CaseAudit(school: configuration, statedOwners: archiveOptions.statedOwners)
        let opened = try OpenedArchive.open(archives, limits: archiveOptions.limits)
        let member =
            try staff.map { try audit.staffMember(named: $0) } ?? audit.inferStaff(from: opened)
        let caseURL = location.caseURL(for: member)
        let database = try CaseDatabase.open(at: caseURL)
        let records = try audit.importNew(
            opened, into: database, staff: member, observer: ImportProgress(quiet: quiet),
            note: { if !quiet { Terminal.note($0) } })
        for record in records {
            Terminal.print(
                "\(record.platform.displayName) \(record.variant.rawValue.uppercased()) \(record.path): \(record.itemCount) items, \(AuditSummary.issueSummary(record.unparsed))"
            )
            for line in AuditSummary.issueLines(record.unparsed) { Terminal.print(line) }
        }
        try database.appendAuditLog(
            AuditLogEntry(
                at: Date(), command: "import", arguments: Array(CommandLine.arguments.dropFirst()),
                toolVersion: ToolVersion.current,
                summary: "\(opened.count) archive(s) for \(member.name)"))
        Terminal.print("Case file: \(caseURL.path)")
    }
}
