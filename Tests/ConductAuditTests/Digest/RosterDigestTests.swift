import Crypto
import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct RosterDigestTests {
    static let csv = """
        UPN,Legal Forename,Legal Surname,Preferred Forename,DOB,Leaving Date,Known Accounts
        W373247318102,Zoë,Kowalczyk,,22/04/2014,,instagram:@zoe.k2014
        G373247318101,Oliver,Bennett,Ollie,02/11/2013,,
        J1,Jordan,Reece,,15/03/2008,20/07/2019,
        """

    static func roster() throws -> Roster {
        try Roster.parse(csv: csv, file: "pupils.csv")
    }

    static let day = LocalDay(year: 2025, month: 3, day: 14)

    static func item(_ person: Person, kind: ActivityKind = .friend, at seconds: TimeInterval)
        -> TimelineItem
    {
        TimelineItem(
            platform: .facebook, kind: kind, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), counterparties: [person],
            occurredAt: Date(timeIntervalSince1970: seconds), timeBasis: .explicit,
            source: EvidenceFixture.source("friends.json", "/0"), rawFragment: "{}")
    }

    @Test("the digest holds no name, handle or date of the roster in clear")
    func noNamesOrDatesInClear() throws {
        let digest = RosterDigest(
            roster: try Self.roster(), key: RosterDigest.makeKey(), includesKey: true,
            on: try #require(Self.day))
        let json = String(decoding: try digest.jsonData(), as: UTF8.self).lowercased()
        // The keyed hashes are random hex: a "2013" inside one is chance, not a date in clear.
        let text = json.replacingOccurrences(
            of: "[0-9a-f]{16,}", with: "<hash>", options: .regularExpression)
        #expect(text.contains("<hash>"))

        for clear in [
            "zoë", "zoe", "kowalczyk", "oliver", "ollie", "bennett", "jordan", "reece", "zoe.k2014",
            "w373247318102", "2014", "2013", "2008", "2019", "22/04", "04-22", "15/03",
        ] {
            #expect(!text.contains(clear), "the digest contains \(clear)")
        }
        #expect(digest.entries.count == 3)
        #expect(digest.entries.map(\.onRoll).sorted { !$0 && $1 } == [false, true, true])
        #expect(digest.entries.first { $0.names.count == 2 } != nil)  // Oliver / Ollie Bennett
    }

    @Test("a name matches whatever its accents, case and spacing; a handle exactly, case aside")
    func matchesNormalisedNamesAndHandles() throws {
        let digest = RosterDigest(
            roster: try Self.roster(), key: RosterDigest.makeKey(), includesKey: true,
            on: try #require(Self.day))
        let matcher = try RosterDigestMatcher(digest: digest)

        #expect(matcher.match(Person(name: "zoe  KOWALCZYK")) != nil)
        #expect(matcher.match(Person(name: "Ollie Bennett")) != nil)
        #expect(matcher.match(Person(name: "Oliver Bennett")) != nil)
        #expect(matcher.match(Person(handle: "@Zoe.K2014"))?.byHandle == true)
        // Separators distinguish accounts: another person's look-alike handle is not the pupil's.
        #expect(matcher.match(Person(handle: "zoe_k2014")) == nil)
        #expect(matcher.match(Person(handle: "zoek2014")) == nil)
        #expect(matcher.match(Person(name: "Marek Kowalczyk")) == nil)
        #expect(matcher.match(Person(name: "Zoë")) == nil)
    }

    @Test("contacts carry the on-roll flag and the birth year, found by trying years")
    func contactsWithAges() throws {
        let digest = RosterDigest(
            roster: try Self.roster(), key: RosterDigest.makeKey(), includesKey: true,
            on: try #require(Self.day))
        let matcher = try RosterDigestMatcher(digest: digest)
        let timeline = Timeline(items: [
            Self.item(Person(name: "Jordan Reece"), kind: .message, at: 1_731_240_000),  // Nov 2024
            Self.item(Person(name: "Zoe Kowalczyk"), at: 1_727_000_000),
            Self.item(Person(name: "Priya Shah"), at: 1_727_000_100),
        ])

        let contacts = matcher.contacts(in: timeline, timeZone: EvidenceFixture.london)

        #expect(contacts.map(\.labels) == [["Zoe Kowalczyk"], ["Jordan Reece"]])
        #expect(contacts[0].onRoll)
        #expect(!contacts[1].onRoll)
        #expect(contacts[1].birthYear == 2008)
        #expect(contacts[1].youngestAgeByYear == 16)
    }

    @Test("with a school-held key the digest has no key; the wrong key or none is refused")
    func schoolHeldKey() throws {
        let key = RosterDigest.makeKey()
        let digest = RosterDigest(
            roster: try Self.roster(), key: key, includesKey: false, on: try #require(Self.day))
        #expect(digest.key == nil)

        #expect(throws: RosterDigestError.keyRequired("d.json")) {
            try RosterDigestMatcher(digest: digest, file: "d.json")
        }
        #expect(throws: RosterDigestError.wrongKey("d.json")) {
            try RosterDigestMatcher(digest: digest, key: RosterDigest.makeKey(), file: "d.json")
        }
        let file = RosterDigest.keyFileContents(key)
        let read = try RosterDigest.key(fromFileContents: file, file: "key")
        let matcher = try RosterDigestMatcher(digest: digest, key: read, file: "d.json")
        #expect(matcher.match(Person(name: "Jordan Reece")) != nil)
        #expect(throws: RosterDigestError.invalidKey("key")) {
            try RosterDigest.key(fromFileContents: "not a key", file: "key")
        }
    }

    @Test("a digest written and read back matches the same names; another file is refused")
    func roundTrip() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("digest.json")
        let digest = RosterDigest(
            roster: try Self.roster(), key: RosterDigest.makeKey(), includesKey: true,
            on: try #require(Self.day))
        try digest.jsonData().write(to: url)

        let loaded = try RosterDigest.load(from: url)
        #expect(loaded == digest)
        #expect(try RosterDigestMatcher(digest: loaded).match(Person(name: "Jordan Reece")) != nil)

        let other = root.appendingPathComponent("other.json")
        try Data(#"{"hello": 1}"#.utf8).write(to: other)
        #expect(throws: RosterDigestError.notADigest(other.path)) {
            try RosterDigest.load(from: other)
        }
    }
}
