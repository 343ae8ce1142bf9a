/// One record of a CSV file: its fields and the line it starts on.
struct CSVRecord: Equatable {
    /// The 1-based line of the file where the record starts.
    let line: Int
    /// The fields, unquoted.
    let fields: [String]
}

/// Splits CSV text into records, keeping the line each starts on.
///
/// Follows RFC 4180 as spreadsheets write it: a quoted field may hold the delimiter, line breaks
/// and doubled quotes (`""`); lines end in LF, CRLF or CR; a leading byte-order mark is skipped.
/// The delimiter is the comma, unless the first line holds more tabs or semicolons than commas
/// (Excel's "Unicode text" and some European exports).
struct CSVRecordReader {
    /// Why the text could not be split.
    enum Failure: Error, Equatable {
        /// A quoted field opened on `line` never closes.
        case unterminatedQuote(line: Int)
    }

    /// The records of `text`, skipping lines that are entirely empty.
    /// - Throws: ``Failure/unterminatedQuote(line:)`` when a quote never closes.
    static func records(in text: String) throws(Failure) -> [CSVRecord] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        let delimiter = detectDelimiter(in: scalars)

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var isQuoted = false
        var wasQuoted = false
        var index = scalars.startIndex

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isQuoted {
                if scalar == "\"" {
                    if next < scalars.endIndex, scalars[next] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: next)
                        continue
                    }
                    isQuoted = false
                } else {
                    if scalar == "\n"
                        || (scalar == "\r" && (next == scalars.endIndex || scalars[next] != "\n"))
                    {
                        line += 1
                    }
                    field.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty && !wasQuoted {
                isQuoted = true
                wasQuoted = true
                quoteLine = line
            } else if scalar == delimiter {
                endField()
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    index = scalars.index(after: next)
                } else {
                    index = next
                }
                endRecord()
                line += 1
                recordLine = line
                continue
            } else {
                field.append(scalar)
            }
            index = next
        }
        if isQuoted { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// The delimiter of the first line: a comma unless tabs or semicolons outnumber commas there.
    private static func detectDelimiter(in scalars: Substring.UnicodeScalarView) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, "\t": 0, ";": 0]
        var isQuoted = false
        for scalar in scalars {
            if scalar == "\"" { isQuoted.toggle() }
            if isQuoted { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let commas = counts[",", default: 0]
        let tabs = counts["\t", default: 0]
        let semicolons = counts[";", default: 0]
        if tabs > commas, tabs >= semicolons { return "\t" }
        if semicolons > commas, semicolons > tabs { return ";" }
        return ","
    }
}
