import AuditAnalysis
import AuditImport
import AuditModel
import Foundation

/// The evidence folder's front page: who, when, what was read, what was found.
struct IndexPage {
    var bundle: EvidenceBundle
    /// The folder's exhibit numbering.
    var exhibits: ExhibitIndex
    /// Which copy this index belongs to.
    var copy: EvidenceCopy = .sealed(disclosureFolder: nil)

    private var presentation: EvidencePresentation { EvidencePresentation(bundle: bundle) }

    /// The page's HTML: the first screen (who, what, how serious, what next), the incidents
    /// grouped and in full, then the exhibits, archives and inputs.
    func render() -> String {
        let title = "Social media conduct audit: \(bundle.staffName)"
        var body = "<header>\n" + EvidenceFirstScreen.html(for: bundle) + "</header>\n"
        body += aboutSection()
        body += IncidentGroups(bundle: bundle, overview: EvidenceOverview(bundle: bundle)).render()
        body += summarySection() + incidentsSection() + exhibitsSection() + archivesSection()
        body += inputsSection()
        body += """
            <footer><p>Every file of this folder is listed with its SHA-256 digest in \
            <code>manifest.json</code>. Run <code>conduct-audit verify &lt;this folder&gt;</code> \
            to check that nothing has been changed, added or removed since it was generated.</p>\
            </footer>\n
            """
        return HTML.page(
            title: title, body: body,
            printLabel: "Evidence index · \(bundle.staffName) · conduct-audit")
    }

    /// Everything of the index but the exhibit index, for the combined print bundle.
    func summaryBody() -> String {
        EvidenceFirstScreen.html(for: bundle) + aboutSection()
            + IncidentGroups(bundle: bundle, overview: EvidenceOverview(bundle: bundle)).render()
            + summarySection() + incidentsSection() + archivesSection() + inputsSection()
    }

    /// Who, when, which zone and which copy: the facts behind the first screen.
    func aboutSection() -> String {
        "<h2>About this evidence</h2>\n"
            + HTML.facts([
                ("Staff member", HTML.escape(bundle.staffName)),
                ("Role", bundle.staffRole.map(HTML.escape)),
                ("Period audited", HTML.escape(bundle.period.summary)),
                (
                    "Time zone",
                    HTML.escape(bundle.timeZone.identifier)
                        + " (local times are shown in this zone, with UTC beside them)"
                ),
                (
                    "Generated",
                    presentation.time(bundle.generatedAt)
                        + " = \(presentation.utc(bundle.generatedAt))"
                ),
                ("Tool", "conduct-audit \(HTML.escape(bundle.toolVersion))"),
                ("This copy", copyDescription),
            ])
    }

    private var copyDescription: String {
        switch copy {
        case .sealed(let folder?):
            return "The sealed full copy. A disclosure copy, in which people other than the "
                + "staff member and the pupil concerned appear as initials, is in "
                + "<a href=\"\(HTML.escape(folder))/index.html\">\(HTML.escape(folder))/</a>."
        case .sealed(nil):
            return "The sealed full copy."
        case .disclosure:
            return "<strong>Disclosure copy.</strong> People other than the staff member and the "
                + "pupil concerned appear as initials (also in source fragments, file paths and "
                + "JSON); attached media are withheld. The sealed full copy is the folder above "
                + "this one."
        }
    }

