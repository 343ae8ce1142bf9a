/// The date, time and remainder of a line that starts a WhatsApp message or notice.
///
/// Recognises the layouts of FORMATS.md §4 (FORMATS.md calls them iOS and Android, but both
/// phones have written both over the years):
/// - bracketed: `[14/10/2021, 15:34:09] Name: text`, `[01/01/19 11:25] …`, `[2020-06-01, …]`;
/// - dashed: `09/10/2023, 14:11 - Name: text`, `15.04.2016, 15:04 - …`, `1/5/21, 3:04 PM – …`.
///
/// Dates are three numbers separated by `/`, `.` or `-` (day, month and year in an order the
/// header alone cannot settle, or year first); times are `H:mm`, `H:mm:ss` or `H.mm`, optionally
/// followed by `am`/`pm`, `AM`/`PM` or `a. m.`/`p. m.` after a space, a no-break space or the
/// narrow no-break space U+202F. Direction marks (U+200E, U+200F …) and a byte-order mark before
/// the header are skipped.
struct WhatsAppHeader: Equatable, Sendable {
    /// How the header is written; one file uses one layout throughout.
    enum Layout: Equatable, Sendable {
        /// `[date, time] ` (iOS, and some old Android versions).
        case bracketed
        /// `date, time - ` (Android).
        case dashed
    }

    /// Morning or afternoon on a 12-hour clock.
    enum Meridiem: Equatable, Sendable {
        case am, pm
    }

    var layout: Layout
    /// The three date numbers in the order written.
    var dateFields: [Int]
    /// Whether the first date number has four digits (year first, as `2020-06-01`).
    var isYearFirst: Bool
    var hour: Int
    var minute: Int
    var second: Int
    var meridiem: Meridiem?
    /// The rest of the line after the header, as written (direction marks included).
    var rest: String
    /// Whether a direction mark comes before the header.
    ///
    /// iOS marks so the lines it writes around a sender's file (`<attached: …>`, `image
    /// omitted`), never its notices.
    var isMarked = false

    /// The header of `line`, or nil when the line does not start with one.
    static func parse(_ line: Substring) -> WhatsAppHeader? {
        var scanner = Scanner(Array(line.unicodeScalars))
        scanner.skip(where: isInvisibleMark)
        let isMarked = scanner.index > 0
        let bracketed = scanner.take("[")
        guard let first = scanner.number(maxDigits: 4) else { return nil }
        guard let separator = scanner.next(), "/.-".unicodeScalars.contains(separator),
            let second = scanner.number(maxDigits: 2), scanner.take(separator),
            let third = scanner.number(maxDigits: 4)
        else { return nil }
        let yearFirst = first.digits == 4
        guard yearFirst ? third.digits <= 2 : (third.digits == 2 || third.digits == 4) else {
            return nil
        }
        // A four-digit year outside 1971–2099 is no chat's date: the line is message text.
        let year = yearFirst ? first : third
        guard year.digits == 2 || (1971...2099).contains(year.value) else { return nil }
        _ = scanner.take(".")  // "15.04.2016." in some locales
        _ = scanner.take(",")
        guard scanner.skipSpaces() > 0 else { return nil }
        if scanner.take(word: "klo") { _ = scanner.skipSpaces() }  // Finnish "klo 21.25.15"
        guard let hour = scanner.number(maxDigits: 2), hour.digits >= 1,
            let timeSeparator = scanner.next(), timeSeparator == ":" || timeSeparator == ".",
            let minute = scanner.number(maxDigits: 2), minute.digits == 2
        else { return nil }
        var seconds = 0
        if scanner.peek() == timeSeparator {
            scanner.advance()
            guard let value = scanner.number(maxDigits: 2), value.digits == 2 else { return nil }
            seconds = value.value
        }
        let meridiem = scanner.meridiem()
        if bracketed {
            guard scanner.take("]") else { return nil }
            guard scanner.skipSpaces() > 0 || scanner.isAtEnd else { return nil }
        } else {
            _ = scanner.take(",")
            guard scanner.skipSpaces() > 0, let dash = scanner.next(),
                dash == "-" || dash == "\u{2013}", scanner.skipSpaces() > 0 || scanner.isAtEnd
            else { return nil }
        }
        return WhatsAppHeader(
            layout: bracketed ? .bracketed : .dashed,
            dateFields: [first.value, second.value, third.value], isYearFirst: yearFirst,
            hour: hour.value, minute: minute.value, second: seconds, meridiem: meridiem,
            rest: scanner.remainder, isMarked: isMarked)
    }

