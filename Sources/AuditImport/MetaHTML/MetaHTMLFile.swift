import Foundation
import AuditModel

/// One HTML file of a Meta export, parsed and split into records, with its dates' reader.
///
/// Shared by the Facebook and Instagram HTML importers: it turns a page into records
/// (``MetaHTMLPage``), decides the order of all-number dates for the whole file
/// (``MetaHTMLDateReader``), and records the file-level issues (undecidable dates, a parser that
/// had to recover and found nothing).
struct MetaHTMLFile {
    let path: String
    let page: MetaHTMLPage
    let dates: MetaHTMLDateReader

    /// Reads and parses one file.
    /// - Throws: ``ImportError`` when the file cannot be read or is not HTML at all.
    init(entry: ArchiveReader.Entry, archive: ArchiveReader, zone: TimeZone) throws {
        path = entry.path
        let data = try archive.data(of: entry)
        let document = try HTMLDocument(data: data, file: entry.path)
        page = MetaHTMLPage(document: document)
        dates = MetaHTMLDateReader(
            texts: page.records.compactMap(\.dateText) + page.records.flatMap(Self.innerDates),
            zone: zone)
        recoveredError = document.recoveredError
    }

    /// libxml2's last complaint, when it had to recover from broken markup.
    let recoveredError: String?

    /// Issues about the whole file: all-number dates that could not be ordered.
    var fileIssues: [ImportIssue] {
        guard let reason = dates.orderIssue else { return [] }
        return [ImportIssue(file: path, locator: page.container.path, reason: reason)]
    }

    /// The issue for a page in which no record was found.
    var emptyPageIssue: ImportIssue {
        var reason = "no records found in this page; nothing in it was imported"
        if let recoveredError {
            reason += " (the HTML parser had to recover from damaged markup: \(recoveredError))"
        }
        return ImportIssue(file: path, reason: reason)
    }

    /// Dates written inside a record's table rows ("Time" rows of Instagram comments).
    private static func innerDates(_ record: MetaHTMLRecord) -> [String] {
        MetaHTMLContent([record.node]).fields.flatMap(\.values).filter(
            MetaHTMLDate.looksLikeDate)
    }
}
