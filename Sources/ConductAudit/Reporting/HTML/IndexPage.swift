import Foundation

/// The evidence folder's front page: who, when, what was read, what was found.
struct IndexPage {
    var bundle: EvidenceBundle

    private var presentation: EvidencePresentation { EvidencePresentation(bundle: bundle) }

    /// The page's HTML.
    func render() -> String {
        let title = "Social media conduct audit: \(bundle.staffName)"
        var body = "<header>\n<h1>\(HTML.escape(title))</h1>\n"
        body += HTML.facts([
            ("Staff member", HTML.escape(bundle.staffName)),
            ("Role", bundle.staffRole.map(HTML.escape)),
            ("Period audited", HTML.escape(periodText)),
            (
                "Time zone",
                HTML.escape(bundle.timeZone.identifier)
                    + " (all local times below are in this zone, with their UTC offset)"
            ),
            (
                "Generated",
                presentation.time(bundle.generatedAt)
                    + " = \(presentation.utc(bundle.generatedAt))"
            ),
            ("Tool", "conduct-audit \(HTML.escape(bundle.toolVersion))"),
        ])
        body += "</header>\n"
        body += summarySection() + incidentsSection() + archivesSection() + activitySection()
        body += inputsSection()
        body += """
            <footer><p>Every file of this folder is listed with its SHA-256 digest in \
            <code>manifest.json</code>. Run <code>conduct-audit verify &lt;this folder&gt;</code> \
            to check that nothing has been changed, added or removed since it was generated.</p>\
            </footer>\n
            """
        return HTML.page(title: title, body: body)
    }

    private var periodText: String {
        switch (bundle.period.from, bundle.period.to) {
        case (nil, nil): "everything in the archives"
        case (let from?, nil): "from \(from)"
        case (nil, let to?): "up to \(to)"
        case (let from?, let to?): "\(from) to \(to)"
        }
    }

    /// Rules in the contract's order, then any others by id.
    private var rules: [RuleID] {
        let present = Set(bundle.findings.map(\.rule)).union(bundle.ruleDescriptions.keys)
        return RuleID.all.filter(present.contains)
            + present.subtracting(RuleID.all).sorted()
    }

    private func summarySection() -> String {
        var html = "<h2>Findings by rule and status</h2>\n<table>\n<tr><th>Rule</th>"
        for status in ReviewStatus.allCases {
            html += "<th class=\"number\">\(status.rawValue)</th>"
        }
        html += "<th class=\"number\">total</th></tr>\n"
        for rule in rules {
            let statuses = bundle.findings.filter { $0.rule == rule }.map(\.status)
            let description = bundle.ruleDescriptions[rule].map {
                "<br><small>\(HTML.escape($0))</small>"
            }
            html += "<tr><td><code>\(HTML.escape(rule.rawValue))</code>\(description ?? "")</td>"
            for status in ReviewStatus.allCases {
                html += "<td class=\"number\">\(statuses.filter { $0 == status }.count)</td>"
            }
            html += "<td class=\"number\">\(statuses.count)</td></tr>\n"
        }
        let all = bundle.findings.map(\.status)
        html += "<tr><th>All rules</th>"
        for status in ReviewStatus.allCases {
            html += "<th class=\"number\">\(all.filter { $0 == status }.count)</th>"
        }
        return html + "<th class=\"number\">\(all.count)</th></tr>\n</table>\n"
    }

