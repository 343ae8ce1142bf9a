import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct PupilContactRuleTests {
    static let yaml = """
        school:
          name: Larkfield Primary School
          timezone: Europe/London
          region: england-and-wales
        working_hours:
          days: [mon, tue, wed, thu, fri]
          start: "08:30"
          end: "16:00"
          lunch: {start: "12:00", end: "13:00"}
        terms:
          - {start: 2024-01-08, end: 2024-03-28}
        staff:
          - name: Rebecca Hale
            accounts: {facebook: "Rebecca Hale", instagram: "becky.hale"}
            declared_links:
              - {pupil: "Maisie Hale", relationship: "niece"}
        """

    static let csv = """
        UPN,Legal Forename,Legal Surname,Preferred Forename,DOB,Year,Admission Date,Leaving Date,Known Accounts
        G1,Oliver,Bennett,Ollie,02/11/2013,6,05/09/2018,,instagram:ollie.bennett2013
        G5,Grace,Patel,,25/05/2015,5,04/09/2019,,
        E2,Maisie,Hale,,30/07/2017,3,01/09/2021,,
        H3,Harriet,Ellis,,01/01/2013,6,04/09/2019,19/07/2024,
        F4,Megan,Doyle,,15/10/2006,6,05/09/2011,20/07/2018,
        N5,Noah,Fletcher,,03/10/2014,5,04/09/2019,,
        L6,Leo,Nowicki,,06/01/2017,3,01/09/2025,,
        K7,Kacper,Wiśniewski,,05/05/2013,4,06/09/2017,11/02/2022,
        """

    static func configuration() throws -> AuditConfiguration {
        let school = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let roster = try Roster.parse(csv: csv, file: "pupils.csv")
        return AuditConfiguration(
            school: school, staff: staff, roster: roster,
            rules: [.pupilContact, .exPupilContact])
    }

    /// A London local time ("2024-10-14 23:30"), or nil for no time.
    static func instant(_ local: String?) throws -> Date? {
        guard let local else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let date: Date = try #require(formatter.date(from: local))
        return date
    }

    /// A Facebook item involving `with`, made by the owner unless `authored` is false.
    static func item(
        _ kind: ActivityKind, with name: String, at local: String?, authored: Bool = true,
        state: ConnectionState? = nil, text: String? = nil, title: String? = nil,
        conversation: String? = nil, platform: Platform = .facebook,
        counterparties: [Person]? = nil, author: Person? = nil,
        file: String = "activity.json", locator: String = "/0", raw: String = "{}"
    ) throws -> TimelineItem {
        TimelineItem(
            platform: platform, kind: kind, isAuthoredByOwner: authored,
            author: author ?? Person(name: authored ? "Rebecca Hale" : name),
            counterparties: counterparties ?? [Person(name: name)], text: text, title: title,
            conversation: conversation, connectionState: state,
            occurredAt: try instant(local), timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: "ab", archivePath: "fb", file: file, locator: locator),
            rawFragment: raw)
    }

    static func run(_ items: [TimelineItem]) throws -> AnalysisResult {
        Analyzer().analyze(Timeline(items: items), configuration: try configuration())
    }

    static func observations(_ items: [TimelineItem]) throws -> [ContactObservation] {
        PupilContactRule().observations(
            in: Timeline(items: items), configuration: try configuration())
    }

    // MARK: - Triggering and non-triggering examples

    /// One item, and the rule it must trigger (nil: none).
    struct Example: Sendable, CustomTestStringConvertible {
        var label: String
        var kind: ActivityKind
        var name: String
        var local: String?
        var authored = true
        var state: ConnectionState? = nil
        var title: String? = nil
        var expected: RuleID?
        var testDescription: String { label }
    }

    static let examples: [Example] = [
        // Triggering.
        Example(
            label: "friendship with a pupil", kind: .friend, name: "Ollie Bennett",
            local: "2024-09-22 20:05", state: .active, expected: .pupilContact),
        Example(
            label: "friend request sent to a pupil, accepted or not", kind: .friendRequestSent,
            name: "Grace Patel", local: "2024-10-05 21:14", state: .active,
            expected: .pupilContact),
        Example(
            label: "received request marked accepted", kind: .friendRequestReceived,
            name: "Grace Patel", local: "2024-10-05 21:14", authored: false, state: .active,
            expected: .pupilContact),
        Example(
            label: "follow", kind: .follow, name: "Noah Fletcher", local: "2025-01-11 11:20",
            state: .active, expected: .pupilContact),
        Example(
            label: "follower (either direction)", kind: .follower, name: "Noah Fletcher",
            local: "2025-01-11 11:20", authored: false, state: .active, expected: .pupilContact),
        Example(
            label: "comment on a pupil's photo", kind: .comment, name: "Noah Fletcher",
            local: "2024-09-15 18:30",
            title: "Rebecca Hale commented on Noah Fletcher's photo.", expected: .pupilContact),
        Example(
            label: "reaction to a pupil's post", kind: .reaction, name: "Noah Fletcher",
            local: "2024-09-29 17:48", expected: .pupilContact),
        Example(
            label: "mention", kind: .mention, name: "Noah Fletcher", local: "2024-09-29 17:48",
            expected: .pupilContact),
        Example(
            label: "tag", kind: .tag, name: "Noah Fletcher", local: "2024-09-29 17:48",
            expected: .pupilContact),
        Example(
            label: "removed friendship, judged on its removal day", kind: .friend,
            name: "Noah Fletcher", local: "2024-09-29 17:48", state: .removed,
            expected: .pupilContact),
        Example(
            label: "request to a former pupil aged 11", kind: .friendRequestSent,
            name: "Harriet Ellis", local: "2024-07-20 10:00", expected: .exPupilContact),
        // Not triggering.
        Example(
            label: "pending received request", kind: .friendRequestReceived, name: "Grace Patel",
            local: "2025-02-09 17:45", authored: false, state: .pending, expected: nil),
        Example(
            label: "declined received request", kind: .friendRequestReceived,
            name: "Noah Fletcher", local: "2024-12-01 10:15", authored: false, state: .rejected,
            expected: nil),
        Example(
            label: "adult sharing a pupil's first name", kind: .friend, name: "Grace Thompson",
            local: "2010-02-14 19:57", state: .active, expected: nil),
        Example(
            label: "first name alone", kind: .friendRequestSent, name: "Grace",
            local: "2024-10-05 21:14", expected: nil),
        Example(
            label: "a post on her timeline by the pupil", kind: .post, name: "Noah Fletcher",
            local: "2024-10-05 21:14", authored: false, expected: nil),
        Example(
            label: "former pupil already an adult", kind: .friend, name: "Megan Doyle",
            local: "2024-10-16 19:00", state: .active, expected: nil),
        Example(
            label: "a child before admission", kind: .friendRequestSent, name: "Leo Nowicki",
            local: "2024-10-05 21:14", expected: nil),
    ]

    @Test("triggering and non-triggering examples", arguments: examples)
    func example(_ example: Example) throws {
        let item = try Self.item(
            example.kind, with: example.name, at: example.local, authored: example.authored,
            state: example.state, title: example.title)
        let findings = try Self.run([item]).findings
        #expect(findings.map(\.rule) == (example.expected.map { [$0] } ?? []), "\(example.label)")
    }

    // MARK: - Boundaries

    @Test(
        "a former pupil is under 18 the day before the 18th birthday and not on it, by local date",
        arguments: [
            ("2024-10-14 10:00", true),
            ("2024-10-14 23:30", true),  // 22:30 UTC, still the 14th in London
            ("2024-10-15 00:30", false),  // 23:30 UTC on the 14th, but the 15th in London
            ("2024-10-15 19:00", false),
        ])
    func eighteenthBirthday(local: String, flagged: Bool) throws {
        let result = try Self.run([
            try Self.item(.friendRequestSent, with: "Megan Doyle", at: local)
        ])
        #expect(result.findings.map(\.rule) == (flagged ? [.exPupilContact] : []))
        if flagged {
            let explanation = try #require(result.findings.first?.explanation)
            #expect(explanation.contains("had left the school on 20 July 2018 and was 17"))
            #expect(explanation.contains("born 15 October 2006"))
        } else {
            let note = try #require(
                try Self.observations([
                    try Self.item(.friendRequestSent, with: "Megan Doyle", at: local)
                ]).first?.note)
            #expect(note.contains("was 18"))
        }
    }

    @Test(
        "on roll from the admission day to the leaving day; a former pupil the day after",
        arguments: [
            ("2019-09-03 18:00", nil),  // the day before admission
            ("2019-09-04 18:00", RuleID.pupilContact),  // admission day
            ("2024-07-19 18:00", RuleID.pupilContact),  // leaving day: still on roll
            ("2024-07-20 18:00", RuleID.exPupilContact),  // the day after: former pupil, 11
        ])
    func onRollBoundaries(local: String, expected: RuleID?) throws {
        let findings = try Self.run([
            try Self.item(.friendRequestSent, with: "Harriet Ellis", at: local)
        ]).findings
        #expect(findings.map(\.rule) == (expected.map { [$0] } ?? []))
    }

    // MARK: - Requests, connections, time

    @Test("pending and declined requests are observations, not findings")
    func pendingRequests() throws {
        let items = [
            try Self.item(
                .friendRequestReceived, with: "Grace Patel", at: "2025-02-09 17:45",
                authored: false, state: .pending),
            try Self.item(
                .friendRequestReceived, with: "Noah Fletcher", at: "2024-12-01 10:15",
                authored: false, state: .rejected),
        ]
        #expect(try Self.run(items).findings.isEmpty)
        let observations = try Self.observations(items)
        #expect(observations.map(\.counterparty.rosterID) == ["N5", "G5"])
        #expect(observations[0].note.contains("declined"))
        #expect(observations[1].note.contains("has not accepted"))
    }

    @Test(
        "a received request with a friendship: the friendship is the finding and cites the request")
    func acceptedRequest() throws {
        let request = try Self.item(
            .friendRequestReceived, with: "Grace Patel", at: "2024-09-01 10:00", authored: false,
            state: .pending, file: "received.json")
        let friendship = try Self.item(
            .friend, with: "Grace Patel", at: "2024-09-02 10:00", authored: false, state: .active,
            file: "friends.json")
        let findings = try Self.run([request, friendship]).findings
        #expect(findings.count == 1)
        #expect(findings.first?.source.file == "friends.json")
        #expect(findings.first?.supportingItems == [request.id])
        #expect(try Self.observations([request, friendship]).isEmpty)
    }

    @Test("a connection begun before admission counts once the child is on roll while it stands")
    func connectionBeforeAdmission() throws {
        // Leo Nowicki is admitted on 1 September 2025; the archive's latest item is later.
        let friendship = try Self.item(
            .friend, with: "Leo Nowicki", at: "2024-06-01 10:00", state: .active)
        let later = try Self.item(
            .post, with: "Someone", at: "2025-10-01 10:00", counterparties: [])
        let findings = try Self.run([friendship, later]).findings
        let finding = try #require(findings.first)
        #expect(finding.rule == .pupilContact)
        #expect(finding.confidence < 0.9)
        #expect(
            finding.explanation.contains(
                "began before Leo Nowicki was admitted on 1 September 2025"))
        // Without a later dated item nothing shows the friendship still stood after admission.
        #expect(try Self.run([friendship]).findings.isEmpty)
    }

    @Test(
        "an untimed follower counts only when the pupil was on roll, or a child, at any time it could be"
    )
    func untimedConnections() throws {
        let dated = try Self.item(
            .post, with: "Someone", at: "2025-03-01 10:00", counterparties: [])
        let current = try Self.item(
            .follower, with: "Noah Fletcher", at: nil, authored: false, state: .active,
            locator: "/1")
        let formerChild = try Self.item(
            .follower, with: "Harriet Ellis", at: nil, authored: false, state: .active,
            locator: "/2")
        let formerAdult = try Self.item(
            .follower, with: "Megan Doyle", at: nil, authored: false, state: .active,
            locator: "/3")
        let findings = try Self.run([dated, current, formerChild, formerAdult]).findings
        let byPupil = Dictionary(grouping: findings) { $0.counterparty?.rosterID ?? "" }
        #expect(Set(byPupil.keys) == ["N5", "H3"])
        let onRoll = try #require(byPupil["N5"]?.first)
        #expect(onRoll.rule == .pupilContact)
        #expect(abs(onRoll.confidence - 0.765) < 0.01)  // 0.90 × 0.85
        #expect(onRoll.occurredAt == nil)
        #expect(onRoll.explanation.contains("listed when the export was made"))
        // Harriet left in July 2024 and was 12 on the latest dated day: the follow stood while
        // she was a child.
        let exPupil = try #require(byPupil["H3"]?.first)
        #expect(exPupil.rule == .exPupilContact)
        #expect(exPupil.explanation.contains("still listed when the export was made"))
        // Megan was over 18 on the latest dated day: nothing shows the follow began earlier.
        let notes = try Self.observations([dated, current, formerChild, formerAdult])
        #expect(notes.map(\.counterparty.rosterID) == ["F4"])
        #expect(notes.first?.note.contains("gives no time") == true)
    }

    // MARK: - Messages

    @Test("every message of a thread she wrote in is a finding; a thread she never answered is not")
    func messageThreads() throws {
        let thread = "messages/inbox/olliebennett_1/message_1.json"
        let ollie = [
            try Self.item(
                .message, with: "Ollie Bennett", at: "2024-11-16 19:02", authored: false,
                conversation: "Ollie Bennett", file: thread, locator: "/messages/2"),
            try Self.item(
                .message, with: "Ollie Bennett", at: "2024-11-16 19:10",
                conversation: "Ollie Bennett", file: thread, locator: "/messages/1"),
            try Self.item(
                .message, with: "Ollie Bennett", at: "2024-11-16 19:11", authored: false,
                conversation: "Ollie Bennett", file: thread, locator: "/messages/0"),
        ]
        let unanswered = "messages/inbox/noahfletcher_2/message_1.json"
        let noah = try Self.item(
            .message, with: "Noah Fletcher", at: "2024-11-17 19:02", authored: false,
            conversation: "Noah Fletcher", file: unanswered, locator: "/messages/0")
        let result = try Self.run(ollie + [noah])
        #expect(
            result.findings.map(\.source.locator) == ["/messages/2", "/messages/1", "/messages/0"])
        #expect(result.findings.allSatisfy { $0.severity == .high && $0.rule == .pupilContact })
        #expect(result.findings.first?.supportingItems == [ollie[1].id])
        #expect(
            result.findings.first?.explanation.contains(
                "in a conversation in which Rebecca Hale also wrote") == true)
        #expect(result.incidents.count == 1)
        #expect(
            result.incidents.first?.title
                == "Contact with pupil Oliver Bennett (Year 6 on the roster) on Facebook (3 items)")
        let notes = try Self.observations(ollie + [noah])
        #expect(notes.map(\.counterparty.rosterID) == ["N5"])
        #expect(notes.first?.note.contains("never wrote") == true)
    }

    @Test("a pupil named in the text of a chat among adults is not contact")
    func pupilNamedInAdultChat() throws {
        let adults = [Person(name: "Grace Thompson"), Person(name: "Zoë Fairfax")]
        let message = try Self.item(
            .message, with: "", at: "2024-11-20 20:14", text: "Poor Grace Patel in my class…",
            conversation: "Prosecco Club", counterparties: adults)
        #expect(try Self.run([message]).findings.isEmpty)
    }

    // MARK: - Identity, declared links, incidents

    @Test("a declared family link gives status declared and says so")
    func declaredLink() throws {
        let finding = try #require(
            try Self.run([
                try Self.item(.friend, with: "Maisie Hale", at: "2024-08-10 15:20", state: .active)
            ]).findings.first)
        #expect(finding.status == .declared)
        #expect(finding.rule == .pupilContact)
        #expect(finding.explanation.contains("has declared Maisie Hale (niece) to the headteacher"))
        let other = try #require(
            try Self.run([
                try Self.item(
                    .friend, with: "Ollie Bennett", at: "2024-08-10 15:20", state: .active)
            ]).findings.first)
        #expect(other.status == .open)
    }

    @Test("the finding names the person as the source does, with roster id and why")
    func counterparty() throws {
        let item = try Self.item(
            .follow, with: "", at: "2024-08-10 15:20", state: .active, platform: .instagram,
            counterparties: [Person(name: "ollie ⚽", handle: "ollie.bennett2013")])
        let finding = try #require(try Self.run([item]).findings.first)
        #expect(
            finding.counterparty
                == FindingCounterparty(
                    name: "ollie ⚽", handle: "ollie.bennett2013", rosterID: "G1",
                    matchExplanation:
                        "@ollie.bennett2013 is listed in the roster as Oliver Bennett's Instagram account; Year 6 on the roster, on roll since 5 September 2018"
                ))
        #expect(finding.confidence == 0.97)
        #expect(finding.incidentKey.hasPrefix("instagram|G1|"))
    }

    @Test("one incident per pupil per platform, in time order, with stable ids")
    func incidents() throws {
        let items = [
            try Self.item(.reaction, with: "Ollie Bennett", at: "2024-09-29 17:48", locator: "/2"),
            try Self.item(.friend, with: "Ollie Bennett", at: "2024-09-22 20:05", state: .active),
            try Self.item(
                .follow, with: "", at: "2024-10-01 10:00", state: .active, platform: .instagram,
                counterparties: [Person(handle: "ollie.bennett2013")]),
            try Self.item(
                .friend, with: "Grace Patel", at: "2024-09-23 20:05", state: .active, locator: "/3"),
        ]
        let first = try Self.run(items)
        let second = try Self.run(items.reversed())
        #expect(first.findings.map(\.id) == second.findings.map(\.id))
        #expect(Set(first.findings.map(\.id)).count == 4)
        #expect(
            first.incidents.map(\.title) == [
                "Contact with pupil Oliver Bennett (Year 6 on the roster) on Facebook (2 items)",
                "Contact with pupil Grace Patel (Year 5 on the roster) on Facebook (1 item)",
                "Contact with pupil Oliver Bennett (Year 6 on the roster) on Instagram (1 item)",
            ])
        let facebook = try #require(first.incidents.first)
        #expect(
            facebook.findings == first.findings.filter { $0.incidentKey == facebook.key }.map(\.id))
        #expect(first.findings.first?.activity == .friend)
    }

    @Test("a tagged pupil's finding cites the tag in the post, repairing Meta's mojibake")
    func tagLocator() throws {
        let raw =
            #"{"tags":[{"name":"Grace Thompson"},{"name":"Oliver Benn\u00c3\u00a9tt"}],"timestamp":1}"#
        let post = try Self.item(
            .post, with: "", at: "2024-06-27 16:40",
            counterparties: [Person(name: "Grace Thompson"), Person(name: "Oliver Bennétt")],
            locator: "/14", raw: raw)
        let finding = try #require(try Self.run([post]).findings.first)
        #expect(finding.activity == .tag)
        #expect(finding.source.locator == "/14/tags/1")
        #expect(
            finding.explanation.hasPrefix("Rebecca Hale tagged Oliver Bennétt in a Facebook post"))
    }

    @Test("an ambiguous identity is reported with both candidates and lower confidence")
    func ambiguousIdentity() throws {
        var configuration = try Self.configuration()
        configuration.roster.pupils.append(
            Pupil(
                id: "G9", legalForename: "Grace", legalSurname: "Patel",
                dateOfBirth: LocalDay(iso: "2017-01-01"), yearGroup: "3",
                admissionDate: LocalDay(iso: "2021-09-01")))
        let item = try Self.item(
            .friend, with: "Grace Patel", at: "2024-09-22 20:05", state: .active)
        let result = Analyzer().analyze(Timeline(items: [item]), configuration: configuration)
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.counterparty?.rosterID == nil)
        #expect(finding.confidence == 0.54)
        #expect(finding.explanation.contains("If this is Grace Patel (roster G5)"))
        #expect(finding.explanation.contains("If this is Grace Patel (roster G9)"))
        #expect(result.incidents.first?.title.contains("identity uncertain") == true)
    }
}
