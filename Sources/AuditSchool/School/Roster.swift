import AuditModel
import Foundation

/// The school's pupils, current and former, read from the CSV the MIS exports.
///
/// The header row names the columns (see ``RosterColumn`` for the accepted headers); the legal
/// names are required, every other column is optional and unknown columns are ignored. A roster
/// without an id column (Arbor's default pupil export has none) gets a stable id per pupil derived
/// from the legal name and date of birth (``derivedID(legalForename:legalSurname:dateOfBirth:)``),
/// and ``idsAreDerived`` says so.
/// Dates may be `dd/MM/yyyy`, `d/M/yyyy` or `yyyy-MM-dd`; known accounts are `platform:handle`
/// items separated by `;`. Any row that cannot be read is an error naming its line.
public struct Roster: Sendable, Equatable {
    /// The pupils in file order.
    public var pupils: [Pupil]
    /// Whether the pupils' ids were derived by this tool because the roster has no id column
    /// (reports say so: such an id is not the MIS's own).
    public var idsAreDerived: Bool

    /// Creates a roster from pupils already read.
    public init(pupils: [Pupil], idsAreDerived: Bool = false) {
        self.pupils = pupils
        self.idsAreDerived = idsAreDerived
    }

    /// Reads a roster CSV file.
    ///
    /// The text may be UTF-8, UTF-16 with a byte-order mark, or Windows-1252 as older Excel
    /// versions save it.
    /// - Throws: ``RosterError`` when the file cannot be read or any row is invalid.
    public static func load(from url: URL) throws -> Roster {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RosterError.unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        guard let text = decode(data) else {
            throw RosterError.unreadableFile(
                file: url.path, reason: "it is not text in a known encoding")
        }
        return try parse(csv: text, file: url.path)
    }

    /// Parses the text of a roster CSV.
    /// - Parameters:
    ///   - csv: the file's text.
    ///   - file: the name to use for the file in error messages.
    /// - Returns: the pupils, in file order.
    /// - Throws: ``RosterError`` for the first problem found.
    public static func parse(csv: String, file: String) throws -> Roster {
        let records: [CSVRecord]
        do {
            records = try CSVRecordReader.records(in: csv)
        } catch {
            switch error {
            case .unterminatedQuote(let line):
                throw RosterError.unterminatedQuote(file: file, line: line)
            }
        }
        guard let header = records.first else { throw RosterError.empty(file: file) }
        let columns = try columnIndexes(of: header.fields, file: file)

        let idsAreDerived = columns[.id] == nil
        var pupils: [Pupil] = []
        var firstLineOfID: [String: Int] = [:]
        for record in records.dropFirst() {
            let pupil = try readPupil(record, columns: columns, headers: header.fields, file: file)
            if let firstLine = firstLineOfID[pupil.id] {
                throw idsAreDerived
                    ? RosterError.duplicatePupil(
                        file: file, line: record.line, name: pupil.legalName,
                        firstLine: firstLine)
                    : RosterError.duplicateID(
                        file: file, line: record.line, id: pupil.id, firstLine: firstLine)
            }
            firstLineOfID[pupil.id] = record.line
            pupils.append(pupil)
        }
        return Roster(pupils: pupils, idsAreDerived: idsAreDerived)
    }

    /// The id given to a pupil of a roster without an id column: "R-" and the first 12 hex
    /// digits of the SHA-256 of the legal surname, forename (folded to lower case, spaces
    /// collapsed) and date of birth, so the same pupil keeps the same id in every export.
    public static func derivedID(
        legalForename: String, legalSurname: String, dateOfBirth: LocalDay?
    ) -> String {
        func folded(_ name: String) -> String {
            name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let key = [folded(legalSurname), folded(legalForename), dateOfBirth?.description ?? ""]
            .joined(separator: "\u{1F}")
        return "R-" + SHA256Hex.digest(of: key).prefix(12).uppercased()
    }

    /// The pupil with this id, or `nil`.
    public func pupil(withID id: String) -> Pupil? {
        pupils.first { $0.id == id }
    }

    /// The pupils on roll on `day`.
    public func pupils(onRollOn day: LocalDay) -> [Pupil] {
        pupils.filter { $0.isOnRoll(on: day) }
    }

    // MARK: - Reading

    private static func columnIndexes(of headers: [String], file: String) throws -> [RosterColumn:
        Int]
    {
        var indexes: [RosterColumn: Int] = [:]
        for (index, header) in headers.enumerated() {
            guard let column = RosterColumn(header: header) else { continue }
            if let earlier = indexes[column] {
                throw RosterError.duplicateColumn(
                    file: file, column: column, headers: [headers[earlier], header])
            }
            indexes[column] = index
        }
        let missing = RosterColumn.allCases.filter { $0.isRequired && indexes[$0] == nil }
        guard missing.isEmpty else {
            throw RosterError.missingColumns(
                file: file, columns: missing,
                foundHeaders: headers.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                })
        }
        return indexes
    }