    func exhibitsSection() -> String {
        var html = "<h2>Exhibit index</h2>\n"
        guard !exhibits.exhibits.isEmpty else { return html + "<p>No exhibits.</p>\n" }
        html += """
            <p>Every item, attached file and context extract the incidents rely on, numbered \
            once for the whole folder. Each incident page shows its exhibits under these numbers.\
            </p>
            <table class="exhibits">
            <tr><th>Exhibit</th><th>What</th><th>Incident</th><th>Where in this folder</th>\
            <th>SHA-256</th></tr>\n
            """
        for exhibit in exhibits.exhibits {
            let first = exhibit.incidents.first ?? ""
            var location = "\(first)/incident.html#\(exhibit.label)"
            var digest = "—"
            switch exhibit.subject {
            case .item(let id):
                if let item = bundle.items[id] {
                    digest = SHA256Hex.digest(of: item.rawFragment)
                }
            case .media(let itemID, let index):
                if let item = bundle.items[itemID], item.attachments.indices.contains(index),
                    let key = MediaKey(item: item, attachment: item.attachments[index]),
                    let media = bundle.media[key]
                {
                    digest = media.sha256 ?? "—"
                    if case .copied = media.content {
                        location = ExhibitIndex.mediaPath(of: exhibit, file: media, incident: first)
                    }
                }
            case .context:
                break
            }
            html += "<tr><td id=\"\(exhibit.label)\">Exhibit \(exhibit.number)</td>"
            html += "<td>\(EvidencePresentation(bundle: bundle).exhibitDescription(exhibit))</td>"
            html += "<td>"
            html += exhibit.incidents.map {
                "<a href=\"\(HTML.escape($0))/incident.html\">\(HTML.escape($0))</a>"
            }.joined(separator: ", ")
            let shown = location.replacingOccurrences(of: "/incident.html#", with: " § ")
            html += "</td><td class=\"mono\"><a href=\"\(HTML.escape(location))\">"
            html += "\(HTML.escape(shown))</a></td>"
            html += "<td class=\"mono hash\">\(HTML.escape(digest))</td></tr>\n"
        }
        html += "</table>\n"
        html += "<p><small>For items, the SHA-256 is that of the raw source fragment shown on the "
        html += "incident page; for files, that of the copy.</small></p>\n"
        return html
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
            html +=
                "<tr><td><code class=\"rule\">\(HTML.escape(rule.rawValue))</code>\(description ?? "")</td>"
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
        html += "<th class=\"number\">\(all.count)</th></tr>\n</table>\n"
        let notChecked = RuleID.all.filter { !rules.contains($0) }
        if !notChecked.isEmpty {
            html +=
                "<p class=\"note\">Not checked in this audit (left out with <code>--rules</code>): "
                + notChecked.map { "<code>\(HTML.escape($0.rawValue))</code>" }.joined(
                    separator: ", ")
                + ". No finding of these rules means they were not looked for, not that nothing "
                + "was there.</p>\n"
        }
        return html
    }

