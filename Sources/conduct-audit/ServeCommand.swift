import ArgumentParser
import AuditAnalysis
import AuditReport
import AuditStore
import ConductAudit
import ConductAuditServer
import Foundation

/// `conduct-audit serve`: the case as a local web page for reviewing it.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Review a case in the browser: a local page to read, filter, decide and write the sealed folder.",
        discussion: """
            Serves the case on 127.0.0.1 only (never on the network) and prints one
            address with a one-time token: open it in a browser on this computer.
            Nothing is opened by itself and nothing is fetched from the internet.
            Decisions made on the page are recorded exactly as 'review' records them;
            "Write the sealed evidence folder" writes what 'report' writes.
            Stop the server with Ctrl-C.

            Example:
              conduct-audit serve --case Reports/rebecca-hale/case.sqlite \\
                --school Samples/school.yaml --roster Samples/pupils.csv
            """
    )

    @OptionGroup var schoolOptions: SchoolOptions

    @Option(
        help:
            "The staff member (by name in school.yaml); inferred from the case's archives when omitted."
    )
    var staff: String?

    @OptionGroup var location: CaseLocationOptions

    @Option(help: "The port on 127.0.0.1 (default: a free one).")
    var port: Int?

    func validate() throws {
        if location.case == nil { throw ValidationError("Give the case file with --case.") }
        if let port, !(1...65535).contains(port) {
            throw ValidationError("--port must be between 1 and 65535.")
        }
    }

    func run() async throws {
        let school = try schoolOptions.loadSchool()
        let roster = try schoolOptions.loadRoster()
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: location.case ?? ""))
        let archives = try database.archives()
        let member = try CaseAudit(school: school).staffMember(named: staff, owning: archives)
        let configuration = AuditConfiguration(school: school, staff: member, roster: roster)
        let report = CaseReport(
            configuration: configuration,
            inputHashes: try schoolOptions.inputHashes())
        let server = ReviewServer(
            reviewCase: ReviewCase(
                database: database, report: report,
                evidenceFolder: location.evidenceURL(for: member)),
            timeZone: school.school.timeZone)
        do {
            try await server.run(port: port ?? 0) { address in
                Terminal.print(
                    "Reviewing the case of \(member.name). Open this address in a browser on this computer (it works once):"
                )
                Terminal.print("  \(address)")
                Terminal.print("Stop with Ctrl-C.")
            }
        } catch {
            // Binding fails when the port is taken: say so plainly rather than with NIO's words.
            throw InputFailure(
                message:
                    "Cannot serve on \(ReviewServer.host):\(port.map(String.init) ?? "a free port") (\(error)). "
                    + "Choose another --port, or leave --port out for a free one.")
        }
    }
}
