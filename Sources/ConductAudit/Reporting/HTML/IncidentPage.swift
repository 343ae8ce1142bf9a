import Foundation

/// One incident's printable page: the policy, then every finding with its evidence and reviews.
struct IncidentPage {
    var bundle: EvidenceBundle
    var incident: Incident
    /// The incident's findings, in the incident's order.
    var findings: [Finding]

    private var presentation: EvidencePresentation { EvidencePresentation(bundle: bundle) }

    /// The page's HTML.
    func render() -> String {
        let title = "\(incident.id): \(incident.title)"
        var body = "<nav><a href=\"../index.html\">← All incidents</a></nav>\n"
        body += "<h1>\(HTML.escape(title))</h1>\n"
        body += HTML.facts([
            (
                "Staff member",
                HTML.escape(bundle.staffName)
                    + (bundle.staffRole.map { ", " + HTML.escape($0) } ?? "")
            ),
            ("Rule", "<code>\(HTML.escape(incident.rule.rawValue))</code>"),
            ("What the rule checks", bundle.ruleDescriptions[incident.rule].map(HTML.escape)),
            ("Severity", incident.severity.rawValue),
            ("First occurred", presentation.time(incident.firstOccurredAt)),
            ("Findings", String(findings.count)),
            ("Status", EvidencePresentation.statusSummary(findings.map(\.status))),
            (
                "Generated",
                presentation.time(bundle.generatedAt)
                    + " by conduct-audit \(HTML.escape(bundle.toolVersion))"
            ),
        ])
        body += "<h2>Policy</h2>\n"
        if let clause = bundle.policyClauses[incident.rule] {
            let section = clause.section.map {
                "<p>Section: <strong>\(HTML.escape($0))</strong></p>\n"
            }
            body +=
                (section ?? "")
                + "<blockquote class=\"excerpt\">\(HTML.escape(clause.text))</blockquote>\n"
        } else {
            body += "<p>The school's configuration quotes no policy text for this rule.</p>\n"
        }
        for (index, finding) in findings.enumerated() {
            body += findingSection(finding, number: index + 1)
        }
        body += """
            <footer><p>This page is part of an evidence folder whose files are listed with their \
            SHA-256 digests in <code>manifest.json</code>; run <code>conduct-audit verify</code> \
            on the folder to check it has not been changed.</p></footer>\n
            """
        return HTML.page(title: title, body: body)
    }

    private func findingSection(_ finding: Finding, number: Int) -> String {
        let item = bundle.items[finding.item]
        var html = "<section class=\"finding\" id=\"\(HTML.escape(finding.id.rawValue))\">\n"
        html +=
            "<h2>Finding \(number) of \(findings.count): \(HTML.escape(finding.id.rawValue))</h2>\n"
        var rows: [(String, String?)] = [
            ("Status", EvidencePresentation.status(finding.status)),
            ("Severity", finding.severity.rawValue),
            ("Confidence", EvidencePresentation.confidence(finding.confidence)),
            ("Local time", presentation.time(finding.occurredAt)),
            ("UTC", presentation.utc(finding.occurredAt)),
            ("Day", finding.occurredAt.map { HTML.escape(presentation.readable($0)) }),
            ("Platform", HTML.escape(finding.platform.displayName)),
            ("Activity", HTML.escape(finding.activity.displayName)),
        ]
        if let counterparty = finding.counterparty {
            var who = HTML.escape(counterparty.name ?? "(no name)")
            if let handle = counterparty.handle { who += " (@\(HTML.escape(handle)))" }
            rows.append(("Counterparty", who))
            rows.append(
                (
                    "Roster id",
                    counterparty.rosterID.map { "<span class=\"mono\">\(HTML.escape($0))</span>" }
                ))
            rows.append(("Why this person", counterparty.matchExplanation.map(HTML.escape)))
        }
        html += HTML.facts(rows)
        if let note = item.flatMap({ presentation.timeBasisNote($0.timeBasis) }) {
            html += "<p class=\"note\"><strong>Time:</strong> \(note)</p>\n"
        }
        html += "<h3>Why this was flagged</h3>\n<p>\(HTML.escape(finding.explanation))</p>\n"
        html += "<h3>Excerpt</h3>\n"
        if let excerpt = finding.excerpt {
            let marked = HTML.highlighted(excerpt, spans: finding.highlights)
            html += "<blockquote class=\"excerpt\">\(marked)</blockquote>\n"
            let labels = finding.highlights.map(\.label)
            if !labels.isEmpty {
                let list = orderedUnique(labels).joined(separator: "; ")
                html += "<p>Highlighted: \(HTML.escape(list)).</p>\n"
            }
        } else {
            html += "<p>The item has no text.</p>\n"
        }
        if let attachments = item?.attachments, !attachments.isEmpty {
            html += "<p>Attachments: "
            html += attachments.map { attachment in
                HTML.escape(
                    attachment.kind.rawValue
                        + (attachment.uri.map { " " + $0 } ?? "")
                        + (attachment.caption.map { " (“\($0)”)" } ?? ""))
            }.joined(separator: "; ")
            html += "</p>\n"
        }
        html += "<h3>Source</h3>\n" + presentation.source(finding.source)
        if let item {
            html += "<h3>Source fragment, exactly as in the export</h3>\n"
            html += "<pre>\(HTML.escape(item.rawFragment))</pre>\n"
        }
        let supporting = finding.supportingItems.compactMap { bundle.items[$0] }
        if !supporting.isEmpty {
            html += "<h3>Further items cited</h3>\n"
            html += presentation.itemTable(supporting, cited: Set(finding.supportingItems))
            for supportingItem in supporting {
                html += "<p class=\"mono\">\(HTML.escape(supportingItem.source.citation)) in "
                html += "\(HTML.escape(supportingItem.source.archivePath)):</p>\n"
                html += "<pre>\(HTML.escape(supportingItem.rawFragment))</pre>\n"
            }
        }
        let context = (bundle.context[finding.id] ?? []).compactMap { bundle.items[$0] }
        if !context.isEmpty {
            html +=
                "<h3>Context</h3>\n<p>Items around this one; the flagged item is highlighted.</p>\n"
            html += presentation.itemTable(context, cited: [finding.item])
        }
        html += "<h3>Review history</h3>\n"
        let reviews = bundle.reviews[finding.id] ?? []
        if reviews.isEmpty {
            html += "<p>No review has been recorded; the finding is open.</p>\n"
        } else {
            html += "<table>\n<tr><th>Decided</th><th>Decision</th><th>Reviewer</th>"
            html += "<th>Reason</th></tr>\n"
            for review in reviews {
                html += "<tr><td>\(presentation.time(review.decidedAt))</td>"
                html += "<td>\(EvidencePresentation.status(review.decision))</td>"
                html += "<td>\(HTML.escape(review.reviewer))</td>"
                html += "<td>\(HTML.escape(review.reason))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</section>\n"
    }

    private func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
