import ArgumentParser
import AuditAnalysis
import AuditImport
import AuditModel
import AuditSchool
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit self-check`: a staff member's private check of their own exports.
struct SelfCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "self-check",
        abstract:
            "Check your own exports against the policy, privately: prints a summary and advice, saves nothing.",
        discussion: """
            Runs the same rules as 'audit' on your own exports and prints what it finds in \
            plain words, with advice. Nothing is written (no case file, no evidence folder) \
            unless you ask with --case or --out. Pupils are checked against the roster \
            (--roster) or, when the school gives staff a roster digest instead \
            (--roster-digest), by hashing the names and handles in your export the way the \
            digest was made; the digest holds no names or dates in clear.

            Exit status: 0 nothing to look at; 1 something to look at; 2 usage error;
            3 unreadable or invalid input.

            Examples:
              conduct-audit self-check Samples/facebook-rebeccahale-2025-03-14 \\
                --school Samples/school.yaml --roster-digest digest.json
              conduct-audit self-check my-facebook.zip --school school.yaml \\
                --roster pupils.csv --from 2024-09-01
            """
    )

    @Argument(
        help: "Your exports: a .zip as downloaded, the folder it unpacks to, or a WhatsApp .txt.")
    var archives: [String]

    @Option(help: "The school's configuration (school.yaml).")
    var school: String

    @Option(help: "The pupil roster CSV (if the school gave you the roster).")
    var roster: String?

    @Option(help: "The roster digest the school gave you instead of the roster.")
    var rosterDigest: String?

    @Option(help: "The digest's key file, when the school keeps the key apart from the digest.")
    var digestKeyFile: String?

    @Option(help: "Your name as in school.yaml; inferred from the exports when omitted.")
    var staff: String?

    @Option(help: "First school-local day to check (YYYY-MM-DD, inclusive).")
    var from: LocalDay?

    @Option(help: "Last school-local day to check (YYYY-MM-DD, inclusive).")
    var to: LocalDay?

    @Option(help: "Only these rules, comma-separated.")
    var rules: String?

    @Option(help: "Also keep a case file here (not written unless given).")
    var `case`: String?

    @Option(help: "Also write an evidence folder here (not written unless given).")
    var out: String?

    @Flag(help: "With --out: also print the pages to PDF with Chromium.")
    var pdf = false

    func validate() throws {
        if archives.isEmpty { throw ValidationError("Give at least one export to check.") }
        if roster != nil && rosterDigest != nil {
            throw ValidationError("Give either --roster or --roster-digest, not both.")
        }
        if digestKeyFile != nil && rosterDigest == nil {
            throw ValidationError("--digest-key-file goes with --roster-digest.")
        }
        if pdf && out == nil {
            throw ValidationError("--pdf needs --out (no files are written otherwise).")
        }
        if let from, let to, to < from {
            throw ValidationError("--to \(to) is before --from \(from).")
        }
        _ = try RuleSelection.parse(rules)
    }

    func run() throws {
        let schoolConfiguration = try SchoolConfiguration.load(from: URL(fileURLWithPath: school))
        let pupils =
            try roster.map { try Roster.load(from: URL(fileURLWithPath: $0)) } ?? Roster(pupils: [])
        let matcher = try rosterDigest.map { path in
            let key = try digestKeyFile.map { file in
                try RosterDigest.key(
                    fromFileContents: String(contentsOfFile: file, encoding: .utf8), file: file)
            }
            return try RosterDigestMatcher(
                digest: RosterDigest.load(from: URL(fileURLWithPath: path)), key: key, file: path)
        }

        let audit = CaseAudit(school: schoolConfiguration)
        let opened = try OpenedArchive.open(archives, limits: .standard)
        let staffHint = try staff.map { try audit.staffMember(named: $0) }
        let parsed = try audit.importContents(of: opened, staff: staffHint)
        let results = opened.compactMap { parsed[$0.sha256] }
        let member = try staffHint ?? audit.staffMember(named: nil, owning: results.map(\.archive))
        let configuration = AuditConfiguration(
            school: schoolConfiguration, staff: member, roster: pupils,
            rules: try RuleSelection.parse(rules), from: from, to: to)
        let timeline = Timeline(items: results.flatMap(\.items))
        let report = SelfCheck().run(
            timeline: timeline, archives: results.map(\.archive), configuration: configuration,
            digest: matcher)
        Terminal.print(SelfCheckSummary().text(of: report), terminator: "")

        if `case` != nil || out != nil {
            try keep(results, configuration: configuration)
        }
        if report.needsAttention { throw ExitCode(1) }
    }

    /// Stores the check in a case file and/or writes an evidence folder, as asked.
    private func keep(_ results: [ImportResult], configuration: AuditConfiguration) throws {
        let database =
            try `case`.map { try CaseDatabase.open(at: URL(fileURLWithPath: $0)) }
            ?? CaseDatabase.makeInMemory()
        let analysis = try CaseAudit.storeAndAnalyse(
            results, in: database, configuration: configuration)
        if let `case` {
            try database.appendAuditLog(
                AuditLogEntry(
                    at: Date(), command: "self-check",
                    arguments: Array(CommandLine.arguments.dropFirst()),
                    toolVersion: ToolVersion.current,
                    summary: "self-check: \(analysis.findings.count) findings"))
            Terminal.print("\nCase file kept at \(`case`).")
        }
        if let out {
            let hashes = [
                "school.yaml": try SHA256Hex.digest(ofFileAt: URL(fileURLWithPath: school))
            ].merging(
                try roster.map {
                    ["roster": try SHA256Hex.digest(ofFileAt: URL(fileURLWithPath: $0))]
                } ?? [:]
            ) { a, _ in a }
            let stages = StageProgressLine(quiet: false)
            defer { stages.finish() }
            let outcome = try CaseAudit.render(
                analysis, database: database, configuration: configuration,
                evidenceFolder: URL(fileURLWithPath: out, isDirectory: true), inputHashes: hashes,
                archives: results.map(\.archive), pdf: pdf, progress: stages.handler)
            AuditSummary.printNotes(of: outcome)
            stages.finish()
            Terminal.print(
                "Evidence folder written to \(outcome.evidenceFolder.appendingPathComponent("index.html").path)."
            )
        }
    }
}