    private func incidentsSection() -> String {
        var html = "<h2>All incidents, in time order</h2>\n"
        guard !bundle.incidents.isEmpty else {
            return html + "<p>No incidents: no rule found anything in the period audited.</p>\n"
        }
        html += IncidentList(bundle: bundle, overview: EvidenceOverview(bundle: bundle))
            .table(bundle.incidents)
        return html
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
                (
                    "How the owner was decided",
                    bundle.owners[archive.sha256].map { HTML.escape($0.basis) }
                ),
                ("Items read", String(archive.itemCount)),
                ("Media files", String(archive.media.count)),
                (
                    "Parts not understood",
                    String(archive.unparsed.filter { $0.kind == .unreadable }.count)
                ),
                (
                    "Files read but not imported",
                    String(archive.unparsed.filter { $0.kind == .notImported }.count)
                ),
                (
                    "Caveats on imported items",
                    String(archive.unparsed.filter { $0.kind == .caveat }.count)
                ),
                ("When this folder was written", accessText(bundle.archiveAccess[archive.sha256])),
            ])
            html += recipe(for: archive)
            html += blindSpotsSection(bundle.blindSpots[archive.sha256] ?? [])
            if archive.unparsed.filter({ $0.kind == .unreadable }).isEmpty {
                html += "<p>Every file of this archive that holds activity was read.</p>\n"
            }
            let groups: [(ImportIssue.Kind, String)] = [
                (
                    .unreadable,
                    "part(s) of this archive could not be understood, and their content was not analysed:"
                ),
                (
                    .notImported,
                    "file(s) were read but deliberately not imported: they hold no interactions of the owner (settings, suggestions, searches) or are not files this tool reads:"
                ),
                (
                    .caveat,
                    "item(s) or file(s) were imported and analysed with a caveat a reviewer should know:"
                ),
            ]
            for (kind, sentence) in groups {
                let issues = archive.unparsed.filter { $0.kind == kind }
                guard !issues.isEmpty else { continue }
                html += """
                    <p class="note">\(issues.count) \(sentence)</p>
                    <table><tr><th>File</th><th>Where</th><th>Reason</th></tr>\n
                    """
                for issue in issues {
                    html += "<tr><td class=\"mono\">\(HTML.escape(issue.file))</td>"
                    html += "<td class=\"mono\">\(HTML.escape(issue.locator ?? "whole file"))</td>"
                    html += "<td>\(HTML.escape(issue.reason))</td></tr>\n"
                }
                html += "</table>\n"
            }
            html += coverageTable(archive.coverage, archive: archive)
        }
        return html
    }

    /// What the archive's download cannot contain: no findings there means nothing.
    private func blindSpotsSection(_ spots: [BlindSpot]) -> String {
        guard !spots.isEmpty else { return "" }
        var html = "<p class=\"note\">What this download cannot contain (blind spots): no "
        html += "finding there is no evidence that nothing happened.</p>\n"
        html += "<table><tr><th>Blind spot</th><th>Since</th><th>To close it</th></tr>\n"
        for spot in spots {
            html += "<tr><td>\(HTML.escape(spot.what))</td>"
            html += "<td class=\"mono\">\(HTML.escape(spot.since ?? "—"))</td>"
            html += "<td>\(HTML.escape(spot.advice))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func accessText(_ access: ArchiveAccess?) -> String? {
        switch access {
        case nil: return nil
        case .available: return "found at its recorded path"
        case .missing:
            return "<strong>no longer at its recorded path</strong>: attached media could not be "
                + "copied; the findings rest on what the case recorded at import"
        case .unreadable(let reason):
            return "<strong>could not be opened</strong>: \(HTML.escape(reason))"
        case .changed(let actual):
            return "<strong>changed since import</strong>: its SHA-256 is now "
                + "<span class=\"mono hash\">\(HTML.escape(actual))</span>"
        }
    }

    /// How to recompute the archive's SHA-256 with standard tools.
    private func recipe(for archive: ImportedArchive) -> String {
        var containers: [ArchiveReader.Container]
        if case .available(let container) = bundle.archiveAccess[archive.sha256] {
            containers = [container]
        } else {
            containers = archive.path.lowercased().hasSuffix(".zip") ? [.zip] : [.zip, .folder]
        }
        if containers == [.file] { containers = [.zip] }
        var html = "<p>To recompute the SHA-256"
        if containers.count > 1 {
            html += " (for a zip, the first; for an unpacked folder, the second)"
        }
        html +=
            containers == [.folder]
            ? " of this folder (each file's digest and path, sorted, one per line; that text hashed):"
            : ":"
        html += "</p>\n"
        for container in containers {
            let command = ArchiveDigestRecipe.command(
                forArchiveAt: archive.path, container: container)
            html += "<pre class=\"recipe\">\(HTML.escape(command))</pre>\n"
        }
        return html
    }

    private func coverageTable(_ coverage: [SectionCoverage], archive: ImportedArchive) -> String {
        guard !coverage.isEmpty else { return "<p>No coverage recorded for this archive.</p>\n" }
        let inPeriod = bundle.itemsInPeriod[archive.sha256]
        var html = """
            <table>
            <caption>Coverage: what each section contributed</caption>
            <tr><th>Section</th><th class="number">Files</th><th class="number">Items</th>
            """
        if inPeriod != nil { html += "<th class=\"number\">In the period</th>" }
        html += """
            <th class="number">Items without a time</th>\
            <th class="number">Counterparties without a name</th><th>Earliest</th><th>Latest</th>\
            </tr>\n
            """
        for section in coverage {
            html += "<tr><td>\(HTML.escape(section.section))</td>"
            html += "<td class=\"number\">\(section.files.count)</td>"
            html += "<td class=\"number\">\(section.itemCount)</td>"
            if let inPeriod {
                html += "<td class=\"number\">\(inPeriod[section.section] ?? 0)</td>"
            }
            html += "<td class=\"number\">\(section.itemsWithoutTime)</td>"
            html += "<td class=\"number\">\(section.unnamedCounterparties)</td>"
            html += "<td>\(section.earliest.map { presentation.time($0) } ?? "—")</td>"
            html += "<td>\(section.latest.map { presentation.time($0) } ?? "—")</td></tr>\n"
        }
        html += "<tr><th>All sections</th>"
        html += "<th class=\"number\">\(coverage.map(\.files.count).reduce(0, +))</th>"
        html += "<th class=\"number\">\(coverage.map(\.itemCount).reduce(0, +))</th>"
        if let inPeriod {
            html += "<th class=\"number\">\(inPeriod.values.reduce(0, +))</th>"
        }
        html += "<th class=\"number\">\(coverage.map(\.itemsWithoutTime).reduce(0, +))</th>"
        html += "<th class=\"number\">\(coverage.map(\.unnamedCounterparties).reduce(0, +))</th>"
        html += "<th></th><th></th></tr>\n"
        html += "</table>\n"
        let empty = coverage.filter { $0.itemCount == 0 }.map(\.section)
        if !empty.isEmpty {
            html +=
                "<p>Read but holding no items: \(HTML.escape(empty.joined(separator: ", "))).</p>\n"
        }
        return html
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
        html += "</table>\n"
        for note in bundle.inputNotes { html += "<p class=\"note\">\(HTML.escape(note))</p>\n" }
        return html
    }
}
