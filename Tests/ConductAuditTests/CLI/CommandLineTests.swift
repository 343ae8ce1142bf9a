import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// A few runs of the built `conduct-audit` binary: standard output, standard error and the exit
/// status, as a user sees them. Skipped when the binary has not been built beside the tests.
@Suite(.serialized) struct CommandLineTests {
    /// The binary in the build products folder, beside this test bundle's resources.
    static let binary = Bundle.module.bundleURL.deletingLastPathComponent()
        .appendingPathComponent("conduct-audit")
    static let isBuilt = FileManager.default.isExecutableFile(atPath: binary.path)
    static let samples = ReviewWorkflowTests.samples

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the binary in `folder` with `arguments` and an environment whose PATH is `path`.
    static func run(_ arguments: [String], in folder: URL, path: String = "/usr/bin:/bin") throws
        -> Run
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ["PATH": path, "HOME": folder.path]
        let output = folder.appendingPathComponent(".stdout")
        let error = folder.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: error)
        }
        return Run(
            status: process.terminationStatus, output: try EvidenceFixture.text(output),
            error: try EvidenceFixture.text(error))
    }

    static var auditArguments: [String] {
        [
            "audit", samples.appendingPathComponent("facebook-rebeccahale-2025-03-14").path,
            "--school", samples.appendingPathComponent("school.yaml").path,
            "--roster", samples.appendingPathComponent("pupils.csv").path,
        ]
    }

    @Test(
        "audit --pdf without Chromium says so clearly and still writes the evidence",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func pdfWithoutChromium() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let run = try Self.run(Self.auditArguments + ["--pdf"], in: folder, path: "/nonexistent")

        #expect(run.status == 1)  // open findings
        #expect(
            run.error.contains("warning: PDFs were not written: Chromium was not found on PATH"))
        let evidence = folder.appendingPathComponent("Reports/rebecca-hale/evidence")
        #expect(
            FileManager.default.fileExists(
                atPath: evidence.appendingPathComponent("index.html").path))
        #expect(
            !FileManager.default.fileExists(
                atPath: evidence.appendingPathComponent("index.pdf").path))
    }

    @Test(
        "outcome records an incident's outcome; a re-run that drops PDFs says so",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func outcomeAndDroppedPDFs() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let casePath = "Reports/rebecca-hale/case.sqlite"
        #expect(try Self.run(Self.auditArguments, in: folder).status == 1)

        let recorded = try Self.run(
            [
                "outcome", "inc-0001", "--unsubstantiated", "--reason", "Timer app",
                "--reviewer", "J. Smith (HR)", "--case", casePath,
            ], in: folder)
        #expect(recorded.status == 0)
        #expect(
            recorded.output.contains("Recorded: INC-0001 is unsubstantiated (by J. Smith (HR))"))
        let unknown = try Self.run(
            [
                "outcome", "INC-9999", "--false", "--reason", "x", "--reviewer", "y",
                "--case", casePath,
            ], in: folder)
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("There is no incident 'INC-9999'"))
        let two = try Self.run(
            [
                "outcome", "INC-0001", "--false", "--malicious", "--reason", "x", "--reviewer",
                "y", "--case", casePath,
            ], in: folder)
        #expect(two.status != 0)

        // A folder printed before (its manifest lists a PDF) re-rendered without --pdf.
        let evidence = folder.appendingPathComponent("Reports/rebecca-hale/evidence")
        let manifestURL = evidence.appendingPathComponent("manifest.json")
        let manifest = try EvidenceFixture.text(manifestURL).replacingOccurrences(
            of: #""files" : ["#,
            with: #""files" : [{"path" : "index.pdf", "sha256" : "00", "size" : 1},"#)
        try Data(manifest.utf8).write(to: manifestURL)
        let rerun = try Self.run(Self.auditArguments, in: folder)
        #expect(rerun.status == 1)
        #expect(
            rerun.error.contains("the previous evidence folder had 1 PDF(s); this run writes none"))
        let page = try EvidenceFixture.text(
            evidence.appendingPathComponent("INC-0001/incident.html"))
        #expect(page.contains("<strong>unsubstantiated</strong>"))
    }

    @Test(
        "review, report and a re-run audit keep and show the decision; verify names an edit",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func reviewAcrossReRun() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let casePath = "Reports/rebecca-hale/case.sqlite"
        #expect(try Self.run(Self.auditArguments, in: folder).status == 1)
        let listed = try Self.run(["findings", "--case", casePath, "--status", "open"], in: folder)
        // The first line is the table's header; the id leads each row.
        let rows = listed.output.split(separator: "\n").dropFirst()
        let id = try #require(rows.first?.split(separator: " ").first.map(String.init))

        let review = try Self.run(
            [
                "review", id, "--dismiss", "--reason", "Scheduled the night before", "--reviewer",
                "J. Smith (HR)",
                "--case", casePath,
            ], in: folder)
        #expect(review.status == 0)
        #expect(try Self.run(Self.auditArguments, in: folder).status == 1)

        let dismissed = try Self.run(
            ["findings", "--case", casePath, "--status", "dismissed"], in: folder)
        #expect(dismissed.output.split(separator: "\n").dropFirst().first?.hasPrefix(id) == true)
        #expect(dismissed.output.contains("1 of "))
        let evidence = folder.appendingPathComponent("Reports/rebecca-hale/evidence")
        let pages = try FileManager.default.contentsOfDirectory(atPath: evidence.path)
            .filter { $0.hasPrefix("INC-") }
            .map {
                try EvidenceFixture.text(evidence.appendingPathComponent("\($0)/incident.html"))
            }
        #expect(
            pages.contains {
                $0.contains("by <strong>J. Smith (HR)</strong>")
                    && $0.contains("Scheduled the night before")
            })

        let intact = try Self.run(["verify", evidence.path], in: folder)
        #expect(intact.status == 0)
        try Data("tampered".utf8).write(
            to: evidence.appendingPathComponent("INC-0001/incident.json"))
        let tampered = try Self.run(["verify", evidence.path], in: folder)
        #expect(tampered.status == 1)
        #expect(tampered.output.contains("CHANGED  INC-0001/incident.json: SHA-256 was"))
    }

    @Test(
        "self-check prints a summary and writes nothing; roster digest holds no names",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func selfCheckWithDigest() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let digest = try Self.run(
            [
                "roster", "digest", "--roster",
                Self.samples.appendingPathComponent("pupils.csv").path,
                "--out", "digest.json",
            ], in: folder)
        #expect(digest.status == 0)
        let digestText = try EvidenceFixture.text(folder.appendingPathComponent("digest.json"))
        #expect(!digestText.contains("Bennett"))
        #expect(
            try EvidenceFixture.permissions(folder.appendingPathComponent("digest.json")) == 0o600)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        let run = try Self.run(
            [
                "self-check",
                Self.samples.appendingPathComponent("facebook-rebeccahale-2025-03-14").path,
                "--school", Self.samples.appendingPathComponent("school.yaml").path,
                "--roster-digest", "digest.json",
            ], in: folder)

        #expect(run.status == 1)
        #expect(run.output.contains("Self-check for Rebecca Hale"))
        #expect(run.output.contains("“Ollie Bennett” — a pupil on roll"))
        #expect(run.output.contains("WHAT YOU CAN DO"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }
}
