import ArgumentParser
import ConductAudit
import Foundation

/// `conduct-audit verify`: re-hash an evidence folder against its manifest.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an evidence folder against its manifest and name every changed, missing or added file.",
        discussion: """
            Exit status 0 when every file matches, 1 when anything differs, 3 when the manifest is unreadable.
            Example:
              conduct-audit verify Reports/rebecca-hale/evidence
            """
    )

    @Argument(help: "The evidence folder (holding manifest.json).")
    var folder: String

    func run() throws {
        let report = try EvidenceVerifier().verify(directory: URL(fileURLWithPath: folder, isDirectory: true))
        for path in report.changed { Terminal.print("CHANGED  \(path)") }
        for path in report.missing { Terminal.print("MISSING  \(path)") }
        for path in report.added { Terminal.print("ADDED    \(path)") }
        if report.isIntact {
            Terminal.print("Intact: every file matches the manifest (\(report.manifest.files.count) files; manifest SHA-256 \(report.manifestSHA256)).")
        } else {
            Terminal.print("NOT intact: \(report.changed.count) changed, \(report.missing.count) missing, \(report.added.count) added.")
            throw ExitCode(1)
        }
    }
}
