import Foundation

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The header parser as it was before it read bytes (it walked each line's Unicode scalars),
/// kept as the reference the byte scanner is checked against (``WhatsAppScanningDifferentialTests``).
enum ReferenceWhatsAppHeader {
    static func parse(_ line: Substring) -> WhatsAppHeader? {
        var scanner = ReferenceScanner(Array(line.unicodeScalars))
        scanner.skip(where: WhatsAppHeader.isInvisibleMark)
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
}

/// A cursor over a line's scalars for ``ReferenceWhatsAppHeader/parse(_:)``.
private struct ReferenceScanner {
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
