import Foundation
import Testing

/// A run killed with SIGKILL at any moment leaves the case consistent and the previous evidence
/// folder intact, and the next run completes.
@Suite(.serialized) struct InterruptedRunTests {
    /// A Facebook export with one thread of `count` messages, big enough to take a while.
    static func writeLargeExport(at root: URL, count: Int) throws {
        try HostileInputTests.writeExport(at: root)
        var messages: [String] = []
        messages.reserveCapacity(count)
        let start = 1_711_152_000_000  // Saturday 2024-03-23 00:00 UTC: no working-hours findings
        for index in 0..<count {
            let sender = index % 2 == 0 ? "Rebecca Hale" : "Sam Carter"
            messages.append(
                #"{"sender_name": "\#(sender)", "timestamp_ms": \#(start + index * 1_000), "content": "Message number \#(index) about the weekend plans"}"#
            )
        }
        let thread =
            #"{"participants": [{"name": "Sam Carter"}, {"name": "Rebecca Hale"}], "messages": [\#(messages.reversed().joined(separator: ","))], "title": "Sam Carter", "thread_path": "inbox/samcarter_1"}"#
        let url = root.appendingPathComponent(
            "your_facebook_activity/messages/inbox/samcarter_1/message_1.json")
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(thread.utf8).write(to: url)
    }

    @Test(
        "kill -9 during an audit leaves a consistent case and an intact evidence folder",
        arguments: [0.2, 0.8, 1.6])
    func killedAudit(after delay: Double) throws {
        let workspace = try HostileInputTests.Workspace()
        defer { workspace.remove() }
        // Given a finished audit of a small export
        try HostileInputTests.writeExport(at: workspace.root.appendingPathComponent("small"))
        let first = try workspace.audit("small")
        #expect(first.status == 0 || first.status == 1, "\(first.standardError)")
        // When an audit of a large export into the same case is killed part-way
        try Self.writeLargeExport(at: workspace.root.appendingPathComponent("large"), count: 60_000)
        let executable = try #require(CommandRunner.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "audit", "large", "--school", "school.yaml", "--roster", "pupils.csv", "--staff",
            "Rebecca Hale",
            "--case", "out/case.sqlite", "--out", "out/evidence",
        ]
        process.currentDirectoryURL = workspace.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Then the evidence folder verifies, the case opens, and the next run completes
        let verify = try CommandRunner.run(["verify", "out/evidence"], in: workspace.root)
        #expect(verify.status == 0, "\(verify.standardOutput)\(verify.standardError)")
        let findings = try CommandRunner.run(
            ["findings", "--case", "out/case.sqlite"], in: workspace.root)
        #expect(findings.status == 0, "\(findings.standardError)")
        let again = try workspace.audit("large")
        #expect(again.status == 0 || again.status == 1, "\(again.standardError)")
        let verifyAgain = try CommandRunner.run(["verify", "out/evidence"], in: workspace.root)
        #expect(verifyAgain.status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.output.path)
            .filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
