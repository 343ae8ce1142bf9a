import Foundation
import Testing
import ZIPFoundation

/// Broken and hostile inputs, each run through the built executable as a user would: the exit
/// status, the message, and that nothing was written outside the output folder.
@Suite(.serialized) struct HostileInputTests {
    /// A scratch folder holding the school configuration, the roster and the input under test.
    struct Workspace {
        let root: URL
        var output: URL { root.appendingPathComponent("out") }

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("conduct-audit-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let samples = CommandRunner.repositoryRoot.appendingPathComponent("Samples")
            for name in ["school.yaml", "pupils.csv"] {
                try FileManager.default.copyItem(
                    at: samples.appendingPathComponent(name), to: root.appendingPathComponent(name))
            }
        }

        /// Runs `audit INPUT` with the case and evidence folder under `out/`.
        func audit(_ input: String, extra: [String] = []) throws -> CommandRunner.Result {
            try CommandRunner.run(
                [
                    "audit", input, "--school", "school.yaml", "--roster", "pupils.csv",
                    "--staff", "Rebecca Hale", "--case", "out/case.sqlite", "--out", "out/evidence",
                ] + extra,
                in: root)
        }

        /// Every path created outside `out/` since `before`.
        func strayFiles(since before: Set<String>) -> Set<String> {
            CommandRunner.snapshot(of: root).subtracting(before).filter { !$0.hasPrefix("out") }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let profile = Data(#"{"profile_v2": {"name": {"full_name": "Rebecca Hale"}}}"#.utf8)
    static let posts = Data(
        #"[{"timestamp": 1710840600, "data": [{"post": "Lovely day"}], "title": "Rebecca Hale updated her status."}]"#
            .utf8)
    static let profilePath = "personal_information/profile_information/profile_information.json"
    static let postsPath =
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"

    /// Writes a zip holding `entries` (name, bytes, kind) exactly as named, hostile names included.
    static func writeZip(
        _ entries: [(String, Data, Entry.EntryType)], to url: URL,
        compression: CompressionMethod = .deflate
    ) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data, type) in entries {
            try archive.addEntry(
                with: name, type: type, uncompressedSize: Int64(data.count),
                compressionMethod: compression
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Writes a small valid Facebook export folder plus `extra` files.
    static func writeExport(at root: URL, extra: [String: Data] = [:]) throws {
        var files = [profilePath: profile, postsPath: posts]
        files.merge(extra) { _, new in new }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// The `unparsed` list of the first archive in a `--json` result.
    static func unparsed(in output: String) throws -> [[String: String]] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let archives = try #require(json["archives"] as? [[String: Any]])
        return try #require(archives.first?["unparsed"] as? [[String: String]])
    }

    @Test("random bytes named .zip are refused as no known export, naming the file")
    func randomBytes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: workspace.root.appendingPathComponent("export.zip"))
        let before = CommandRunner.snapshot(of: workspace.root)
        let result = try workspace.audit("export.zip")
        #expect(result.status == 3)
        #expect(result.standardError.contains("export.zip"))
        #expect(result.standardError.contains("is not a recognised social-media export"))
        #expect(workspace.strayFiles(since: before).isEmpty)
    }

    @Test("a truncated zip is refused with what to do, and an existing case is untouched")
    func truncatedZip() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // Given a case that already holds a good export
        try Self.writeExport(at: workspace.root.appendingPathComponent("good"))
        let first = try workspace.audit("good")
        #expect(first.status == 0 || first.status == 1)
        let caseBefore = try Data(
            contentsOf: workspace.output.appendingPathComponent("case.sqlite"))
        // When a truncated zip is audited into the same case
        let zipURL = workspace.root.appendingPathComponent("facebook-rebecca.zip")
        try Self.writeZip(
            [(Self.profilePath, Self.profile, .file), (Self.postsPath, Self.posts, .file)],
            to: zipURL)
        let whole = try Data(contentsOf: zipURL)
        try whole.prefix(whole.count / 2).write(to: zipURL)
        let result = try workspace.audit("facebook-rebecca.zip")
        // Then it is bad input, named, and the case file is byte-for-byte unchanged
        #expect(result.status == 3)
        #expect(result.standardError.contains("facebook-rebecca.zip"))
        let caseAfter = try Data(contentsOf: workspace.output.appendingPathComponent("case.sqlite"))
        #expect(caseBefore == caseAfter)
    }

    @Test("an empty folder and a missing path are refused clearly")
    func emptyAndMissing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(
            at: workspace.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try workspace.audit("empty")
        #expect(empty.status == 3)
        #expect(empty.standardError.contains("holds no files"))
        let missing = try workspace.audit("no-such-export.zip")
        #expect(missing.status == 3)
        #expect(missing.standardError.contains("does not exist"))
    }

