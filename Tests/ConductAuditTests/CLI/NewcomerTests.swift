import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// What a newcomer meets at the terminal, run through the built binary: help whose examples can
/// be copied whole, ids in any letter case, an aligned findings table, a summary that --quiet
/// keeps, progress for every long stage on a terminal, and caveats summarised.
@Suite(.serialized) struct NewcomerTests {
    static let samples = CommandLineTests.samples
    static let builtTrait = ConditionTrait.enabled(
        if: CommandLineTests.isBuilt, "the conduct-audit binary is not built beside the tests")

    /// Runs the binary with an environment of PATH, HOME and `environment`.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:])
        throws -> CommandLineTests.Run
    {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path].merging(environment) {
            _, new in new
        }
        let output = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let error = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: error)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus, output: try EvidenceFixture.text(output),
            error: try EvidenceFixture.text(error))
    }

    static let subcommands = [
        [], ["audit"], ["import"], ["findings"], ["review"], ["report"], ["verify"], ["timeline"],
        ["self-check"], ["roster"], ["roster", "digest"], ["search"],
    ]

    @Test(
        "every command's --help has an example that a reader can copy whole at 80 columns",
        builtTrait, arguments: subcommands)
    func helpExamplesCopyable(command: [String]) throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let help = try Self.run(command + ["--help"], in: folder, environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let lines = help.output.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let starts = lines.indices.filter {
            lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("conduct-audit ")
                && lines[$0].hasPrefix("  ")
        }
        // An example of this very command.
        let name = (["conduct-audit"] + command).joined(separator: " ")
        #expect(
            starts.contains { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(name) },
            "no example of '\(name)' in:\n\(help.output)")
        for start in starts {
            var index = start
            // A continued line ends in a backslash; the example ends on the first that does not.
            while lines[index].hasSuffix("\\") {
                index += 1
                #expect(index < lines.count)
                if index >= lines.count { break }
            }
            // What follows is blank, another example or prose at the margin: never the rest
            // of a command that the help wrapped.
            let indent = { (line: String) in line.prefix { $0 == " " }.count }
            if index + 1 < lines.count {
                let next = lines[index + 1]
                let isContinuation =
                    !next.trimmingCharacters(in: .whitespaces).isEmpty
                    && indent(next) > indent(lines[start])
                #expect(
                    !isContinuation,
                    "the example at '\(lines[start])' is wrapped mid-command:\n\(help.output)")
            }
            for line in lines[start...min(index, lines.count - 1)] {
                #expect(line.count <= 80, "'\(line)' is wider than 80 columns")
            }
        }
    }

    @Test("review --help says exactly one decision is required", builtTrait)
    func reviewHelpOneDecision() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let help = try Self.run(["review", "--help"], in: folder, environment: ["COLUMNS": "80"])
        #expect(help.output.contains("(--confirm | --dismiss | --declared | --reopen)"))
        #expect(help.output.contains("Exactly one decision is required"))
        // Two decisions at once are refused as a usage error.
        let both = try Self.run(
            [
                "review", "F-000000000000", "--confirm", "--dismiss", "--reason", "x",
                "--reviewer", "y", "--case", "none.sqlite",
            ], in: folder)
        #expect(both.status == 2)
    }

    @Test(
        "--quiet keeps the summary; findings is an aligned table; ids in lower case are accepted",
        builtTrait)
    func quietSummaryTableAndIDCase() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let audit = try Self.run(CommandLineTests.auditArguments + ["--quiet"], in: folder)
        #expect(audit.status == 1)
        #expect(audit.output.contains("Audit of Rebecca Hale"))
        #expect(audit.output.contains("Findings: "))
        #expect(audit.output.contains("Evidence:  "))
        #expect(audit.error.isEmpty)
        // Months without activity are counted on the terminal, listed in the index.
        #expect(audit.output.contains("stretch(es) of months with no activity at all"))
        #expect(!audit.output.contains("No activity at all in "))
        let index = try EvidenceFixture.text(
            folder.appendingPathComponent("Reports/rebecca-hale/evidence/index.html"))
        #expect(index.contains("No activity at all in "))

        let casePath = "Reports/rebecca-hale/case.sqlite"
        let listed = try Self.run(["findings", "--case", casePath], in: folder)
        let lines = listed.output.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("FINDING"))
        let columns = ["INCIDENT", "STATUS", "RULE", "SEVERITY", "LOCAL TIME", "WHAT"]
        let offsets = try columns.map {
            try #require(header.range(of: $0)).lowerBound.utf16Offset(in: header)
        }
        #expect(offsets == offsets.sorted())
        let rows = lines.dropFirst().filter { $0.hasPrefix("F-") }
        #expect(rows.count > 10)
        for row in rows {
            // Each column starts where its header does: the incident id, the status…
            let utf16 = Array(row.utf16)
            #expect(String(decoding: utf16[offsets[0]..<offsets[0] + 4], as: UTF16.self) == "INC-")
            #expect(utf16[offsets[1] - 1] == 32 && utf16[offsets[1] - 2] == 32)
        }

        // A finding id typed in lower case, and an incident id too.
        let id = try #require(rows.first?.split(separator: " ").first.map(String.init))
        let review = try Self.run(
            [
                "review", id.lowercased(), "--confirm", "--reason", "Seen the post",
                "--reviewer", "J. Smith (HR)", "--case", casePath,
            ], in: folder)
        #expect(review.status == 0, "\(review.error)")
        #expect(review.output.contains("Recorded: \(id) is confirmed"))
        let incident = try Self.run(
            ["findings", "--case", casePath, "--incident", "inc-0001"], in: folder)
        #expect(incident.output.split(separator: "\n").count > 2)
        #expect(incident.output.contains("INC-0001"))
    }

    @Test(
        "on a terminal every long stage shows progress: import, reading, analysis, evidence",
        builtTrait, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnATerminal() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // script(1) gives the command a pseudo-terminal, as a person's shell would.
        let command = ([CommandLineTests.binary.path] + CommandLineTests.auditArguments)
            .map { "'\($0)'" }.joined(separator: " ")
        let run = try Self.runScript(command, in: folder)
        for stage in ["importing:", "reading:", "analysing:", "writing evidence:"] {
            #expect(run.contains(stage), "no '\(stage)' progress in:\n\(run)")
        }
        #expect(run.contains(" of "))  // done of total
        #expect(run.contains(" s"))  // elapsed time
        #expect(run.contains("Audit of Rebecca Hale"))

        // --quiet: no progress, the summary stays.
        let quiet = try Self.runScript(command + " --quiet", in: folder)
        #expect(!quiet.contains("analysing:"))
        #expect(quiet.contains("Audit of Rebecca Hale"))
    }

    /// Runs a shell command under script(1) and returns what the terminal showed.
    static func runScript(_ command: String, in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "TERM": "dumb"]
        let output = folder.appendingPathComponent(".script-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: output)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try EvidenceFixture.text(output)
    }

    @Test(
        "an import with many caveats prints a few, the count and where the full list is", builtTrait
    )
    func caveatsSummarised() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A chat (the staff member writing from her listed number) across ten autumn clock
        // changes: each 01:30 on the last Sunday of October
        // happened twice in London, so each message's time is a caveat.
        let days = [
            "30/10/2016", "29/10/2017", "28/10/2018", "27/10/2019", "25/10/2020", "31/10/2021",
            "30/10/2022", "29/10/2023", "27/10/2024", "26/10/2025",
        ]
        let chat =
            days.enumerated().map { index, day in
                "[\(day), 01:30:00] \(index.isMultiple(of: 2) ? "+44 7700 900123" : "Sam Ward"): message \(index)"
            }.joined(separator: "\n") + "\n"
        let chatURL = folder.appendingPathComponent("WhatsApp Chat with Sam Ward.txt")
        try Data(chat.utf8).write(to: chatURL)
        let run = try Self.run(
            [
                "import", chatURL.path, "--school",
                Self.samples.appendingPathComponent("school.yaml").path,
                "--staff", "Rebecca Hale", "--case", "case.sqlite",
            ], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let caveatLines = run.output.split(separator: "\n").filter { $0.contains("caveat: ") }
        #expect(caveatLines.count == 3, "\(run.output)")
        #expect(run.output.contains("… and 7 more caveats (10 in all)"))
        #expect(run.output.contains("listed in the evidence index"))
    }
}
