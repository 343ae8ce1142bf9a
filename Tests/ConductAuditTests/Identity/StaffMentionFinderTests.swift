import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct StaffMentionFinderTests {
    static let finder = StaffMentionFinder(staff: [
        StaffMember(name: "Mark Whitfield", role: "Headteacher"),
        StaffMember(name: "Priya Shah", role: "Teaching assistant"),
    ])

    @Test(
        "finds full names, titles with surnames and capitalised surnames",
        arguments: [
            ("Whitfield is a useless idiot.", "Whitfield", StaffMention.Form.surname),
            ("Mark Whitfield said", "Mark Whitfield", .fullName),
            ("Mr Whitfield said", "Mr Whitfield", .titleAndSurname),
            ("Mrs. Shah's class", "Mrs. Shah", .titleAndSurname),
            ("the head, Whitfield, again", "Whitfield", .surname),
            ("Priya Shah is lovely", "Priya Shah", .fullName),
        ])
    func finds(text: String, matched: String, form: StaffMention.Form) throws {
        let mentions = Self.finder.mentions(in: TokenizedText(text))
        let mention = try #require(mentions.first)
        #expect(mentions.count == 1)
        #expect(mention.matchedText == matched)
        #expect(mention.form == form)
    }

    @Test(
        "ignores first names alone, lower-case surnames and other people with the surname",
        arguments: ["Priya was lovely", "tom whitfield", "Tom Whitfield is my uncle", "shah"])
    func ignores(text: String) {
        #expect(Self.finder.mentions(in: TokenizedText(text)).isEmpty)
    }
}
