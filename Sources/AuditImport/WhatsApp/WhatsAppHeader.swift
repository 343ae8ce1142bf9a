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
    ///
    /// Read from the line's UTF-8 bytes (``ByteScanner``): every character a header can hold is
    /// ASCII or one of a few marks and spaces of three bytes, so no line is decoded into
    /// characters or scalars to be recognised.
    static func parse(_ line: Substring) -> WhatsAppHeader? {
        var line = line
        if let parsed = line.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0, of: line) }) {
            return parsed
        }
        line.makeContiguousUTF8()
        return line.utf8.withContiguousStorageIfAvailable { parse(bytes: $0, of: line) } ?? nil
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, of line: Substring)
        -> WhatsAppHeader?
    {
        var scanner = ByteScanner(bytes)
        scanner.skipInvisibleMarks()
        let isMarked = scanner.index > 0
        let bracketed = scanner.take(UInt8(ascii: "["))
        guard let first = scanner.number(maxDigits: 4) else { return nil }
        guard let separator = scanner.next(),
            separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".")
                || separator == UInt8(ascii: "-"),
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
        _ = scanner.take(UInt8(ascii: "."))  // "15.04.2016." in some locales
        _ = scanner.take(UInt8(ascii: ","))
        guard scanner.skipSpaces() > 0 else { return nil }
        if scanner.take(word: "klo") { _ = scanner.skipSpaces() }  // Finnish "klo 21.25.15"
        guard let hour = scanner.number(maxDigits: 2), hour.digits >= 1,
            let timeSeparator = scanner.next(),
            timeSeparator == UInt8(ascii: ":") || timeSeparator == UInt8(ascii: "."),
            let minute = scanner.number(maxDigits: 2), minute.digits == 2
        else { return nil }
        var seconds = 0
        if scanner.peek() == timeSeparator {
            scanner.index += 1
            guard let value = scanner.number(maxDigits: 2), value.digits == 2 else { return nil }
            seconds = value.value
        }
        let meridiem = scanner.meridiem()
        if bracketed {
            guard scanner.take(UInt8(ascii: "]")) else { return nil }
            guard scanner.skipSpaces() > 0 || scanner.isAtEnd else { return nil }
        } else {
            _ = scanner.take(UInt8(ascii: ","))
            guard scanner.skipSpaces() > 0, scanner.takeDash(),
                scanner.skipSpaces() > 0 || scanner.isAtEnd
            else { return nil }
        }
        // The scanner stops only after whole scalars; the rest is the scalars from there (a
        // combining mark after the header's space starts it).
        let restStart = line.utf8.index(line.startIndex, offsetBy: min(scanner.index, bytes.count))
        return WhatsAppHeader(
            layout: bracketed ? .bracketed : .dashed,
            dateFields: [first.value, second.value, third.value], isYearFirst: yearFirst,
            hour: hour.value, minute: minute.value, second: seconds, meridiem: meridiem,
            rest: String(line.unicodeScalars[restStart...]), isMarked: isMarked)
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

/// A cursor over a line's UTF-8 bytes for ``WhatsAppHeader/parse(_:)``.
///
/// It steps over whole scalars: the multi-byte ones it takes (marks, spaces, the en dash) are
/// taken whole, and a step over any other byte (``next()``) ends the header.
private struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    func peek() -> UInt8? { isAtEnd ? nil : bytes[index] }

    /// The byte at the cursor, stepping past it: only ASCII bytes are looked at this way (a
    /// non-ASCII byte matches no separator and ends the header).
    mutating func next() -> UInt8? {
        defer { index += 1 }
        return peek()
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    mutating func take(word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            return false
        }
        index += count
        return true
    }

    /// Whether the three-byte scalar E2 `second` `third` is at the cursor.
    private func threeBytes(_ second: UInt8, _ third: ClosedRange<UInt8>) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == second
            && third.contains(bytes[index + 2])
    }

    /// Skips ``WhatsAppHeader/isInvisibleMark(_:)`` marks: U+FEFF (EF BB BF), U+200E–U+200F
    /// (E2 80 8E–8F), U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9).
    mutating func skipInvisibleMarks() {
        while !isAtEnd {
            if index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xBB,
                bytes[index + 2] == 0xBF
            {
                index += 3
            } else if threeBytes(0x80, 0x8E...0x8F) || threeBytes(0x80, 0xAA...0xAE)
                || threeBytes(0x81, 0xA6...0xA9)
            {
                index += 3
            } else {
                return
            }
        }
    }

    /// Skips spaces, no-break spaces (C2 A0) and narrow no-break spaces (E2 80 AF); returns
    /// how many.
    mutating func skipSpaces() -> Int {
        var count = 0
        while let byte = peek() {
            if byte == 0x20 {
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2
            } else if threeBytes(0x80, 0xAF...0xAF) {
                index += 3
            } else {
                break
            }
            count += 1
        }
        return count
    }

    /// A hyphen-minus or an en dash (E2 80 93), stepped past; false when anything else (or
    /// nothing) is at the cursor.
    mutating func takeDash() -> Bool {
        if threeBytes(0x80, 0x93...0x93) {
            index += 3
            return true
        }
        return next() == UInt8(ascii: "-")
    }

    /// A run of 1…`maxDigits` ASCII digits.
    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while digits < maxDigits, let byte = peek(), (0x30...0x39).contains(byte) {
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            index += 1
        }
        if let byte = peek(), (0x30...0x39).contains(byte) { return nil }  // too many digits
        return digits == 0 ? nil : (value, digits)
    }

    /// An optional "am"/"pm" marker after optional spaces: `am`, `PM`, `a.m.`, `a. m.`.
    mutating func meridiem() -> WhatsAppHeader.Meridiem? {
        let start = index
        _ = skipSpaces()
        // ASCII letters only: no other scalar lower-cases to "a", "p" or "m".
        guard let letter = peek().map({ $0 | 0x20 }),
            letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p")
        else {
            index = start
            return nil
        }
        index += 1
        _ = take(UInt8(ascii: "."))
        _ = skipSpaces()
        guard let m = peek(), m | 0x20 == UInt8(ascii: "m") else {
            index = start
            return nil
        }
        index += 1
        _ = take(UInt8(ascii: "."))
        return letter == UInt8(ascii: "a") ? .am : .pm
    }
}
