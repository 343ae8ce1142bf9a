import Foundation

/// How the case stores instants: integer milliseconds since 1970 (UTC), exact and sortable.
package enum StoredTime {
    /// The instant rounded to the nearest millisecond.
    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant a stored millisecond count stands for.
    package static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
