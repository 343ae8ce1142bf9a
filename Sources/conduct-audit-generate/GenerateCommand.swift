import ArgumentParser
import Foundation
import SyntheticExports

/// `conduct-audit-generate`: writes large synthetic exports for benchmarks.
@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduct-audit-generate",
        abstract:
            "Write deterministic synthetic exports of Rebecca Hale (Samples/school.yaml) for benchmarks.",
        discussion: """
            Five archives in the lumpy shapes of real downloads. At scale 1: Facebook JSON with
            about 1,000 Messenger threads of heavy-tailed sizes; Facebook HTML with one thread of
            100,000 messages in a single file (about 33 MB); Instagram JSON; an X archive with
            15,000 tweets and 30,000 direct messages; a WhatsApp family group of 300,000 lines
            from 13 senders. Every count grows with the scale. The same seed and scale always
            give the same bytes. A summary is written to synthetic-exports.json.
            Example:
              conduct-audit-generate --seed 1 --scale 1 --out /tmp/synthetic
            """)

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(
        help:
            "The size: 1 is about 100 MB of export JSON and 300,000 chat lines; 0.01 makes a tiny export."
    )
    var scale: Double = 1

    @Option(help: "The folder to write the exports into.")
    var out: String

    func validate() throws {
        guard scale > 0 && scale <= 100 else {
            throw ValidationError("--scale must be in (0, 100].")
        }
    }

    func run() throws {
        let exports = try SyntheticExports.generate(
            seed: seed, scale: scale, into: URL(fileURLWithPath: out))
        for export in exports {
            print(
                "\(export.file)\t\(export.events) events\t\(export.bytes) bytes\t\(export.jsonBytes) JSON bytes"
            )
        }
    }
}
