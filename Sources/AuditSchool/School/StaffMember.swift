import AuditModel
import Foundation

/// A member of staff whose social media may be audited: an entry of school.yaml `staff`.
public struct StaffMember: Sendable, Equatable {
    /// The person's name, as used with `--staff`, such as "Rebecca Hale".
    public var name: String
    /// Their role, such as "Class teacher", if given.
    public var role: String?
    /// Their own account on each platform: a name, handle or phone number as the platform shows it.
    public var accounts: [Platform: String]
    /// Weekdays worked, when different from the school's (part-time staff).
    public var days: [Weekday]?
    /// Start of their day, when different from the school's.
    public var start: LocalTime?
    /// End of their day, when different from the school's.
    public var end: LocalTime?
    /// Their lunch break, when different from the school's.
    public var lunch: TimeRange?
    /// Periods they were away from work.
    public var absences: [Absence]
    /// Links to pupils they have declared to the headteacher.
    public var declaredLinks: [DeclaredLink]

    /// Creates a staff member; every override is optional.
    public init(
        name: String, role: String? = nil, accounts: [Platform: String] = [:],
        days: [Weekday]? = nil, start: LocalTime? = nil, end: LocalTime? = nil,
        lunch: TimeRange? = nil,
        absences: [Absence] = [], declaredLinks: [DeclaredLink] = []
    ) {
        self.name = name
        self.role = role
        self.accounts = accounts
        self.days = days
        self.start = start
        self.end = end
        self.lunch = lunch
        self.absences = absences
        self.declaredLinks = declaredLinks
    }

    /// The member's working pattern: the school's default with this member's overrides applied.
    public func workingPattern(default pattern: WorkingPattern) -> WorkingPattern {
        WorkingPattern(
            days: days ?? pattern.days, start: start ?? pattern.start, end: end ?? pattern.end,
            lunch: lunch ?? pattern.lunch)
    }

    /// The recorded absence covering `day`, if any.
    public func absence(on day: LocalDay) -> Absence? {
        absences.first { $0.range.contains(day) }
    }

    /// A folder-safe ASCII form of the name, such as "rebecca-hale" for "Rebecca Hale".
    ///
    /// Accents are dropped ("Zoë" gives "zoe"), apostrophes removed ("O'Brien" gives "obrien") and
    /// any other run of non-alphanumerics becomes one hyphen. A name with no Latin letters or
    /// digits gives "staff-" and the first 8 hex digits of its SHA-256, so it stays stable and
    /// distinct.
    public var slug: String {
        let folded = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en")
        )
        .lowercased()
        var slug = ""
        var pendingHyphen = false
        for character in folded where character != "'" && character != "\u{2019}" {
            if character.isASCII, character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "staff-" + SHA256Hex.digest(of: name).prefix(8) : slug
    }
}
