/// The part of the UK whose bank holidays apply to a school.
///
/// Named in school.yaml `school.region`.
public enum BankHolidayRegion: String, Codable, Sendable, CaseIterable {
    case englandAndWales = "england-and-wales"
    case scotland
    case northernIreland = "northern-ireland"

    /// The region's name for a reader, such as "England and Wales".
    public var displayName: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}
