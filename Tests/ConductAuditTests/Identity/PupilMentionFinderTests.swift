import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct PupilMentionFinderTests {
    static func finder() throws -> PupilMentionFinder {
        PupilMentionFinder(pupils: try SampleSchool.configuration().roster.pupils)
    }

    @Test(
        "finds full legal and preferred names, nicknames with the surname, ignoring accents and case",
        arguments: [
            (
                "Poor Freddie Turner in my class", "K373247319104", "Freddie Turner",
                PupilMention.Form.preferredName
            ),
            ("Frederick Turner was off", "K373247319104", "Frederick Turner", .legalName),
            ("Fred Turner again", "K373247319104", "Fred Turner", .nickname),
            ("Zoe Kowalczyk reacted", "W373247318102", "Zoe Kowalczyk", .legalName),
            ("ZOË KOWALCZYK!!", "W373247318102", "ZOË KOWALCZYK", .legalName),
            ("zoe kowalczyk", "W373247318102", "zoe kowalczyk", .legalName),
            ("Ollie Bennett's mum", "G373247318101", "Ollie Bennett", .preferredName),
            ("Oliver Bennett", "G373247318101", "Oliver Bennett", .legalName),
            ("Aoife O’Connor", "T373247319101", "Aoife O’Connor", .legalName),
            ("Aoife OConnor", "T373247319101", "Aoife OConnor", .legalName),
            ("Amara Okonkwo-Smith", "Z373247319105", "Amara Okonkwo-Smith", .legalName),
            ("Amara Okonkwo Smith", "Z373247319105", "Amara Okonkwo Smith", .legalName),
            ("Amara Okonkwo said", "Z373247319105", "Amara Okonkwo", .preferredName),
            ("Chloe Martin", "E373247320101", "Chloe Martin", .legalName),
            ("Will Forsyth", "Q373247321101", "Will Forsyth", .preferredName),
            ("Billy Forsyth", "Q373247321101", "Billy Forsyth", .nickname),
            ("Ava-Rose Kelly", "M373247323101", "Ava-Rose Kelly", .legalName),
            ("Ava Rose Kelly", "M373247323101", "Ava Rose Kelly", .legalName),
            ("Sofia Garcia", "E373247322103", "Sofia Garcia", .legalName),
            ("Sian Evans", "Q373247323103", "Sian Evans", .legalName),
            ("Kacper Wisniewski", "W373247317101", "Kacper Wisniewski", .legalName),
        ])
    func finds(text: String, id: String, matched: String, form: PupilMention.Form) throws {
        let mentions = try Self.finder().mentions(in: text)
        try #require(mentions.count == 1, "\(mentions.map(\.reason))")
        #expect(mentions[0].pupil.id == id)
        #expect(mentions[0].matchedText == matched)
        #expect(mentions[0].form == form)
        #expect(TokenizedText(text).substring(mentions[0].range) == matched)
        #expect(mentions[0].reason.contains(id))
    }

    @Test(
        "never takes a first name alone, a word equal to a name, or a longer name",
        arguments: [
            "Dad's insisting on saying grace before dinner",
            "Hi Ollie! Hope Year 6 is going well",
            "Grace Thompson and Siobhán came too",
            "Marek Kowalczyk followed me",
            "Grace. Patel was the surname of my landlord",
            "Grace, Patel and Sons",
            "Mary-Grace Patel is my cousin",
            "Grace Patel-Jones is a friend",
            "Zoë Fairfax's birthday",
            "Turner Freddie",
            "Bill Forsyth-Hughes",
            "Ollie 🙂 Bennett",
            "Tom Hale is my brother",
        ])
    func ignores(text: String) throws {
        #expect(try Self.finder().mentions(in: text).isEmpty)
    }

    @Test("a possessive is left out of the range and the reason says how the name matched")
    func possessiveAndReason() throws {
        let text = "Freddie Turner's EHCP"
        let mention = try #require(try Self.finder().mentions(in: text).first)
        #expect(mention.range == 0..<14)
        #expect(
            mention.reason
                == "'Freddie Turner' is the preferred name of the pupil Frederick Turner "
                + "(roster id K373247319104)")
        let accentless = try #require(try Self.finder().mentions(in: "Zoe Kowalczyk").first)
        #expect(accentless.reason.hasSuffix("ignoring accents, case and apostrophes"))
        let nickname = try #require(try Self.finder().mentions(in: "Fred Turner").first)
        #expect(nickname.reason.contains("'Fred' is a usual short form of Frederick"))
    }

    @Test(
        "names written by Meta in mojibake match once repaired, and not before",
        arguments: [
            ("Zo\u{00C3}\u{00AB} Kowalczyk", "W373247318102"),
            ("Chlo\u{00C3}\u{00A9} Martin", "E373247320101"),
            ("Sof\u{00C3}\u{00AD}a Garc\u{00C3}\u{00AD}a", "E373247322103"),
            ("Kacper Wi\u{00C5}\u{009B}niewski", "W373247317101"),
        ])
    func mojibake(written: String, id: String) throws {
        let finder = try Self.finder()
        #expect(finder.mentions(in: written).isEmpty)
        let repaired = MetaText.repairMojibake(written)
        #expect(finder.mentions(in: "Poor \(repaired) today").map(\.pupil.id) == [id])
    }

    @Test("two pupils with one name are both returned for the same words")
    func ambiguousName() {
        let twins = [
            Pupil(id: "A", legalForename: "Sam", legalSurname: "Lee"),
            Pupil(id: "B", legalForename: "Samuel", legalSurname: "Lee", preferredForename: "Sam"),
        ]
        let mentions = PupilMentionFinder(pupils: twins).mentions(in: "Sam Lee was late")
        #expect(mentions.map(\.pupil.id) == ["A", "B"])
        #expect(Set(mentions.map(\.range)) == [0..<7])
    }

    @Test("lower-case names are matches that say they were not capitalised")
    func capitalisation() throws {
        let finder = try Self.finder()
        #expect(finder.mentions(in: "grace patel").first?.isCapitalized == false)
        #expect(finder.mentions(in: "Grace Patel").first?.isCapitalized == true)
    }
}