    private func incidentsSection() -> String {
        var html = "<h2>Incidents</h2>\n"
        guard !bundle.incidents.isEmpty else {
            return html + "<p>No incidents: no rule found anything in the period audited.</p>\n"
        }
        let findings = Dictionary(
            bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        html += """
            <table>
            <tr><th>Incident</th><th>Rule</th><th>Summary</th><th>Severity</th><th>First</th>\
            <th class="number">Findings</th><th>Status</th></tr>\n
            """
        for incident in bundle.incidents {
            let link = "\(incident.id)/incident.html"
            let statuses = incident.findings.compactMap { findings[$0]?.status }
            html += "<tr><td><a href=\"\(HTML.escape(link))\">\(HTML.escape(incident.id))</a></td>"
            html += "<td><code>\(HTML.escape(incident.rule.rawValue))</code></td>"
            html += "<td>\(HTML.escape(incident.title))</td>"
            html += "<td>\(incident.severity.rawValue)</td>"
            html += "<td>\(presentation.time(incident.firstOccurredAt))</td>"
            html += "<td class=\"number\">\(incident.findings.count)</td>"
            html += "<td>\(EvidencePresentation.statusSummary(statuses))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func archivesSection() -> String {
        var html = "<h2>Archives read</h2>\n"
        if bundle.archives.isEmpty { html += "<p>No archives.</p>\n" }
        for archive in bundle.archives {
            html += "<h3 class=\"mono\">\(HTML.escape(archive.path))</h3>\n"
            html += HTML.facts([
                (
                    "Platform",
                    HTML.escape(archive.platform.displayName)
                        + " (\(archive.variant.rawValue) export)"
                ),
                ("SHA-256", "<span class=\"mono hash\">\(HTML.escape(archive.sha256))</span>"),
                ("Owner", EvidencePresentation.person(archive.owner)),
                ("Items read", String(archive.itemCount)),
                ("Media files", String(archive.media.count)),
            ])
            if archive.unparsed.isEmpty {
                html += "<p>Every file of this archive that holds activity was read.</p>\n"
            } else {
                html += """
                    <p class="note">\(archive.unparsed.count) part(s) of this archive could not \
                    be understood and were not analysed:</p>
                    <table><tr><th>File</th><th>Where</th><th>Reason</th></tr>\n
                    """
                for issue in archive.unparsed {
                    html += "<tr><td class=\"mono\">\(HTML.escape(issue.file))</td>"
                    html += "<td class=\"mono\">\(HTML.escape(issue.locator ?? "whole file"))</td>"
                    html += "<td>\(HTML.escape(issue.reason))</td></tr>\n"
                }
                html += "</table>\n"
            }
            html += coverageTable(archive.coverage)
        }
        return html
    }

    private func coverageTable(_ coverage: [SectionCoverage]) -> String {
        guard !coverage.isEmpty else { return "<p>No coverage recorded for this archive.</p>\n" }
        var html = """
            <table>
            <caption>Coverage: what each section contributed</caption>
            <tr><th>Section</th><th class="number">Items</th><th class="number">Without time</th>\
            <th class="number">Unnamed counterparties</th><th>Earliest</th><th>Latest</th></tr>\n
            """
        for section in coverage {
            html += "<tr><td>\(HTML.escape(section.section))</td>"
            html += "<td class=\"number\">\(section.itemCount)</td>"
            html += "<td class=\"number\">\(section.itemsWithoutTime)</td>"
            html += "<td class=\"number\">\(section.unnamedCounterparties)</td>"
            html += "<td>\(section.earliest.map { presentation.time($0) } ?? "—")</td>"
            html += "<td>\(section.latest.map { presentation.time($0) } ?? "—")</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func activitySection() -> String {
        var counts: [EvidenceBundle.WeekdayHour: Int] = [:]
        for date in bundle.ownActivity {
            counts[EvidenceBundle.WeekdayHour(date, in: bundle.timeZone), default: 0] += 1
        }
        let maximum = counts.values.max() ?? 0
        var html = """
            <h2>When the staff member was active</h2>
            <p>Items the archive owner made (posts, comments, messages, reactions…), counted by \
            local weekday and hour in \(HTML.escape(bundle.timeZone.identifier)). Hatched cells \
            are normal working time; darker cells had more activity.\
            <span class="legend"><span class="l2" style="background:#9ecae1"></span>activity\
            <span style="background-image:repeating-linear-gradient(45deg,rgba(0,0,0,0.13) 0 2px,\
            transparent 2px 6px)"></span>working time</span></p>
            <table class="chart">
            <tr><th></th>
            """
        for hour in 0..<24 { html += "<th>\(hour < 10 ? "0" : "")\(hour)</th>" }
        html += "<th class=\"number\">total</th></tr>\n"
        for weekday in 1...7 {
            let name = ZonedDateTime.weekdayNames[weekday - 1]
            html += "<tr><th scope=\"row\">\(name.prefix(3))</th>"
            var total = 0
            for hour in 0..<24 {
                let cell = EvidenceBundle.WeekdayHour(weekday: weekday, hour: hour)
                let count = counts[cell] ?? 0
                total += count
                var classes: [String] = []
                if bundle.workingHoursShading.contains(cell) { classes.append("work") }
                if count > 0 && maximum > 0 {
                    classes.append(
                        "l\(max(1, Int((4.0 * Double(count) / Double(maximum)).rounded(.up))))")
                }
                let label =
                    "\(name) \(hour):00–\(hour):59: \(count) item(s)"
                    + (bundle.workingHoursShading.contains(cell) ? ", working time" : "")
                let classAttribute =
                    classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                let shown = count > 0 ? String(count) : ""
                html += "<td\(classAttribute) title=\"\(HTML.escape(label))\">\(shown)</td>"
            }
            html += "<td class=\"number\">\(total)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func inputsSection() -> String {
        var html = "<h2>Inputs</h2>\n<table>\n<tr><th>Input</th><th>SHA-256</th></tr>\n"
        for archive in bundle.archives {
            html += "<tr><td class=\"mono\">\(HTML.escape(archive.path))</td>"
            html += "<td class=\"mono hash\">\(HTML.escape(archive.sha256))</td></tr>\n"
        }
        for (name, digest) in bundle.inputHashes.sorted(by: { $0.key < $1.key }) {
            html += "<tr><td>\(HTML.escape(name))</td>"
            html += "<td class=\"mono hash\">\(HTML.escape(digest))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
