import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import ConductAudit
import Foundation

/// What an analysis run produced, for printing and the result document.
typealias AuditOutcome = CaseReport.Outcome

/// The terminal's account of an import or an audit: per archive what was read, its owner, its
/// blind spots and what was not understood; then the findings by rule and where the evidence is.
enum AuditSummary {
    /// "everything read", or counts of parts not understood, not imported and caveats.
    static func issueSummary(_ issues: [ImportIssue]) -> String {
        let unreadable = issues.filter { $0.kind == .unreadable }.count
        let notImported = issues.filter { $0.kind == .notImported }.count
        let caveats = issues.filter { $0.kind == .caveat }.count
        var parts: [String] = []
        if unreadable > 0 { parts.append("\(unreadable) part(s) NOT understood") }
        if notImported > 0 { parts.append("\(notImported) file(s) read but not imported") }
        if caveats > 0 { parts.append("\(caveats) caveat(s)") }
        return parts.isEmpty
            ? "everything read" : parts.joined(separator: ", ") + " (listed in the report)"
    }

    /// The issues of one archive as terminal lines: per kind the count and the first `limit`,
    /// then where the rest are. A WhatsApp chat across many clock changes has dozens of caveats;
    /// the report lists them all.
    static func issueLines(_ issues: [ImportIssue], limit: Int = 3, indent: String = "  ")
        -> [String]
    {
        var lines: [String] = []
        for kind in [ImportIssue.Kind.unreadable, .notImported, .caveat] {
            let ofKind = issues.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            // What one issue of the kind is called, and what several are.
            let (label, plural) =
                switch kind {
                case .unreadable: ("not understood", "parts not understood")
                case .notImported: ("not imported", "files not imported")
                case .caveat: ("caveat", "caveats")
                }
            for issue in ofKind.prefix(limit) {
                let place = issue.file + (issue.locator.map { " at \($0)" } ?? "")
                lines.append("\(indent)\(label): \(place): \(issue.reason)")
            }
            if ofKind.count > limit {
                lines.append(
                    "\(indent)… and \(ofKind.count - limit) more \(plural) (\(ofKind.count) in all); "
                        + "every one is listed in the evidence index under 'Archives read'")
            }
        }
        return lines
    }

    /// Prints the plain-text summary of an audit.
    static func printSummary(
        _ outcome: AuditOutcome, staff: StaffMember, archives: [ImportedArchive], caseURL: URL
    ) {
        Terminal.print("Audit of \(staff.name)")
        for archive in archives {
            let unread = Self.issueSummary(archive.unparsed)
            Terminal.print(
                "  \(archive.platform.displayName) \(archive.variant.rawValue.uppercased()) \(archive.path): \(archive.itemCount) items, \(unread)"
            )
            if let owner = outcome.owners[archive.sha256] {
                Terminal.print("    owner: \(owner.name). \(owner.basis)")
            }
            let spots = outcome.blindSpots[archive.sha256] ?? []
            for spot in spots where !spot.isActivityGap {
                Terminal.print(
                    "    blind spot\(spot.since.map { " (since \($0))" } ?? ""): \(spot.what)")
            }
            // Months without activity can be many: counted here, each listed in the index.
            let gaps = spots.filter(\.isActivityGap)
            if !gaps.isEmpty {
                Terminal.print(
                    "    blind spot: \(gaps.count) stretch(es) of months with no activity at all, "
                        + "from \(gaps.compactMap(\.since).min() ?? "?"); each is listed in the evidence index"
                )
            }
            for line in issueLines(archive.unparsed.filter { $0.kind != .caveat }, indent: "    ") {
                Terminal.print(line)
            }
        }
        if let run = outcome.run {
            Terminal.print("Scope: \(run.scopeDescription) (every archive in the case is analysed)")
        }
        let byRule = Dictionary(grouping: outcome.findings, by: \.rule)
        if outcome.findings.isEmpty {
            Terminal.print("No findings.")
        } else {
            Terminal.print(
                "Findings: \(outcome.findings.count) (\(outcome.openCount) open) in \(outcome.incidents.count) incidents"
            )
            for rule in RuleID.all {
                guard let found = byRule[rule] else { continue }
                Terminal.print("  \(rule.rawValue): \(found.count)")
            }
        }
        Terminal.print("Case file: \(caseURL.path)")
        Terminal.print(
            "Evidence:  \(outcome.evidenceFolder.appendingPathComponent("index.html").path)")
    }

    /// The report's notes on standard error.
    static func printNotes(of outcome: AuditOutcome) {
        for note in outcome.notes {
            Terminal.note(note.hasPrefix("warning: ") ? note : "note: " + note)
        }
    }
}
