import AuditAnalysis
import AuditModel
import Foundation

/// The combined print bundle: one HTML document (printed to `evidence-bundle.pdf`) holding a
/// cover, a contents page with page numbers, the summary, every incident page and the exhibit
/// index, each part starting on a new page.
///
/// Page numbers come from printing: each part is printed on its own first (the incident pages
/// already are), its pages counted, and the contents written with the resulting numbers; parts
/// start on a fresh page and use the same style sheet, so they paginate alike in the bundle.
struct PrintBundle {
    /// The bundle's file name in the evidence folder, without extension.
    static let baseName = "evidence-bundle"

    var bundle: EvidenceBundle
    var exhibits: ExhibitIndex
    var copy: EvidenceCopy

    /// One part of the bundle, as listed in the contents.
    struct Part {
        var anchor: String
        var title: String
        /// The part's markup (a section starting on a new page).
        var html: String
        /// Whether the part is an incident's page (whose own PDF gives its page count).
        var isIncident = false
    }

    /// The cover and contents, with each part's first page when known.
    func front(_ parts: [Part], firstPages: [Int]?) -> String {
        var html =
            "<section class=\"cover\">\n<h1>Evidence bundle: social media conduct audit</h1>\n"
        html += HTML.facts([
            (
                "Staff member",
                HTML.escape(bundle.staffName)
                    + (bundle.staffRole.map { ", " + HTML.escape($0) } ?? "")
            ),
            ("Period audited", HTML.escape(bundle.period.summary)),
            ("Incidents", String(bundle.incidents.count)),
            ("Findings", String(bundle.findings.count)),
            ("Generated", EvidencePresentation(bundle: bundle).time(bundle.generatedAt)),
            ("Tool", "conduct-audit \(HTML.escape(bundle.toolVersion))"),
            (
                "Copy",
                copy == .disclosure
                    ? "Disclosure copy (third parties as initials)" : "Sealed full copy"
            ),
        ])
        html +=
            "<p>This bundle prints the pages of the evidence folder in one document. The folder's "
        html += "<code>manifest.json</code> lists the SHA-256 of every file, this one included; "
        html += "<code>conduct-audit verify</code> checks them.</p>\n</section>\n"
        html += "<section class=\"contents\">\n<h2>Contents</h2>\n<ol>\n"
        for (index, part) in parts.enumerated() {
            let page = firstPages.map { String($0[index]) } ?? ""
            html += "<li><a href=\"#\(HTML.escape(part.anchor))\">\(part.title)</a>"
            html += "<span class=\"dots\"></span><span class=\"page\">\(page)</span></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// The parts after the contents: summary, incidents, exhibit index.
    func parts(incidentBodies: [(Incident, String)]) -> [Part] {
        let index = IndexPage(bundle: bundle, exhibits: exhibits, copy: copy)
        var parts = [
            Part(
                anchor: "summary", title: "Summary: who, what, how serious, what next",
                html: index.summaryBody())
        ]
        for (incident, body) in incidentBodies {
            parts.append(
                Part(
                    anchor: incident.id,
                    title: "\(HTML.escape(incident.id)): \(HTML.escape(incident.title))",
                    html: body,
                    isIncident: true))
        }
        parts.append(
            Part(anchor: "exhibit-index", title: "Exhibit index", html: index.exhibitsSection()))
        return parts
    }

    /// One part as the bundle holds it: a section starting on a new page.
    func section(_ part: Part) -> String {
        "<section class=\"bundle-part\" id=\"\(HTML.escape(part.anchor))\">\n\(part.html)</section>\n"
    }

    /// The whole document.
    func document(front: String, parts: [Part]) -> String {
        var body = front
        for part in parts { body += section(part) }
        return HTML.page(
            title: "Evidence bundle: \(bundle.staffName)", body: body,
            printLabel: "Evidence bundle · \(bundle.staffName) · conduct-audit")
    }

    /// A standalone page of one part, printed to count its pages.
    func standalone(_ html: String) -> String {
        HTML.page(title: "part", body: html, printLabel: "Evidence bundle")
    }

    /// The number of pages of a PDF, read from its page tree (`/Type /Pages … /Count n`), or
    /// nil when the file does not say.
    static func pageCount(ofPDF data: Data) -> Int? {
        guard let text = String(data: data, encoding: .isoLatin1) else { return nil }
        var best: Int?
        var searchStart = text.startIndex
        while let range = text.range(of: "/Type /Pages", range: searchStart..<text.endIndex) {
            // The page tree's dictionary: look for /Count before the dictionary ends.
            let dictionaryStart =
                text[..<range.lowerBound].range(of: "<<", options: .backwards)?.lowerBound
                ?? range.lowerBound
            let dictionaryEnd =
                text.range(of: ">>", range: range.upperBound..<text.endIndex)?.upperBound
                ?? text.endIndex
            let dictionary = text[dictionaryStart..<dictionaryEnd]
            if let count = dictionary.range(of: "/Count ") {
                let digits = dictionary[count.upperBound...].prefix { $0.isNumber }
                if let value = Int(digits) { best = max(best ?? 0, value) }
            }
            searchStart = range.upperBound
        }
        return best
    }
}
