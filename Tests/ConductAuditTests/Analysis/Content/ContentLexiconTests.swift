import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct ContentLexiconTests {
    @Test("the built-in lexicon loads every list, and every confidential kind is known")
    func builtIn() throws {
        let lexicon = ContentLexicon.builtIn
        let entries = lexicon.entries
        #expect(
            Set(entries.confidential.keys).isSubset(
                of: Set(ConfidentialMatter.allCases.map(\.rawValue))))
        for matter in ConfidentialMatter.allCases where matter != .schoolListed {
            #expect(!(entries.confidential[matter.rawValue] ?? []).isEmpty, "\(matter)")
        }
        for list in [
            entries.confidentialExceptions, entries.secrecyMarkers, entries.schoolContext,
            entries.communityReferences, entries.abusive.insults, entries.abusive.disparaging,
            entries.abusive.profanity, entries.abusiveExceptions, entries.abusiveTargets,
            entries.schoolActivities, entries.figurativeAge, entries.ageFollowers,
        ] {
            #expect(list.count >= 5)
        }
    }

    @Test("no entry is listed twice in one list")
    func noDuplicates() {
        let entries = ContentLexicon.builtIn.entries
        var lists = entries.confidential.map { ($0.key, $0.value) }
        lists += [
            ("insults", entries.abusive.insults), ("disparaging", entries.abusive.disparaging),
            ("schoolActivities", entries.schoolActivities),
            ("abusiveTargets", entries.abusiveTargets),
        ]
        for (name, list) in lists {
            let keys = list.map { $0.lowercased() }
            #expect(Set(keys).count == keys.count, "\(name) has duplicates")
        }
    }

    @Test("a term in an exception is no confidential matter")
    func exceptions() {
        let text = TokenizedText("Child protection training, then a child protection meeting")
        let found = ContentLexicon.builtIn.confidentialMatches(in: text)
        #expect(found.map(\.1.matchedText) == ["child protection"])
        #expect(found.first?.1.range.lowerBound == 34)
    }

    @Test("the school's additions: new terms are school-listed, known terms keep their kind")
    func schoolAdditions() {
        let lexicon = ContentLexicon.builtIn.adding(
            Lexicons(confidential: ["EHCP", "the Henderson case"], abusive: ["jobsworth twit"]))
        let found = lexicon.confidentialMatches(
            in: TokenizedText("His EHCP and the Henderson case"))
        #expect(found.map(\.0) == [.specialNeeds, .schoolListed])
        #expect(
            lexicon.insults.matches(in: TokenizedText("a jobsworth twit")).map(\.matchedText)
                == ["jobsworth twit"])
    }

    @Test("a lexicon file of the wrong shape is an error")
    func wrongShape() {
        #expect(throws: DecodingError.self) {
            try ContentLexicon.decode(Data(#"{"confidential": []}"#.utf8))
        }
    }
}
