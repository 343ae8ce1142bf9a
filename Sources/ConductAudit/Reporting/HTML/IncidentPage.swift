import Foundation

/// One incident's printable page: the policy, then every finding with its exhibits and reviews.
struct IncidentPage {
    var bundle: EvidenceBundle
    var incident: Incident
    /// The incident's findings, in the incident's order.
    var findings: [Finding]
    /// The folder's exhibit numbering.
    var exhibits: ExhibitIndex

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
        body += exhibitList()
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
        return HTML.page(
            title: title, body: body,
            printLabel: "\(incident.id) · \(bundle.staffName) · conduct-audit")
    }

    /// The exhibits this page shows, with where they are on it.
    private func exhibitList() -> String {
        let shown = exhibits.exhibits(in: incident.id)
        guard !shown.isEmpty else { return "" }
        var html = "<h2>Exhibits on this page</h2>\n<table class=\"exhibits\">\n"
        html += "<tr><th>Exhibit</th><th>What</th></tr>\n"
        for exhibit in shown {
            html += "<tr><td><a href=\"#\(exhibit.label)\">Exhibit \(exhibit.number)</a></td>"
            html += "<td>\(presentation.exhibitDescription(exhibit))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func findingSection(_ finding: Finding, number: Int) -> String {
        let item = bundle.items[finding.item]
        var html = "<section class=\"finding\" id=\"\(HTML.escape(finding.id.rawValue))\">\n"
        html +=
            "<h2>Finding \(number) of \(findings.count): \(HTML.escape(finding.id.rawValue))</h2>\n"
        html += decision(for: finding)
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
        for id in [finding.item] + finding.supportingItems {
            guard let cited = bundle.items[id] else { continue }
            html += itemExhibit(cited, isFindingItem: id == finding.item, finding: finding)
        }
        html += contextSection(for: finding)
        html += reviewHistory(for: finding)
        return html + "</section>\n"
    }

    /// The reviewer's latest decision, prominently, or how to record one.
    private func decision(for finding: Finding) -> String {
        let reviews = bundle.reviews[finding.id] ?? []
        guard let latest = reviews.last else {
            return """
                <p class="decision">Reviewer's decision: <strong>none yet</strong> — the finding \
                is \(EvidencePresentation.status(finding.status)).</p>
                <p class="howto">To record one: <code>conduct-audit review \
                \(HTML.escape(finding.id.rawValue)) --confirm|--dismiss|--declared --reason \
                "…" --reviewer "…" --case …</code>, then <code>conduct-audit report</code>.</p>\n
                """
        }
        return """
            <p class="decision">Reviewer's decision: \
            \(EvidencePresentation.status(latest.decision)) by \
            <strong>\(HTML.escape(latest.reviewer))</strong> on \
            \(presentation.time(latest.decidedAt)): “\(HTML.escape(latest.reason))”\
            \(reviews.count > 1 ? " (\(reviews.count) decisions recorded; see the history below)" : "").</p>\n
            """
    }

    /// A cited item as an exhibit: where it came from, its raw fragment, its media.
    private func itemExhibit(_ item: TimelineItem, isFindingItem: Bool, finding: Finding)
        -> String
    {
        var html = ""
        let number = exhibits.number(ofItem: item.id)
        let anchor = number.map { " id=\"E\($0)\"" } ?? ""
        let role = isFindingItem ? "The item" : "Further item cited"
        let heading = number.map { "Exhibit \($0): " } ?? ""
        html +=
            "<h3\(anchor)>\(heading)\(role) — \(HTML.escape(presentation.itemSummary(item)))</h3>\n"
        if !isFindingItem {
            html += presentation.itemTable([item], cited: [item.id])
        }
        html += presentation.source(item.source)
        for further in bundle.furtherSources[item.id] ?? [] {
            html += "<p>The same event is also in another copy (kept once, not counted twice):</p>\n"
            html += presentation.source(further)
        }
        html += "<p class=\"fragment-caption\">Source fragment, exactly as in the export "
        html += "(SHA-256 of this text: <span class=\"mono hash\">"
        html += "\(SHA256Hex.digest(of: item.rawFragment))</span>):</p>\n"
        html += "<pre>\(HTML.escape(item.rawFragment))</pre>\n"
        html += attachments(of: item)
        return html
    }

    /// The item's attachments: media copies with their exhibit numbers and digests.
    private func attachments(of item: TimelineItem) -> String {
        guard !item.attachments.isEmpty else { return "" }
        var html = "<table class=\"media\">\n<caption>Attachments</caption>\n"
        html += "<tr><th>Exhibit</th><th>Attachment</th><th>Copy in this folder</th>"
        html += "<th>SHA-256</th></tr>\n"
        for (index, attachment) in item.attachments.enumerated() {
            let described = HTML.escape(
                attachment.kind.rawValue + (attachment.uri.map { ": " + $0 } ?? "")
                    + (attachment.caption.map { " (“\($0)”)" } ?? ""))
            guard let key = MediaKey(item: item, attachment: attachment) else {
                html += "<tr><td>—</td><td class=\"mono\">\(described)</td>"
                html += "<td>not a file in the archive</td><td>—</td></tr>\n"
                continue
            }
            let number = exhibits.number(ofAttachment: index, of: item.id)
            let label = number.map { "<span id=\"E\($0)\">Exhibit \($0)</span>" } ?? "—"
            html += "<tr><td>\(label)</td><td class=\"mono\">\(described)</td>"
            guard let media = bundle.media[key] else {
                html += "<td>not copied: the archive was not opened when this folder was written "
                html += "(re-render with <code>conduct-audit report</code>)</td><td>—</td></tr>\n"
                continue
            }
            let digest = media.sha256.map { "<span class=\"mono hash\">\($0)</span>" } ?? "—"
            switch media.content {
            case .copied(let data):
                let exhibit = number.flatMap(exhibits.exhibit)
                let path = exhibit.map {
                    ExhibitIndex.mediaPath(of: $0, file: media, incident: incident.id)
                }
                let relative = path.map { String($0.dropFirst(incident.id.count + 1)) } ?? ""
                let verified =
                    media.importedSHA256 == nil
                    ? "archive digest checked" : "matches the digest recorded at import"
                html += "<td><a href=\"\(HTML.escape(relative))\" class=\"mono\">"
                html += "\(HTML.escape(relative))</a> (\(data.count) bytes; \(verified))"
                // Show pictures themselves: a reviewer must look at a photo, not its file name.
                let pictureTypes = ["jpg", "jpeg", "png", "gif", "webp"]
                if attachment.kind == .photo || attachment.kind == .gif,
                    pictureTypes.contains((relative as NSString).pathExtension.lowercased())
                {
                    html += "<br><img class=\"exhibit-picture\" src=\"\(HTML.escape(relative))\" "
                    html += "alt=\"\(HTML.escape(label.isEmpty ? "attached picture" : "the attached picture"))\">"
                }
                html += "</td>"
            case .unavailable(let reason):
                html += "<td class=\"note\">No copy: \(HTML.escape(reason)).</td>"
            case .withheld:
                html += "<td>Withheld from this disclosure copy (it may show other people); the "
                html += "sealed full copy holds it.</td>"
            }
            html += "<td>\(digest)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The items around the finding: a numbered transcript for a thread, else a table.
    private func contextSection(for finding: Finding) -> String {
        let context = (bundle.context[finding.id] ?? []).compactMap { bundle.items[$0] }
        guard !context.isEmpty else { return "" }
        let number = exhibits.number(ofContext: finding.id)
        let anchor = number.map { " id=\"E\($0)\"" } ?? ""
        let heading = number.map { "Exhibit \($0): " } ?? ""
        let isThread = context.allSatisfy { $0.conversation != nil }
        if isThread {
            var html =
                "<h3\(anchor)>\(heading)Context — \(presentation.contextTitle(context))</h3>\n"
            html += "<p>The messages around the flagged one, in time order; the flagged message "
            html +=
                "is highlighted. Line numbers count every message of the thread in the case.</p>\n"
            return html + presentation.transcript(context, cited: [finding.item])
        }
        var html = "<h3\(anchor)>\(heading)Context — \(presentation.contextTitle(context))</h3>\n"
        html += "<p>Items around this one; the flagged item is highlighted.</p>\n"
        return html + presentation.itemTable(context, cited: [finding.item])
    }

    private func reviewHistory(for finding: Finding) -> String {
        var html = "<h3>Review history</h3>\n"
        let reviews = bundle.reviews[finding.id] ?? []
        if reviews.isEmpty {
            return html
                + "<p>No review has been recorded; the finding is \(finding.status.rawValue).</p>\n"
        }
        html += "<table>\n<tr><th>Decided</th><th>Decision</th><th>Reviewer</th>"
        html += "<th>Reason</th></tr>\n"
        for review in reviews {
            html += "<tr><td>\(presentation.time(review.decidedAt))</td>"
            html += "<td>\(EvidencePresentation.status(review.decision))</td>"
            html += "<td>\(HTML.escape(review.reviewer))</td>"
            html += "<td>\(HTML.escape(review.reason))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
