import AuditAnalysis
import AuditModel
import Foundation

/// The first screen of the evidence: who, what, how serious and what next, with the two charts.
///
/// The evidence index opens with it; any other front end (a local review page) shows the same
/// screen by calling ``html(for:linkPrefix:)`` and embedding ``styleSheet``.
public enum EvidenceFirstScreen {
    /// The style sheet the screen's markup expects (the evidence pages' own).
    public static var styleSheet: String { EvidenceStyle.css }

    /// The first screen as a `<section>`.
    /// - Parameters:
    ///   - bundle: the evidence.
    ///   - linkPrefix: put before links to incident pages ("INC-0003/incident.html"), for a page
    ///     that is not at the evidence folder's root.
    /// - Returns: the `<section>` element's markup, which expects ``styleSheet``.
    public static func html(for bundle: EvidenceBundle, linkPrefix: String = "") -> String {
        let overview = EvidenceOverview(bundle: bundle)
        let presentation = EvidencePresentation(bundle: bundle)
        var html = "<section class=\"first-screen\">\n"
        html += "<h1>Social media conduct audit: \(HTML.escape(bundle.staffName))</h1>\n"
        var lede = [
            bundle.staffRole.map(HTML.escape),
            "period audited: \(HTML.escape(bundle.period.summary))",
        ]
        .compactMap { $0 }.joined(separator: " · ")
        lede += " · generated \(presentation.time(bundle.generatedAt))"
        html += "<p class=\"lede\">\(lede)</p>\n"
        html += "<p class=\"headline\">\(headline(bundle, overview))</p>\n"
        html += "<div class=\"story-grid\">\n<div>\n<h2>How serious</h2>\n"
        html += severityTable(bundle, overview)
        html += nextSteps(bundle, overview, linkPrefix: linkPrefix)
        html += "</div>\n<div>\n<h2>Who is involved</h2>\n"
        html += peopleList(bundle, overview, linkPrefix: linkPrefix)
        html += "</div>\n</div>\n"
        html += "<div class=\"charts\">\n<figure>\n<figcaption>Findings per month, by rule"
        html += "</figcaption>\n\(EvidenceCharts.monthlyStrip(overview))</figure>\n"
        html += "<figure>\n<figcaption>When the staff member was active (own items, local "
        html += "weekday × hour; outlined cells are working time)</figcaption>\n"
        html += "\(EvidenceCharts.weekdayHour(bundle))</figure>\n</div>\n"
        return html + "</section>\n"
    }

