import ArgumentParser
import AuditModel
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit search`: HR's targeted questions to a case's full-text index.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the items of a case that mention some words, optionally in a period.",
        discussion: """
            Searches every item's text and title and the names and handles of its author and
            counterparties; every word must occur (any case, accents ignored). FTS5 syntax
            works too: "exact phrase", OR, NOT, prefix*.

            Example (everything mentioning Oliver in March 2024):
              conduct-audit search Oliver --case Reports/rebecca-hale/case.sqlite \\
                --from 2024-03-01 --to 2024-03-31
            """
    )

    @Argument(help: "The words to find.")
    var query: [String]

    @Option(help: "The SQLite case file.")
    var `case`: String

    @Option(help: "First local day to search (YYYY-MM-DD, inclusive).")
    var from: LocalDay?

    @Option(help: "Last local day to search (YYYY-MM-DD, inclusive).")
    var to: LocalDay?

    @Option(help: "Only this platform (facebook, instagram, twitter, whatsapp, snapchat, tiktok).")
    var platform: Platform?

    @Option(help: "The school's time zone for days and local times (default Europe/London).")
    var timezone: String = "Europe/London"

    @Option(help: "At most this many items, the earliest first.")
    var limit: Int = 1000

    @Flag(help: "Print the items as JSON on standard output.")
    var json = false

    func validate() throws {
        if query.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("Give at least one word to search for.")
        }
        if let from, let to, to < from {
            throw ValidationError("--to \(to) is before --from \(from).")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        guard let zone = TimeZone(identifier: timezone) else {
            throw ValidationError(
                "Unknown time zone '\(timezone)'; give an IANA name such as Europe/London.")
        }
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: `case`))
        let search = ItemSearch(
            query: query.joined(separator: " "), from: from?.startInstant(in: zone),
            before: to?.adding(days: 1).startInstant(in: zone), platform: platform, limit: limit)
        let items = try database.items(matching: search)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Terminal.write(try encoder.encode(items.map(SearchHit.init)))
            Terminal.print("")
            return
        }
        for item in items {
            let time =
                item.occurredAt.map { TimeFormatting.localISO8601($0, in: zone) } ?? "(no time)"
            let people = item.counterparties.map(\.label).joined(separator: ", ")
            let text = (item.text ?? item.title ?? "").replacingOccurrences(of: "\n", with: " ")
            let excerpt = text.count > 100 ? String(text.prefix(99)) + "…" : text
            let author = item.author.map { $0.label + ": " } ?? ""
            Terminal.print(
                "\(time)  \(item.platform.rawValue) \(item.kind.rawValue)\(people.isEmpty ? "" : " [\(people)]")  \(author)\(excerpt)"
            )
        }
        Terminal.print(
            "\(items.count) item(s)\(items.count == limit ? " (the limit; use --limit for more)" : "")."
        )
    }
}

/// One item found, as `search --json` prints it.
private struct SearchHit: Encodable {
    var id: String
    var platform: String
    var kind: String
    var occurredAt: Date?
    var author: String?
    var counterparties: [String]
    var text: String?
    var title: String?
    var archive: String
    var file: String
    var locator: String

    init(_ item: TimelineItem) {
        id = item.id.rawValue
        platform = item.platform.rawValue
        kind = item.kind.rawValue
        occurredAt = item.occurredAt
        author = item.author?.label
        counterparties = item.counterparties.map(\.label)
        text = item.text
        title = item.title
        archive = item.source.archivePath
        file = item.source.file
        locator = item.source.locator
    }
}
