import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation
import Testing
import ZIPFoundation

/// Zips built to mislead the reader: names in odd encodings, sizes that lie, zips inside the
/// export, very many entries, one very large file, and the same files given twice. Each is run
/// through the built executable: the exit status, the message or `unparsed`, and that nothing
/// was written outside the output folder.
@Suite(.serialized) struct HostileArchiveTests {
    typealias Workspace = HostileInputTests.Workspace

    /// The base of a usable Facebook export: its profile and one post.
    static var baseEntries: [(String, Data, Entry.EntryType)] {
        [
            (HostileInputTests.profilePath, HostileInputTests.profile, .file),
            (HostileInputTests.postsPath, HostileInputTests.posts, .file),
        ]
    }

    /// Offsets of every local (`PK\u{3}\u{4}`) and central (`PK\u{1}\u{2}`) header naming `name`.
    static func headers(naming name: String, in zip: [UInt8]) -> (local: [Int], central: [Int]) {
        let bytes = Array(name.utf8)
        var local: [Int] = []
        var central: [Int] = []
        var index = 0
        while index + 4 <= zip.count {
            defer { index += 1 }
            guard zip[index] == 0x50, zip[index + 1] == 0x4B else { continue }
            if zip[index + 2] == 3, zip[index + 3] == 4, zip.count >= index + 30 + bytes.count,
                Array(zip[(index + 30)..<(index + 30 + bytes.count)]) == bytes
            {
                local.append(index)
            } else if zip[index + 2] == 1, zip[index + 3] == 2,
                zip.count >= index + 46 + bytes.count,
                Array(zip[(index + 46)..<(index + 46 + bytes.count)]) == bytes
            {
                central.append(index)
            }
        }
        return (local, central)
    }

