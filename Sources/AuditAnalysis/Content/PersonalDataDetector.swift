import AuditModel
import AuditSchool
import Foundation

/// Finds personal data in a text: UPNs (check letter validated), dates of birth, home addresses,
/// UK postcodes, UK phone numbers, e-mail addresses and National Insurance numbers.
///
/// Patterns are deliberately strict, because a number that only looks like a phone number would
/// make a false finding:
/// - UPN: a capital letter and twelve characters whose check letter is right
///   (``UniquePupilNumber``); "A123456789012" with a wrong letter is not a UPN.
/// - Phone: mobiles `07xxx xxxxxx` (spaces or hyphens anywhere in the usual places), landlines
///   `01…`/`02…` with 10 or 11 digits, `(0114) 496 0000`, and the `+44`, `0044` and
///   `+44 (0)` forms. Non-geographic numbers (03, 08, 09) are organisations', not people's, and
///   are left out.
/// - Postcode: the full UK form ("S11 8YA", "SW1A 1AA"), written in capitals (with or without
///   the space) or all in lower case with the space; an outward code alone ("S11") is not enough.
/// - Date of birth: a full date (dd/MM/yyyy, d.M.yy, yyyy-MM-dd, "12th March 2015", "March 12,
///   2015") in a sentence with "born", "DOB", "date of birth" or "birthday". Other full dates
///   are returned as ``PersonalDataMatch/Kind/date`` for the caller to compare with a named
///   pupil's date of birth.
/// - Address: a house number, one to three capitalised words and a street word ("12 Acacia
///   Avenue", "3 Mill Lane"), unless the number counts something else ("year 5 Maths Lane").
/// - NI number: two prefix letters HMRC allows (not D, F, I, Q, U or V first; not D, F, I, O,
///   Q, U or V second; not BG, GB, KN, NK, NT, TN or ZZ), six digits and a suffix A–D.
public enum PersonalDataDetector {
    /// Every piece of personal data in `text`, in text order; overlapping matches keep the first
    /// kind found in the order of ``PersonalDataMatch/Kind``.
    public static func matches(in text: TokenizedText) -> [PersonalDataMatch] {
        let string = text.text
        // Every pattern but the e-mail one needs a digit (ICU's `\\d`, any decimal digit), and that
        // one needs an "@": most texts have neither, and need no pattern run at all.
        guard
            string.unicodeScalars.contains(where: { $0.properties.numericType != nil })
                || string.contains("@")
        else { return [] }
        var found: [PersonalDataMatch] = []
        func add(_ match: PersonalDataMatch) {
            if !found.contains(where: { $0.range.overlaps(match.range) }) { found.append(match) }
        }
        for (range, value) in Self.find(upn, in: string) where UniquePupilNumber.isValid(value) {
            add(PersonalDataMatch(kind: .upn, range: range, value: value, normalized: value))
        }
        let births = birthWords.matches(in: text).map(\.sentence)
        for (range, value, day) in dates(in: string) {
            let sentence = text.sentence(containing: range.lowerBound)
            let isBirth = sentence.map(births.contains) ?? false
            add(
                PersonalDataMatch(
                    kind: isBirth ? .dateOfBirth : .date, range: range, value: value,
                    normalized: day.description, day: day))
        }
        for (range, value) in Self.find(email, in: string) {
            add(
                PersonalDataMatch(
                    kind: .email, range: range, value: value, normalized: value.lowercased()))
        }
        for (range, value) in Self.find(phone, in: string) {
            if let national = nationalPhoneDigits(value) {
                add(
                    PersonalDataMatch(
                        kind: .phoneNumber, range: range, value: value, normalized: national))
            }
        }
        for (range, value) in Self.find(nationalInsurance, in: string) {
            add(
                PersonalDataMatch(
                    kind: .nationalInsuranceNumber, range: range, value: value,
                    normalized: value.filter { !$0.isWhitespace }))
        }
        for (range, value) in Self.find(address, in: string)
        where !isCountedNumber(at: range.lowerBound, in: text) {
            add(
                PersonalDataMatch(kind: .homeAddress, range: range, value: value, normalized: value)
            )
        }
        for (range, value) in Self.find(postcode, in: string)
        where value == value.uppercased() || (value == value.lowercased() && value.contains(" ")) {
            add(
                PersonalDataMatch(
                    kind: .postcode, range: range, value: value,
                    normalized: value.uppercased().filter { !$0.isWhitespace }))
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A UK phone number's national digits ("07700900123") from any written form, or `nil` when
    /// it is not a mobile or geographic number of the right length.
    public static func nationalPhoneDigits(_ written: String) -> String? {
        var digits = written.filter { $0.isASCII && $0.isNumber }
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("+44") || trimmed.hasPrefix("0044") {
            digits = String(digits.dropFirst(trimmed.hasPrefix("+") ? 2 : 4))
            if written.contains("(0)"), digits.hasPrefix("0") { digits.removeFirst() }
            digits = "0" + digits
        }
        guard digits.hasPrefix("0"), digits.count >= 2 else { return nil }
        switch digits[digits.index(after: digits.startIndex)] {
        case "7", "2": return digits.count == 11 ? digits : nil
        case "1": return digits.count == 10 || digits.count == 11 ? digits : nil
        default: return nil
        }
    }

    /// Whether the number starting at `offset` counts something other than a house ("year 5
    /// Maths Lane", "room 12 Oak Close").
    private static func isCountedNumber(at offset: Int, in text: TokenizedText) -> Bool {
        guard let index = text.words.firstIndex(where: { $0.range.lowerBound == offset }),
            index > 0, text.words[index].isJoinedToPrevious
        else { return false }
        return ["year", "yr", "y", "room", "page", "chapter", "level", "table", "group", "set"]
            .contains(text.words[index - 1].folded)
    }

    // MARK: - Patterns

    /// A compiled pattern; `nil` only if a literal below were invalid, which the tests rule out
    /// (a kind of data would then go unfound; nothing crashes).
    private static func regex(_ pattern: String, caseInsensitive: Bool = false)
        -> NSRegularExpression?
    {
        try? NSRegularExpression(
            pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    private static let upn = regex(#"(?<![A-Za-z0-9])[A-Z][0-9]{11}[0-9A-Z](?![A-Za-z0-9])"#)

    private static let phone = regex(
        #"(?<![\w+])(?:(?:\+|00)44[ ]?(?:\(0\)[ ]?)?|0)"#
            + #"(?:7\d{3}[ -]?\d{3}[ -]?\d{3}|2\d[ -]?\d{4}[ -]?\d{4}|1\d{2}[ -]?\d{3}[ -]?\d{4}"#
            + #"|1\d{3}[ -]?\d{3}[ -]?\d{3}|1\d{4}[ -]?\d{4,5})(?![ -]?\d)"#
            + #"|(?<![\w+])\(0(?:1\d{2,4}|2\d)\)[ ]?\d{3,4}[ -]?\d{3,4}(?![ -]?\d)"#)

    private static let postcode = regex(
        #"(?<![A-Za-z0-9])[A-PR-UWYZ](?:[A-HK-Y]?\d[A-Z\d]?|\d[A-HJKPS-UW])"#
            + #"[ ]?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])"#,
        caseInsensitive: true)

    private static let email = regex(
        #"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w])"#)

    private static let nationalInsurance = regex(
        #"(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"#
            + #"[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![A-Za-z0-9])"#)

    private static let address = regex(
        #"(?<![A-Za-z0-9])\d{1,4}[A-Za-z]?,?[ ]+(?:[A-Z][a-z'’]+[ ]+){1,3}"#
            + #"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Court|Ct"#
            + #"|Place|Pl|Grove|Gardens|Gdns|Terrace|Walk|Mews|Rise|View|Row|Square|Sq|Parade"#
            + #"|Hill)(?![A-Za-z])"#)

    private static let numericDate = regex(
        #"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-]?\d)"#)
    private static let isoDate = regex(#"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])"#)
    private static let monthNames =
        "January|February|March|April|May|June|July|August|September|October|November|December"
        + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
    private static let dayMonthYear = regex(
        #"(?<![\w])(\d{1,2})(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?("# + monthNames
            + #")\.?,?[ ]+(\d{4})(?![\d])"#,
        caseInsensitive: true)
    private static let monthDayYear = regex(
        #"(?<![\w])("# + monthNames + #")\.?[ ]+(\d{1,2})(?:st|nd|rd|th)?,?[ ]+(\d{4})(?![\d])"#,
        caseInsensitive: true)

    private static let birthWords = PhraseList([
        "born", "DOB", "D.O.B", "date of birth", "birth date", "birthday", "bday", "b'day",
        "birthdate",
    ])

    // MARK: - Running patterns

    /// The matches of `regex` in `string`, as `Character` ranges and text.
    private static func find(_ regex: NSRegularExpression?, in string: String) -> [(
        Range<Int>, String
    )] {
        find(regex, in: string) { _ in () }.map { ($0.0, $0.1) }
    }

    private static func find<T>(
        _ regex: NSRegularExpression?, in string: String,
        _ groups: (_ group: (Int) -> String?) -> T?
    ) -> [(Range<Int>, String, T)] {
        guard let regex else { return [] }
        let whole = NSRange(string.startIndex..<string.endIndex, in: string)
        var results: [(Range<Int>, String, T)] = []
        for result in regex.matches(in: string, range: whole) {
            guard let range = Range(result.range, in: string) else { continue }
            let group: (Int) -> String? = { index in
                guard index < result.numberOfRanges,
                    let groupRange = Range(result.range(at: index), in: string)
                else { return nil }
                return String(string[groupRange])
            }
            guard let value = groups(group) else { continue }
            let start = string.distance(from: string.startIndex, to: range.lowerBound)
            let length = string.distance(from: range.lowerBound, to: range.upperBound)
            results.append((start..<(start + length), String(string[range]), value))
        }
        return results
    }

    private static func dates(in string: String) -> [(Range<Int>, String, LocalDay)] {
        func year(_ text: String?) -> Int? {
            guard let text, let value = Int(text) else { return nil }
            // Two-digit years: pupils and staff were born in this century or the last.
            if text.count == 2 { return value < 50 ? 2000 + value : 1900 + value }
            return value
        }
        func month(named name: String?) -> Int? {
            guard let name = name?.lowercased() else { return nil }
            let months = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ]
            return months.firstIndex { name.hasPrefix($0) }.map { $0 + 1 }
        }
        var found: [(Range<Int>, String, LocalDay)] = []
        found += find(isoDate, in: string) { group in
            guard let y = year(group(1)), let m = group(2).flatMap({ Int($0) }),
                let d = group(3).flatMap({ Int($0) })
            else { return nil }
            return LocalDay(year: y, month: m, day: d)
        }
        found += find(numericDate, in: string) { group in
            guard let d = group(1).flatMap({ Int($0) }), let m = group(2).flatMap({ Int($0) }),
                let y = year(group(3))
            else { return nil }
            return LocalDay(year: y, month: m, day: d)
        }
        found += find(dayMonthYear, in: string) { group in
            guard let d = group(1).flatMap({ Int($0) }), let m = month(named: group(2)),
                let y = year(group(3))
            else { return nil }
            return LocalDay(year: y, month: m, day: d)
        }
        found += find(monthDayYear, in: string) { group in
            guard let m = month(named: group(1)), let d = group(2).flatMap({ Int($0) }),
                let y = year(group(3))
            else { return nil }
            return LocalDay(year: y, month: m, day: d)
        }
        return found.filter { candidate in
            !found.contains {
                $0.0 != candidate.0 && $0.0.overlaps(candidate.0) && $0.0.count > candidate.0.count
            }
        }
    }
}
