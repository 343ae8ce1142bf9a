import AuditModel
import Foundation

/// A date and time as a Meta HTML export writes it, read from its text but not yet placed in
/// time.
///
/// Meta renders dates in the account's language and without a zone (FORMATS.md §1.11, §2.9). This
/// reads the English forms, UK and US ("Sep 13, 2020, 12:26 PM", "Oct 19, 2019 at 2:37 PM",
/// "19 Oct 2019, 14:37", "Jan 05, 2024 1:00:00 pm", "Monday, 13 November 2023 at 20:09
/// UTC+07:00"), all-number forms ("13/11/2023, 20:09", "11/13/2023 8:09 PM", "2023-11-13 20:09")
/// and Vietnamese, the language of the one real Facebook HTML sample ("Tháng 10 13, 2023
/// 8:35:59chiều", "Thứ Hai, 13 tháng 11, 2023 lúc 20:09 UTC+07:00"). Any word it does not know
/// (another language's month, "Updated") makes the text unreadable rather than guessed at.
///
/// An all-number date such as 05/06/2024 cannot say by itself whether the day or the month comes
/// first; ``MetaHTMLDateReader`` decides that for a whole file.
struct MetaHTMLDate: Hashable, Sendable {
    /// The calendar fields, with the day and month known or not yet told apart.
    enum Fields: Hashable, Sendable {
        /// Day and month are known (a month name, or year first).
        case known(WallClockTime)
        /// Two numbers before the year that are the day and month in an order this text alone
        /// cannot tell.
        case numeric(first: Int, second: Int, year: Int, hour: Int, minute: Int, seconds: Int)
    }

    var fields: Fields
    /// The offset from UTC in seconds when the text gives one ("UTC+07:00"), else nil.
    var offsetSeconds: Int?

    /// Why a text is not a date this reader understands.
    struct Failure: Error, Equatable {
        var reason: String
    }

    /// The fields with day and month placed by `order` (ignored for known fields).
    func wallClock(order: MetaHTMLDateOrder) -> WallClockTime {
        switch fields {
        case .known(let time):
            return time
        case .numeric(let first, let second, let year, let hour, let minute, let seconds):
            let (day, month) = order == .dayFirst ? (first, second) : (second, first)
            return WallClockTime(
                year: year, month: month, day: day, hour: hour, minute: minute, second: seconds)
        }
    }

    // MARK: - Parsing

    /// Reads `text` as a date and time.
    /// - Throws: ``Failure`` saying what in the text could not be read.
    static func parse(_ text: String) throws(Failure) -> MetaHTMLDate {
        var rest = normalize(text)
        guard !rest.isEmpty else { throw Failure(reason: "the date is empty") }

        let offset = try takeOffset(from: &rest)
        guard let clock = takeClock(from: &rest) else {
            throw Failure(reason: "no time of day (h:mm) in '\(text)'")
        }
        var words = tokens(of: rest)

        var hour = clock.hour
        let marker = takeMarker(from: &words)
        if let marker {
            guard (1...12).contains(hour) else {
                throw Failure(reason: "hour \(hour) with '\(marker.word)' in '\(text)'")
            }
            hour = hour % 12 + (marker.isAfternoon ? 12 : 0)
        }
        guard (0...23).contains(hour), (0...59).contains(clock.minute),
            (0...60).contains(clock.second)
        else {
            throw Failure(reason: "the time in '\(text)' is not a real time of day")
        }

        var month: Int?
        var numbers: [Int] = []
        var numeric: (first: Int, second: Int, third: Int, yearFirst: Bool)?
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if let triple = numericDate(word) {
                guard numeric == nil else {
                    throw Failure(reason: "two dates in '\(text)'")
                }
                numeric = triple
            } else if let number = Int(word) {
                numbers.append(number)
            } else if word == "tháng", index < words.count, let number = Int(words[index]) {
                // Vietnamese: "tháng 10" is "month 10".
                guard month == nil else { throw Failure(reason: "two months in '\(text)'") }
                month = number
                index += 1
            } else if let named = monthNames[word] {
                guard month == nil else { throw Failure(reason: "two months in '\(text)'") }
                month = named
            } else if !fillerWords.contains(word) {
                throw Failure(reason: "'\(word)' in '\(text)' is not a date word this tool knows")
            }
        }