    static func writeUInt32(_ value: UInt32, at offset: Int, in zip: inout [UInt8]) {
        for byte in 0..<4 { zip[offset + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte)) }
    }

    @Test("entry names in CP437 and invalid UTF-8 are read or listed, never a crash")
    func oddNameEncodings() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let zipURL = workspace.root.appendingPathComponent("facebook.zip")
        let cp437 = "your_facebook_activity/posts/AAAA.json"
        let invalid = "your_facebook_activity/posts/BBBB.json"
        try HostileInputTests.writeZip(
            Self.baseEntries + [
                (cp437, Data("[]".utf8), .file), (invalid, Data("[]".utf8), .file),
            ],
            to: zipURL)
        var zip = [UInt8](try Data(contentsOf: zipURL))
        // "AAAA" becomes CP437 "é≡Ç⌐" (flag bit 11 cleared); "BBBB" invalid UTF-8 with bit 11 set.
        let renames: [(String, [UInt8], Bool)] = [
            (cp437, [0x82, 0xF0, 0x80, 0xA9], false), (invalid, [0xFF, 0xC0, 0xED, 0xA0], true),
        ]
        for (name, replacement, utf8) in renames {
            let found = Self.headers(naming: name, in: zip)
            #expect(found.local.count == 1 && found.central.count == 1)
            for (offset, nameOffset, flagOffset) in found.local.map({ ($0, 30, 6) })
                + found.central.map({ ($0, 46, 8) })
            {
                let start = offset + nameOffset + name.utf8.count - 9  // the "XXXX" before ".json"
                zip.replaceSubrange(start..<(start + 4), with: replacement)
                if utf8 {
                    zip[offset + flagOffset + 1] |= 0x08
                } else {
                    zip[offset + flagOffset + 1] &= ~0x08
                }
            }
        }
        try Data(zip).write(to: zipURL)
        let before = CommandRunner.snapshot(of: workspace.root)
        let result = try workspace.audit("facebook.zip", extra: ["--json"])
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        let unparsed = try HostileInputTests.unparsed(in: result.standardOutput)
        #expect(
            unparsed.contains { ($0["reason"] ?? "").contains("not valid UTF-8") }, "\(unparsed)")
        #expect(
            result.standardOutput.contains("posts/\\u00e9")
                || result.standardOutput.contains("posts/é"))
        #expect(workspace.strayFiles(since: before).isEmpty)
    }

    @Test("an entry that expands beyond its declared size is stopped there and listed")
    func lyingSizes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let zipURL = workspace.root.appendingPathComponent("facebook.zip")
        let liar = "your_facebook_activity/comments_and_reactions/comments.json"
        let absurd = "connections/friends/your_friends.json"
        // 4 MiB of JSON whitespace: compresses far, declared as 100 bytes.
        let big =
            Data(#"{"comments_v2": ["#.utf8) + Data(repeating: 0x20, count: 4 << 20)
            + Data("]}".utf8)
        try HostileInputTests.writeZip(
            Self.baseEntries + [
                (liar, big, .file), (absurd, Data(#"{"friends_v2": []}"#.utf8), .file),
            ],
            to: zipURL)
        var zip = [UInt8](try Data(contentsOf: zipURL))
        let lying = Self.headers(naming: liar, in: zip)
        for offset in lying.local { Self.writeUInt32(100, at: offset + 22, in: &zip) }
        for offset in lying.central { Self.writeUInt32(100, at: offset + 24, in: &zip) }
        // And a compressed size far beyond the zip's own length.
        let claiming = Self.headers(naming: absurd, in: zip)
        for offset in claiming.local { Self.writeUInt32(0xFFFF_FFF0, at: offset + 18, in: &zip) }
        for offset in claiming.central { Self.writeUInt32(0xFFFF_FFF0, at: offset + 20, in: &zip) }
        try Data(zip).write(to: zipURL)
        let before = CommandRunner.snapshot(of: workspace.root)
        let result = try workspace.audit("facebook.zip", extra: ["--json"])
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        let unparsed = try HostileInputTests.unparsed(in: result.standardOutput)
        #expect(
            unparsed.contains {
                $0["file"] == liar && ($0["reason"] ?? "").contains("beyond its declared size")
            },
            "\(unparsed)")
        #expect(
            unparsed.contains {
                $0["file"] == absurd && ($0["reason"] ?? "").contains("larger than the zip itself")
            },
            "\(unparsed)")
        #expect(workspace.strayFiles(since: before).isEmpty)
    }

    @Test("zips inside an export are indexed or listed, never opened or unpacked")
    func nestedZips() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let innerURL = workspace.root.appendingPathComponent("inner.zip")
        try HostileInputTests.writeZip(
            [("../../escaped.json", Data("{}".utf8), .file)] + Self.baseEntries, to: innerURL)
        let inner = try Data(contentsOf: innerURL)
        try FileManager.default.removeItem(at: innerURL)
        let nestedMedia = "your_facebook_activity/messages/inbox/sam_1/files/holiday.zip"
        let nestedTop = "backup/facebook-old.zip"
        let zipURL = workspace.root.appendingPathComponent("facebook.zip")
        try HostileInputTests.writeZip(
            Self.baseEntries + [(nestedMedia, inner, .file), (nestedTop, inner, .file)], to: zipURL)
        let before = CommandRunner.snapshot(of: workspace.root)
        let result = try workspace.audit("facebook.zip", extra: ["--json"])
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        // The result document does not list media; the import itself says where each file went.
        let imported = try ImportStage().importArchive(at: zipURL, localTimeZone: FuzzRun.london)
        let media = imported.archive.media.map(\.path)
        let unparsed = imported.archive.unparsed.map(\.file)
        for path in [nestedMedia, nestedTop] {
            #expect(
                media.contains(path) || unparsed.contains(path), "\(path): \(media) \(unparsed)")
        }
        #expect(workspace.strayFiles(since: before).isEmpty)
        #expect(
            !FileManager.default.fileExists(
                atPath: workspace.root.deletingLastPathComponent().appendingPathComponent(
                    "escaped.json"
                ).path))
    }

    @Test("a zip of 100,000 tiny files imports in reasonable time and memory")
    func manyEntries() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let zipURL = workspace.root.appendingPathComponent("facebook.zip")
        var files = Self.baseEntries.map { ($0.0, $0.1) }
        for index in 0..<100_000 {
            files.append(
                (
                    "your_facebook_activity/messages/inbox/t_\(index / 1000)/photos/\(index).jpg",
                    Data([UInt8(index & 0xFF)])
                ))
        }
        try StoredZipWriter.write(files, to: zipURL)
        let before = CommandRunner.snapshot(of: workspace.root)
        let started = Date()
        let result = try CommandRunner.run(
            [
                "import", "facebook.zip", "--school", "school.yaml", "--staff", "Rebecca Hale",
                "--case", "out/case.sqlite",
            ], in: workspace.root, timeout: 300)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Facebook"), "\(result.standardOutput)")
        #expect(elapsed < 240, "took \(elapsed) s")
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 2_000_000, "peak resident size \(usage.ru_maxrss) KiB")
        #expect(workspace.strayFiles(since: before).isEmpty)
    }

    @Test("a 30 MB JSON file imports within a bound")
    func largeJSONFile() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let filler = String(repeating: "The weekend plans are still on. ", count: 40)
        var posts: [String] = []
        for index in 0..<22_000 {
            posts.append(
                #"{"timestamp": \#(1_711_152_000 + index * 60), "data": [{"post": "\#(index) \#(filler)"}]}"#
            )
        }
        let json = Data(("[" + posts.joined(separator: ",") + "]").utf8)
        #expect(json.count > 28_000_000)
        try HostileInputTests.writeExport(
            at: workspace.root.appendingPathComponent("export"),
            extra: [HostileInputTests.postsPath: json])
        let before = CommandRunner.snapshot(of: workspace.root)
        let started = Date()
        let result = try CommandRunner.run(
            [
                "import", "export", "--school", "school.yaml", "--staff", "Rebecca Hale",
                "--case", "out/case.sqlite",
            ], in: workspace.root, timeout: 300)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("22001 items"), "\(result.standardOutput)")
        #expect(elapsed < 240, "took \(elapsed) s")
        #expect(workspace.strayFiles(since: before).isEmpty)
    }

    @Test("the same export given as a folder and its copy is not counted twice")
    func duplicateFolderAndCopy() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try HostileInputTests.writeExport(at: workspace.root.appendingPathComponent("export"))
        try FileManager.default.copyItem(
            at: workspace.root.appendingPathComponent("export"),
            to: workspace.root.appendingPathComponent("export copy"))
        let before = CommandRunner.snapshot(of: workspace.root)
        let result = try workspace.audit("export", extra: ["--json"])
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        let again = try CommandRunner.run(
            [
                "audit", "export", "export copy", "--school", "school.yaml", "--roster",
                "pupils.csv",
                "--staff", "Rebecca Hale", "--case", "out/case.sqlite", "--out", "out/evidence",
            ],
            in: workspace.root)
        #expect(
            again.status == 0 || again.status == 1 || again.status == 3, "\(again.standardError)")
        let timeline = try CommandRunner.run(
            ["timeline", "--case", "out/case.sqlite"], in: workspace.root)
        #expect(timeline.status == 0, "\(timeline.standardError)")
        let posts = timeline.standardOutput.components(separatedBy: "Lovely day").count - 1
        #expect(posts == 1, "\(timeline.standardOutput)")
        #expect(workspace.strayFiles(since: before).isEmpty)
    }
}

