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

/// `conduct-audit serve` in a real browser: headless Chromium driven by Python's selenium
/// (`scripts/review-in-browser.py`) filters, opens an incident and dismisses a finding; then the
/// case file and its audit log are checked. `.ci/run` installs the browser and selenium.
@Suite struct BrowserReviewTests {
    static let script = SampleCase.repositoryRoot.appendingPathComponent(
        "scripts/review-in-browser.py")

    /// Why the test cannot run here, or nil when it can.
    static let missingTool: String? = {
        if !FileManager.default.isExecutableFile(atPath: ConcurrentReviewTests.executable.path) {
            return "needs the built .build/debug/conduct-audit"
        }
        for tool in ["chromium", "chromedriver", "python3"] where which(tool) == nil {
            return "needs \(tool) on PATH (.ci/run installs Debian's chromium and chromium-driver)"
        }
        let python = which("python3").map { URL(fileURLWithPath: $0) }
        if (try? python.map { try run($0, ["-c", "import selenium"]).status }) != 0 {
            return "needs Python's selenium (.ci/run installs it with pip)"
        }
        return nil
    }()

    @Test(
        "a reviewer filters, opens an incident and dismisses a finding in Chromium; the case and its audit log record it",
        .enabled(if: missingTool == nil, "\(missingTool ?? "")"), .timeLimit(.minutes(10)))
    func dismissInBrowser() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let server = Process()
        server.executableURL = ConcurrentReviewTests.executable
        server.arguments = [
            "serve", "--case", sample.caseURL.path,
            "--school", SampleCase.samples.appendingPathComponent("school.yaml").path,
            "--roster", SampleCase.samples.appendingPathComponent("pupils.csv").path,
            "--out", sample.folder.appendingPathComponent("evidence").path,
        ]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            if server.isRunning { server.interrupt() }
            server.waitUntilExit()
        }
        let address = try #require(
            Self.address(printedBy: output.fileHandleForReading), "serve printed no address")
        #expect(address.hasPrefix("http://127.0.0.1:"))

        let shots =
            ProcessInfo.processInfo.environment["CONDUCT_AUDIT_SCREENSHOTS"]
            ?? sample.folder.appendingPathComponent("screenshots").path
        let python = URL(fileURLWithPath: try #require(Self.which("python3")))
        let result = try Self.run(python, [Self.script.path, address, shots])
        try #require(result.status == 0, "the browser script failed: \(result.error)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: String])
        let finding = FindingID(typed: try #require(report["finding"]))

        let reviews = try sample.database.reviews(of: finding)
        #expect(reviews.count == 1)
        #expect(reviews.last?.decision == .dismissed)
        #expect(reviews.last?.reason == report["reason"])
        #expect(reviews.last?.reviewer == "J. Smith (HR)")
        #expect(try sample.database.findings().first { $0.id == finding }?.status == .dismissed)
        let log = try sample.database.auditLog()
        #expect(
            log.contains {
                $0.command == "serve"
                    && $0.summary
                        == "J. Smith (HR) marked \(finding) dismissed: \(report["reason"] ?? "")"
            })
        #expect(log.last?.summary.hasPrefix("re-rendered") == true)
        #expect(
            try EvidenceVerifier().verify(
                directory: sample.folder.appendingPathComponent("evidence")
            ).isIntact)
        for page in [
            "1-summary", "2-incidents-filtered", "3-incident", "4-incident-decided", "5-audit-log",
        ] {
            #expect(FileManager.default.fileExists(atPath: shots + "/\(page).png"), "\(page)")
        }
    }

    /// The address `serve` prints, read from its output within a minute.
    static func address(printedBy handle: FileHandle) -> String? {
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { return nil }
            printed += String(decoding: data, as: UTF8.self)
            if let line = printed.split(separator: "\n").first(where: { $0.contains("?token=") }) {
                return line.trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to its end with its output in files.
    static func run(_ program: URL, _ arguments: [String]) throws -> (
        status: Int32, output: String, error: String
    ) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "browser-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
            try String(contentsOf: err, encoding: .utf8)
        )
    }
}
