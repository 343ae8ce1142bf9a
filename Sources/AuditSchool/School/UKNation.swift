/// A nation of the UK, whose school words (year groups, support plans, training days) the
/// content rules read.
///
/// Chosen by school.yaml `school.region`: `scotland` and `northern-ireland` name one nation,
/// `england` and `wales` name one nation and the England and Wales bank holidays, and
/// `england-and-wales` reads the words of both.
public enum UKNation: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case england
    case wales
    case scotland
    case northernIreland = "northern-ireland"

    /// The nation's name for a reader, such as "Northern Ireland".
    public var displayName: String {
        switch self {
        case .england: "England"
        case .wales: "Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }

    /// The bank-holiday table the nation's schools follow.
    public var bankHolidayRegion: BankHolidayRegion {
        switch self {
        case .england, .wales: .englandAndWales
        case .scotland: .scotland
        case .northernIreland: .northernIreland
        }
    }

    /// The nations a bank-holiday region covers: England and Wales for `england-and-wales`.
    public static func nations(of region: BankHolidayRegion) -> [UKNation] {
        switch region {
        case .englandAndWales: [.england, .wales]
        case .scotland: [.scotland]
        case .northernIreland: [.northernIreland]
        }
    }
}
