import ArgumentParser
import AuditModel
import AuditReport
import ConductAudit
import Foundation

/// `conduct-audit verify`: re-hash an evidence folder against its manifest.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Check an evidence folder against its manifest and name every changed, missing or added file.",
        discussion: """
            Exit status 0 when every file matches, 1 when anything differs, 3 when the
            manifest is unreadable.

            Example:
              conduct-audit verify Reports/rebecca-hale/evidence
            """
    )

    @Argument(help: "The evidence folder (holding manifest.json).")
    var folder: String

    @Option(
        help:
            "The manifest's SHA-256 as recorded when the folder was handed over; detects a rewritten manifest."
    )
    var expectManifest: String?

    func run() throws {
        let report = try EvidenceVerifier().verify(
            directory: URL(fileURLWithPath: folder, isDirectory: true))
        let manifest = report.manifest
        Terminal.print(
            "Manifest: \(manifest.kind ?? "evidence") copy\(manifest.staff.map { " for \($0)" } ?? ""), generated \(TimeFormatting.utcISO8601(manifest.generatedAt)) by conduct-audit \(manifest.toolVersion); \(manifest.files.count) files."
        )
        for archive in manifest.archives {
            Terminal.print("  archive \(archive.path): SHA-256 \(archive.sha256)")
        }
        for (name, digest) in manifest.inputHashes.sorted(by: { $0.key < $1.key }) {
            Terminal.print("  \(name): SHA-256 \(digest)")
        }
        var manifestMismatch = false
        if let expectManifest, expectManifest.lowercased() != report.manifestSHA256 {
            Terminal.print(
                "MANIFEST manifest.json: SHA-256 is \(report.manifestSHA256), expected \(expectManifest.lowercased()); the manifest itself was rewritten or this is another folder."
            )
            manifestMismatch = true
        }
        for difference in report.differences {
            Terminal.print("CHANGED  \(difference.path): \(difference.summary)")
        }
        for path in report.missing { Terminal.print("MISSING  \(path)") }
        for path in report.added { Terminal.print("ADDED    \(path)") }
        if report.isIntact && !manifestMismatch {
            Terminal.print(
                "Intact: every file matches the manifest (\(report.manifest.files.count) files; manifest SHA-256 \(report.manifestSHA256))."
            )
        } else {
            Terminal.print(
                "NOT intact: \(report.changed.count) changed, \(report.missing.count) missing, \(report.added.count) added\(manifestMismatch ? ", manifest differs from the one expected" : "")."
            )
            throw ExitCode(1)
        }
    }
}
