import Foundation

extension Calendar {
    /// A Gregorian calendar fixed to `zone`, independent of the machine's locale and settings.
    static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "en_GB")
        return calendar
    }
}