/// Writes a zip of stored (uncompressed) entries directly, with ZIP64 end records when it holds
/// more than 65,535 entries: ZIPFoundation rewrites its central directory on every added entry,
/// which is too slow for tests of very many files.
enum StoredZipWriter {
    static func write(_ files: [(String, Data)], to url: URL) throws {
        var out = Data()
        var central = Data()
        func u16(_ value: Int, _ data: inout Data) {
            withUnsafeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian) {
                data.append(contentsOf: $0)
            }
        }
        func u32(_ value: UInt32, _ data: inout Data) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        func u64(_ value: Int, _ data: inout Data) {
            withUnsafeBytes(of: UInt64(value).littleEndian) { data.append(contentsOf: $0) }
        }
        for (name, data) in files {
            let crc = ZipChecksum.checksum(data)
            let nameBytes = Data(name.utf8)
            let offset = out.count
            u32(0x0403_4B50, &out)
            u16(20, &out)
            u16(0x0800, &out)
            u16(0, &out)
            u16(0, &out)
            u16(0x21, &out)
            u32(crc, &out)
            u32(UInt32(data.count), &out)
            u32(UInt32(data.count), &out)
            u16(nameBytes.count, &out)
            u16(0, &out)
            out.append(nameBytes)
            out.append(data)
            u32(0x0201_4B50, &central)
            u16(20, &central)
            u16(20, &central)
            u16(0x0800, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0x21, &central)
            u32(crc, &central)
            u32(UInt32(data.count), &central)
            u32(UInt32(data.count), &central)
            u16(nameBytes.count, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u32(0o100644 << 16, &central)
            u32(UInt32(offset), &central)
            central.append(nameBytes)
        }
        let centralOffset = out.count
        out.append(central)
        if files.count > 0xFFFF {
            let zip64Offset = out.count
            u32(0x0606_4B50, &out)
            u64(44, &out)
            u16(45, &out)
            u16(45, &out)
            u32(0, &out)
            u32(0, &out)
            u64(files.count, &out)
            u64(files.count, &out)
            u64(central.count, &out)
            u64(centralOffset, &out)
            u32(0x0706_4B50, &out)
            u32(0, &out)
            u64(zip64Offset, &out)
            u32(1, &out)
        }
        let count = min(files.count, 0xFFFF)
        u32(0x0605_4B50, &out)
        u16(0, &out)
        u16(0, &out)
        u16(count, &out)
        u16(count, &out)
        u32(UInt32(central.count), &out)
        u32(UInt32(centralOffset), &out)
        u16(0, &out)
        try out.write(to: url)
    }
}

/// CRC-32 (IEEE), as zip entries record it.
enum ZipChecksum {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
