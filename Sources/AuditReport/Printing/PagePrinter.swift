import Foundation

/// Prints an evidence page to PDF.
///
/// ``ChromiumPrinter`` is the real one; tests pass a fake. The evidence writer calls it on every
/// HTML page before sealing the folder, so the PDFs are listed in the manifest like every other
/// file.
public protocol PagePrinter: Sendable {
    /// Prints the HTML page at `page` to a PDF file at `pdf`.
    /// - Throws: ``ReportError/printFailed(_:reason:)`` when the page cannot be printed.
    func printPage(at page: URL, to pdf: URL) throws
}
