import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// A name is not a person: a colleague who shares a pupil's full name, on every platform.
@Suite struct IdentityWeighingTests {
    static let yaml = """
        school:
          name: Larkfield Primary School
          timezone: Europe/London
          region: england-and-wales
        working_hours:
          days: [mon, tue, wed, thu, fri]
          start: "08:30"
          end: "16:00"
        terms:
          - {start: 2024-09-03, end: 2024-12-20}
        staff:
          - name: Rebecca Hale
            accounts: {facebook: "Rebecca Hale", twitter: "beckyhale", whatsapp: "+44 7700 900123"}
          - name: Oliver Bennett
            role: PE teacher
            accounts:
              facebook: "Oliver Bennett"
              instagram: "obennett.pe"
              twitter: "obennett_pe"
              whatsapp: "+44 7700 900999"
        known_adults:
          - {name: Sarah Bennett, role: parent of Oliver Bennett, accounts: {whatsapp: "+44 7700 900555"}}
        """

    static let csv = """
        UPN,Legal Forename,Legal Surname,Preferred Forename,DOB,Year,Admission Date,Leaving Date,Known Accounts
        G1,Oliver,Bennett,Ollie,02/11/2013,6,05/09/2018,,instagram:ollie.bennett2013
        G5,Grace,Patel,,25/05/2015,5,04/09/2019,,
        """

    static func configuration(yaml: String = yaml) throws -> AuditConfiguration {
        let school = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let roster = try Roster.parse(csv: csv, file: "pupils.csv")
        return AuditConfiguration(
            school: school, staff: staff, roster: roster, rules: [.pupilContact, .exPupilContact])
    }

