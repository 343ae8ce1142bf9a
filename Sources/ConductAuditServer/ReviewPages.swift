import AuditAnalysis
import AuditModel
import AuditReport
import AuditStore
import ConductAudit
import Foundation

/// The review server's own pages and the frame around the evidence pages: the bar linking the
/// pages, the findings list with its filters, the decision form and the audit log. Every piece
/// of data goes through ``HTML/escape(_:)``; pages need no script.
struct ReviewPages: Sendable {
    /// The session's token, put in every form.
    var formToken: String
    /// The reviewer name to fill forms with.
    var reviewer: String?
    /// The school's time zone, in which times are shown.
    var timeZone: TimeZone
    /// What the last action did, shown under the bar.
    var notice: String? = nil

    // MARK: Frame

    /// A page of the server's own, with the review bar and the evidence style sheet.
    func page(title: String, current: Section, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        \(Self.styleLinks)
        </head>
        <body>
        \(bar(current: current))
        \(body)
        </body>
        </html>

        """
    }

    /// An evidence page exactly as the folder has it, with its embedded style sheet served as a
    /// file instead (the server's policy allows no inline style) and the review bar and
    /// `panel` put at the top of its body.
    func framed(evidencePage html: String, current: Section, panel: String = "") -> String {
        var page = html
        if let start = page.range(of: "<style>"),
            let end = page.range(of: "</style>", range: start.upperBound..<page.endIndex)
        {
            page.replaceSubrange(start.lowerBound..<end.upperBound, with: Self.styleLinks)
        }
        if let body = page.range(of: "<body>\n") {
            page.insert(contentsOf: bar(current: current) + "\n" + panel, at: body.upperBound)
        }
        return page
    }

    enum Section: Equatable {
        case summary, incidents, auditLog, evidence, none
    }

    static let styleLinks = """
        <link rel="stylesheet" href="/assets/evidence.css">
        <link rel="stylesheet" href="/assets/review.css">
        """

    private func bar(current: Section) -> String {
        let links: [(Section, String, String)] = [
            (.summary, "/case/index.html", "Summary"),
            (.incidents, "/incidents", "Incidents and findings"),
            (.auditLog, "/audit-log", "Audit log"),
            (.evidence, "/evidence", "Write the sealed evidence folder"),
        ]
        let items = links.map { section, href, label in
            let mark = section == current ? " aria-current=\"page\"" : ""
            return "<a href=\"\(href)\"\(mark)>\(label)</a>"
        }
        let notice =
            notice.map { "\n<p class=\"notice\" role=\"status\">\(HTML.escape($0))</p>" } ?? ""
        return "<nav class=\"review-bar\"><strong>conduct-audit review</strong> "
            + items.joined(separator: " ") + "</nav>" + notice
    }

    // MARK: Decisions

    /// The form deciding on the ticked findings of `findings`, each a row with a box (ticked
    /// beforehand when `preselect` is set), returning to `back`.
    ///
    /// The form is a section of its own inside `<div class="decisions">`, so that a form for the
    /// incident's outcome can stand beside it.
    func decisionForm(
        findings: [(finding: Finding, incident: Incident?)], back: String, preselect: Bool,
        besides: String = ""
    ) -> String {
        var html = "<div class=\"decisions\">\n<section id=\"finding-decisions\">\n"
        html += "<form method=\"post\" action=\"/decisions\">\n"
        html +=
            hiddenToken + "<input type=\"hidden\" name=\"back\" value=\"\(HTML.escape(back))\">\n"
        html += "<table class=\"pick\">\n<tr><th>Pick</th>"
        if findings.contains(where: { $0.incident != nil }) { html += "<th>Incident</th>" }
        html += "<th>Finding</th><th>Rule</th><th>Severity</th><th>When</th><th>Platform</th>"
        html += "<th>Person</th><th>Status</th><th>What was found</th></tr>\n"
        for (finding, incident) in findings {
            let box = "pick-\(finding.id.rawValue)"
            html += "<tr><td><input type=\"checkbox\" name=\"finding\" id=\"\(HTML.escape(box))\" "
            html +=
                "value=\"\(HTML.escape(finding.id.rawValue))\"\(preselect ? " checked" : "")></td>"
            if let incident {
                html += "<td><a href=\"/case/\(HTML.escape(incident.id))/incident.html\">"
                html += "\(HTML.escape(incident.id))</a></td>"
            }
            html +=
                "<td class=\"mono nw\"><label for=\"\(HTML.escape(box))\">\(HTML.escape(finding.id.rawValue))</label></td>"
            html += "<td class=\"nw\"><code>\(HTML.escape(finding.rule.rawValue))</code></td>"
            html += "<td>\(finding.severity.rawValue)</td>"
            html += "<td class=\"nw\">\(time(finding.occurredAt))</td>"
            html += "<td class=\"nw\">\(HTML.escape(finding.platform.displayName))</td>"
            html += "<td>\(HTML.escape(Self.person(finding.counterparty)))</td>"
            html +=
                "<td><span class=\"status status-\(finding.status.rawValue)\">\(finding.status.rawValue)</span></td>"
            html +=
                "<td>\(HTML.escape(Self.shortened(finding.excerpt ?? finding.explanation)))</td></tr>\n"
        }
        html += "</table>\n"
        html += """
            <fieldset>
            <legend>Decision on the ticked findings (each is recorded and logged on its own)</legend>
            <p class="choices">
            <label><input type="radio" name="decision" value="confirm"> Confirm: a breach</label>
            <label><input type="radio" name="decision" value="dismiss"> Dismiss: not a breach</label>
            <label><input type="radio" name="decision" value="declared"> Declared: covered by a \
            link declared to the headteacher</label>
            <label><input type="radio" name="decision" value="reopen"> Reopen: undo earlier \
            decisions (the history is kept)</label>
            </p>
            <p><label for="reason">Reason (recorded with the decision)</label><br>
            <textarea id="reason" name="reason" rows="3" cols="70" required></textarea></p>
            <p><label for="reviewer">Reviewer (name and role)</label><br>
            <input id="reviewer" name="reviewer" size="40" required value="\(HTML.escape(reviewer ?? ""))"></p>
            <p><button type="submit">Record the decision</button></p>
            </fieldset>
            </form>
            </section>\n
            """
        return html + besides + "</div>\n"
    }

    /// The form recording the incident's outcome in KCSIE's terms (Part four), beside the
    /// decisions on its findings.
    func outcomeForm(incident: Incident, back: String) -> String {
        var html = "<section id=\"incident-outcome\">\n"
        html += "<form method=\"post\" action=\"/outcome\">\n"
        html +=
            hiddenToken + "<input type=\"hidden\" name=\"back\" value=\"\(HTML.escape(back))\">\n"
        html += "<input type=\"hidden\" name=\"incident\" value=\"\(HTML.escape(incident.id))\">\n"
        html += "<fieldset>\n<legend>Outcome of \(HTML.escape(incident.id)) once the matter is "
        html += "concluded (Keeping children safe in education, Part four)</legend>\n"
        html += "<p class=\"choices\">\n"
        for kind in OutcomeKind.allCases {
            html += "<label><input type=\"radio\" name=\"outcome\" value=\"\(kind.rawValue)\"> "
            html += "\(kind.rawValue.capitalized): \(HTML.escape(kind.meaning))</label>\n"
        }
        html += "</p>\n"
        html += "<p><label for=\"outcome-reason\">Reason (recorded with the outcome)</label><br>\n"
        html += "<textarea id=\"outcome-reason\" name=\"reason\" rows=\"3\" cols=\"70\" required>"
        html += "</textarea></p>\n"
        html += "<p><label for=\"outcome-reviewer\">Reviewer (name and role)</label><br>\n"
        html += "<input id=\"outcome-reviewer\" name=\"reviewer\" size=\"40\" required "
        html += "value=\"\(HTML.escape(reviewer ?? ""))\"></p>\n"
        html += "<p><button type=\"submit\">Record the outcome</button></p>\n"
        html += "</fieldset>\n</form>\n</section>\n"
        return html
    }

    /// The panel above an incident's evidence page.
    func incidentPanel(incident: Incident, findings: [Finding]) -> String {
        "<section class=\"review-panel\">\n<h2>Review \(HTML.escape(incident.id))</h2>\n"
            + decisionForm(
                findings: findings.map { ($0, nil) },
                back: "/case/\(incident.id)/incident.html", preselect: findings.count == 1,
                besides: outcomeForm(incident: incident, back: "/case/\(incident.id)/incident.html")
            )
            + "</section>\n"
    }

    // MARK: Incidents

    /// The incidents page: the filters, then every finding they admit by incident, ready for a
    /// decision on a selected set.
    func incidents(
        filter: IncidentFilter, rows: [(finding: Finding, incident: Incident)], incidentCount: Int,
        platforms: [Platform], back: String
    ) -> String {
        var body = "<h1>Incidents and findings</h1>\n"
        body += filterForm(filter, platforms: platforms)
        for problem in filter.problems {
            body += "<p class=\"problem\">\(HTML.escape(problem))</p>\n"
        }
        let shownIncidents = Set(rows.map(\.incident.id)).count
        body += "<p id=\"match-count\">\(rows.count) finding(s) in \(shownIncidents) incident(s)"
        body +=
            filter.isActive
            ? " match the filters (of \(incidentCount) incidents in the case).</p>\n" : ".</p>\n"
        if rows.isEmpty { return page(title: "Incidents", current: .incidents, body: body) }
        body += decisionForm(
            findings: rows.map { ($0.finding, $0.incident) }, back: back, preselect: false)
        return page(title: "Incidents", current: .incidents, body: body)
    }

    private func filterForm(_ filter: IncidentFilter, platforms: [Platform]) -> String {
        func select(
            _ name: String, _ label: String, _ options: [(String, String)], _ chosen: String?
        ) -> String {
            var html = "<label>\(label) <select name=\"\(name)\"><option value=\"\">any</option>"
            for (value, text) in options {
                html +=
                    "<option value=\"\(HTML.escape(value))\"\(value == chosen ? " selected" : "")>\(HTML.escape(text))</option>"
            }
            return html + "</select></label>\n"
        }
        func text(_ name: String, _ label: String, _ value: String?, type: String = "text")
            -> String
        {
            "<label>\(label) <input type=\"\(type)\" name=\"\(name)\" value=\"\(HTML.escape(value ?? ""))\"></label>\n"
        }
        var html =
            "<form method=\"get\" action=\"/incidents\" class=\"filters\">\n<fieldset><legend>Filters</legend>\n"
        html += select(
            "rule", "Rule", RuleID.all.map { ($0.rawValue, $0.rawValue) }, filter.rule?.rawValue)
        html += select(
            "status", "Status", ReviewStatus.allCases.map { ($0.rawValue, $0.rawValue) },
            filter.status?.rawValue)
        html += select(
            "severity", "Severity", Severity.allCases.map { ($0.rawValue, $0.rawValue) },
            filter.severity?.rawValue)
        html += select(
            "platform", "Platform", platforms.map { ($0.rawValue, $0.displayName) },
            filter.platform?.rawValue)
        html += text("person", "Person", filter.person)
        html += text("from", "From", filter.from?.description, type: "date")
        html += text("to", "To", filter.to?.description, type: "date")
        html += text("q", "Words in the case", filter.query, type: "search")
        html +=
            "<button type=\"submit\">Show</button> <a href=\"/incidents\">Clear</a>\n</fieldset>\n</form>\n"
        return html
    }

    // MARK: Audit log and evidence folder

    func auditLog(_ entries: [AuditLogEntry]) -> String {
        var body =
            "<h1>Audit log</h1>\n<p>Every command run on this case, newest first. The log is append-only.</p>\n"
        body +=
            "<table class=\"log\">\n<tr><th>#</th><th>When (UTC)</th><th>Command</th><th>What it did</th><th>Arguments</th></tr>\n"
        for entry in entries {
            body += "<tr><td class=\"number\">\(entry.id.map(String.init) ?? "")</td>"
            body += "<td class=\"nw\">\(HTML.escape(Self.utc(entry.at)))</td>"
            body += "<td><code>\(HTML.escape(entry.command))</code></td>"
            body += "<td>\(HTML.escape(entry.summary))</td>"
            let arguments = entry.arguments.map {
                $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0
            }
            body +=
                "<td class=\"mono\">\(HTML.escape(arguments.joined(separator: " ")))</td></tr>\n"
        }
        body += "</table>\n"
        return page(title: "Audit log", current: .auditLog, body: body)
    }

    func evidenceForm(folder: URL) -> String {
        let body = """
            <h1>Write the sealed evidence folder</h1>
            <p>Writes the evidence folder exactly as <code>conduct-audit report</code> does, with \
            every decision recorded so far, to <code>\(HTML.escape(folder.path))</code>, replacing \
            the previous one there. Its <code>manifest.json</code> lists every file's SHA-256.</p>
            <form method="post" action="/evidence">
            \(hiddenToken)<p><label><input type="checkbox" name="redact" value="1"> Also write a \
            disclosure copy (people other than the staff member and the pupil concerned as initials)</label></p>
            <p><label><input type="checkbox" name="pdf" value="1"> Also print every page to PDF \
            (needs Chromium)</label></p>
            <p><button type="submit">Write the sealed evidence folder</button></p>
            </form>\n
            """
        return page(title: "Write the sealed evidence folder", current: .evidence, body: body)
    }

    func evidenceWritten(_ outcome: CaseReport.Outcome) -> String {
        var body = "<h1>Evidence folder written</h1>\n"
        body +=
            "<p id=\"written\">The sealed evidence folder is at <code>\(HTML.escape(outcome.evidenceFolder.path))</code> "
        body +=
            "(\(outcome.incidents.count) incidents, \(outcome.findings.count) findings, \(outcome.openCount) still open). "
        body +=
            "Open <code>\(HTML.escape(outcome.evidenceFolder.appendingPathComponent("index.html").path))</code>; "
        body +=
            "<code>conduct-audit verify \(HTML.escape(outcome.evidenceFolder.path))</code> checks it.</p>\n"
        for note in outcome.notes { body += "<p class=\"problem\">\(HTML.escape(note))</p>\n" }
        return page(title: "Evidence folder written", current: .evidence, body: body)
    }

    /// A page saying what went wrong, with a way back.
    func problem(_ title: String, _ message: String, back: String?) -> String {
        var body =
            "<h1>\(HTML.escape(title))</h1>\n<p class=\"problem\">\(HTML.escape(message))</p>\n"
        if let back { body += "<p><a href=\"\(HTML.escape(back))\">Back</a></p>\n" }
        return page(title: title, current: .none, body: body)
    }

    // MARK: Pieces

    private var hiddenToken: String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(formToken))\">\n"
    }

    private func time(_ date: Date?) -> String {
        guard let date else { return "no time" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0)
    }

    private static func utc(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func person(_ counterparty: FindingCounterparty?) -> String {
        guard let counterparty else { return "" }
        return [counterparty.name, counterparty.handle.map { "@" + $0 }].compactMap { $0 }
            .joined(separator: " ")
    }

    private static func shortened(_ text: String) -> String {
        text.count > 140 ? String(text.prefix(139)) + "…" : text
    }

    /// The style of the review bar and forms, served as `/assets/review.css`.
    static let styleSheet = """
        body { max-width: 84rem; }
        .notice { background: #e7f3e7; border: 1px solid #4a7d4a; padding: 0.4rem 0.7rem; }
        .review-bar { position: sticky; top: 0; background: #1f3a5f; color: #fff; padding: 0.5rem 0.8rem;
          margin: -2rem -1rem 1.5rem; display: flex; gap: 1.2rem; flex-wrap: wrap; align-items: baseline; }
        .review-bar a { color: #fff; }
        .review-bar a[aria-current] { font-weight: bold; text-decoration: underline 3px; }
        .review-panel { border: 2px solid #1f3a5f; padding: 0 0.8rem 0.6rem; margin-bottom: 2rem; }
        .decisions { display: flex; flex-wrap: wrap; gap: 1rem; }
        .decisions > section { flex: 1 1 30rem; }
        table.pick { width: 100%; }
        fieldset { border: 1px solid #999; margin: 0.8rem 0; }
        .choices label { display: block; margin: 0.2rem 0; }
        .filters label { display: inline-block; margin: 0.2rem 0.8rem 0.2rem 0; }
        .problem { color: #8a1c1c; font-weight: bold; }
        button { font-size: 1rem; padding: 0.3rem 0.9rem; }
        .status-open { font-weight: bold; }
        .status-dismissed { color: #555; }
        .status-confirmed { color: #8a1c1c; font-weight: bold; }
        """
}
