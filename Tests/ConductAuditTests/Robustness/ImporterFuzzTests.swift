import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation
import PropertyBased
import Testing
import ZIPFoundation

/// Property-based fuzzing of every importer: a real-shaped export (read in place from `Samples/`
/// and `/work/shared/formats/samples/`, never copied into the repository) has one of its files
/// mutated — bits flipped, cut short, random bytes, odd Unicode, huge numbers or deep nesting
/// inserted, a number swapped for an extreme one, a chunk repeated or deleted — or, when written
/// as a zip, the zip itself damaged; then it is imported from a temporary folder or zip.
///
/// The property: the import returns or throws an ``ImportError`` (no crash, no trap), within a
/// time bounded by the input's size (no hang); every file of the archive is imported (a coverage
/// section's files or the media index) or listed in `unparsed` with a reason; and no item has a
/// time outside 1971–2100.
///
/// The CI budget is `defaultCases` cases per importer (a few hundred in all, well under a minute
/// in a debug build); `CONDUCT_AUDIT_FUZZ_CASES=N swift test --filter ImporterFuzzTests` runs N
/// per importer (see the README, "Robustness").
@Suite(.serialized) struct ImporterFuzzTests {
    static let defaultCases = 40

    /// Cases per importer: `CONDUCT_AUDIT_FUZZ_CASES` when set, else ``defaultCases``.
    static var caseCount: Int {
        ProcessInfo.processInfo.environment["CONDUCT_AUDIT_FUZZ_CASES"].flatMap(Int.init)
            ?? defaultCases
    }

    /// The exports each importer is fuzzed from; paths that are missing on this machine are
    /// skipped (the shared corpus is not part of the repository).
    static let corpora: [String: [String]] = [
        "facebook-json": [
            "Samples/facebook-rebeccahale-2025-03-14",
            SharedSamples.root.path + "/facebook/fb_json_c2020_HunterHillis",
            SharedSamples.root.path + "/facebook/fb_json_2026_thanhbobber",
            SharedSamples.root.path + "/facebook/SYNTHETIC_msgvault_fixtures",
        ],
        "facebook-html": [
            "Samples/facebook-rebeccahale-2025-03-14-html",
            SharedSamples.root.path + "/facebook/fb_html_2023-11_phongpro321",
        ],
        "instagram-json": [
            "Samples/instagram-beckyhale-2025-03-14",
            SharedSamples.root.path + "/instagram/ig_json_2025-04_Hitchgernn",
            SharedSamples.root.path + "/instagram/ig_json_c2021_Waultar",
        ],
        "instagram-html": [
            "Samples/instagram-beckyhale-2025-03-14-html",
            SharedSamples.root.path + "/instagram/ig_html_2026-04_justx9019",
        ],
        "twitter": [
            "Samples/twitter-beckyhale-2025-03-14.zip",
            SharedSamples.root.path + "/twitter/x_archive_2022-10_smithjd",
            SharedSamples.root.path + "/twitter/x_archive_2026-03_milahu104",
        ],
        "whatsapp": [
            "Samples/whatsapp-chat-with-ollie-bennett.txt",
            "Samples/whatsapp-year5-parents.zip",
        ],
        "snapchat": [
            "Samples/snapchat-beckyhale-2025-03-14"
        ],
        "tiktok": [
            "Samples/tiktok-beckyhale-2025-03-14.zip",
            "/work/shared/formats/samples/tiktok/tiktok_json_2025-12_beyzaacesur",
        ],
    ]

    @Test(
        "a mutated export imports or is refused cleanly, accounts for every file, keeps times sane",
        arguments: corpora.keys.sorted())
    func fuzz(format: String) async throws {
        let exports = try (Self.corpora[format] ?? []).compactMap(SampleExport.load)
        try #require(!exports.isEmpty, "no sample of \(format) on this machine")
        await propertyCheck(
            count: Self.caseCount, input: Gen.int(in: 0...(exports.count - 1)),
            Gen.int(in: 0...9_999), Gen<Mutation>.case, Gen.int(in: 0...999_999),
            Gen.int(in: 0...Int(UInt32.max)), Gen.bool
        ) {
            exportIndex, fileIndex, mutation, position, seed, asZip in
            let export = exports[exportIndex]
            let fuzzed = export.mutated(
                fileIndex: fileIndex, mutation: mutation, position: position, seed: UInt64(seed))
            try FuzzRun.check(fuzzed, asZip: asZip || export.isZip, mutation: mutation, seed: seed)
        }
    }
}

/// One kind of damage done to one file of an export.
enum Mutation: CaseIterable, Sendable {
    case flipBits, truncate, insertRandomBytes, insertUnicode, insertHugeNumber, replaceNumber
    case deepNesting, repeatChunk, deleteChunk, damageZip
}

/// An export read into memory: its files' relative paths and bytes.
struct SampleExport: Sendable {
    var name: String
    var isZip: Bool
    /// A single file given on its own (a WhatsApp `.txt`), rather than a folder or zip.
    var isSingleFile: Bool
    var files: [(path: String, data: Data)]

