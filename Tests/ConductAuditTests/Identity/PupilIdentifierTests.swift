import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct PupilIdentifierTests {
    static func day(_ iso: String) -> LocalDay? { LocalDay(iso: iso) }

    /// A small roster: preferred names, accents, an apostrophe, a double-barrelled surname,
    /// a hyphenated forename and known accounts.
    static let roster = Roster(pupils: [
        Pupil(
            id: "G1", legalForename: "Oliver", legalSurname: "Bennett", preferredForename: "Ollie",
            dateOfBirth: day("2013-11-02"), yearGroup: "6", admissionDate: day("2018-09-05"),
            knownAccounts: [
                KnownAccount(platformName: "instagram", handle: "ollie.bennett2013"),
                KnownAccount(platformName: "twitter", handle: "@olliebtweets"),
                KnownAccount(platformName: "whatsapp", handle: "07700 900456"),
            ]),
        Pupil(
            id: "W2", legalForename: "Zoë", legalSurname: "Kowalczyk",
            dateOfBirth: day("2014-04-22"), yearGroup: "6", admissionDate: day("2018-09-05")),
        Pupil(
            id: "T3", legalForename: "Aoife", legalSurname: "O'Connor",
            dateOfBirth: day("2015-01-09"), yearGroup: "5", admissionDate: day("2019-09-04")),
        Pupil(
            id: "Q4", legalForename: "William", legalSurname: "Forsyth",
            preferredForename: "Will", dateOfBirth: day("2017-03-12"), yearGroup: "3",
            admissionDate: day("2021-09-01"),
            knownAccounts: [KnownAccount(platformName: "x", handle: "987654321")]),
        Pupil(
            id: "G5", legalForename: "Grace", legalSurname: "Patel",
            dateOfBirth: day("2015-05-25"), yearGroup: "5", admissionDate: day("2019-09-04")),
        Pupil(
            id: "Z6", legalForename: "Amara", legalSurname: "Okonkwo-Smith",
            preferredSurname: "Okonkwo", dateOfBirth: day("2015-08-11"), yearGroup: "5"),
        Pupil(
            id: "C7", legalForename: "Lily-Mae", legalSurname: "Dawson",
            dateOfBirth: day("2009-06-20"), yearGroup: "6", admissionDate: day("2013-09-03"),
            leavingDate: day("2020-07-17")),
        Pupil(
            id: "F8", legalForename: "Frederick", legalSurname: "Turner",
            dateOfBirth: day("2014-12-19"), yearGroup: "5"),
    ])

    static let identifier = PupilIdentifier(roster: roster)

    @Test(
        "display names: legal or preferred, accents, case, apostrophes, hyphens, nicknames",
        arguments: [
            ("Zoe Kowalczyk", "W2", "ignoring accents"),
            ("ZOË KOWALCZYK", "W2", "ignoring case"),
            ("Zoë Kowalczyk", "W2", "= legal name Zoë Kowalczyk;"),
            ("Aoife OConnor", "T3", "ignoring the apostrophe"),
            ("Aoife O\u{2019}Connor", "T3", "= legal name Aoife O'Connor"),
            ("Ollie Bennett", "G1", "= preferred name Ollie Bennett (legal name Oliver Bennett)"),
            ("Oliver Bennett", "G1", "= legal name Oliver Bennett"),
            ("Olly Bennett", "G1", "'olly' is a usual short form of Oliver"),
            ("Will Forsyth", "Q4", "preferred name Will Forsyth"),
            ("Bill Forsyth", "Q4", "'bill' is a usual short form of William"),
            ("William James Forsyth", "Q4", "taking 'james' as a middle name"),
            ("Lily Mae Dawson", "C7", "ignoring hyphens and spacing"),
            ("Amara Okonkwo", "Z6", "preferred name Amara Okonkwo"),
            ("Amara Okonkwo-Smith", "Z6", "legal name Amara Okonkwo-Smith"),
            ("Freddie Turner", "F8", "'freddie' is a usual short form of Frederick"),
            ("Zoe Kowalczyk 🌸", "W2", "ignoring accents"),
        ])
    func displayNames(name: String, rosterID: String, reason: String) throws {
        let found = try #require(Self.identifier.identify(Person(name: name), on: .facebook))
        #expect(found.pupil?.id == rosterID)
        #expect(found.explanation.contains(reason), "\(found.explanation)")
        #expect(found.confidence >= 0.75 && found.confidence <= 0.9)
        #expect(found.candidates.first?.basis == .displayName)
    }

    @Test(
        "adults who share only a first name or a surname, and first names alone, never match",
        arguments: [
            "Grace Thompson", "Grace", "Ollie", "Bennett", "Marek Kowalczyk", "Zoë Fairfax",
            "Bennett Oliver", "Oliver Bennett-Smith", "Will", "Bill Forsythe", "Ollie B",
            "Larkfield Primary School PTA", "Amara Smith",
        ])
    func nonPupils(name: String) {
        #expect(Self.identifier.identify(Person(name: name), on: .facebook) == nil)
    }

    @Test(
        "handles built from name parts and birth year",
        arguments: [
            ("ollie_bennett13", "G1", 0.85, "forename Ollie + surname Bennett + '13'"),
            ("zoe_kowalczyk14", "W2", 0.85, "forename Zoë + surname Kowalczyk + '14'"),
            ("zoe.kowalczyk2014", "W2", 0.85, "birth year 2014"),
            ("obennett2013", "G1", 0.70, "initial 'o' of Oliver + surname Bennett"),
            ("bennett.oliver", "G1", 0.70, "surname Bennett + forename Oliver"),
            ("olliebennett", "G1", 0.75, "forename Ollie + surname Bennett"),
            ("olly.bennett2013", "G1", 0.80, "'olly' (short for Oliver)"),
            ("ollieb2013", "G1", 0.60, "initial 'b' of Bennett"),
            ("AoifeOConnor", "T3", 0.75, "surname O'Connor"),
        ])
    func handles(handle: String, rosterID: String, confidence: Double, reason: String) throws {
        let found = try #require(Self.identifier.identify(Person(handle: handle), on: .twitter))
        #expect(found.pupil?.id == rosterID)
        #expect(abs(found.confidence - confidence) < 0.001, "\(found.confidence)")
        #expect(found.explanation.hasPrefix("handle @\(handle.lowercased()) = "))
        #expect(found.explanation.contains(reason), "\(found.explanation)")
    }

    @Test(
        "handles of a first name, a surname, another year or a bare initial do not match",
        arguments: [
            "ollie2013", "bennett2013", "obennett", "ollie.bennett2011", "grace.thompson2015",
            "gracep", "ollie_bennett_official", "zk2014",
        ])
    func nonMatchingHandles(handle: String) {
        #expect(Self.identifier.identify(Person(handle: handle), on: .instagram) == nil)
    }

    @Test("known accounts come first: exact handle on the platform, then the same handle elsewhere")
    func knownAccounts() throws {
        let instagram = try #require(
            Self.identifier.identify(Person(handle: "@Ollie.Bennett2013"), on: .instagram))
        #expect(instagram.pupil?.id == "G1")
        #expect(instagram.confidence == 0.97)
        #expect(instagram.candidates.first?.basis == .knownAccount)
        #expect(
            instagram.explanation.contains(
                "@ollie.bennett2013 is listed in the roster as Oliver Bennett's Instagram account"))

        let elsewhere = try #require(
            Self.identifier.identify(Person(handle: "ollie.bennett2013"), on: .twitter))
        #expect(elsewhere.pupil?.id == "G1")
        #expect(elsewhere.candidates.first?.basis == .knownAccountElsewhere)
        #expect(elsewhere.confidence >= 0.85)

        let phone = try #require(
            Self.identifier.identify(Person(accountID: "+44 7700 900456"), on: .whatsapp))
        #expect(phone.pupil?.id == "G1")
        #expect(phone.explanation.contains("number +44 7700 900456 is listed"))
    }

    @Test("an X id is resolved through the archive's own id–handle pairs and known accounts")
    func twitterIDs() throws {
        let source = SourceReference(
            archiveSHA256: "00", archivePath: "x", file: "data/tweets.js", locator: "/0")
        let tweet = TimelineItem(
            platform: .twitter, kind: .post, isAuthoredByOwner: true, author: nil,
            counterparties: [
                Person(name: "Ollie B ⚽", handle: "olliebtweets", accountID: "1234567890")
            ],
            text: "@olliebtweets well done!", occurredAt: Date(timeIntervalSince1970: 1.7e9),
            timeBasis: .explicit, source: source, rawFragment: "{}")
        let directory = AccountDirectory(timeline: Timeline(items: [tweet]))
        let identifier = PupilIdentifier(roster: Self.roster, directory: directory)
        let idOnly = Person(accountID: "1234567890")

        let found = try #require(identifier.identify(idOnly, on: .twitter))
        #expect(found.pupil?.id == "G1")
        #expect(
            found.explanation.hasPrefix("account id 1234567890 is @olliebtweets in this archive"))
        #expect(found.confidence == 0.97)
        // Without the archive's pairs a bare id says nothing.
        #expect(Self.identifier.identify(idOnly, on: .twitter) == nil)
        // Ids are per platform.
        #expect(identifier.identify(idOnly, on: .instagram) == nil)
        // An id the roster lists directly needs no resolving.
        let listed = try #require(
            Self.identifier.identify(Person(accountID: "987654321"), on: .twitter))
        #expect(listed.pupil?.id == "Q4")
        #expect(listed.explanation.contains("account id 987654321 is listed in the roster"))
    }

    @Test("an id seen with two different handles resolves to neither")
    func conflictingIDs() {
        let source = SourceReference(
            archiveSHA256: "00", archivePath: "x", file: "t.js", locator: "/0")
        let items = ["olliebtweets", "someoneelse"].enumerated().map { index, handle in
            TimelineItem(
                platform: .twitter, kind: .mention, isAuthoredByOwner: true, author: nil,
                counterparties: [Person(handle: handle, accountID: "42")], text: "\(index)",
                occurredAt: Date(timeIntervalSince1970: 1.7e9 + Double(index)),
                timeBasis: .explicit, source: source, rawFragment: "{}")
        }
        let directory = AccountDirectory(timeline: Timeline(items: items))
        #expect(directory.person(withAccountID: "42", on: .twitter) == nil)
    }

    @Test("a name and a handle agreeing raise the confidence; a different display name lowers it")
    func agreementAndConflict() throws {
        let both = try #require(
            Self.identifier.identify(
                Person(name: "Zoe Kowalczyk", handle: "zoe_kowalczyk14"), on: .instagram))
        #expect(both.pupil?.id == "W2")
        #expect(abs(both.confidence - 0.93) < 0.001)
        #expect(both.explanation.contains("; also "))

        let conflict = try #require(
            Self.identifier.identify(
                Person(name: "Grace Thompson", handle: "grace.patel2015"), on: .instagram))
        #expect(conflict.pupil?.id == "G5")
        #expect(abs(conflict.confidence - 0.70) < 0.001)
        #expect(conflict.explanation.contains("but the display name 'Grace Thompson'"))
    }

    @Test("two pupils fitting equally make an ambiguous identification that names both")
    func ambiguity() throws {
        let twins = Roster(pupils: [
            Pupil(id: "A1", legalForename: "Oliver", legalSurname: "Bennett", yearGroup: "6"),
            Pupil(id: "B2", legalForename: "Oliver", legalSurname: "Bennett", yearGroup: "2"),
            Pupil(id: "C3", legalForename: "Olivia", legalSurname: "Bennett", yearGroup: "4"),
        ])
        let found = try #require(
            PupilIdentifier(roster: twins).identify(Person(name: "Oliver Bennett"), on: .facebook))
        #expect(found.isAmbiguous)
        #expect(found.pupil == nil)
        #expect(found.candidates.map(\.pupil.id) == ["A1", "B2"])
        #expect(abs(found.confidence - 0.9 * PupilIdentification.ambiguityFactor) < 0.001)
        #expect(found.explanation.contains("roster A1"))
        #expect(found.explanation.contains("roster B2"))
        #expect(found.explanation.contains("does not say which"))
    }

    @Test("the roster summary gives the year group and the time on roll")
    func rosterSummary() throws {
        let ollie = try #require(Self.roster.pupil(withID: "G1"))
        #expect(ollie.rosterSummary == "Year 6 on the roster, on roll since 5 September 2018")
        let lily = try #require(Self.roster.pupil(withID: "C7"))
        #expect(
            lily.rosterSummary
                == "Year 6 on the roster, on roll from 3 September 2013 to 17 July 2020")
        #expect(
            Pupil(id: "x", legalForename: "A", legalSurname: "B", yearGroup: "R").yearLabel
                == "Reception")
        #expect(
            Pupil(id: "x", legalForename: "A", legalSurname: "B", yearGroup: "Y4").yearLabel
                == "Year 4")
    }
}
