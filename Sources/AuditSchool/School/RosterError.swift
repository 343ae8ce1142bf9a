import AuditModel
import Foundation

/// Why the roster CSV could not be used.
///
/// Each case names the file and, for a row, its line.
///
/// A row that cannot be read is always an error: a pupil is never silently dropped.
public enum RosterError: LocalizedError, Equatable {
    /// The file could not be opened or decoded as text.
    case unreadableFile(file: String, reason: String)
    /// The file has no header row.
    case empty(file: String)
    /// Required columns are absent; `foundHeaders` are the headers the file has.
    case missingColumns(file: String, columns: [RosterColumn], foundHeaders: [String])
    /// Two headers name the same column, so it is unclear which to use.
    case duplicateColumn(file: String, column: RosterColumn, headers: [String])
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(file: String, line: Int)
    /// A row has more (non-empty) fields than the header has columns.
    case tooManyFields(file: String, line: Int, expected: Int, found: Int)
    /// A row leaves a required value empty (the id or a legal name).
    case missingValue(file: String, line: Int, column: RosterColumn, header: String)
    /// A date cell is not a date in an accepted format.
    case invalidDate(file: String, line: Int, header: String, value: String)
    /// A known-accounts item is not `platform:handle`.
    case invalidKnownAccount(file: String, line: Int, header: String, value: String)
    /// A row's leaving date is before its admission date.
    case leavingBeforeAdmission(file: String, line: Int, admission: LocalDay, leaving: LocalDay)
    /// Two rows have the same id.
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    /// In a roster without an id column, two rows have the same legal name and date of birth,
    /// so they cannot be told apart.
    case duplicatePupil(file: String, line: Int, name: String, firstLine: Int)

    /// The line of the problem, if it concerns one row.
    public var line: Int? {
        switch self {
        case .unreadableFile, .empty, .missingColumns, .duplicateColumn: nil
        case .unterminatedQuote(_, let line), .tooManyFields(_, let line, _, _),
            .missingValue(_, let line, _, _),
            .invalidDate(_, let line, _, _), .invalidKnownAccount(_, let line, _, _),
            .leavingBeforeAdmission(_, let line, _, _), .duplicateID(_, let line, _, _),
            .duplicatePupil(_, let line, _, _):
            line
        }
    }

    /// The accepted date formats, for messages.
    public static let dateFormats = "dd/MM/yyyy (such as 05/09/2012), yyyy-MM-dd or d/M/yyyy"

    /// What went wrong, where, and what to do about it.
    public var errorDescription: String? {
        switch self {
        case .unreadableFile(let file, let reason):
            return
                "Cannot read the roster '\(file)': \(reason.clause). "
                + "Give the path of the CSV exported from the MIS."
        case .empty(let file):
            return "The roster '\(file)' is empty. It needs a header row, then one row per pupil."
        case .missingColumns(let file, let columns, let found):
            let wanted = columns.map { column in
                "\(column.displayName) (one of: \(column.acceptedHeaders.joined(separator: ", ")))"
            }
            return "The roster '\(file)' has no column for \(wanted.joined(separator: "; ")). "
                + "Its headers are: \(found.joined(separator: ", ")). "
                + "Rename the header or re-export it."
        case .duplicateColumn(let file, let column, let headers):
            return "The roster '\(file)' has several columns for the \(column.displayName): "
                + "\(headers.joined(separator: ", ")). Keep one of them."
        case .unterminatedQuote(let file, let line):
            return
                "'\(file)', line \(line): a quoted field starts here "
                + "but its closing quote is missing."
        case .tooManyFields(let file, let line, let expected, let found):
            return
                "'\(file)', line \(line): the row has \(found) fields "
                + "but the header has \(expected) columns; "
                + "a value containing a comma must be in double quotes."
        case .missingValue(let file, let line, let column, let header):
            return
                "'\(file)', line \(line): the \(column.displayName) ('\(header)') is empty; "
                + "every row needs one."
        case .invalidDate(let file, let line, let header, let value):
            return
                "'\(file)', line \(line): '\(header)' is '\(value)', which is not a date; "
                + "expected \(Self.dateFormats)."
        case .invalidKnownAccount(let file, let line, let header, let value):
            return
                "'\(file)', line \(line): '\(header)' has '\(value)'; "
                + "expected platform:handle items separated "
                + "by ';', such as instagram:maisie.h;twitter:maisieh."
        case .leavingBeforeAdmission(let file, let line, let admission, let leaving):
            return
                "'\(file)', line \(line): the leaving date (\(leaving)) "
                + "is before the admission date (\(admission))."
        case .duplicateID(let file, let line, let id, let firstLine):
            return
                "'\(file)', line \(line): the id '\(id)' is already used on line \(firstLine); "
                + "ids must be unique."
        case .duplicatePupil(let file, let line, let name, let firstLine):
            return
                "'\(file)', line \(line): \(name) has the same legal name and date of birth as "
                + "line \(firstLine), and the roster has no id column to tell them apart; "
                + "remove the repeated row or export the roster with UPN or admission number."
        }
    }
}
