import AuditModel
import Foundation

/// Everything school.yaml says.
///
/// The school, its working hours and calendar, staff, word lists and policy clauses.
///
/// Read it with ``load(from:)`` or ``parse(yaml:file:)``; both check the whole file and throw a
/// ``SchoolConfigurationError`` naming the file, key path and line of the first problem.
public struct SchoolConfiguration: Sendable, Equatable {
    /// The school itself: name, aliases, time zone, bank-holiday region.
    public var school: SchoolProfile
    /// The default staff working day.
    public var workingHours: WorkingPattern
    /// Term time, as inclusive day ranges.
    public var terms: [DayRange]
    /// Days the school was closed inside term (bank holidays are built in and need not be listed).
    public var closures: [LocalDay]
    /// Staff training days: working days for staff even outside term.
    public var insetDays: [LocalDay]
    /// The staff who may be audited.
    public var staff: [StaffMember]
    /// The school's governors (school.yaml `governors`; optional).
    public var governors: [KnownAdult]
    /// Other adults of the school community the school names with their accounts, such as
    /// parents (school.yaml `known_adults`; optional).
    public var knownAdults: [KnownAdult]
    /// The school's additions to the built-in word lists.
    public var lexicons: Lexicons
    /// The school's own clause text, keyed by rule id (such as "working-hours").
    public var policy: [String: PolicyClause]
    /// The local designated officer and the school's wording of next steps (optional).
    public var nextSteps: NextStepsSettings = NextStepsSettings()

    /// Creates a configuration from its parts (tests and tools; users write school.yaml).
    public init(
        school: SchoolProfile, workingHours: WorkingPattern, terms: [DayRange],
        closures: [LocalDay] = [],
        insetDays: [LocalDay] = [], staff: [StaffMember] = [], governors: [KnownAdult] = [],
        knownAdults: [KnownAdult] = [], lexicons: Lexicons = Lexicons(),
        policy: [String: PolicyClause] = [:]
    ) {
        self.school = school
        self.workingHours = workingHours
        self.terms = terms
        self.closures = closures
        self.insetDays = insetDays
        self.staff = staff
        self.governors = governors
        self.knownAdults = knownAdults
        self.lexicons = lexicons
        self.policy = policy
    }

    /// Reads and checks a school.yaml file.
    /// - Throws: ``SchoolConfigurationError`` when the file cannot be read or is not valid.
    public static func load(from url: URL) throws -> SchoolConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SchoolConfigurationError.unreadableFile(
                file: url.path, reason: error.localizedDescription)
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw SchoolConfigurationError.unreadableFile(
                file: url.path, reason: "it is not UTF-8 text")
        }
        return try parse(yaml: yaml, file: url.path)
    }

    /// Parses and checks the text of a school.yaml file.
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - file: the name to use for the file in error messages.
    /// - Returns: the checked configuration.
    /// - Throws: ``SchoolConfigurationError`` naming the key path and line of the first problem.
    public static func parse(yaml: String, file: String) throws -> SchoolConfiguration {
        try SchoolConfigurationReader(file: file).read(yaml: yaml)
    }

    /// Every adult school.yaml names: staff (but the one named `except`), governors and known
    /// adults, in that order.
    public func adults(except excluded: String? = nil) -> [KnownAdult] {
        let skipped = excluded.map(NameNormalization.key)
        let colleagues = staff.filter { NameNormalization.key($0.name) != skipped }.map {
            KnownAdult(name: $0.name, role: $0.role, accounts: $0.accounts, group: .staff)
        }
        return colleagues + governors + knownAdults
    }

    /// The staff member with this name, ignoring case and surrounding spaces, or `nil`.
    public func staffMember(named name: String) -> StaffMember? {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        return staff.first {
            $0.name.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(wanted)
                == .orderedSame
        }
    }
}