    /// The hour on a 24-hour clock, or nil when a 12-hour time is impossible ("13:05 pm").
    var hour24: Int? {
        switch meridiem {
        case nil: return hour
        case .am?: return hour == 12 ? 0 : (hour <= 12 ? hour : nil)
        case .pm?: return hour == 12 ? 12 : (hour < 12 ? hour + 12 : nil)
        }
    }

    /// Year, month and day when the day and month are in `order` (ignored for year-first dates).
    func date(order: WhatsAppDateOrder) -> (year: Int, month: Int, day: Int) {
        if isYearFirst { return (dateFields[0], dateFields[1], dateFields[2]) }
        let year = dateFields[2] < 100 ? 2000 + dateFields[2] : dateFields[2]
        switch order {
        case .dayFirst: return (year, dateFields[1], dateFields[0])
        case .monthFirst: return (year, dateFields[0], dateFields[1])
        }
    }

    /// Whether the date reads differently day-first and month-first ("03/04", not "05/05").
    var dependsOnDateOrder: Bool {
        !isYearFirst && dateFields[0] != dateFields[1]
    }

    /// Marks that WhatsApp writes around text and that carry no content: the byte-order mark,
    /// left-to-right and right-to-left marks, and the directional embeddings and isolates.
    static func isInvisibleMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFEFF, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// A cursor over a line's scalars for ``WhatsAppHeader/parse(_:)``.
private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var isAtEnd: Bool { index >= scalars.count }

    var remainder: String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[min(index, scalars.count)...])
        return String(text)
    }

    func peek() -> Unicode.Scalar? { isAtEnd ? nil : scalars[index] }

    mutating func advance() { index += 1 }

    mutating func next() -> Unicode.Scalar? {
        defer { index += 1 }
        return peek()
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        index += 1
        return true
    }

    mutating func take(word: String) -> Bool {
        let wanted = Array(word.unicodeScalars)
        guard index + wanted.count <= scalars.count,
            Array(scalars[index..<index + wanted.count]) == wanted
        else { return false }
        index += wanted.count
        return true
    }

    mutating func skip(where predicate: (Unicode.Scalar) -> Bool) {
        while let scalar = peek(), predicate(scalar) { index += 1 }
    }

    /// Skips spaces, no-break spaces and narrow no-break spaces; returns how many.
    mutating func skipSpaces() -> Int {
        let start = index
        skip { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        return index - start
    }

    /// A run of 1…`maxDigits` ASCII digits.
    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while digits < maxDigits, let scalar = peek(), ("0"..."9").contains(scalar) {
            value = value * 10 + Int(scalar.value - 48)
            digits += 1
            index += 1
        }
        if let scalar = peek(), ("0"..."9").contains(scalar) { return nil }  // too many digits
        return digits == 0 ? nil : (value, digits)
    }

    /// An optional "am"/"pm" marker after optional spaces: `am`, `PM`, `a.m.`, `a. m.`.
    mutating func meridiem() -> WhatsAppHeader.Meridiem? {
        let start = index
        _ = skipSpaces()
        guard let letter = peek().map({ Character($0).lowercased() }),
            letter == "a" || letter == "p"
        else {
            index = start
            return nil
        }
        index += 1
        _ = take(".")
        _ = skipSpaces()
        guard let m = peek().map({ Character($0).lowercased() }), m == "m" else {
            index = start
            return nil
        }
        index += 1
        _ = take(".")
        return letter == "a" ? .am : .pm
    }
}
