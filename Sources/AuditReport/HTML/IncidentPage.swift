import AuditAnalysis
import AuditModel
import Foundation

/// One incident's printable page: what happened and what next first, then the findings as one
/// table, each conversation once (every flagged message highlighted and numbered), and each
/// exhibit's source once.
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
        body += self.body(linkPrefix: "")
        return HTML.page(
            title: title, body: body,
            printLabel: "\(incident.id) · \(bundle.staffName) · conduct-audit")
    }

    /// The page as a part of the combined print bundle, which sits at the folder's root:
    /// laid out as the page itself is printed.
    func bundlePart() -> String {
        body(linkPrefix: "\(incident.id)/")
    }

    /// The page's content without navigation and footer, for this page and the combined
    /// bundle; `linkPrefix` goes before links to files of the incident's folder.
    func body(linkPrefix: String) -> String {
        let matter = MatterKind.of(rule: incident.rule, findings: findings)
        var body = "<section class=\"incident\" id=\"\(HTML.escape(incident.id))\">\n"
        body += "<h1>\(HTML.escape(incident.id)): \(HTML.escape(incident.title))</h1>\n"
        let dates = findings.compactMap(\.occurredAt)
        var when = presentation.time(dates.min() ?? incident.firstOccurredAt)
        if let last = dates.max(), let first = dates.min(), last != first {
            when += " to " + presentation.time(last)
        }
        body += HTML.facts([
            (
                "Rule",
                "<code class=\"rule\">\(HTML.escape(incident.rule.rawValue))</code>"
                    + (bundle.ruleDescriptions[incident.rule].map { ": " + HTML.escape($0) } ?? "")
            ),
            (
                "Severity",
                "\(incident.severity.rawValue) · \(HTML.escape(matter.title.lowercased())) · "
                    + "\(findings.count) finding\(findings.count == 1 ? "" : "s"): "
                    + EvidencePresentation.statusSummary(findings.map(\.status))
            ),
            ("When", when),
            ("Outcome", outcome()),
        ])
        body += "<div class=\"next-step matter-\(matter.rawValue) keep\">\n"
        body += "<h2>What to do next: \(HTML.escape(matter.title.lowercased()))</h2>\n"
        body += NextStepMarkup.body(NextStep(matter, settings: bundle.nextSteps)) + "</div>\n"
        body += "<div class=\"keep\">\n<h2>Policy</h2>\n"
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
        body += "</div>\n"
        body += findingsTable()
        body += decisions()
        body += contextSections()
        body += sourceExhibits(linkPrefix: linkPrefix)
        body += "<footer><p>Staff member: \(HTML.escape(bundle.staffName))"
        body += bundle.staffRole.map { ", " + HTML.escape($0) } ?? ""
        body += ". Generated \(presentation.time(bundle.generatedAt)) by conduct-audit "
        body += "\(HTML.escape(bundle.toolVersion)). This page is part of an evidence folder whose "
        body += "files are listed with their SHA-256 digests in <code>manifest.json</code>; run "
        body += "<code>conduct-audit verify</code> on the folder to check it has not been changed."
        body += "</p></footer>\n"
        return body + "</section>\n"
    }

    // MARK: Outcome and decisions

    /// The incident's latest outcome, or how to record one.
    private func outcome() -> String {
        let recorded = bundle.outcomes(of: incident)
        guard let latest = recorded.last else {
            return "none recorded yet<span class=\"howto\"> (<code>conduct-audit outcome "
                + "\(HTML.escape(incident.id)) --substantiated|--unsubstantiated|--unfounded|"
                + "--false|--malicious --reason \"…\" --reviewer \"…\" --case …</code>)</span>"
        }
        var html =
            "<strong>\(latest.outcome.rawValue)</strong> (\(HTML.escape(latest.outcome.meaning))) "
        html += "by <strong>\(HTML.escape(latest.reviewer))</strong> on "
        html += "\(presentation.time(latest.decidedAt)): “\(HTML.escape(latest.reason))”"
        if recorded.count > 1 {
            html +=
                "<br><small>Earlier: "
                + recorded.dropLast().map {
                    "\($0.outcome.rawValue) by \(HTML.escape($0.reviewer)) on "
                        + "\(presentation.time($0.decidedAt)): “\(HTML.escape($0.reason))”"
                }.joined(separator: "; ") + "</small>"
        }
        return html
    }

    /// The history of findings decided more than once (the latest decision is shown with each
    /// finding), and how to record a decision.
    private func decisions() -> String {
        let reviewed = findings.enumerated().filter {
            !(bundle.reviews[$0.element.id] ?? []).isEmpty
        }
        let revised = reviewed.filter { (bundle.reviews[$0.element.id] ?? []).count > 1 }
        var html = ""
        if !revised.isEmpty {
            html += "<h3>Decision history</h3>\n<table class=\"decisions\">\n"
            html += "<tr><th>Finding</th><th>Decided</th><th>Decision</th><th>Reviewer</th>"
            html += "<th>Reason</th></tr>\n"
            for (index, finding) in revised {
                for review in bundle.reviews[finding.id] ?? [] {
                    html +=
                        "<tr><td>\(index + 1)</td><td>\(presentation.time(review.decidedAt))</td>"
                    html += "<td>\(EvidencePresentation.status(review.decision))</td>"
                    html += "<td>\(HTML.escape(review.reviewer))</td>"
                    html += "<td>\(HTML.escape(review.reason))</td></tr>\n"
                }
            }
            html += "</table>\n"
        }
        if reviewed.count < findings.count {
            html += "<p class=\"howto\">No decision yet on \(findings.count - reviewed.count) "
            html += "finding(s). To record one: <code>conduct-audit review &lt;finding id&gt; "
            html +=
                "--confirm|--dismiss|--declared --reason \"…\" --reviewer \"…\" --case …</code>, "
            html += "then <code>conduct-audit report</code>.</p>\n"
        }
        return html
    }

    // MARK: Findings

    /// Where each flagged item appears in this page's transcripts: exhibit and message number.
    private var transcriptPlaces: [ItemID: (exhibit: Int, line: Int)] {
        var places: [ItemID: (exhibit: Int, line: Int)] = [:]
        for group in contextGroups where group.isThread {
            for (offset, id) in group.items.enumerated() {
                let line = bundle.threadPositions[id]?.line ?? offset + 1
                if places[id] == nil { places[id] = (group.number, line) }
            }
        }
        return places
    }

    /// The findings, one compact block each: when, what, why, how sure, status, evidence.
    private func findingsTable() -> String {
        let places = transcriptPlaces
        var html = "<h2>Findings</h2>\n"
        for (index, finding) in findings.enumerated() {
            let item = bundle.items[finding.item]
            html += "<div class=\"finding-block\" id=\"\(HTML.escape(finding.id.rawValue))\">\n"
            html += "<p class=\"finding-head\"><span class=\"badge\">\(index + 1)</span> "
            html += "<strong>\(presentation.time(finding.occurredAt))</strong>"
            html += " · \(HTML.escape(finding.platform.displayName)) "
            html += "\(HTML.escape(finding.activity.displayName))"
            if let counterparty = finding.counterparty {
                var who = HTML.escape(counterparty.name ?? "(no name)")
                if let handle = counterparty.handle { who += " (@\(HTML.escape(handle)))" }
                html += " with \(who)"
            }
            html += " · \(EvidencePresentation.status(finding.status))"
            var evidence: [String] = []
            if let number = exhibits.number(ofItem: finding.item) {
                evidence.append("<a href=\"#E\(number)\">Exhibit \(number)</a>")
            }
            if let place = places[finding.item] {
                evidence.append(
                    "message \(place.line) of <a href=\"#E\(place.exhibit)\">Exhibit \(place.exhibit)</a>"
                )
            }
            for id in finding.supportingItems {
                if let number = exhibits.number(ofItem: id) {
                    evidence.append("<a href=\"#E\(number)\">Exhibit \(number)</a> (supporting)")
                }
            }
            if !evidence.isEmpty { html += " · " + evidence.joined(separator: ", ") }
            html += " · <span class=\"mono\">\(HTML.escape(finding.id.rawValue))</span></p>\n"
            if places[finding.item] == nil, let excerpt = finding.excerpt {
                html += "<div class=\"excerpt quote\">"
                html += HTML.highlighted(excerpt, spans: finding.highlights) + "</div>\n"
            }
            if let note = item.flatMap({ presentation.timeBasisNote($0.timeBasis) }) {
                html += "<p class=\"how-sure\"><small><strong>Time:</strong> \(note)</small></p>\n"
            }
            html += "<p>\(HTML.escape(finding.explanation))</p>\n"
            if let latest = bundle.reviews[finding.id]?.last {
                html += "<p class=\"decision\">Reviewer's decision: "
                html += "\(EvidencePresentation.status(latest.decision)) by "
                html += "<strong>\(HTML.escape(latest.reviewer))</strong> on "
                html +=
                    "\(presentation.time(latest.decidedAt)): “\(HTML.escape(latest.reason))”</p>\n"
            }
            html += "<p class=\"how-sure\"><small><strong>How sure:</strong> "
            html += "\(HTML.escape(EvidencePresentation.confidencePhrase(finding, item: item)))"
            html += "</small></p>\n</div>\n"
        }
        return html
    }

    // MARK: Context, each once

    /// The items shown around the incident's findings, one group per context exhibit.
    private struct ContextGroup {
        var number: Int
        var items: [ItemID]
        var isThread: Bool
    }

    private var contextGroups: [ContextGroup] {
        var seen = Set<Int>()
        var groups: [ContextGroup] = []
        for finding in findings {
            guard let number = exhibits.number(ofContext: finding.id), seen.insert(number).inserted,
                let exhibit = exhibits.exhibit(number)
            else { continue }
            let items = exhibits.contextItems(of: exhibit, in: bundle)
            let isThread = items.allSatisfy { bundle.items[$0]?.conversation != nil }
            groups.append(ContextGroup(number: number, items: items, isThread: isThread))
        }
        return groups
    }

    private func contextSections() -> String {
        let groups = contextGroups
        guard !groups.isEmpty else { return "" }
        // Which finding (by its number on this page) flags each item.
        var flagged: [ItemID: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            flagged[finding.item, default: []].append(index + 1)
        }
        var html =
            "<h2>\(groups.contains(where: \.isThread) ? "Conversations" : "Items around the findings")</h2>\n"
        let lastThread = groups.lastIndex(where: \.isThread)
        for (position, group) in groups.enumerated() {
            let items = group.items.compactMap { bundle.items[$0] }
            html += "<h3 id=\"E\(group.number)\">Exhibit \(group.number): "
            html += "\(presentation.contextTitle(items))</h3>\n"
            if group.isThread {
                html += presentation.transcript(
                    items, flagged: flagged, findings: findings, note: position == lastThread)
            } else {
                html += presentation.itemTable(items, cited: Set(flagged.keys))
            }
        }
        return html
    }

    // MARK: Sources, each once

    /// Every item exhibit of the page once: where it came from and its raw source fragment.
    private func sourceExhibits(linkPrefix: String) -> String {
        var seen = Set<ItemID>()
        var html = "<h2>Exhibits: each item exactly as in the export</h2>\n"
        for finding in findings {
            for id in [finding.item] + finding.supportingItems where seen.insert(id).inserted {
                guard let item = bundle.items[id] else { continue }
                html += itemExhibit(item, linkPrefix: linkPrefix)
            }
        }
        return html
    }

    private func itemExhibit(_ item: TimelineItem, linkPrefix: String) -> String {
        let number = exhibits.number(ofItem: item.id)
        let anchor = number.map { " id=\"E\($0)\"" } ?? ""
        let heading = number.map { "Exhibit \($0): " } ?? ""
        var html = "<div class=\"source\">\n"
        html += "<h4\(anchor)>\(heading)\(HTML.escape(presentation.itemSummary(item)))</h4>\n"
        html +=
            "<p class=\"source-line\"><span class=\"mono\">\(HTML.escape(item.source.archivePath))"
        html +=
            "</span> (SHA-256 <span class=\"mono hash\">\(HTML.escape(item.source.archiveSHA256))"
        html += "</span>) · <span class=\"mono\">"
        html += HTML.escape(item.source.file.isEmpty ? "(the archive itself)" : item.source.file)
        html += "</span> · <span class=\"mono\">\(HTML.escape(item.source.locator))</span> · "
        html +=
            "fragment SHA-256 <span class=\"mono hash\">\(SHA256Hex.digest(of: item.rawFragment))"
        html += "</span></p>\n"
        // The same event in another copy (JSON and HTML downloads, overlapping downloads): kept
        // once in the case, every copy cited.
        for further in bundle.furtherSources[item.id] ?? [] {
            html += "<p class=\"source-line\">Also in another copy (kept once, not counted "
            html += "twice): <span class=\"mono\">\(HTML.escape(further.archivePath))</span> "
            html += "(SHA-256 <span class=\"mono hash\">\(HTML.escape(further.archiveSHA256))"
            html += "</span>) · <span class=\"mono\">\(HTML.escape(further.file))</span> · "
            html += "<span class=\"mono\">\(HTML.escape(further.locator))</span></p>\n"
        }
        html += "<pre class=\"fragment\">\(HTML.escape(item.rawFragment))</pre>\n"
        html += attachments(of: item, linkPrefix: linkPrefix)
        return html + "</div>\n"
    }

    /// The item's attachments: media copies with their exhibit numbers and digests.
    private func attachments(of item: TimelineItem, linkPrefix: String) -> String {
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
                let link = HTML.escape(linkPrefix + relative)
                html += "<td><a href=\"\(link)\" class=\"mono\">"
                html += "\(HTML.escape(relative))</a> (\(data.count) bytes; \(verified))"
                // Show pictures themselves: a reviewer must look at a photo, not its file name.
                let pictureTypes = ["jpg", "jpeg", "png", "gif", "webp"]
                if attachment.kind == .photo || attachment.kind == .gif,
                    pictureTypes.contains((relative as NSString).pathExtension.lowercased())
                {
                    html += "<br><img class=\"exhibit-picture\" src=\"\(link)\" "
                    html += "alt=\"the attached picture\">"
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
}
