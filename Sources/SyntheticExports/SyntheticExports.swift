import Foundation

/// Large, format-faithful synthetic exports of the fictional staff member Rebecca Hale, for
/// benchmarks and tests: the same seed and scale always give the same bytes.
///
/// Scale 1 is about 100 MB of export JSON (about 290,000 events): Facebook JSON with long
/// Messenger threads split at 10,000 messages per file, Facebook HTML messages, Instagram JSON,
/// an X archive with `tweets.js`, `tweets-part1.js` and `direct-messages.js`, and two WhatsApp
/// chats. Fractional scales give proportionally smaller exports (at least a few events each).
public enum SyntheticExports {
    /// What one generated export holds.
    public struct Export: Codable, Sendable, Equatable {
        /// The file's name in the output folder.
        public var file: String
        /// Timeline events written (messages, posts, tweets, connections).
        public var events: Int
        /// Uncompressed bytes of all its files.
        public var bytes: Int
        /// Uncompressed bytes of its `.json` and `.js` files.
        public var jsonBytes: Int
    }

    /// The date every zip entry carries: the sample export date.
    static let exportDate = Date(timeIntervalSince1970: 1_741_937_469)

    /// Writes every export for `seed` and `scale` into `folder` (created if needed).
    /// - Returns: what each export holds, in the order written.
    /// - Throws: when a file cannot be written.
    public static func generate(seed: UInt64, scale: Double, into folder: URL) throws -> [Export] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func count(_ base: Double) -> Int { max(4, Int((base * scale).rounded())) }
        var exports: [Export] = []

        func zip(_ name: String, salt: UInt64, _ body: (ExportSink, inout SeededGenerator) throws -> Int) throws {
            var random = SeededGenerator(seed: seed &* 0x1000_0000_01B3 &+ salt)
            let sink = try ExportSink(zipAt: folder.appendingPathComponent(name), modificationDate: exportDate)
            let events = try body(sink, &random)
            exports.append(
                Export(file: name, events: events, bytes: sink.totalBytes, jsonBytes: sink.jsonBytes))
        }
        try zip("facebook-rebeccahale-synthetic.zip", salt: 1) { sink, random in
            try FacebookJSONExport.write(
                messages: count(160_000), posts: count(4_000), into: sink, using: &random)
        }
        try zip("facebook-rebeccahale-synthetic-html.zip", salt: 2) { sink, random in
            try FacebookHTMLExport.write(messages: count(15_000), into: sink, using: &random)
        }
        try zip("instagram-beckyhale-synthetic.zip", salt: 3) { sink, random in
            try InstagramJSONExport.write(messages: count(35_000), into: sink, using: &random)
        }
        try zip("twitter-beckyhale-synthetic.zip", salt: 4) { sink, random in
            try TwitterArchiveExport.write(
                tweets: count(34_000), directMessages: count(25_000), into: sink, using: &random)
        }
        for (salt, name, others, size) in [
            (5 as UInt64, "WhatsApp Chat with Sarah Ashworth.txt", ["Sarah Ashworth"], 12_000.0),
            (6, "WhatsApp Chat with Walking Group.txt", ["Tom Holroyd", "Gemma Lambert", "Jo Varley"], 8_000.0),
        ] {
            var random = SeededGenerator(seed: seed &* 0x1000_0000_01B3 &+ salt)
            let chat = WhatsAppExport.chat(count: count(size), others: others, using: &random)
            try Data(chat.bytes).write(to: folder.appendingPathComponent(name))
            exports.append(Export(file: name, events: count(size), bytes: chat.count, jsonBytes: 0))
        }
        let summary = try JSONEncoder.sorted.encode(exports)
        try summary.write(to: folder.appendingPathComponent("synthetic-exports.json"))
        return exports
    }
}

extension JSONEncoder {
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }
}