        if let numeric {
            guard month == nil, numbers.isEmpty else {
                throw Failure(reason: "a numeric date with other numbers in '\(text)'")
            }
            if numeric.yearFirst {
                return MetaHTMLDate(
                    fields: .known(
                        WallClockTime(
                            year: numeric.first, month: numeric.second, day: numeric.third,
                            hour: hour, minute: clock.minute, second: clock.second)),
                    offsetSeconds: offset)
            }
            return MetaHTMLDate(
                fields: .numeric(
                    first: numeric.first, second: numeric.second, year: fullYear(numeric.third),
                    hour: hour, minute: clock.minute, seconds: clock.second),
                offsetSeconds: offset)
        }
        guard let month else { throw Failure(reason: "no month in '\(text)'") }
        let years = numbers.filter { $0 >= 1000 }
        let days = numbers.filter { $0 < 1000 }
        guard years.count == 1, days.count == 1, let year = years.first, let day = days.first
        else {
            throw Failure(reason: "expected one day and one four-digit year in '\(text)'")
        }
        return MetaHTMLDate(
            fields: .known(
                WallClockTime(
                    year: year, month: month, day: day, hour: hour, minute: clock.minute,
                    second: clock.second)),
            offsetSeconds: offset)
    }

    /// Whether `text` is shaped like a date and time, even in a language this reader does not know.
    ///
    /// Shaped like one means: short, with a four-digit year and an h:mm time, few words, no
    /// brackets. Used to find the date of a record by its position, so that a record whose date
    /// cannot be read is still kept (without a time) instead of being missed.
    static func looksLikeDate(_ text: String) -> Bool {
        // Both readings need a clock ("h:mm"): most texts of a page are rejected here, cheaply.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
        if (try? parse(text)) != nil { return true }
        let normalized = normalize(text)
        guard normalized.count <= 48, !normalized.contains("("), !normalized.contains("[")
        else {
            return false
        }
        let hasYear = firstMatch(Pattern.year, in: normalized)
        let hasClock = firstMatch(Pattern.clock, in: normalized)
        let words = normalized.split { !$0.isLetter }.filter { !$0.isEmpty }
        return hasYear != nil && hasClock != nil && words.count <= 5
    }

    // MARK: - Pieces

    /// The patterns dates are read with, compiled once (NSRegularExpression matches safely from
    /// several threads).
    private enum Pattern {
        static let year = regex(#"(^|\D)(19|20)\d\d(\D|$)"#)
        static let clock = regex(#"\d{1,2}:\d{2}(:\d{2})?"#)
        static let offset = regex(#"(utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?"#)
        static let zoneName = regex(#"(^|\s)(utc|gmt|z)(\s|$)"#)

        static func regex(_ pattern: String) -> NSRegularExpression {
            do {
                return try NSRegularExpression(pattern: pattern)
            } catch {
                preconditionFailure("invalid built-in pattern \(pattern): \(error)")
            }
        }
    }

    /// The range of the first match of `regex` in `text`.
    private static func firstMatch(_ regex: NSRegularExpression, in text: String)
        -> Range<String.Index>?
    {
        let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        return match.flatMap { Range($0.range, in: text) }
    }

    private static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most dates): nothing to compose, and the only spaces to fold are controls.
            let folded = text.lowercased().utf8.map { byte in
                byte == 0x09 || byte == 0x0A || byte == 0x0D ? UInt8(ascii: " ") : byte
            }
            return String(decoding: folded, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        var result = text.precomposedStringWithCanonicalMapping.lowercased()
        for space in ["\u{A0}", "\u{202F}", "\u{2009}", "\t", "\n", "\r"] {
            result = result.replacingOccurrences(of: space, with: " ")
        }
        result = result.replacingOccurrences(of: "\u{2212}", with: "-")
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// Removes "UTC+07:00", "GMT-5", "UTC" and returns the offset in seconds.
    private static func takeOffset(from text: inout String) throws(Failure) -> Int? {
        if let range = firstMatch(Pattern.offset, in: text) {
            let found = String(text[range])
            text.removeSubrange(range)
            let sign = found.contains("-") ? -1 : 1
            let digits = found.split { !$0.isNumber }.compactMap { Int($0) }
            guard let hours = digits.first, hours <= 14 else {
                throw Failure(reason: "the offset '\(found)' is not a real UTC offset")
            }
            let minutes = digits.count > 1 ? digits[1] : 0
            return sign * (hours * 3600 + minutes * 60)
        }
        if let range = firstMatch(Pattern.zoneName, in: text) {
            text.replaceSubrange(range, with: " ")
            return 0
        }
        return nil
    }

    private struct Clock {
        var hour: Int
        var minute: Int
        var second: Int
    }

    /// Removes the first "h:mm" or "h:mm:ss" and returns it.
    private static func takeClock(from text: inout String) -> Clock? {
        guard
            let range = firstMatch(Pattern.clock, in: text)
        else {
            return nil
        }
        let parts = text[range].split(separator: ":").compactMap { Int($0) }
        text.replaceSubrange(range, with: " ")
        guard parts.count >= 2 else { return nil }
        return Clock(hour: parts[0], minute: parts[1], second: parts.count > 2 ? parts[2] : 0)
    }

    /// Words and numbers; a numeric date ("13/11/2023") stays one token, letters and digits that
    /// touch ("8:35:59chiều" after the time is taken, "13th") are split.
    private static func tokens(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var currentIsDigits = false
        func flush() {
            if !current.isEmpty { result.append(current) }
            current = ""
        }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isNumber {
                if !currentIsDigits { flush() }
                currentIsDigits = true
                current.append(character)
            } else if character.isLetter
                || character == "." && !currentIsDigits
                    && !current.isEmpty
            {
                if currentIsDigits { flush() }
                currentIsDigits = false
                current.append(character)
            } else if (character == "/" || character == "." || character == "-")
                && currentIsDigits && index + 1 < characters.count
                && characters[index + 1].isNumber
            {
                current.append(character)  // inside a numeric date
            } else {
                flush()
                currentIsDigits = false
            }
            index += 1
        }
        flush()
        return result.map { $0.hasSuffix(".") && $0.count > 1 ? String($0.dropLast()) : $0 }
    }

    private struct Marker {
        var word: String
        var isAfternoon: Bool
    }

    private static let morningWords: Set<String> = ["am", "a.m", "sáng", "sa"]
    private static let afternoonWords: Set<String> = ["pm", "p.m", "chiều", "ch", "tối"]

    private static func takeMarker(from words: inout [String]) -> Marker? {
        let isMarker = { (word: String) in
            morningWords.contains(word) || afternoonWords.contains(word)
        }
        guard let index = words.firstIndex(where: isMarker) else {
            return nil
        }
        let word = words.remove(at: index)
        return Marker(word: word, isAfternoon: afternoonWords.contains(word))
    }

    /// "13/11/2023", "11-13-23", "2023-11-13": the three numbers, and whether the year is first.
    private static func numericDate(_ word: String) -> (Int, Int, Int, yearFirst: Bool)? {
        let separators = word.filter { $0 == "/" || $0 == "." || $0 == "-" }
        guard separators.count == 2, Set(separators).count == 1 else { return nil }
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]),
            let c = Int(parts[2])
        else {
            return nil
        }
        if parts[0].count == 4 { return (a, b, c, true) }
        guard parts[2].count == 4 || parts[2].count == 2 else { return nil }
        return (a, b, c, false)
    }

    private static func fullYear(_ year: Int) -> Int {
        year >= 100 ? year : year < 70 ? 2000 + year : 1900 + year
    }

    private static let monthNames: [String: Int] = {
        let names = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"],
            ["may"], ["june", "jun"], ["july", "jul"], ["august", "aug"],
            ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"],
            ["december", "dec"],
        ]
        var result: [String: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings { result[spelling] = index + 1 }
        }
        return result
    }()

    /// Words that may stand around a date without changing it: "at", ordinals, weekday names
    /// (English and Vietnamese), Vietnamese "lúc" (at), "ngày" (day), "năm" (year).
    private static let fillerWords: Set<String> = [
        "at", "on", "of", "the", "st", "nd", "rd", "th",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "lúc", "ngày", "năm", "thứ", "hai", "ba", "tư", "sáu", "bảy", "chủ", "nhật",
    ]
}

/// Whether all-number dates in a file put the day or the month first.
enum MetaHTMLDateOrder: Sendable, Equatable {
    case dayFirst
    case monthFirst
}
