import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation
import Testing

@testable import ConductAuditServer

/// A case file on disk holding the repository's sample exports, audited, and a review server on
/// it with a known token.
struct SampleCase {
    /// The repository root, reached from this file.
    static let repositoryRoot: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root
    }()

    static var samples: URL { repositoryRoot.appendingPathComponent("Samples") }

    /// The token tests open the server with.
    static let token = "0123456789abcdef0123456789abcdef"

    let folder: URL
    let caseURL: URL
    let database: CaseDatabase
    let report: CaseReport
    let analysis: CaseAnalysis
    let server: ReviewServer

    /// The audited sample (Facebook JSON export and the WhatsApp chat with a pupil) in a new
    /// temporary folder; the caller removes `folder`.
    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("review-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        caseURL = folder.appendingPathComponent("case.sqlite")
        database = try CaseDatabase.open(at: caseURL)
        let school = try SchoolConfiguration.load(
            from: Self.samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: Self.samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let configuration = AuditConfiguration(school: school, staff: staff, roster: roster)
        for name in ["facebook-rebeccahale-2025-03-14", "whatsapp-chat-with-ollie-bennett.txt"] {
            let result = try ImportStage().importArchive(
                at: Self.samples.appendingPathComponent(name), localTimeZone: school.school.timeZone
            )
            try database.store(result.archive, items: result.items)
        }
        analysis = try database.analyse(with: configuration)
        report = CaseReport(
            configuration: configuration,
            inputHashes: try CaseReport.inputHashes(
                school: Self.samples.appendingPathComponent("school.yaml"),
                roster: Self.samples.appendingPathComponent("pupils.csv")))
        server = ReviewServer(
            reviewCase: ReviewCase(
                database: database, report: report,
                evidenceFolder: folder.appendingPathComponent("evidence")),
            timeZone: school.school.timeZone, token: Self.token)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
