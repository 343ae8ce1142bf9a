import Foundation
import Testing

/// What a run leaves behind and prints: owner-only files, no remote resources in the evidence,
/// and no message content on the terminal.
@Suite(.serialized) struct PrivacyTests {
    /// The README's sample audit, with a disclosure copy, into `out/`.
    static func auditSamples(in workspace: HostileInputTests.Workspace, extra: [String] = [])
        throws -> CommandRunner.Result
    {
        let samples = CommandRunner.repositoryRoot.appendingPathComponent("Samples").path
        let archives = [
            "facebook-rebeccahale-2025-03-14", "instagram-beckyhale-2025-03-14",
            "twitter-beckyhale-2025-03-14.zip", "whatsapp-chat-with-ollie-bennett.txt",
            "whatsapp-year5-parents.zip", "snapchat-beckyhale-2025-03-14",
            "tiktok-beckyhale-2025-03-14.zip",
        ].map { "\(samples)/\($0)" }
        return try CommandRunner.run(
            ["audit"] + archives + [
                "--school", "school.yaml", "--roster", "pupils.csv", "--case", "out/case.sqlite",
                "--out", "out/evidence", "--redact-third-parties",
            ] + extra, in: workspace.root, timeout: 300)
    }

    static func permissions(_ url: URL) throws -> Int {
        try #require(
            try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test("the case file, every evidence folder and file (media, disclosure copy) are owner-only")
    func ownerOnly() throws {
        let workspace = try HostileInputTests.Workspace()
        defer { workspace.remove() }
        let result = try Self.auditSamples(in: workspace)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(
            try Self.permissions(workspace.output.appendingPathComponent("case.sqlite")) == 0o600)
        let evidence = workspace.output.appendingPathComponent("evidence")
        var sawMedia = false
        var sawDisclosure = false
        for path in CommandRunner.snapshot(of: evidence) {
            let url = evidence.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            #expect(try Self.permissions(url) == (isDirectory.boolValue ? 0o700 : 0o600), "\(path)")
            sawMedia = sawMedia || path.contains("/media/")
            sawDisclosure = sawDisclosure || path.hasPrefix("disclosure/")
        }
        #expect(try Self.permissions(evidence) == 0o700)
        #expect(sawMedia, "the samples should produce media copies")
        #expect(sawDisclosure, "--redact-third-parties should write a disclosure copy")
    }

    @Test("no page of the evidence loads anything from the network")
    func noRemoteResources() throws {
        let workspace = try HostileInputTests.Workspace()
        defer { workspace.remove() }
        let result = try Self.auditSamples(in: workspace)
        #expect(result.status == 1, "\(result.standardError)")
        let evidence = workspace.output.appendingPathComponent("evidence")
        let remote = try Regex(
            #"<(img|link|script|iframe|source|video|audio|object|embed)\b[^>]*\b(src|href|srcset|data)\s*=\s*["']?\s*(https?:)?//"#
        ).ignoresCase()
        let cssRemote = try Regex(#"url\(\s*["']?\s*(https?:)?//"#).ignoresCase()
        var pages = 0
        for path in CommandRunner.snapshot(of: evidence) where path.hasSuffix(".html") {
            pages += 1
            let html = try String(
                contentsOf: evidence.appendingPathComponent(path), encoding: .utf8)
            #expect(html.firstMatch(of: remote) == nil, "\(path) loads a remote resource")
            #expect(
                html.firstMatch(of: cssRemote) == nil, "\(path) loads a remote stylesheet resource")
        }
        #expect(pages > 3)
    }

    @Test("audit and import print no message content on the terminal")
    func terminalHasNoContent() throws {
        let workspace = try HostileInputTests.Workspace()
        defer { workspace.remove() }
        let audit = try Self.auditSamples(in: workspace)
        let imported = try CommandRunner.run(
            [
                "import",
                CommandRunner.repositoryRoot.appendingPathComponent(
                    "Samples/whatsapp-chat-with-ollie-bennett.txt"
                ).path, "--school", "school.yaml", "--case", "out/other.sqlite",
            ], in: workspace.root)
        // Words of messages in the samples, none of which may reach the terminal.
        let content = [
            "my mum gave me ur number", "check my maths homework", "only for the residential trip",
        ]
        for result in [audit, imported] {
            for phrase in content {
                #expect(!result.standardOutput.contains(phrase), "stdout quotes '\(phrase)'")
                #expect(!result.standardError.contains(phrase), "stderr quotes '\(phrase)'")
            }
        }
    }
}
