import Foundation
import GRDB
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// One item per real event however many copies are given: the bundled Facebook sample's JSON and
/// HTML downloads, alone or together, and messages-only downloads without a profile.
@Suite struct CrossArchiveCopyTests {
    static let samples = ReviewWorkflowTests.samples
    static let json = "facebook-rebeccahale-2025-03-14"
    static let html = "facebook-rebeccahale-2025-03-14-html"

    /// The sample staff member's accounts as import hints, with her name for Messenger threads.
    static func hints() throws -> [Platform: [String]] {
        let staff = try ReviewWorkflowTests.configuration().staff
        var hints: [Platform: [String]] = [:]
        for (platform, account) in staff.accounts { hints[platform, default: []].append(account) }
        hints[.facebook, default: []].append(staff.name)
        return hints
    }

    /// A case holding the archives at `urls`, imported in this order.
    static func audit(_ urls: [URL]) throws -> (CaseDatabase, CaseAnalysis, [ImportedArchive]) {
        let database = try CaseDatabase.makeInMemory()
        var archives: [ImportedArchive] = []
        for url in urls {
            let result = try ImportStage().importArchive(
                at: url, localTimeZone: EvidenceFixture.london, ownerHints: hints())
            try database.store(result.archive, items: result.items)
            archives.append(result.archive)
        }
        return (database, try database.analyse(with: ReviewWorkflowTests.configuration()), archives)
    }