    /// Reads `path` (relative to the repository root, or absolute); nil when it is missing.
    static func load(_ path: String) throws -> SampleExport? {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : CommandRunner.repositoryRoot.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return nil
        }
        var files: [(String, Data)] = []
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.isRegularFileKey])
            let prefix = url.standardizedFileURL.path + "/"
            while let file = enumerator?.nextObject() as? URL {
                guard
                    (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
                else { continue }
                let relative = file.standardizedFileURL.path.replacingOccurrences(
                    of: prefix, with: "")
                files.append((relative, try Data(contentsOf: file)))
            }
            return SampleExport(
                name: url.lastPathComponent, isZip: false, isSingleFile: false,
                files: files.sorted { $0.0 < $1.0 })
        }
        if url.pathExtension == "zip" {
            let archive = try Archive(url: url, accessMode: .read)
            for entry in archive where entry.type == .file {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                files.append((entry.path, data))
            }
            return SampleExport(
                name: url.lastPathComponent, isZip: true, isSingleFile: false, files: files)
        }
        return SampleExport(
            name: url.lastPathComponent, isZip: false, isSingleFile: true,
            files: [(url.lastPathComponent, try Data(contentsOf: url))])
    }

    /// Paths of the files worth damaging: the ones an importer parses (JSON, JS, HTML, text).
    var parsedPaths: [String] {
        let parsed = files.map(\.path).filter {
            ["json", "js", "html", "htm", "txt"].contains(
                ($0 as NSString).pathExtension.lowercased())
        }
        return parsed.isEmpty ? files.map(\.path) : parsed
    }

    /// A copy with one parsed file damaged by `mutation`; `damageZip` is applied when written.
    func mutated(fileIndex: Int, mutation: Mutation, position: Int, seed: UInt64) -> FuzzedExport {
        var generator = SplitMix(seed: seed)
        let paths = parsedPaths
        let target = paths[fileIndex % paths.count]
        var copy = files
        if mutation != .damageZip, let index = copy.firstIndex(where: { $0.path == target }) {
            copy[index].data = Self.damage(
                copy[index].data, by: mutation, position: position, using: &generator)
        }
        return FuzzedExport(
            name: name, isSingleFile: isSingleFile, files: copy, target: target,
            zipDamage: mutation == .damageZip ? (position, seed) : nil)
    }

    /// `data` damaged by `mutation` around the fraction `position` / 1,000,000 of its length.
    static func damage(
        _ data: Data, by mutation: Mutation, position: Int, using generator: inout SplitMix
    ) -> Data {
        var bytes = [UInt8](data)
        let at = bytes.isEmpty ? 0 : min(bytes.count, bytes.count * position / 1_000_000)
        switch mutation {
        case .flipBits:
            for _ in 0..<Int.random(in: 1...8, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &generator)
            }
        case .truncate:
            bytes.removeSubrange(at...)
        case .insertRandomBytes:
            let count = Int.random(in: 1...64, using: &generator)
            bytes.insert(
                contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) },
                at: at)
        case .insertUnicode:
            let pieces = [
                "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{0000}", "e\u{0301}\u{0301}\u{0301}",
                "👩‍👩‍👧‍👦", "\u{10FFFF}", "\\ud800", "\\u0000", "\\uDFFF\\uD800", "ÃƒÂ©", "\r\n\r",
                "\u{2028}", "&#0;", "&#x110000;", "&#99999999999;",
            ]
            let piece = pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            var inserted = [UInt8](piece.utf8)
            if Bool.random(using: &generator) { inserted += [0xED, 0xA0, 0x80, 0xC0, 0xAF, 0xFF] }
            bytes.insert(contentsOf: inserted, at: at)
        case .insertHugeNumber:
            let number = hugeNumbers.randomElement(using: &generator) ?? "0"
            bytes.insert(contentsOf: Array(number.utf8), at: at)
        case .replaceNumber:
            // The first run of digits at or after the position: timestamps, counts, sizes.
            guard let start = bytes[at...].firstIndex(where: { (0x30...0x39).contains($0) }) else {
                break
            }
            let end = bytes[start...].firstIndex { !(0x30...0x39).contains($0) } ?? bytes.count
            let number = hugeNumbers.randomElement(using: &generator) ?? "0"
            bytes.replaceSubrange(start..<end, with: Array(number.utf8))
        case .deepNesting:
            let depth = Int.random(in: 1_000...20_000, using: &generator)
            let opener =
                ["[", "{\"a\":", "<div>", "<b><i>", "(", "\""].randomElement(using: &generator)
                ?? "["
            bytes.insert(contentsOf: Array(String(repeating: opener, count: depth).utf8), at: at)
        case .repeatChunk:
            let length = min(bytes.count - at, Int.random(in: 1...256, using: &generator))
            guard length > 0 else { break }
            let chunk = bytes[at..<(at + length)]
            let times = Int.random(in: 2...2_000, using: &generator)
            bytes.insert(contentsOf: Array(repeatElement(chunk, count: times).joined()), at: at)
        case .deleteChunk:
            let length = min(bytes.count - at, Int.random(in: 1...512, using: &generator))
            bytes.removeSubrange(at..<(at + length))
        case .damageZip:
            break
        }
        return Data(bytes)
    }

    static let hugeNumbers = [
        "99999999999999999999999", "-9223372036854775808", "9223372036854775807",
        "18446744073709551616", "1e400", "-1e400", "1.7976931348623157e308", "-1", "0",
        "253402300800", "9223372036854775", "4294967296", "NaN", "-0.0", "1E-400",
    ]
}

