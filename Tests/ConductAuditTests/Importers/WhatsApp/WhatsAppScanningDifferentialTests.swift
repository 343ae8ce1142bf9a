import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The byte-level reading of chat files against the reading it replaced: the header parser
/// against ``ReferenceWhatsAppHeader`` (the scalar walk), the line splitter against splitting
/// the characters, and the shortcuts for trimming and marks against the calls they skip, on the
/// header forms the importer reads and on seeded random damage to them (marks, no-break spaces,
/// combining marks, emoji, U+FFFD, carriage returns).
@Suite struct WhatsAppScanningDifferentialTests {
    /// Lines of every header form the tests and fixtures cover, and text that only looks like one.
    static let seeds: [String] = [
        "[14/10/2021, 15:34:09] Name: text",
        "09/10/2023, 14:11 - Name: text",
        "09/10/2023, 11:11\u{202F}am - +44 7123 456789: <Media omitted>",
        "1/5/21, 1:05 PM - Sam: hi",
        "[14/10/2021, 3:34:09\u{202F}PM] Sam: hi",
        "12/30/2021, 10:01 p. m. - John Doe: Lorem",
        "\u{200E}[2020-06-01, 12:00:06] Person 1: \u{200E}<attached: a.jpg>",
        "[01/01/19 11:25] John Doe: Lorem",
        "15.04.2016, 15:04 - Pokemon Chat: Messages",
        "15.04.2016., 15:04 - A: b",
        "13.6.2018 klo 21.25.15 - Aino: moi",
        "09/10/2023, 14:11 \u{2013} Name: en dash",
        "[2020.04.01, 12:00:04] Person 1: A reply",
        "\u{FEFF}[03/01/2019, 08:00:00] Fam: \u{200E}Messages and calls are end-to-end encrypted.",
        "\u{202B}12/05/2020, 9:15\u{00A0}a.m. - \u{05D0}\u{05DE}\u{05D0}: \u{05E9}\u{05DC}\u{05D5}\u{05DD}",
        "[5/3/24, 10:04:09\u{202F}AM] Andrew: \u{200E}Andrew is a contact.",
        "14/10/2021, 15:34 -",
        "[14/10/2021, 15:34:09]",
        "2024-01-02, 10:00 - Ana: x",
        "12/03 is my birthday",
        "2024 was a good year, 10:00 - right",
        "1970-01-01, 00:00 - Name: before",
        "",
    ]

    /// Pieces the damage is made of.
    static let pieces: [String] = [
        "0", "1", "2", "9", "/", ".", "-", ",", ":", " ", "\u{00A0}", "\u{202F}", "\u{200E}",
        "\u{200F}", "\u{FEFF}", "\u{2066}", "\u{202A}", "[", "]", "a", "A", "p", "M", "m",
        "\u{2013}", "\u{0301}", "é", "😀", "\u{FFFD}", "klo", "\t", "\"", "\u{2028}", "\u{0085}",
    ]

    /// `line` with a few random insertions, deletions and replacements.
    static func damaged(_ line: String, using random: inout SplitMix) -> String {
        var scalars = Array(line.unicodeScalars)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let piece = Array((pieces.randomElement(using: &random) ?? "").unicodeScalars)
            let at = Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: scalars.insert(contentsOf: piece, at: at)
            case 1 where at < scalars.count: scalars.remove(at: at)
            default:
                if at < scalars.count { scalars[at] = piece[0] } else { scalars += piece }
            }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    /// Every seed and 4,000 damaged lines, each also as a slice of a larger text (as the chat
    /// reader hands lines over).
    static func lines() -> [String] {
        var random = SplitMix(seed: 14)
        var lines = seeds
        for index in 0..<4_000 {
            lines.append(damaged(seeds[index % seeds.count], using: &random))
        }
        return lines
    }

    @Test("the byte scanner reads every header exactly as the scalar walk did")
    func headers() {
        var recognised = 0
        for line in Self.lines() {
            let expected = ReferenceWhatsAppHeader.parse(Substring(line))
            #expect(WhatsAppHeader.parse(Substring(line)) == expected, "\(line.debugDescription)")
            let text = "before\n\(line)\nafter"
            let slice = text.dropFirst(7).dropLast(6)
            #expect(WhatsAppHeader.parse(slice) == expected, "\(line.debugDescription) as a slice")
            if expected != nil { recognised += 1 }
        }
        // The damage leaves many headers whole and breaks many: both sides are compared.
        #expect(recognised > 400)
        #expect(recognised < 3_900)
    }

    @Test("lines split at LF, CRLF and CR among the bytes as among the characters")
    func splitting() {
        var random = SplitMix(seed: 7)
        let separators = ["\n", "\r\n", "\r", "\n\r", "\r\r\n", "\n\n"]
        var texts = ["", "\n", "\r\n", "a", "a\n", "a\r\nb\rc\n\u{0301}d", "\u{FEFF}x\r\n"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                text += Self.damaged(Self.seeds.randomElement(using: &random)!, using: &random)
                text += separators.randomElement(using: &random)!
            }
            if Bool.random(using: &random) { text.removeLast() }
            texts.append(text)
        }
        for text in texts {
            let expected = text.split(
                omittingEmptySubsequences: false,
                whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            #expect(WhatsAppChat.lines(of: text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("the shortcuts for marks, names and trimming give what the calls they skip give")
    func shortcuts() {
        for line in Self.lines() {
            for text in [line, " \(line) ", "\(line)\n", "\t\(line)"] {
                #expect(
                    WhatsAppMessageBody.trimmed(text)
                        == text.trimmingCharacters(in: .whitespacesAndNewlines))
                var scalars = String.UnicodeScalarView()
                scalars.append(
                    contentsOf: text.unicodeScalars.filter { !WhatsAppHeader.isInvisibleMark($0) })
                #expect(WhatsAppMessageBody.removingMarks(text) == String(scalars))
                #expect(
                    WhatsAppChat.cleanName(text)
                        == String(scalars).trimmingCharacters(in: .whitespaces))
            }
        }
    }

    @Test("a file that is not valid UTF-8 is still reported; one with a byte-order mark is not")
    func invalidBytes() throws {
        var bytes = Data("[01/02/2024, 10:00:00] Ana: ok\n[01/02/2024, 10:01:00] Ben: ca".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])  // a broken two-byte sequence
        bytes.append(contentsOf: Data("fe\r\n[01/02/2024, 10:02:00] Ana: hi".utf8))
        let chat = WhatsAppChat(data: bytes, file: "chat.txt")
        #expect(chat.messages.map(\.sender) == ["Ana", "Ben", "Ana"])
        #expect(chat.messages[1].body.text == "ca\u{FFFD}(fe")
        let issue = try #require(chat.issues.first)
        #expect(issue.file == "chat.txt")
        #expect(issue.reason.contains("not valid UTF-8"))

        var marked = Data([0xEF, 0xBB, 0xBF])
        marked.append(Data("[13/02/2024, 10:00:00] Ana: \u{FFFD} is fine\r\n".utf8))
        let valid = WhatsAppChat(data: marked, file: "chat.txt")
        #expect(!valid.issues.contains { $0.reason.contains("UTF-8") })
        #expect(valid.messages.first?.body.text == "\u{FFFD} is fine")
    }
}
