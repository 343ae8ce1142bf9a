import Foundation

/// Large, format-faithful synthetic exports of the fictional staff member Rebecca Hale, for
/// benchmarks and tests: the same seed and scale always give the same bytes.
///
/// The shapes are the lumpy ones real downloads have. At scale 1: Facebook JSON with 180,000
/// Messenger messages in about 1,000 threads of heavy-tailed sizes (a few of tens of thousands,
/// split at 10,000 messages per file, most of a few dozen) and 4,000 posts; Facebook HTML with one
/// thread of 100,000 messages in a single `message_1.html` (about 33 MB) and 5,000 more in about
/// 20 threads; Instagram JSON with 35,000 direct messages in about 150 threads; an X archive with
/// 15,000 tweets (`tweets.js` and `tweets-part1.js`) and 30,000 direct messages in about 300
/// conversations; and one WhatsApp family group of 300,000 lines from 13 senders. Every count
/// is proportional to the scale (at least a few of each).
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

    /// The exports `generate` writes.
    public enum Archive: String, CaseIterable, Sendable {
        case facebookJSON = "facebook-rebeccahale-synthetic.zip"
        case facebookHTML = "facebook-rebeccahale-synthetic-html.zip"
        case instagram = "instagram-beckyhale-synthetic.zip"
        case twitter = "twitter-beckyhale-synthetic.zip"
        case whatsAppGroup = "WhatsApp Chat with Hale Family.txt"

        /// The file's name in the output folder.
        public var file: String { rawValue }
    }

    /// Writes the exports for `seed` and `scale` into `folder` (created if needed): all of them,
    /// or only those in `only` (each export's bytes are the same either way).
    /// - Returns: what each export holds, in the order written.
    /// - Throws: when a file cannot be written.
    public static func generate(
        seed: UInt64, scale: Double, into folder: URL, only: Set<Archive> = Set(Archive.allCases)
    ) throws -> [Export] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func count(_ base: Double) -> Int { max(4, Int((base * scale).rounded())) }
        var exports: [Export] = []

        func zip(
            _ archive: Archive, salt: UInt64,
            _ body: (ExportSink, inout SeededGenerator) throws -> Int
        ) throws {
            guard only.contains(archive) else { return }
            let name = archive.file
            var random = SeededGenerator(seed: seed &* 0x1000_0000_01B3 &+ salt)
            let sink = try ExportSink(
                zipAt: folder.appendingPathComponent(name), modificationDate: exportDate)
            let events = try body(sink, &random)
            exports.append(
                Export(
                    file: name, events: events, bytes: sink.totalBytes, jsonBytes: sink.jsonBytes))
        }
        try zip(.facebookJSON, salt: 1) { sink, random in
            try FacebookJSONExport.write(
                messages: count(180_000), threads: count(1_000), posts: count(4_000), into: sink,
                using: &random)
        }
        try zip(.facebookHTML, salt: 2) { sink, random in
            try FacebookHTMLExport.write(
                singleThread: count(100_000), messages: count(5_000), threads: count(20),
                into: sink,
                using: &random)
        }
        try zip(.instagram, salt: 3) { sink, random in
            try InstagramJSONExport.write(
                messages: count(35_000), threads: count(150), into: sink, using: &random)
        }
        try zip(.twitter, salt: 4) { sink, random in
            try TwitterArchiveExport.write(
                tweets: count(15_000), directMessages: count(30_000), conversations: count(300),
                into: sink, using: &random)
        }
        if only.contains(.whatsAppGroup) {
            var random = SeededGenerator(seed: seed &* 0x1000_0000_01B3 &+ 5)
            let name = Archive.whatsAppGroup.file
            let group = WhatsAppExport.groupChat(lines: count(300_000), using: &random)
            try Data(group.chat.bytes).write(to: folder.appendingPathComponent(name))
            exports.append(
                Export(file: name, events: group.messages, bytes: group.chat.count, jsonBytes: 0))
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