/// An export with one file damaged, ready to be written out and imported.
struct FuzzedExport: Sendable {
    var name: String
    var isSingleFile: Bool
    var files: [(path: String, data: Data)]
    /// The file that was damaged, for the failure message.
    var target: String
    /// When set, bytes of the written zip itself are damaged (position, seed).
    var zipDamage: (position: Int, seed: UInt64)?
}

/// Writes a fuzzed export to a temporary folder, imports it, and checks the property.
enum FuzzRun {
    static func check(_ export: FuzzedExport, asZip: Bool, mutation: Mutation, seed: Int) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("conduct-audit-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let url = try write(export, into: root, asZip: asZip)
        let size = export.files.reduce(0) { $0 + $1.data.count }
        let describe =
            "\(export.name): \(mutation) of \(export.target) (seed \(seed), zip \(asZip))"

        // Then it finishes within a time bounded by its size (generous: a shared debug build).
        let limit = 30 + Double(size) / 100_000
        let started = Date()
        let outcome = try #require(
            runWithDeadline(seconds: limit) {
                Result { try ImportStage().importArchive(at: url, localTimeZone: london) }
            }, "no result within \(Int(limit)) s: \(describe)")
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < limit, "\(describe) took \(elapsed) s")

        switch outcome {
        case .failure(let error):
            // A refusal is fine, if it is one the CLI turns into a clear message (exit 3).
            #expect(error is ImportError, "\(describe) threw \(type(of: error)): \(error)")
            if let error = error as? ImportError {
                #expect((error.errorDescription ?? "").isEmpty == false, "\(describe)")
            }
        case .success(let result):
            let archive = result.archive
            // Every file is imported or listed with a reason.
            let reader = try ArchiveReader(url: url)
            var accounted = Set(archive.coverage.flatMap(\.files))
            accounted.formUnion(archive.media.map(\.path))
            accounted.formUnion(archive.unparsed.map(\.file))
            let missing = reader.entries.map(\.path).filter { !accounted.contains($0) }
            #expect(missing.isEmpty, "\(describe): not accounted for: \(missing.prefix(5))")
            #expect(
                archive.unparsed.allSatisfy { !$0.reason.isEmpty }, "\(describe): empty reason")
            // No item's time lies outside 1971–2100.
            let strays = result.items.compactMap(\.occurredAt).filter { !sane.contains($0) }
            #expect(strays.isEmpty, "\(describe): times out of range: \(strays.prefix(3))")
        }
    }

    static let london = TimeZone(identifier: "Europe/London") ?? .gmt
    /// 1971-01-01 to 2100-01-01, UTC.
    static let sane =
        Date(
            timeIntervalSince1970: 31_536_000)...Date(
            timeIntervalSince1970: 4_102_444_800)

    /// Writes the export as a single file, a folder, or a zip (then damaged if asked).
    static func write(_ export: FuzzedExport, into root: URL, asZip: Bool) throws -> URL {
        if export.isSingleFile, let file = export.files.first {
            let url = root.appendingPathComponent(export.name)
            try file.data.write(to: url)
            return url
        }
        let baseName = (export.name as NSString).deletingPathExtension
        guard asZip else {
            let folder = root.appendingPathComponent(baseName)
            for file in export.files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            return folder
        }
        let url = root.appendingPathComponent(baseName + ".zip")
        try HostileInputTests.writeZip(export.files.map { ($0.path, $0.data, .file) }, to: url)
        if let (position, seed) = export.zipDamage {
            var generator = SplitMix(seed: seed)
            let mutation: Mutation =
                [.flipBits, .truncate, .insertRandomBytes, .deleteChunk, .repeatChunk]
                .randomElement(using: &generator) ?? .flipBits
            let damaged = SampleExport.damage(
                try Data(contentsOf: url), by: mutation, position: position, using: &generator)
            try damaged.write(to: url)
        }
        return url
    }

    /// Runs `work` on its own thread and waits at most `seconds`; nil when it has not finished
    /// (the thread is left running: the test fails and says which input hung).
    static func runWithDeadline<T: Sendable>(
        seconds: Double, _ work: @escaping @Sendable () -> T
    ) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(work())
            done.signal()
        }
        thread.stackSize = 8 << 20  // the main thread's size, so depth behaves as in the CLI
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }
}

/// A value handed from a worker thread, under a lock.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    // @unchecked: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: T?
    func set(_ value: T) { lock.withLock { stored = value } }
    var value: T? { lock.withLock { stored } }
}

/// A small seeded generator, so a failing case's damage is reproducible from its seed.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
