import AuditAnalysis
import AuditModel
import Foundation

/// The index's incidents grouped as a reader handles them: by person (across rules and
/// platforms), then the rest by rule, with low-severity working-hours incidents by month.
struct IncidentGroups {
    var bundle: EvidenceBundle
    var overview: EvidenceOverview

    private var presentation: EvidencePresentation { EvidencePresentation(bundle: bundle) }

    func render() -> String {
        guard !bundle.incidents.isEmpty else { return "" }
        let byID = Dictionary(bundle.incidents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var html = ""
        var placed = Set<String>()
        if !overview.people.isEmpty {
            html += "<h2>Incidents by person</h2>\n"
            for person in overview.people {
                html += "<h3>\(EvidenceFirstScreen.personLabel(person)): "
                html += "\(person.findings) finding\(person.findings == 1 ? "" : "s") on "
                html += person.platforms.map(\.displayName).map(HTML.escape).joined(separator: ", ")
                if let span = EvidenceOverview.span(person.first, person.last, in: bundle.timeZone)
                {
                    html += ", \(HTML.escape(span))"
                }
                html += "</h3>\n"
                html += table(person.incidents.compactMap { byID[$0] })
                placed.formUnion(person.incidents)
            }
        }
        let rest = bundle.incidents.filter { !placed.contains($0.id) }
        guard !rest.isEmpty else { return html }
        html += "<h2>\(placed.isEmpty ? "Incidents by rule" : "Other incidents, by rule")</h2>\n"
        for rule in RuleID.all + Set(rest.map(\.rule)).subtracting(RuleID.all).sorted() {
            let incidents = rest.filter { $0.rule == rule }
            guard !incidents.isEmpty else { continue }
            html += "<h3><code class=\"rule\">\(HTML.escape(rule.rawValue))</code>: "
            html += "\(incidents.count) incident\(incidents.count == 1 ? "" : "s")</h3>\n"
            let minor = incidents.filter { $0.rule == .workingHours && $0.severity == .low }
            if minor.count > 3 {
                html += byMonth(minor)
                html += table(incidents.filter { !minor.contains($0) })
            } else {
                html += table(incidents)
            }
        }
        return html
    }

    /// Low-severity incidents as one row per month.
    private func byMonth(_ incidents: [Incident]) -> String {
        let findings = Dictionary(
            bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var months: [EvidenceOverview.Month?: [Incident]] = [:]
        for incident in incidents {
            months[
                incident.firstOccurredAt.map { EvidenceOverview.Month($0, in: bundle.timeZone) },
                default: []
            ]
            .append(incident)
        }
        var html =
            "<table class=\"grouped\">\n<tr><th>Month</th><th class=\"number\">Incidents</th>"
        html +=
            "<th class=\"number\">Findings</th><th>Status</th><th>Incidents (low severity)</th></tr>\n"
        let keys = months.keys.sorted {
            ($0 ?? .init(year: 9999, month: 12)) < ($1 ?? .init(year: 9999, month: 12))
        }
        for key in keys {
            let group = months[key] ?? []
            let statuses = group.flatMap(\.findings).compactMap { findings[$0]?.status }
            html += "<tr><td class=\"nw\">\(HTML.escape(key?.label ?? "no time"))</td>"
            html +=
                "<td class=\"number\">\(group.count)</td><td class=\"number\">\(statuses.count)</td>"
            html += "<td>\(EvidencePresentation.statusSummary(statuses))</td><td>"
            html += group.map { EvidenceFirstScreen.incidentLink($0.id, prefix: "") }.joined(
                separator: ", ")
            html += "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func table(_ incidents: [Incident]) -> String {
        guard !incidents.isEmpty else { return "" }
        return IncidentList(bundle: bundle, overview: overview).table(incidents)
    }
}

/// A table of incidents with their severity, kind of matter, dates, status and outcome: the
/// index's full list and each group's.
struct IncidentList {
    var bundle: EvidenceBundle
    var overview: EvidenceOverview

    func table(_ incidents: [Incident]) -> String {
        let presentation = EvidencePresentation(bundle: bundle)
        let findings = Dictionary(
            bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var html = """
            <table class="incidents">
            <tr><th>Incident</th><th>Rule</th><th>Summary</th><th>Severity</th><th>First</th>\
            <th class="number">Findings</th><th>Status</th><th>Outcome</th></tr>\n
            """
        for incident in incidents {
            let statuses = incident.findings.compactMap { findings[$0]?.status }
            let matter = overview.matters[incident.id] ?? .conduct
            html += "<tr class=\"matter-\(matter.rawValue)\"><td>"
            html += EvidenceFirstScreen.incidentLink(incident.id, prefix: "") + "</td>"
            html += "<td><code class=\"rule\">\(HTML.escape(incident.rule.rawValue))</code></td>"
            html += "<td>\(HTML.escape(incident.title))</td>"
            html +=
                "<td>\(incident.severity.rawValue)<br><small>\(HTML.escape(matter.title.lowercased()))</small></td>"
            html += "<td>\(presentation.time(incident.firstOccurredAt))</td>"
            html += "<td class=\"number\">\(incident.findings.count)</td>"
            html += "<td>\(EvidencePresentation.statusSummary(statuses))</td>"
            html +=
                "<td>\(bundle.outcomes(of: incident).last.map { "<strong>\($0.outcome.rawValue)</strong>" } ?? "—")</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
