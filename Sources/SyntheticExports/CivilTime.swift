/// Calendar fields of an instant, computed arithmetically (proleptic Gregorian, UTC or UK
/// time) so that generated text never depends on the host's locale or time-zone data.
struct CivilTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var millisecond: Int
    /// 0 = Sunday.
    var weekday: Int

    static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The UTC fields of `milliseconds` since 1970.
    init(utcMilliseconds milliseconds: Int64) {
        let seconds = Int(milliseconds / 1000)
        millisecond = Int(milliseconds % 1000)
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        weekday = (days + 4) % 7
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The UK civil time (GMT, or BST from 01:00 UTC on the last Sunday of March to 01:00 UTC
    /// on the last Sunday of October) of `milliseconds` since 1970.
    init(londonMilliseconds milliseconds: Int64) {
        let utc = CivilTime(utcMilliseconds: milliseconds)
        let isSummer = Self.isBritishSummerTime(utc)
        self.init(utcMilliseconds: milliseconds + (isSummer ? 3_600_000 : 0))
    }

    private static func isBritishSummerTime(_ utc: CivilTime) -> Bool {
        // March and October both have 31 days: the weekday of the 31st gives the last Sunday.
        let change = 31 - (utc.weekday + 31 - utc.day) % 7
        switch utc.month {
        case 4...9: return true
        case 3:
            return utc.day > change || (utc.day == change && utc.hour >= 1)
        case 10:
            return utc.day < change || (utc.day == change && utc.hour < 1)
        default: return false
        }
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