    private static func readPupil(
        _ record: CSVRecord, columns: [RosterColumn: Int], headers: [String], file: String
    ) throws -> Pupil {
        let line = record.line
        if record.fields.count > headers.count,
            record.fields[headers.count...].contains(where: {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            })
        {
            throw RosterError.tooManyFields(
                file: file, line: line, expected: headers.count, found: record.fields.count)
        }
        func header(_ column: RosterColumn) -> String {
            columns[column].map { headers[$0].trimmingCharacters(in: .whitespaces) }
                ?? column.displayName
        }
        func value(_ column: RosterColumn) -> String? {
            guard let index = columns[column], index < record.fields.count else { return nil }
            let value = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        func required(_ column: RosterColumn) throws -> String {
            guard let value = value(column) else {
                throw RosterError.missingValue(
                    file: file, line: line, column: column, header: header(column))
            }
            return value
        }
        func date(_ column: RosterColumn) throws -> LocalDay? {
            guard let text = value(column) else { return nil }
            guard let day = parseDate(text) else {
                throw RosterError.invalidDate(
                    file: file, line: line, header: header(column), value: text)
            }
            return day
        }

        let legalForename = try required(.legalForename)
        let legalSurname = try required(.legalSurname)
        let dateOfBirth = try date(.dateOfBirth)
        let id =
            columns[.id] == nil
            ? derivedID(
                legalForename: legalForename, legalSurname: legalSurname, dateOfBirth: dateOfBirth)
            : try required(.id)
        let pupil = Pupil(
            id: id, legalForename: legalForename,
            legalSurname: legalSurname, preferredForename: value(.preferredForename),
            preferredSurname: value(.preferredSurname), dateOfBirth: dateOfBirth,
            yearGroup: value(.yearGroup), admissionDate: try date(.admissionDate),
            leavingDate: try date(.leavingDate),
            knownAccounts: try value(.knownAccounts).map {
                try parseAccounts($0, file: file, line: line, header: header(.knownAccounts))
            } ?? [],
            line: line)
        if let admission = pupil.admissionDate, let leaving = pupil.leavingDate, leaving < admission
        {
            throw RosterError.leavingBeforeAdmission(
                file: file, line: line, admission: admission, leaving: leaving)
        }
        return pupil
    }

    /// A roster date: `dd/MM/yyyy` or `d/M/yyyy` (day first, as UK MIS exports write it), or
    /// `yyyy-MM-dd`.
    static func parseDate(_ text: String) -> LocalDay? {
        if let day = LocalDay(iso: text) { return day }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return LocalDay(year: year, month: month, day: day)
    }

    private static func parseAccounts(_ text: String, file: String, line: Int, header: String)
        throws -> [KnownAccount]
    {
        try text.split(separator: ";").compactMap { item in
            let item = item.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { return nil }
            guard let colon = item.firstIndex(of: ":") else {
                throw RosterError.invalidKnownAccount(
                    file: file, line: line, header: header, value: item)
            }
            let platform = item[..<colon].trimmingCharacters(in: .whitespaces)
            let handle = item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !platform.isEmpty, !handle.isEmpty else {
                throw RosterError.invalidKnownAccount(
                    file: file, line: line, header: header, value: item)
            }
            return KnownAccount(platformName: platform, handle: handle)
        }
    }

    private static func decode(_ data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        return String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252)
    }
}
