import Foundation
import SyntheticExports
import Testing
import ZIPFoundation

/// The lumpy shapes of real downloads that the benchmark measures (issue 14), at small scales:
/// a WhatsApp group of many senders and lines, one Messenger HTML thread in a single file, and
/// Messenger JSON threads of heavy-tailed sizes.
@Suite struct SyntheticShapesTests {
    private func generate(_ archive: SyntheticExports.Archive, scale: Double) throws
        -> (URL, [SyntheticExports.Export])
    {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("synthetic-shapes-\(UUID().uuidString)")
        return (
            folder,
            try SyntheticExports.generate(seed: 11, scale: scale, into: folder, only: [archive])
        )
    }

    /// The text of every entry of the zip at `url` whose path satisfies `isWanted`, by path.
    private func entries(of url: URL, where isWanted: (String) -> Bool) throws -> [String: String] {
        let archive = try Archive(url: url, accessMode: .read)
        var texts: [String: String] = [:]
        for entry in archive where isWanted(entry.path) {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            texts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return texts
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test(
        "the WhatsApp group has the lines asked, ten or more senders and a real export's kinds of line"
    )
    func whatsAppGroup() throws {
        // Given the exports at scale 0.01 (3,000 chat lines)
        let (folder, exports) = try generate(.whatsAppGroup, scale: 0.01)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try #require(exports.first)
        let text = try String(
            contentsOf: folder.appendingPathComponent(export.file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // Then it has at least that many lines
        #expect(lines.count >= 3_000)
        #expect(lines.count < 3_010)
        // And its header lines name at least ten senders, the owner among them
        let headers = lines.filter { $0.hasPrefix("[") || $0.hasPrefix("\u{200E}[") }
        let senders = Set(
            headers.compactMap { line -> Substring? in
                guard let close = line.firstIndex(of: "]") else { return nil }
                let rest = line[line.index(close, offsetBy: 2)...]
                guard let colon = rest.range(of: ": ") else { return nil }
                return rest[..<colon.lowerBound]
            })
        #expect(senders.count >= 10)
        #expect(senders.contains("Rebecca Hale"))
        // And it holds continuation lines of multi-line messages, omitted media, notices without
        // a sender, deleted and edited messages
        #expect(lines.count - headers.count > 100)
        #expect(lines.filter { $0.hasPrefix("\u{200E}[") && $0.hasSuffix(" omitted") }.count > 20)
        #expect(headers.contains { $0.contains("] \u{200E}") && !$0.contains(": ") })
        #expect(text.contains("This message was deleted."))
        #expect(text.contains("<This message was edited>"))
        // And every header line but the encryption notice and the notices is a message
        #expect(
            export.events == headers.count - 1 - headers.filter { $0.contains("] \u{200E}") }.count)
    }

    @Test("the long Messenger HTML thread is one file holding all its messages")
    func singleHTMLThread() throws {
        // Given the exports at scale 0.01 (a thread of 1,000 messages)
        let (folder, _) = try generate(.facebookHTML, scale: 0.01)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try entries(
            of: folder.appendingPathComponent(SyntheticExports.Archive.facebookHTML.file)
        ) {
            $0.hasSuffix(".html") && $0.contains("/messages/inbox/")
        }
        // Then the largest page holds 1,000 messages and its thread has no other page
        let counts = pages.mapValues { occurrences(of: "<div class=\"_3-95 _a6-g\">", in: $0) }
        let largest = try #require(counts.max { $0.value < $1.value })
        #expect(largest.value == 1_000)
        #expect(largest.key.hasSuffix("/message_1.html"))
        let thread = largest.key.dropLast("message_1.html".count)
        #expect(pages.keys.filter { $0.hasPrefix(thread) } == [largest.key])
        // And the other threads hold the 50 further messages
        #expect(counts.values.reduce(0, +) == 1_050)
    }

    @Test("Messenger JSON thread sizes are heavy-tailed: a few large threads hold most messages")
    func heavyTailedThreads() throws {
        // Given the exports at scale 0.05 (9,000 messages in about 50 threads, and two pupils')
        let (folder, _) = try generate(.facebookJSON, scale: 0.05)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try entries(
            of: folder.appendingPathComponent(SyntheticExports.Archive.facebookJSON.file)
        ) {
            $0.contains("/messages/inbox/") && $0.hasSuffix(".json")
        }
        var sizes: [String: Int] = [:]
        for (path, text) in files {
            let thread = String(path.split(separator: "/").dropLast().joined(separator: "/"))
            sizes[thread, default: 0] += occurrences(of: "\"sender_name\"", in: text)
        }
        let sorted = sizes.values.sorted(by: >)
        // Then there are about fifty threads with every message
        #expect(sorted.count == 52)
        #expect(sorted.reduce(0, +) == 9_000 + 12)
        // And the largest tenth holds over a third of the messages, the smaller half under a
        // quarter, and the largest thread is many times the median
        let total = Double(sorted.reduce(0, +))
        #expect(Double(sorted.prefix(5).reduce(0, +)) / total > 0.35)
        #expect(Double(sorted.suffix(26).reduce(0, +)) / total < 0.25)
        #expect(sorted[0] >= 5 * sorted[sorted.count / 2])
    }
}
