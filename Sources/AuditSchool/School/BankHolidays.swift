import AuditModel
import Foundation

/// The UK's bank holidays by region, with their names, as published on gov.uk.
///
/// The built-in table (``builtIn``) is the package resource `Resources/bank-holidays.json`,
/// covering 2015–2030 for England and Wales, Scotland and Northern Ireland. It was generated once
/// by a small script from the statutory rules (Easter by the Gregorian computus, first and last
/// Mondays, a substitute weekday when a holiday falls at a weekend) plus the one-off changes
/// (2020-05-08 VE Day instead of 4 May; 2022-06-02/03 Platinum Jubilee instead of 30 May;
/// 2022-09-19 State Funeral; 2023-05-08 Coronation), and checked date for date against gov.uk's
/// `bank-holidays.json` for 2018–2025. When a new one-off holiday is announced, edit the JSON
/// by hand.
public struct BankHolidays: Sendable, Equatable {
    /// The first year the table covers.
    public let firstYear: Int
    /// The last year the table covers.
    public let lastYear: Int
    private let names: [BankHolidayRegion: [LocalDay: String]]

    /// Reads a table in the format of `bank-holidays.json`.
    /// - Throws: `DecodingError` when the data is not such a table.
    public init(json: Data) throws {
        let file = try JSONDecoder().decode(BankHolidayFile.self, from: json)
        firstYear = file.firstYear
        lastYear = file.lastYear
        var names: [BankHolidayRegion: [LocalDay: String]] = [:]
        for region in BankHolidayRegion.allCases {
            let entries = file.regions[region.rawValue] ?? []
            names[region] = Dictionary(
                entries.map { ($0.date, $0.name) }, uniquingKeysWith: { first, _ in first })
        }
        self.names = names
    }

    /// The table shipped with the package (2015–2030).
    public static let builtIn: BankHolidays = {
        do {
            guard let url = Bundle.module.url(forResource: "bank-holidays", withExtension: "json")
            else {
                throw CocoaError(.fileNoSuchFile)
            }
            return try BankHolidays(json: Data(contentsOf: url))
        } catch {
            // Reason: the table is part of the package, not user input; the School tests load it,
            // so only a broken build can get here, and guessing "no holidays" would flag bank
            // holidays as working time.
            fatalError("The package resource bank-holidays.json is missing or invalid: \(error)")
        }
    }()

    /// The name of the built-in bank holiday on `day` in `region`, such as "Good Friday", or `nil`.
    public static func holiday(on day: LocalDay, region: BankHolidayRegion) -> String? {
        builtIn.holiday(on: day, region: region)
    }

    /// The name of the bank holiday on `day` in `region`, such as "Good Friday", or `nil`.
    public func holiday(on day: LocalDay, region: BankHolidayRegion) -> String? {
        names[region]?[day]
    }

    /// Whether the table covers the year of `day`; outside it, `holiday(on:region:)` cannot know.
    public func covers(_ day: LocalDay) -> Bool {
        (firstYear...lastYear).contains(day.year)
    }

    /// Every bank holiday of `region` in the table, in date order.
    public func holidays(in region: BankHolidayRegion) -> [(day: LocalDay, name: String)] {
        (names[region] ?? [:]).sorted { $0.key < $1.key }.map { (day: $0.key, name: $0.value) }
    }
}

/// The JSON shape of `bank-holidays.json`.
private struct BankHolidayFile: Decodable {
    struct Entry: Decodable {
        let date: LocalDay
        let name: String
    }

    let firstYear: Int
    let lastYear: Int
    let regions: [String: [Entry]]
}
