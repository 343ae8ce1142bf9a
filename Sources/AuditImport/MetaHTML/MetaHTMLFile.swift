import AuditModel
import Foundation

/// One HTML file of a Meta export: where its records are, its dates' reader and its senders.
///
/// Shared by the Facebook and Instagram HTML importers. The page is read in passes, each streamed
/// by libxml2 so that memory does not grow with the page: the first finds the records
/// (``MetaHTMLPage``); the second reads each record's date and heading, to decide the order of
/// all-number dates for the whole file (``MetaHTMLDateReader``) and to list the thread's senders;
/// ``forEachRecord(_:)`` reads the records again, one at a time, for the items. The file-level
/// issues are recorded (undecidable dates, a parser that had to recover and found nothing).
struct MetaHTMLFile {
    let path: String
    let page: MetaHTMLPage
    let dates: MetaHTMLDateReader
    /// The records' headings (a message's sender), normalised, once each in page order; "" for a
    /// record without one.
    let headings: [String]
    /// libxml2's last complaint, when it had to recover from broken markup.
    let recoveredError: String?
    private let data: Data

    /// Reads one file.
    /// - Throws: ``ImportError`` when the file cannot be read or is not HTML at all.
    init(entry: ArchiveReader.Entry, archive: ArchiveReader, zone: TimeZone) throws {
        path = entry.path
        let data = try archive.data(of: entry)
        self.data = data
        let read = try MetaHTMLPage.read(data, file: entry.path)
        page = read.page
        recoveredError = read.recoveredError
        var recordDates = MetaHTMLDateReader.OrderEvidence()
        var innerDates = MetaHTMLDateReader.OrderEvidence()
        var headings: [String] = []
        var seen: Set<String> = []
        try MetaHTMLRecordReader.forEachRecord(at: read.page.records, in: data, file: entry.path) {
            record in
            if let text = record.dateText { recordDates.add(text) }
            for text in Self.innerDates(record) { innerDates.add(text) }
            let heading = record.heading?.normalizedText ?? ""
            if seen.insert(heading).inserted { headings.append(heading) }
        }
        recordDates.append(innerDates)
        self.headings = headings
        dates = MetaHTMLDateReader(evidence: recordDates, zone: zone)
    }

    private init(_ file: MetaHTMLFile, dates: MetaHTMLDateReader) {
        path = file.path
        page = file.page
        headings = file.headings
        recoveredError = file.recoveredError
        data = file.data
        self.dates = dates
    }

    /// The same file with its wall-clock dates read in `zone`.
    func reading(in zone: TimeZone) -> MetaHTMLFile {
        MetaHTMLFile(self, dates: dates.reading(in: zone))
    }

    /// Reads the records again, one at a time, in page order.
    /// - Throws: what `body` throws.
    func forEachRecord(_ body: (MetaHTMLRecord) throws -> Void) throws {
        try MetaHTMLRecordReader.forEachRecord(at: page.records, in: data, file: path, body)
    }

    /// The time of a record, and the issue to report about it: no date where one is expected, a
    /// date that cannot be read, the choice made in a clock change.
    func time(of record: MetaHTMLRecord, isExpected: Bool)
        -> (reading: MetaHTMLDateReader.Reading, issue: ImportIssue?)
    {
        guard let text = record.dateText else {
            let issue =
                isExpected
                ? ImportIssue(
                    file: path, locator: record.node.path,
                    reason: "no date in the record; the item is kept without a time") : nil
            return (MetaHTMLDateReader.Reading(instant: nil, basis: .none, issue: nil), issue)
        }
        let reading = dates.read(text)
        let issue = reading.issue.map {
            ImportIssue(file: path, locator: record.node.path, reason: $0)
        }
        return (reading, issue)
    }

    /// Issues about the whole file: all-number dates that could not be ordered.
    var fileIssues: [ImportIssue] {
        guard let reason = dates.orderIssue else { return [] }
        return [ImportIssue(file: path, locator: page.containerPath, reason: reason)]
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
