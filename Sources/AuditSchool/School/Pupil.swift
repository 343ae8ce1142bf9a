import AuditModel

/// A pupil, current or former, as one row of the roster exported from the school's MIS.
public struct Pupil: Sendable, Equatable, Hashable {
    /// The pupil's identifier in the MIS: UPN, admission number or row id.
    public var id: String
    /// Legal first name.
    public var legalForename: String
    /// Legal surname.
    public var legalSurname: String
    /// The first name the pupil is known by, when different.
    public var preferredForename: String?
    /// The surname the pupil is known by, when different.
    public var preferredSurname: String?
    /// Date of birth, if the roster gives it.
    public var dateOfBirth: LocalDay?
    /// Year group as the MIS writes it, such as "6" or "Year 6" or "R".
    public var yearGroup: String?
    /// First day on roll, if given.
    public var admissionDate: LocalDay?
    /// Last day on roll, if the pupil has left.
    public var leavingDate: LocalDay?
    /// Accounts the school knows the pupil uses.
    public var knownAccounts: [KnownAccount]
    /// The line of the roster file the pupil's row starts on (the header is line 1).
    public var line: Int

    /// Creates a pupil.
    public init(
        id: String, legalForename: String, legalSurname: String, preferredForename: String? = nil,
        preferredSurname: String? = nil, dateOfBirth: LocalDay? = nil, yearGroup: String? = nil,
        admissionDate: LocalDay? = nil, leavingDate: LocalDay? = nil,
        knownAccounts: [KnownAccount] = [],
        line: Int = 0
    ) {
        self.id = id
        self.legalForename = legalForename
        self.legalSurname = legalSurname
        self.preferredForename = preferredForename
        self.preferredSurname = preferredSurname
        self.dateOfBirth = dateOfBirth
        self.yearGroup = yearGroup
        self.admissionDate = admissionDate
        self.leavingDate = leavingDate
        self.knownAccounts = knownAccounts
        self.line = line
    }

    /// The legal full name, "Maisie Hale".
    public var legalName: String { "\(legalForename) \(legalSurname)" }

    /// The name the pupil goes by: preferred forename and surname where given, else the legal ones.
    public var preferredName: String {
        "\(preferredForename ?? legalForename) \(preferredSurname ?? legalSurname)"
    }

    /// Every distinct full name the pupil may be called by: legal, preferred, and the mixes.
    public var names: [String] {
        var names: [String] = []
        for forename in [legalForename, preferredForename].compactMap({ $0 }) {
            for surname in [legalSurname, preferredSurname].compactMap({ $0 }) {
                let name = "\(forename) \(surname)"
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Whether the pupil was on roll on `day`.
    ///
    /// On roll from the admission date (inclusive) to the leaving date (inclusive: the leaving
    /// date is the last day on roll, as MIS exports record it). No admission date means on roll
    /// since before any date asked about; no leaving date means still on roll.
    public func isOnRoll(on day: LocalDay) -> Bool {
        if let admissionDate, day < admissionDate { return false }
        if let leavingDate, day > leavingDate { return false }
        return true
    }

    /// Whether the pupil had left by `day` (the day is after the leaving date).
    public func hasLeft(by day: LocalDay) -> Bool {
        leavingDate.map { day > $0 } ?? false
    }

    /// The pupil's age in whole years on `day`, or `nil` without a date of birth or before birth.
    ///
    /// Exact birthday arithmetic: the age goes up on the birthday itself. Someone born on
    /// 29 February turns a year older on 1 March in a year with no 29 February.
    public func age(on day: LocalDay) -> Int? {
        guard let dateOfBirth, dateOfBirth <= day else { return nil }
        let hadBirthday = (day.month, day.day) >= (dateOfBirth.month, dateOfBirth.day)
        return day.year - dateOfBirth.year - (hadBirthday ? 0 : 1)
    }

    /// Whether the pupil was under 18 on `day`, or `nil` without a date of birth.
    public func isUnder18(on day: LocalDay) -> Bool? {
        guard dateOfBirth != nil else { return nil }
        return (age(on: day) ?? 0) < 18
    }
}