    /// One sentence: how many findings and incidents, on which platforms, and the gravest.
    static func headline(_ bundle: EvidenceBundle, _ overview: EvidenceOverview) -> String {
        guard !bundle.findings.isEmpty else {
            return "No rule found anything in the period audited."
        }
        var sentence =
            "\(count(bundle.findings.count, "finding")) in "
            + "\(count(bundle.incidents.count, "incident")) on "
            + overview.platforms.map(\.displayName).map(HTML.escape).joined(separator: ", ") + "."
        let harms = bundle.incidents.filter { overview.matters[$0.id] == .harmsThreshold }
        if !harms.isEmpty {
            sentence += " <strong>\(count(harms.count, "incident")) may meet the harms threshold"
            sentence += "</strong>: the designated officer (LADO) must be consulted within one "
            sentence += "working day, before any investigation."
        }
        let open = bundle.findings.filter { $0.status == .open }.count
        if open > 0 { sentence += " \(count(open, "finding")) not yet reviewed." }
        return sentence
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    private static func severityTable(_ bundle: EvidenceBundle, _ overview: EvidenceOverview)
        -> String
    {
        var html =
            "<table class=\"severity\">\n<tr><th>Severity</th><th class=\"number\">Incidents</th>"
        for status in ReviewStatus.allCases {
            html += "<th class=\"number\">\(status.rawValue)</th>"
        }
        html += "<th class=\"number\">findings</th></tr>\n"
        for severity in Severity.allCases.reversed() {
            let statuses = overview.findingsBySeverity[severity] ?? [:]
            html += "<tr class=\"sev-\(severity.rawValue)\"><th>\(severity.rawValue)</th>"
            html += "<td class=\"number\">\(overview.incidentsBySeverity[severity] ?? 0)</td>"
            for status in ReviewStatus.allCases {
                html += "<td class=\"number\">\(statuses[status] ?? 0)</td>"
            }
            html += "<td class=\"number\">\(statuses.values.reduce(0, +))</td></tr>\n"
        }
        html += "<tr><th>all</th><th class=\"number\">\(bundle.incidents.count)</th>"
        for status in ReviewStatus.allCases {
            html +=
                "<th class=\"number\">\(bundle.findings.filter { $0.status == status }.count)</th>"
        }
        return html + "<th class=\"number\">\(bundle.findings.count)</th></tr>\n</table>\n"
    }

    private static func peopleList(
        _ bundle: EvidenceBundle, _ overview: EvidenceOverview, linkPrefix: String
    ) -> String {
        guard !overview.people.isEmpty else {
            return "<p>No finding concerns a pupil or another named person.</p>\n"
        }
        let shown = overview.people.prefix(6)
        var html = "<ol class=\"people\">\n"
        for person in shown {
            html +=
                "<li class=\"matter-\(person.matter.rawValue)\"><strong>\(personLabel(person))</strong>: "
            html +=
                "\(count(person.findings, "finding")) on \(count(person.platforms.count, "platform"))"
            if let span = EvidenceOverview.span(person.first, person.last, in: bundle.timeZone) {
                html += ", \(HTML.escape(span))"
            }
            html +=
                " <span class=\"tag\">\(person.severity.rawValue) · \(HTML.escape(person.matter.title.lowercased()))</span><br>"
            html +=
                "<small>\(person.platforms.map(\.displayName).map(HTML.escape).joined(separator: ", ")) · "
            html += person.incidents.map { incidentLink($0, prefix: linkPrefix) }.joined(
                separator: ", ")
            html += "</small></li>\n"
        }
        html += "</ol>\n"
        if overview.people.count > shown.count {
            let more = overview.people.count - shown.count
            html += "<p><small>and \(more) more \(more == 1 ? "person" : "people")"
            html += " (see “Incidents by person” below).</small></p>\n"
        }
        return html
    }

    /// "Oliver Bennett, Year 6".
    static func personLabel(_ person: EvidenceOverview.Person) -> String {
        HTML.escape(person.name + (person.detail.map { ", " + $0 } ?? ""))
    }

    static func incidentLink(_ id: String, prefix: String) -> String {
        "<a href=\"\(HTML.escape(prefix))\(HTML.escape(id))/incident.html\">\(HTML.escape(id))</a>"
    }

    private static func nextSteps(
        _ bundle: EvidenceBundle, _ overview: EvidenceOverview, linkPrefix: String
    ) -> String {
        let kinds = MatterKind.allCases.sorted(by: >).filter { kind in
            overview.matters.values.contains(kind)
        }
        guard !kinds.isEmpty else { return "" }
        var html = "<h2>What to do next</h2>\n<div class=\"next-steps\">\n"
        for kind in kinds {
            let incidents = bundle.incidents.filter { overview.matters[$0.id] == kind }
            let step = NextStep(kind, settings: bundle.nextSteps)
            html += "<div class=\"next-step matter-\(kind.rawValue)\">\n"
            html += "<h3>\(HTML.escape(kind.title)): \(count(incidents.count, "incident"))</h3>\n"
            html += NextStepMarkup.body(step)
            let links = incidents.prefix(12).map { incidentLink($0.id, prefix: linkPrefix) }
            html += "<p><small>\(links.joined(separator: ", "))"
            if incidents.count > links.count {
                html += " and \(incidents.count - links.count) more"
            }
            html += "</small></p>\n</div>\n"
        }
        return html + "</div>\n"
    }
}

/// A next step's markup, shared by the first screen and the incident pages.
enum NextStepMarkup {
    static func body(_ step: NextStep) -> String {
        var html = "<p>\(HTML.escape(step.text))</p>\n"
        if let contact = step.ladoContact {
            html += "<p><strong>LADO:</strong> \(HTML.escape(contact))</p>\n"
        } else if step.kind == .harmsThreshold {
            html += "<p><small>The local LADO's contact is not configured (school.yaml "
            html += "<code>next_steps: lado_contact</code>).</small></p>\n"
        }
        return html
            + "<p class=\"citation\"><small>Source: \(HTML.escape(step.citation)).</small></p>\n"
    }
}