    static func item(
        _ platform: Platform, _ kind: ActivityKind, with person: Person, at local: String,
        authored: Bool = true, author: Person? = nil, text: String? = nil,
        counterparties: [Person]? = nil, conversation: String? = nil, line: Int = 0
    ) throws -> TimelineItem {
        TimelineItem(
            platform: platform, kind: kind, isAuthoredByOwner: authored,
            author: author ?? (authored ? Person(name: "Rebecca Hale") : person),
            counterparties: counterparties ?? [person], text: text, conversation: conversation,
            connectionState: kind == .message || kind == .post ? nil : .active,
            occurredAt: try PupilContactRuleTests.instant(local), timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: platform.rawValue, archivePath: platform.rawValue,
                file: "\(platform.rawValue).json", locator: "line \(line)"),
            rawFragment: "{}")
    }

    static func analyze(_ items: [TimelineItem], yaml: String = yaml) throws
        -> PupilContactAnalysis
    {
        PupilContactAnalysis(
            timeline: Timeline(items: items), configuration: try configuration(yaml: yaml))
    }

    static let colleagueOnX = Person(
        name: "Oliver Bennett", handle: "obennett_pe", accountID: "777")

    /// The colleague on every platform, and the pupil through his listed Instagram account.
    static func colleagueEverywhere() throws -> [TimelineItem] {
        [
            // Facebook friendship that began years before the pupil was born.
            try item(
                .facebook, .friend, with: Person(name: "Oliver Bennett"), at: "2009-05-03 20:00"),
            // X: a mention of the colleague's own handle (which also gives his id), direct
            // messages by id only about the staff football, a follow and a follower.
            try item(
                .twitter, .post, with: colleagueOnX, at: "2024-09-20 19:00",
                text: "Great game tonight @obennett_pe"),
            try item(
                .twitter, .message, with: Person(accountID: "777"), at: "2024-09-21 18:00",
                text: "Staff football on Thursday?", conversation: "777-1"),
            try item(
                .twitter, .message, with: Person(accountID: "777"), at: "2024-09-21 18:05",
                authored: false, text: "Yes, see you there", conversation: "777-1", line: 1),
            try item(
                .twitter, .follow, with: Person(name: "Oliver Bennett", handle: "obennett_pe"),
                at: "2024-09-22 10:00"),
            try item(
                .twitter, .follower, with: Person(name: "Oliver Bennett", handle: "obennett_pe"),
                at: "2024-09-22 10:01", authored: false),
            // Instagram: the colleague's account follows her; the pupil's listed account too.
            try item(
                .instagram, .follower, with: Person(name: "Oliver Bennett", handle: "obennett.pe"),
                at: "2024-10-01 17:00", authored: false),
            try item(
                .instagram, .follower,
                with: Person(name: "Ollie Bennett", handle: "ollie.bennett2013"),
                at: "2024-10-02 17:00", authored: false),
            // WhatsApp: the colleague's number.
            try item(
                .whatsapp, .message, with: Person(accountID: "+44 7700 900999"),
                at: "2024-10-03 20:00", text: "Can you cover my duty?", conversation: "Oliver"),
        ]
    }

    @Test("the same-name colleague raises no finding on any platform; the pupil still does")
    func colleagueEverywhereIsNotThePupil() throws {
        let analysis = try Self.analyze(Self.colleagueEverywhere())
        #expect(analysis.findings.count == 1)
        let finding = try #require(analysis.findings.first)
        #expect(finding.platform == .instagram)
        #expect(finding.counterparty?.handle == "ollie.bennett2013")
        #expect(finding.counterparty?.rosterID == "G1")
        // Each platform's colleague is noted once, with the evidence that rules him out.
        let notes = analysis.observations.filter { $0.note.hasPrefix("Not taken for a pupil") }
        #expect(Set(notes.map(\.platform)) == [.facebook, .twitter, .instagram])
        let facebook = try #require(notes.first { $0.platform == .facebook })
        #expect(
            facebook.note.contains(
                "listed in school.yaml as the Facebook account of Oliver Bennett (staff, PE teacher)"
            ))
        #expect(facebook.note.contains("before Oliver Bennett was born (2 November 2013)"))
    }

    @Test("without the colleague listed, each platform's name match is a finding (the control)")
    func withoutTheColleagueListed() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "\n      twitter: \"obennett_pe\"", with: "")
        #expect(yaml != Self.yaml)
        let items = try Self.colleagueEverywhere().filter { $0.platform == .twitter }
        let analysis = try Self.analyze(items, yaml: yaml)
        // An adult of the same name with no X account listed only weakens the match.
        #expect(analysis.findings.count == 5)
        for finding in analysis.findings {
            #expect(finding.confidence < 0.9)
            #expect(finding.explanation.contains("an adult of the same name"))
            #expect(finding.explanation.contains("Staff football") || finding.activity != .message)
        }
    }

    @Test("an interaction before the pupil was born rules a name match out")
    func beforeBirth() throws {
        let before = try Self.item(
            .facebook, .friend, with: Person(name: "Grace Patel"), at: "2012-03-01 12:00")
        let after = try Self.item(
            .facebook, .friend, with: Person(name: "Grace Patel"), at: "2024-10-01 12:00")
        #expect(try Self.analyze([before]).findings.isEmpty)
        let note = try #require(try Self.analyze([before]).observations.first?.note)
        #expect(note.contains("before Grace Patel was born (25 May 2015)"))
        #expect(try Self.analyze([after]).findings.count == 1)
    }

    @Test("a toddler holds no account: a friendship when the pupil was 1 rules the match out")
    func tooYoung() throws {
        let early = try Self.item(
            .facebook, .friend, with: Person(name: "Grace Patel"), at: "2016-06-01 12:00")
        let analysis = try Self.analyze([early])
        #expect(analysis.findings.isEmpty)
        #expect(
            analysis.observations.first?.note.contains("when Grace Patel was 1, too young") == true)
    }

    @Test("ages: a birthday she wishes is theirs; an age they state is theirs; hers are not")
    func statedAges() {
        var clues = ConversationClues()
        clues.read("Happy 40th! Have a good one", isByOwner: true)
        clues.read("I'm 38 next week, don't remind me", isByOwner: true)
        clues.read("Year 9 2025 had 30 of us", isByOwner: false)
        #expect(clues.statedAges == [40])
        clues.read("I turned 35 yesterday", isByOwner: false)
        #expect(clues.statedAges == [40, 35])
        clues.read("Staff football at the pub after", isByOwner: false)
        #expect(clues.adultWords == ["Staff football", "the pub"])
    }

    @Test("an adult's age in the conversation rules the pupil out; school words support her")
    func conversationClues() throws {
        let grace = Person(name: "Grace Patel")
        let birthday = try Self.item(
            .facebook, .message, with: grace, at: "2024-10-01 19:00",
            text: "Happy 40th birthday! Drinks on Friday?", conversation: "Grace Patel")
        #expect(try Self.analyze([birthday]).findings.isEmpty)
        let homework = try Self.item(
            .facebook, .message, with: grace, at: "2024-10-01 19:00",
            text: "Don't forget your homework for Year 5 tomorrow", conversation: "Grace Patel")
        let finding = try #require(try Self.analyze([homework]).findings.first)
        #expect(finding.confidence == 0.9)
        #expect(
            finding.explanation.contains("also for Grace Patel: the conversation uses school words")
        )
    }

    @Test("a contradicted match with support is kept at lower confidence, both ways stated")
    func contradictedButSupported() throws {
        // The roster lists the number for the pupil, and school.yaml lists it for his mother.
        let weighing = IdentityWeighing(
            adults: try Self.configuration().school.adults(except: "Rebecca Hale"),
            zone: TimeZone(identifier: "Europe/London") ?? .gmt)
        let roster = try Roster.parse(
            csv: """
                UPN,Legal Forename,Legal Surname,Preferred Forename,DOB,Year,Admission Date,Leaving Date,Known Accounts
                G1,Oliver,Bennett,,02/11/2013,6,05/09/2018,,whatsapp:+44 7700 900555
                """, file: "pupils.csv")
        let identifier = PupilIdentifier(roster: roster)
        let person = Person(accountID: "+44 7700 900555")
        let identification = try #require(identifier.identify(person, on: .whatsapp))
        let outcome = weighing.weigh(
            identification, .init(person: person, platform: .whatsapp))
        guard case .accepted(let weighed) = outcome else {
            Issue.record("expected a weaker identification, got \(outcome)")
            return
        }
        #expect(abs(weighed.confidence - 0.485) < 0.011)  // 0.97 × 0.5
        #expect(
            weighed.explanation.contains("Sarah Bennett (known adult, parent of Oliver Bennett)"))
        #expect(weighed.explanation.contains("for: "))
    }

    @Test("a photo tagging the colleague's listed account is not a child identified; the pupil is")
    func taggedColleague() throws {
        func photo(tagging name: String) throws -> TimelineItem {
            var post = try Self.item(
                .facebook, .post, with: Person(name: name), at: "2024-10-05 20:00",
                text: "Five-a-side champions")
            post.attachments = [Attachment(kind: .photo, uri: "photos/1.jpg")]
            return post
        }
        let rule = ChildIdentificationRule()
        let configuration = try Self.configuration()
        let colleague = rule.findings(
            in: Timeline(items: [try photo(tagging: "Oliver Bennett")]),
            configuration: configuration)
        #expect(colleague.isEmpty)
        let pupil = rule.findings(
            in: Timeline(items: [try photo(tagging: "Grace Patel")]), configuration: configuration)
        #expect(pupil.count == 1)
        // The colleague's full name in the text is the colleague, not the child.
        var named = try photo(tagging: "Dan Price")
        named.text = "Well done Oliver Bennett, star of the match!"
        #expect(rule.findings(in: Timeline(items: [named]), configuration: configuration).isEmpty)
        named.text = "Well done Grace Patel, star of the match!"
        let grace = rule.findings(in: Timeline(items: [named]), configuration: configuration)
        #expect(grace.count == 1)
    }

    // MARK: - Group chats

    static let sarah = Person(name: "Sarah Bennett")
    static let ollie = Person(name: "Ollie Bennett")
    static let dan = Person(name: "Dan Price")

    static func groupLine(
        _ author: Person?, _ local: String, _ text: String, line: Int
    ) throws -> TimelineItem {
        let members = [sarah, ollie, dan]
        return try item(
            .whatsapp, .message, with: ollie, at: local, authored: author == nil,
            author: author ?? Person(name: "Rebecca Hale"), text: text,
            counterparties: members, conversation: "Football club", line: line)
    }

    @Test(
        "group chat: contact counts from the pupil's first message, and only her lines or lines to her"
    )
    func groupMembership() throws {
        let items = [
            try Self.groupLine(nil, "2024-10-05 10:00", "Training moved to 11 tomorrow", line: 1),
            try Self.groupLine(
                Self.sarah, "2024-10-05 10:02", "Thanks! Ollie will be there", line: 2),
            try Self.groupLine(nil, "2024-10-05 10:03", "Great, see you Sunday Ollie", line: 20),
            try Self.groupLine(Self.ollie, "2024-10-05 10:05", "hi everyone", line: 3),
            try Self.groupLine(nil, "2024-10-05 10:10", "Welcome Ollie, bring boots", line: 4),
            try Self.groupLine(Self.sarah, "2024-10-05 10:12", "He will, cheers", line: 5),
            try Self.groupLine(Self.ollie, "2024-10-05 10:15", "thanks Rebecca", line: 6),
            try Self.groupLine(Self.dan, "2024-10-05 10:16", "See you all there", line: 7),
        ]
        let analysis = try Self.analyze(items)
        #expect(analysis.findings.map(\.source.locator) == ["line 20", "line 4", "line 6"])
        #expect(analysis.findings[0].explanation.contains("greets Ollie Bennett by name ('Ollie')"))
        #expect(
            analysis.findings[1].explanation.contains(
                "counted as a member from their first message in it"))
        #expect(
            analysis.findings.last?.explanation.contains("addressed to Rebecca Hale ('Rebecca')")
                == true)
        // The pupil's own line not addressed to her is noted; the parent's lines are not contact.
        #expect(analysis.observations.map(\.source.locator) == ["line 3"])
    }
}
