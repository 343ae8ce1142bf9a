import Foundation

/// Why an evidence folder could not be written or verified.
public enum ReportError: LocalizedError, Equatable {
    /// The bundle is missing something a page must show (a finding, an item).
    case incompleteBundle(String)
    /// An incident id that cannot be a folder name.
    case invalidIncidentID(String)
    /// The output path exists and is not an evidence folder; it is never replaced.
    case notAnEvidenceFolder(URL)
    /// A file or folder could not be written.
    case cannotWrite(URL, reason: String)
    /// The folder to verify does not exist or is not a folder.
    case folderNotFound(URL)
    /// The folder has no `manifest.json`.
    case manifestMissing(URL)
    /// `manifest.json` cannot be read or is not a manifest.
    case manifestUnreadable(URL, reason: String)
    /// PDFs were asked for and no Chromium executable is on the search path.
    case pdfPrinterNotFound(searched: [String])
    /// A page could not be printed to PDF.
    case printFailed(String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .incompleteBundle(let detail):
            "The evidence could not be rendered: \(detail). This is a defect in conduct-audit; "
                + "please report it."
        case .invalidIncidentID(let id):
            "The incident id '\(id)' cannot be used as a folder name. This is a defect in "
                + "conduct-audit; please report it."
        case .notAnEvidenceFolder(let url):
            "'\(url.path)' exists and is not an evidence folder (it is not empty and has no "
                + "manifest.json), so it was left untouched. Choose another --out folder."
        case .cannotWrite(let url, let reason):
            "Cannot write '\(url.path)': \(reason.clause). Check that you may write to the folder and "
                + "that the disk has space; any previous evidence folder is unchanged."
        case .folderNotFound(let url):
            "'\(url.path)' is not a folder. Give the path of an evidence folder (the one holding "
                + "index.html and manifest.json)."
        case .manifestMissing(let url):
            "'\(url.path)' has no manifest.json, so it cannot be verified. It is not an evidence "
                + "folder written by conduct-audit, or its manifest was removed."
        case .manifestUnreadable(let url, let reason):
            "The manifest '\(url.path)' cannot be read: \(reason.clause). The folder cannot be verified; "
                + "re-render it from the case with `conduct-audit report` and compare."
        case .pdfPrinterNotFound(let names):
            "PDFs were not written: Chromium was not found on PATH (looked for "
                + names.joined(separator: ", ") + "). The HTML pages are complete without them. "
                + "Install Chromium (Debian/Ubuntu: apt-get install chromium) and run "
                + "`conduct-audit report --pdf`, or open the pages in a browser and print them."
        case .printFailed(let page, let reason):
            "Could not print '\(page)' to PDF: \(reason). Any previous evidence folder is "
                + "unchanged; run again without --pdf to write the HTML pages only."
        }
    }
}
