import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Progress lines on standard error belong to a person watching a terminal: a log file or a
/// pipe gets none, and --quiet silences the notes too.
@Suite(.serialized) struct ImportProgressTests {
    static let samples = CommandLineTests.samples

    static func importArguments(case caseFile: URL, quiet: Bool) -> [String] {
        [
            "import", samples.appendingPathComponent("facebook-rebeccahale-2025-03-14").path,
            samples.appendingPathComponent("whatsapp-chat-with-ollie-bennett.txt").path,
            "--school", samples.appendingPathComponent("school.yaml").path,
            "--staff", "Rebecca Hale", "--case", caseFile.path,
        ] + (quiet ? ["--quiet"] : [])
    }

    @Test(
        "import writes no progress when standard error is a file, and --quiet no notes either",
        .enabled(
            if: CommandLineTests.isBuilt, "the conduct-audit binary is not built beside the tests"))
    func silentWhenNotATerminal() throws {
        // Given a new case
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseFile = folder.appendingPathComponent("case.sqlite")
        // When importing with standard error redirected to a file
        let first = try CommandLineTests.run(
            Self.importArguments(case: caseFile, quiet: false), in: folder)
        // Then it succeeds and standard error holds no progress line
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Facebook JSON"))
        #expect(!first.error.contains("importing:"))
        #expect(!first.error.contains("\r"))
        // And a re-import with --quiet does not even note the archives already in the case
        let again = try CommandLineTests.run(
            Self.importArguments(case: caseFile, quiet: true), in: folder)
        #expect(again.status == 0, "\(again.error)")
        #expect(again.error.isEmpty)
    }
}
