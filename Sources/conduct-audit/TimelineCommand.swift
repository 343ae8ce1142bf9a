import ArgumentParser
import AuditModel
import AuditStore
import ConductAudit
import Foundation

/// `conduct-audit timeline`: print a period of a case's merged timeline.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print the merged timeline of a case, or a period of it.",
        discussion: """
            Times are shown in the given time zone with their UTC offset; items without a time are
            listed last as '(no time)'.

            Example:
              conduct-audit timeline --case Reports/rebecca-hale/case.sqlite \\
                --from 2024-03-01 --to 2024-03-31
            """
    )

    @Option(help: "The SQLite case file.")
    var `case`: String

    @Option(help: "First local day to show (YYYY-MM-DD).")
    var from: LocalDay?

    @Option(help: "Last local day to show (YYYY-MM-DD).")
    var to: LocalDay?

    @Option(help: "Only this platform (facebook, instagram, twitter, whatsapp, snapchat, tiktok).")
    var platform: String?

    @Option(help: "The school's time zone for local times (default Europe/London).")
    var timezone: String = "Europe/London"

    @Flag(help: "Include items without a time.")
    var includeUntimed = false

    func validate() throws {
        if let from, let to, to < from {
            throw ValidationError("--to \(to) is before --from \(from).")
        }
    }

    func run() throws {
        guard let zone = TimeZone(identifier: timezone) else {
            throw ValidationError(
                "Unknown time zone '\(timezone)'; give an IANA name such as Europe/London.")
        }
        let database = try CaseDatabase.openExisting(at: URL(fileURLWithPath: `case`))
        var shown = 0
        for item in try database.timeline().items {
            if let platform, item.platform.rawValue != platform.lowercased() { continue }
            guard let instant = item.occurredAt else {
                guard includeUntimed, from == nil, to == nil else { continue }
                print(item, time: "(no time)                ")
                shown += 1
                continue
            }
            let day = LocalDay.containing(instant, in: zone)
            if let from, day < from { continue }
            if let to, day > to { continue }
            print(item, time: TimeFormatting.localISO8601(instant, in: zone))
            shown += 1
        }
        Terminal.print("\(shown) item(s).")
    }

    private func print(_ item: TimelineItem, time: String) {
        let direction = item.isAuthoredByOwner ? "by owner" : "to owner"
        let people = item.counterparties.map(\.label).joined(separator: ", ")
        let text = (item.text ?? item.title ?? "").replacingOccurrences(of: "\n", with: " ")
        let excerpt = text.count > 80 ? String(text.prefix(79)) + "…" : text
        Terminal.print(
            "\(time)  \(item.platform.rawValue) \(item.kind.rawValue) (\(direction))\(people.isEmpty ? "" : " [\(people)]")  \(excerpt)"
        )
    }
}