    /// What a finding says, whichever copy its item was stored from (the activity aside: an
    /// HTML page calls a tag in a post a post).
    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { finding in
            let minute = finding.occurredAt.map { Int($0.timeIntervalSince1970 / 60) } ?? -1
            return
                "\(finding.rule) \(minute) \(finding.counterparty?.name ?? "-") \(finding.status)"
        }.sorted()
    }

    @Test("the JSON and HTML downloads given together give exactly the findings of one of them")
    func twinsGiveOneSetOfFindings() throws {
        let jsonURL = Self.samples.appendingPathComponent(Self.json)
        let htmlURL = Self.samples.appendingPathComponent(Self.html)
        let (_, jsonAlone, _) = try Self.audit([jsonURL])
        let (_, htmlAlone, _) = try Self.audit([htmlURL])
        #expect(jsonAlone.findings.count == 32)
        #expect(htmlAlone.findings.count == 32)

        let (database, both, _) = try Self.audit([jsonURL, htmlURL])
        #expect(both.findings.count == jsonAlone.findings.count)
        #expect(Set(both.findings.map(\.id)) == Set(jsonAlone.findings.map(\.id)))
        #expect(Self.summary(both.findings) == Self.summary(htmlAlone.findings))
        #expect(try database.timeline().items.count == 90)

        // The other order keeps the HTML copies and finds the same.
        let (_, reversed, _) = try Self.audit([htmlURL, jsonURL])
        #expect(Set(reversed.findings.map(\.id)) == Set(htmlAlone.findings.map(\.id)))
    }

    @Test("every source of an event is kept and shown in the evidence")
    func everySourceIsKept() throws {
        let (database, analysis, archives) = try Self.audit([
            Self.samples.appendingPathComponent(Self.json),
            Self.samples.appendingPathComponent(Self.html),
        ])
        let finding = try #require(analysis.findings.first { $0.activity == .message })
        let sources = try database.sources(of: finding.item)
        #expect(Set(sources.map(\.archiveSHA256)) == Set(archives.map(\.sha256)))
        #expect(sources.contains { $0.file.hasSuffix("message_1.html") })

        let bundle = try ReviewWorkflowTests.bundle(
            analysis, database: database, archives: archives,
            configuration: ReviewWorkflowTests.configuration())
        let further = try #require(bundle.furtherSources[finding.item])
        #expect(further.map(\.archiveSHA256) == [archives[1].sha256])

        // The incident page cites the other copy beside the item's own source.
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try EvidenceWriter().write(bundle, to: folder.appendingPathComponent("evidence"))
        let incident = try #require(
            analysis.incidents.first { $0.findings.contains(finding.id) })
        let page = try EvidenceFixture.text(
            folder.appendingPathComponent("evidence/\(incident.id)/incident.html"))
        #expect(page.contains("Also in another copy (kept once, not counted twice)"))
        #expect(page.contains(archives[1].sha256))
    }

    @Test("two identical messages of one download stay two; a third copy elsewhere matches one")
    func matchingIsAcrossArchivesOnly() throws {
        let database = try CaseDatabase.makeInMemory()
        func message(_ archive: String, _ locator: String, seconds: Double) -> TimelineItem {
            TimelineItem(
                platform: .facebook, kind: .message, isAuthoredByOwner: true,
                author: Person(name: "Rebecca Hale"),
                counterparties: [Person(name: "Ollie Bennett")],
                text: "ok", conversation: "Ollie Bennett",
                occurredAt: Date(timeIntervalSince1970: 1_731_700_000 + seconds),
                timeBasis: .explicit,
                source: SourceReference(
                    archiveSHA256: archive, archivePath: archive, file: "message_1",
                    locator: locator),
                rawFragment: "{}")
        }
        let first = ImportedArchive(
            path: "a", sha256: "a", platform: .facebook, variant: .json, owner: nil)
        let second = ImportedArchive(
            path: "b", sha256: "b", platform: .facebook, variant: .html, owner: nil)
        try database.store(
            first,
            items: [
                message("a", "/messages/0", seconds: 0.1),
                message("a", "/messages/1", seconds: 0.2),
            ])
        // The HTML copy has whole seconds only, and holds one of the two.
        try database.store(second, items: [message("b", "/div[1]", seconds: 0)])
        let items = try database.timeline().items
        #expect(items.count == 2)
        let sources = try items.map { try database.sources(of: $0.id).count }.sorted()
        #expect(sources == [1, 2])
    }

    @Test("the secure-storage download overlapping the main download adds only what is new")
    func secureStorageOverlap() throws {
        let folder = try TemporaryFolder.make("secure-storage")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two messages the main download holds (with seconds only) and one it does not.
        let thread = """
            {"participants": ["Rebecca Hale", "Ollie Bennett"], "threadName": "Ollie Bennett",
             "messages": [
              {"senderName": "Rebecca Hale", "timestamp": 1731784240000, "text": "Hi Ollie! Hope Year 6 is going well. You shouldn’t really message me on here though, see you at school 🙂", "media": []},
              {"senderName": "Ollie Bennett", "timestamp": 1731784318000, "text": "ok sorry miss 👍", "media": []},
              {"senderName": "Rebecca Hale", "timestamp": 1741000000000, "text": "Come and find me at lunch tomorrow", "media": []}
             ]}
            """
        let secure = folder.appendingPathComponent("messenger-secure-storage")
        try FileManager.default.createDirectory(at: secure, withIntermediateDirectories: true)
        try Data(thread.utf8).write(to: secure.appendingPathComponent("Ollie Bennett_1.json"))
        let main = Self.samples.appendingPathComponent(Self.json)
        let (database, both, archives) = try Self.audit([main, secure])
        #expect(archives[1].owner?.name == "Rebecca Hale")
        #expect(archives[1].coverage.map(\.section) == [FacebookSection.encryptedMessenger.title])
        let (_, mainAlone, _) = try Self.audit([main])
        #expect(try database.timeline().items.count == 91)
        // The shared messages' findings are not doubled; what is new is found once.
        let added = both.findings.filter { !Set(mainAlone.findings.map(\.id)).contains($0.id) }
        #expect(Set(mainAlone.findings.map(\.id)).isSubset(of: Set(both.findings.map(\.id))))
        #expect(!added.isEmpty)
        #expect(added.allSatisfy { $0.occurredAt == Date(timeIntervalSince1970: 1_741_000_000) })
        let spots = try database.blindSpots(of: archives)
        #expect(
            spots[archives[0].sha256]?.first?.what.contains("was given with it and is read") == true
        )
    }

    @Test("keys given to stored rows are the keys of the items they store")
    func storedKeysMatchItemKeys() throws {
        let database = try CaseDatabase.makeInMemory()
        func item(
            _ kind: ActivityKind, author: Person?, others: [Person], text: String?, at: Double?,
            _ locator: String
        )
            -> TimelineItem
        {
            TimelineItem(
                platform: .facebook, kind: kind, isAuthoredByOwner: false, author: author,
                counterparties: others, text: text, conversation: "Ciarán & co",
                connectionState: kind.isConnection ? .active : nil,
                occurredAt: at.map { Date(timeIntervalSince1970: $0) }, timeBasis: .explicit,
                source: SourceReference(
                    archiveSHA256: "a", archivePath: "a", file: "f", locator: locator),
                rawFragment: "{}")
        }
        let items = [
            item(
                .message, author: Person(name: "Siobhán Ní Bhriain"), others: [Person(handle: "x")],
                text: "Grand, ta!", at: 1_700_000_000, "/0"),
            item(.message, author: nil, others: [Person()], text: nil, at: 1_700_000_100, "/1"),
            item(
                .comment, author: Person(accountID: "42"),
                others: [Person(name: "A"), Person(name: "B")], text: "ok", at: 1_700_000_200, "/2"),
            item(.follower, author: nil, others: [Person(name: "Zoë")], text: nil, at: nil, "/3"),
            item(.profile, author: Person(name: "R"), others: [], text: "Name: R", at: nil, "/4"),
        ]
        try database.store(
            ImportedArchive(
                path: "a", sha256: "a", platform: .facebook, variant: .json, owner: nil),
            items: items)
        // A second archive of the platform makes the case key the first one's rows.
        var other = item(.post, author: nil, others: [], text: "elsewhere", at: 1_600_000_000, "/9")
        other.source.archiveSHA256 = "b"
        try database.store(
            ImportedArchive(
                path: "b", sha256: "b", platform: .facebook, variant: .html, owner: nil),
            items: [other])
        let stored = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, match_key FROM item")
        }
        let keys = Dictionary(
            uniqueKeysWithValues: stored.map { (String($0["id"]), $0["match_key"] as String?) })
        for item in items {
            #expect(keys[item.id.rawValue] == ItemMatchKey.key(of: item), "\(item.kind)")
            #expect(keys[item.id.rawValue] != nil)
        }
    }

    @Test(
        "a messages-only download without a profile is owned by the one person in every thread, JSON and HTML alike"
    )
    func messagesOnlyDownloads() throws {
        let folder = try TemporaryFolder.make("messages-only")
        defer { try? FileManager.default.removeItem(at: folder) }
        var urls: [URL] = []
        for name in [Self.json, Self.html] {
            let target = folder.appendingPathComponent(name).appendingPathComponent(
                "your_facebook_activity")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.samples.appendingPathComponent(name)
                    .appendingPathComponent("your_facebook_activity/messages"),
                to: target.appendingPathComponent("messages"))
            urls.append(folder.appendingPathComponent(name))
        }
        let (_, fromJSON, jsonArchives) = try Self.audit([urls[0]])
        let (_, fromHTML, htmlArchives) = try Self.audit([urls[1]])
        for archive in jsonArchives + htmlArchives {
            #expect(archive.owner?.name == "Rebecca Hale")
            #expect(archive.ownerEvidence?.contains("all 4 message threads") == true)
        }
        // Her own messages count: working hours and a message to a pupil are found.
        #expect(fromHTML.findings.contains { $0.rule == .workingHours && $0.activity == .message })
        #expect(fromHTML.findings.contains { $0.rule == .pupilContact })
        #expect(Self.summary(fromHTML.findings) == Self.summary(fromJSON.findings))
        // And they are the message findings of the full download.
        let (_, full, _) = try Self.audit([Self.samples.appendingPathComponent(Self.json)])
        #expect(
            Self.summary(fromJSON.findings)
                == Self.summary(full.findings.filter { $0.activity == .message }))

        // With a hint nobody matches, the one person in all four threads is still the owner
        // (whom the audit then checks against the staff member).
        let unmatched = try ImportStage().importArchive(
            at: urls[1], localTimeZone: EvidenceFixture.london,
            ownerHints: [.facebook: ["Mark Whitfield"]])
        #expect(unmatched.archive.owner?.name == "Rebecca Hale")
    }

    @Test("an Instagram messages-only download is owned by the one person in every thread")
    func instagramMessagesOnly() throws {
        let folder = try TemporaryFolder.make("instagram-messages-only")
        defer { try? FileManager.default.removeItem(at: folder) }
        let activity = folder.appendingPathComponent("your_instagram_activity")
        try FileManager.default.createDirectory(at: activity, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.samples.appendingPathComponent(
                "instagram-beckyhale-2025-03-14/your_instagram_activity/messages"),
            to: activity.appendingPathComponent("messages"))
        let (_, analysis, archives) = try Self.audit([folder])
        #expect(archives.map(\.platform) == [.instagram])
        #expect(archives[0].owner?.name == "Rebecca Hale")
        #expect(archives[0].ownerEvidence?.contains("all 3 message threads") == true)
        #expect(analysis.findings.contains { $0.rule == .pupilContact && $0.activity == .message })
        guard
            case .owned = ArchiveOwnership.decide(
                for: archives[0], staff: try ReviewWorkflowTests.configuration().staff,
                colleagues: [])
        else {
            Issue.record("not owned")
            return
        }
    }

    @Test(
        "the one person in every thread",
        arguments: [
            ([["A", "B"], ["A", "C"]], [String](), "A"),
            ([["A", "B"]], [String](), nil),
            ([["A", "B"], ["A", "B"]], [String](), nil),
            ([["A", "B"], ["A", "B"]], ["b"], "B"),
            ([["A", "B"], ["A", "C"]], ["C"], "A"),
            ([["A", "B"], ["A", "B"]], ["A", "B"], nil),
            ([["Zoë Hale", "B"]], ["Zoe Hale"], "Zoë Hale"),
        ] as [([[String]], [String], String?)])
    func threadOwner(threads: [[String]], hints: [String], owner: String?) {
        #expect(MessageThreadOwner.decide(threads: threads, hints: hints)?.name == owner)
    }
}
