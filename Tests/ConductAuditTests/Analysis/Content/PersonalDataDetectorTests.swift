import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct PersonalDataDetectorTests {
    static func kinds(_ text: String) -> [PersonalDataMatch.Kind] {
        PersonalDataDetector.matches(in: TokenizedText(text)).map(\.kind)
    }

    static func only(_ text: String) -> PersonalDataMatch? {
        let matches = PersonalDataDetector.matches(in: TokenizedText(text))
        return matches.count == 1 ? matches[0] : nil
    }

    @Test(
        "UK phone numbers in mobile, landline and +44 forms",
        arguments: [
            ("call 07700 900123 now", "07700 900123", "07700900123"),
            ("07700900123", "07700900123", "07700900123"),
            ("07700-900-123", "07700-900-123", "07700900123"),
            ("ring 07700 900 123", "07700 900 123", "07700900123"),
            ("+44 7700 900123", "+44 7700 900123", "07700900123"),
            ("+447700900123", "+447700900123", "07700900123"),
            ("+44 (0)7700 900123", "+44 (0)7700 900123", "07700900123"),
            ("0044 7700 900123", "0044 7700 900123", "07700900123"),
            ("0114 496 0000", "0114 496 0000", "01144960000"),
            ("(0114) 496 0000", "(0114) 496 0000", "01144960000"),
            ("020 7946 0000", "020 7946 0000", "02079460000"),
            ("029 2018 0000", "029 2018 0000", "02920180000"),
            ("01632 960000", "01632 960000", "01632960000"),
            ("016977 2345", "016977 2345", "0169772345"),
            ("+44 114 496 0000", "+44 114 496 0000", "01144960000"),
        ])
    func phones(text: String, value: String, normalized: String) throws {
        let match = try #require(Self.only(text))
        #expect(match.kind == .phoneNumber)
        #expect(match.value == value)
        #expect(match.normalized == normalized)
    }

    @Test(
        "numbers that are not personal UK phone numbers",
        arguments: [
            "0800 123 4567",  // freephone: an organisation's
            "0345 300 0000",  // non-geographic
            "0909 879 0000",  // premium rate
            "077009001234",  // one digit too many
            "0770090012",  // one digit too few
            "order 1234567890",
            "+33 6 12 34 56 78",  // not UK
            "it was 07:45 and 12:30",
            "score 1-0, 2-1",
        ])
    func notPhones(text: String) {
        #expect(!Self.kinds(text).contains(.phoneNumber), "\(Self.kinds(text))")
    }

    @Test(
        "UK postcodes, in capitals or lower case with the space",
        arguments: [
            ("S11 8YA", "S118YA"), ("lives at S11 8YA.", "S118YA"), ("SW1A 1AA", "SW1A1AA"),
            ("M1 1AE", "M11AE"), ("B33 8TH", "B338TH"), ("CR2 6XH", "CR26XH"),
            ("DN55 1PT", "DN551PT"), ("EC1A1BB", "EC1A1BB"), ("s11 8ya", "S118YA"),
            ("W1A 0AX", "W1A0AX"),
        ])
    func postcodes(text: String, normalized: String) throws {
        let match = try #require(Self.only(text))
        #expect(match.kind == .postcode)
        #expect(match.normalized == normalized)
    }

    @Test(
        "things that are not postcodes",
        arguments: ["S11", "on the M1 today", "Year 5 trip", "s118ya", "QQ1 1AA", "S11 8CI"])
    func notPostcodes(text: String) {
        #expect(!Self.kinds(text).contains(.postcode), "\(Self.kinds(text))")
    }

    @Test(
        "e-mail addresses, NI numbers and addresses",
        arguments: [
            (
                "write to jo.bloggs@example.com today", PersonalDataMatch.Kind.email,
                "jo.bloggs@example.com"
            ),
            ("J.Smith+school@mail.example.co.uk", .email, "j.smith+school@mail.example.co.uk"),
            ("NI JT 12 34 56 C", .nationalInsuranceNumber, "JT123456C"),
            ("AB123456D", .nationalInsuranceNumber, "AB123456D"),
            ("she lives at 14 Mill Lane", .homeAddress, "14 Mill Lane"),
            ("12a Acacia Avenue", .homeAddress, "12a Acacia Avenue"),
            ("3, Church View Road", .homeAddress, "3, Church View Road"),
        ])
    func others(text: String, kind: PersonalDataMatch.Kind, normalized: String) throws {
        let match = try #require(Self.only(text))
        #expect(match.kind == kind)
        #expect(match.normalized == normalized)
    }

    @Test(
        "no e-mail, NI number or address in look-alikes",
        arguments: [
            "@beckyhale on Insta", "GB123456A", "DQ123456A", "QQ123456C", "JT123456E",
            "see you at 5 Guys",
            "year 5 Maths Lane", "on 14 mill lane",
        ])
    func notOthers(text: String) {
        #expect(Self.kinds(text).isEmpty, "\(Self.kinds(text))")
    }

    @Test(
        "full dates are dates of birth only in a sentence about a birth",
        arguments: [
            ("born 03/10/2014", PersonalDataMatch.Kind.dateOfBirth, "2014-10-03"),
            ("DOB: 3.10.14", .dateOfBirth, "2014-10-03"),
            ("D.O.B 2014-10-03", .dateOfBirth, "2014-10-03"),
            ("her birthday is 3rd October 2014", .dateOfBirth, "2014-10-03"),
            ("date of birth October 3, 2014", .dateOfBirth, "2014-10-03"),
            ("trip on 03/10/2014", .date, "2014-10-03"),
            ("Born in Leeds. Trip on 03/10/2014", .date, "2014-10-03"),
        ])
    func dates(text: String, kind: PersonalDataMatch.Kind, normalized: String) throws {
        let match = try #require(Self.only(text))
        #expect(match.kind == kind)
        #expect(match.normalized == normalized)
    }

    @Test(
        "impossible dates and partial dates are not dates",
        arguments: ["31/02/2014", "born 03/10", "born in 2014"])
    func notDates(text: String) {
        #expect(Self.kinds(text).isEmpty, "\(Self.kinds(text))")
    }

    @Test("UPNs are found only with a valid check letter")
    func upns() {
        #expect(Self.kinds("UPN K373247319104 please") == [.upn])
        #expect(Self.kinds("UPN A373247319104 please").isEmpty)
    }

    @Test("offsets are Characters, emoji and accents included")
    func offsets() throws {
        let text = "Zoë 👩‍👧 07700 900456"
        let match = try #require(Self.only(text))
        #expect(match.range == 6..<18)
        #expect(TokenizedText(text).substring(match.range) == "07700 900456")
    }

    @Test(
        "a text without a digit or an @ has no personal data; an e-mail needs no digit",
        arguments: [
            ("Lovely walk with Grace and the dog this morning", [PersonalDataMatch.Kind]()),
            ("write to grace.turner@example.co.uk about it", [.email]),
            ("ring 07700 900123 or grace@example.com", [.phoneNumber, .email]),
            ("born ٣ March 2015", []),
        ])
    func textsWithoutDigitsOrAt(_ text: String, _ expected: [PersonalDataMatch.Kind]) {
        #expect(Self.kinds(text) == expected)
    }
}
