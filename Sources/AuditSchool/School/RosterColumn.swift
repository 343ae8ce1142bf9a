import Foundation

/// A column of the roster CSV, recognised by any of its accepted headers.
///
/// Headers match ignoring case, spaces, dots and underscores: "Date of Birth", "DATE_OF_BIRTH"
/// and "date.of.birth" all mean ``dateOfBirth``. Other columns are ignored.
public enum RosterColumn: String, Sendable, CaseIterable {
    case id
    case legalForename
    case legalSurname
    case preferredForename
    case preferredSurname
    case dateOfBirth
    case yearGroup
    case admissionDate
    case leavingDate
    case knownAccounts

    /// What the column means, for messages: "legal forename".
    public var displayName: String {
        switch self {
        case .id: "pupil id"
        case .legalForename: "legal forename"
        case .legalSurname: "legal surname"
        case .preferredForename: "preferred forename"
        case .preferredSurname: "preferred surname"
        case .dateOfBirth: "date of birth"
        case .yearGroup: "year group"
        case .admissionDate: "admission date"
        case .leavingDate: "leaving date"
        case .knownAccounts: "known accounts"
        }
    }

    /// The headers that name this column, as the contract lists them.
    public var acceptedHeaders: [String] {
        switch self {
        case .id: ["UPN", "Pupil ID", "Adno", "Admission Number", "ID"]
        case .legalForename: ["Legal Forename", "Forename", "First Name", "Given Name"]
        case .legalSurname: ["Legal Surname", "Surname", "Last Name", "Family Name"]
        case .preferredForename: ["Preferred Forename", "Known As", "Preferred Name"]
        case .preferredSurname: ["Preferred Surname"]
        case .dateOfBirth: ["DOB", "Date of Birth", "Birth Date"]
        case .yearGroup: ["Year", "Year Group", "NC Year"]
        case .admissionDate: ["Admission Date", "Date of Admission", "Entry Date"]
        case .leavingDate: ["Leaving Date", "Date of Leaving", "Leave Date"]
        case .knownAccounts: ["Known Accounts", "Social Accounts"]
        }
    }

    /// Whether every roster must have this column (the legal names; a roster without an id
    /// column gets derived ids, see ``Roster/derivedID(legalForename:legalSurname:dateOfBirth:)``).
    public var isRequired: Bool {
        self == .legalForename || self == .legalSurname
    }

    /// Whether the column holds a date.
    public var isDate: Bool {
        self == .dateOfBirth || self == .admissionDate || self == .leavingDate
    }

    /// The column a header names, or `nil` for a column the roster does not use.
    public init?(header: String) {
        let key = Self.normalized(header)
        guard
            let column = Self.allCases.first(where: {
                $0.acceptedHeaders.map(Self.normalized).contains(key)
            })
        else { return nil }
        self = column
    }

    /// A header folded for matching: lower case without spaces, dots or underscores.
    static func normalized(_ header: String) -> String {
        String(
            header.lowercased().unicodeScalars.filter {
                !" ._\t\u{00A0}".unicodeScalars.contains($0)
            })
    }
}
