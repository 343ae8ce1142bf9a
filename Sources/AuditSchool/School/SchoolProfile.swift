import Foundation

/// Who the school is and where its calendar lives: school.yaml `school`.
public struct SchoolProfile: Sendable, Equatable {
    /// The school's full name, such as "Larkfield Primary School".
    public var name: String
    /// Other words that refer to the school in text, such as "Larkfield" or "LPS".
    public var aliases: [String]
    /// The time zone all calendar rules are local to (school.yaml `timezone`, an IANA name).
    public var timeZone: TimeZone
    /// Which built-in bank-holiday table applies.
    public var region: BankHolidayRegion
    /// The nations whose school words the content rules read: the one school.yaml `region`
    /// names (`england`, `wales`, `scotland`, `northern-ireland`), or England and Wales both for
    /// `england-and-wales`.
    public var nations: [UKNation]

    /// Creates a profile.
    /// - Parameters:
    ///   - name: the school's full name.
    ///   - aliases: other words for the school in text.
    ///   - timeZone: the school's time zone.
    ///   - region: the bank-holiday table.
    ///   - nations: the nations whose school words apply; by default those of `region`.
    public init(
        name: String, aliases: [String] = [], timeZone: TimeZone, region: BankHolidayRegion,
        nations: [UKNation]? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.timeZone = timeZone
        self.region = region
        self.nations = nations ?? UKNation.nations(of: region)
    }
}
