import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct NameNormalizationTests {
    @Test(
        "folds accents, apostrophes, case and punctuation",
        arguments: [
            ("Zoë Kowalczyk", "zoe kowalczyk"),
            ("Aoife O'Connor", "aoife oconnor"),
            ("Aoife O\u{2019}Connor", "aoife oconnor"),
            ("CHLOÉ   Martin", "chloe martin"),
            ("Lily-Mae Dawson", "lily mae dawson"),
            ("Siobhán Ní Bhriain", "siobhan ni bhriain"),
            ("Søren Ølgaard", "soren olgaard"),
        ])
    func keys(name: String, expected: String) {
        #expect(NameNormalization.key(name) == expected)
    }

    @Test("handles compact to letters and digits")
    func compactHandles() {
        #expect(NameNormalization.compact("@Ollie.Bennett_2013") == "olliebennett2013")
    }

    @Test("nicknames match their full names but not each other's siblings")
    func nicknames() {
        let table = Nicknames.standard
        #expect(table.areVariants("Ollie", "Oliver"))
        #expect(table.areVariants("oliver", "OLLIE"))
        #expect(table.areVariants("Will", "William"))
        #expect(table.areVariants("Bill", "William"))
        #expect(!table.areVariants("Bill", "Will"))
        #expect(!table.areVariants("Grace", "Oliver"))
        #expect(table.areVariants("Zoë", "Zoe"))
    }
}