    @Test("broken files inside a usable export are listed, never silently skipped")
    func partialImport() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let commentsPath = "your_facebook_activity/comments_and_reactions/comments.json"
        let friendsPath = "connections/friends/your_friends.json"
        let followingPath = "connections/followers/who_you've_followed.json"
        try Self.writeExport(
            at: workspace.root.appendingPathComponent("export"),
            extra: [
                // truncated JSON
                commentsPath: Data(
                    #"{"comments_v2": [{"timestamp": 1710840600, "data": [{"comm"#.utf8),
                // invalid UTF-8
                friendsPath: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x20, 0x31, 0x7D]),
                // wrong type and an impossible time beside a good item
                followingPath: Data(
                    #"{"following_v3": [{"name": "Good Person", "timestamp": 1710840600}, {"name": 42, "timestamp": "yesterday"}, {"name": "Time Traveller", "timestamp": 99999999999999}]}"#
                        .utf8),
            ])
        let result = try workspace.audit("export", extra: ["--json"])
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        let unparsed = try Self.unparsed(in: result.standardOutput)
        let files = unparsed.compactMap { $0["file"] }
        #expect(files.contains(commentsPath))
        #expect(files.contains(friendsPath))
        #expect(files.filter { $0 == followingPath }.count >= 2, "\(unparsed)")
        #expect(unparsed.allSatisfy { ($0["reason"] ?? "").isEmpty == false })
    }

    @Test("hostile entry names and links are refused and nothing is written outside the output")
    func hostileZip() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let zipURL = workspace.root.appendingPathComponent("inner/facebook.zip")
        try FileManager.default.createDirectory(
            at: zipURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let absolute = "/tmp/conduct-audit-evil-\(UUID().uuidString).json"
        try Self.writeZip(
            [
                (Self.profilePath, Self.profile, .file), (Self.postsPath, Self.posts, .file),
                ("../../evil.json", Data("{}".utf8), .file),
                (absolute, Data("{}".utf8), .file),
                ("your_facebook_activity/link.json", Data("/etc/passwd".utf8), .symlink),
                (Self.postsPath, Data("[]".utf8), .file),
            ], to: zipURL)
        let before = CommandRunner.snapshot(of: workspace.root)
        let result = try workspace.audit("inner/facebook.zip", extra: ["--json"])
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        let reasons = try Self.unparsed(in: result.standardOutput).map {
            "\($0["file"] ?? ""): \($0["reason"] ?? "")"
        }
        #expect(
            reasons.contains { $0.contains("evil.json") && $0.contains("escapes the archive root") }
        )
        #expect(reasons.contains { $0.contains("link.json") && $0.contains("symbolic link") })
        #expect(reasons.contains { $0.contains("duplicate entry") })
        #expect(workspace.strayFiles(since: before).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: absolute))
        #expect(
            !FileManager.default.fileExists(
                atPath: workspace.root.deletingLastPathComponent().appendingPathComponent(
                    "evil.json"
                ).path))
    }

    @Test("a zip bomb entry is refused by its compression ratio, the rest imports")
    func zipBomb() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let zipURL = workspace.root.appendingPathComponent("facebook.zip")
        let zeros = Data(count: 48 << 20)
        try Self.writeZip(
            [
                (Self.profilePath, Self.profile, .file), (Self.postsPath, Self.posts, .file),
                ("your_facebook_activity/messages/inbox/bomb_1/message_1.json", zeros, .file),
            ], to: zipURL)
        let result = try workspace.audit("facebook.zip", extra: ["--json"])
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        let unparsed = try Self.unparsed(in: result.standardOutput)
        #expect(unparsed.contains { ($0["reason"] ?? "").contains("possible zip bomb") })
        // Raising the limits lets a genuine, highly compressible file through to the parser.
        let raised = try workspace.audit(
            "facebook.zip",
            extra: ["--json", "--raise-limits", "100", "--case", "out/raised.sqlite"])
        #expect(raised.status == 0 || raised.status == 1 || raised.status == 3)
        #expect(!raised.standardOutput.contains("possible zip bomb"))
    }

    @Test("an invalid school.yaml and a bad roster row are bad input naming file and place")
    func badConfiguration() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.writeExport(at: workspace.root.appendingPathComponent("export"))
        let yaml = try String(
            contentsOf: workspace.root.appendingPathComponent("school.yaml"), encoding: .utf8)
        try yaml.replacingOccurrences(of: #"start: "08:30""#, with: #"start: "half past eight""#)
            .write(
                to: workspace.root.appendingPathComponent("school.yaml"), atomically: true,
                encoding: .utf8)
        let badYAML = try workspace.audit("export")
        #expect(badYAML.status == 3)
        #expect(badYAML.standardError.contains("school.yaml"))
        #expect(badYAML.standardError.contains("working_hours.start"))

        try yaml.write(
            to: workspace.root.appendingPathComponent("school.yaml"), atomically: true,
            encoding: .utf8)
        var roster = try String(
            contentsOf: workspace.root.appendingPathComponent("pupils.csv"), encoding: .utf8)
        roster += "X123,Sam,Smith,,,31/02/2015,3,01/09/2019,,\n"
        try roster.write(
            to: workspace.root.appendingPathComponent("pupils.csv"), atomically: true,
            encoding: .utf8)
        let badRoster = try workspace.audit("export")
        #expect(badRoster.status == 3)
        #expect(badRoster.standardError.contains("pupils.csv"))
        #expect(badRoster.standardError.contains("line"))
    }
}
