import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConductAuditServer

/// The command line and the review page deciding on the same case at the same time.
@Suite struct ConcurrentReviewTests {
    /// The `conduct-audit` executable `swift build` puts in `.build/debug`.
    static let executable = SampleCase.repositoryRoot.appendingPathComponent(
        ".build/debug/conduct-audit")

    @Test(
        "decisions from `conduct-audit review` and from the page, made at the same time, are all recorded and logged",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: executable.path),
            "needs the built .build/debug/conduct-audit (swift build)"))
    func commandLineAndPageTogether() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let findings = sample.analysis.findings
        try #require(findings.count >= 12)
        let byCommandLine = Array(findings.prefix(6))
        let byPage = Array(findings.dropFirst(6).prefix(6))
        let caseURL = sample.caseURL
        let logBefore = try sample.database.auditLog().count

        async let commandLine: [Int32] = Task.detached {
            try byCommandLine.map { finding in
                try Self.run([
                    "review", finding.id.rawValue, "--dismiss", "--reason", "Scheduled post",
                    "--reviewer", "A. Clerk (CLI)", "--case", caseURL.path,
                ])
            }
        }.value
        let server = sample.server
        async let page: Void = server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            let token = try await ReviewClient.formToken("/incidents", client, cookie: cookie)
            for finding in byPage {
                try await client.execute(
                    uri: "/decisions", method: .post, headers: ReviewClient.form(cookie),
                    body: ByteBuffer(
                        string:
                            "finding=\(finding.id.rawValue)&decision=confirm&reason=Admitted&reviewer=B.+Head+%28page%29&csrf=\(token)"
                    )
                ) { #expect($0.status == .seeOther) }
                // The page reads the case between decisions, as a reviewer's browser does.
                _ = try await ReviewClient.page("/incidents", client, cookie: cookie)
            }
        }
        let statuses = try await commandLine
        try await page
        #expect(statuses == Array(repeating: 0, count: 6))

        let reviews = try sample.database.reviews()
        for finding in byCommandLine {
            #expect(reviews[finding.id]?.map(\.decision) == [.dismissed], "\(finding.id)")
        }
        for finding in byPage {
            #expect(reviews[finding.id]?.map(\.decision) == [.confirmed], "\(finding.id)")
        }
        let log = try sample.database.auditLog().dropFirst(logBefore)
        #expect(
            log.filter { $0.command == "review" && $0.summary.hasPrefix("A. Clerk (CLI) marked") }
                .count == 6)
        #expect(
            log.filter { $0.command == "serve" && $0.summary.hasPrefix("B. Head (page) marked") }
                .count == 6)
    }

    /// Runs the executable to its end; returns its exit status.
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
