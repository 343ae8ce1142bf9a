import Foundation

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// A small hand-made evidence bundle: one summer post in working hours and one winter message
/// to a pupil with an inferred time, plus context.
enum EvidenceFixture {
    static let london = TimeZone(identifier: "Europe/London") ?? .current
    static let archive = ImportedArchive(
        path: "/exports/facebook-rebecca.zip", sha256: String(repeating: "a", count: 64),
        platform: .facebook, variant: .json, owner: Person(name: "Rebecca Hale"), itemCount: 3,
        unparsed: [ImportIssue(file: "odd/<file>.json", reason: "unknown layout")],
        coverage: [])

    static func source(_ file: String, _ locator: String) -> SourceReference {
        SourceReference(
            archiveSHA256: archive.sha256, archivePath: archive.path, file: file, locator: locator)
    }

    /// 2024-06-12 09:15:00 UTC, a Wednesday: 10:15 BST.
    static let summerPost = TimelineItem(
        platform: .facebook, kind: .post, isAuthoredByOwner: true,
        author: Person(name: "Rebecca Hale"), text: "Tom & <Jerry> went to Larkfield today",
        occurredAt: Date(timeIntervalSince1970: 1_718_183_700), timeBasis: .explicit,
        source: source("your_posts_1.json", "/12"),
        rawFragment: #"{"timestamp": 1718183700, "data": [{"post": "Tom & <Jerry>…"}]}"#)

    /// 2024-01-10 14:00:00 UTC, read from a zone-less time: 14:00 GMT.
    static let winterMessage = TimelineItem(
        platform: .facebook, kind: .message, isAuthoredByOwner: true,
        author: Person(name: "Rebecca Hale"), counterparties: [Person(name: "Zoe Kent")],
        text: "see you tomorrow Zoe", conversation: "zoekent_42",
        occurredAt: Date(timeIntervalSince1970: 1_704_895_200), timeBasis: .inferredLocal,
        source: source("messages/inbox/zoekent_42/message_1.html", "/html/body/div[3]"),
        rawFragment: "<div class=\"msg\">see you tomorrow Zoe</div>")

    static let contextReply = TimelineItem(
        platform: .facebook, kind: .message, isAuthoredByOwner: false,
        author: Person(name: "Zoe Kent"), counterparties: [Person(name: "Rebecca Hale")],
        text: "ok miss", conversation: "zoekent_42",
        occurredAt: Date(timeIntervalSince1970: 1_704_895_260), timeBasis: .inferredLocal,
        source: source("messages/inbox/zoekent_42/message_1.html", "/html/body/div[4]"),
        rawFragment: "<div class=\"msg\">ok miss</div>")

    static var workingHoursFinding: Finding {
        var finding = Finding(
            rule: .workingHours, severity: .low, confidence: 0.95, item: summerPost,
            highlights: [TextSpan(start: 0, length: 13, label: "school community")],
            explanation: "Posted at 10:15 on a working Wednesday, outside the lunch break.",
            incidentKey: "2024-06-12")
        finding.status = .confirmed
        return finding
    }

    static var pupilFinding: Finding {
        Finding(
            rule: .pupilContact, severity: .high, confidence: 0.9, item: winterMessage,
            supportingItems: [contextReply.id],
            counterparty: FindingCounterparty(
                name: "Zoe Kent", handle: "zoe.k", rosterID: "A123456789012",
                matchExplanation: "display name 'Zoe Kent' equals the pupil's legal name"),
            highlights: [TextSpan(start: 17, length: 3, label: "pupil's name")],
            explanation: "A message to a pupil on roll.", incidentKey: "A123456789012/facebook")
    }

    static func bundle(generatedAt: Date = Date(timeIntervalSince1970: 1_720_000_000))
        -> EvidenceBundle
    {
        let findings = [workingHoursFinding, pupilFinding]
        let incidents = Incident.group(findings) { rule, key, _ in "\(rule.rawValue) \(key)" }
        var archive = archive
        archive.coverage = [
            SectionCoverage(section: "Posts", items: [summerPost]),
            SectionCoverage(section: "Messenger: inbox", items: [winterMessage, contextReply]),
        ]
        let workingHours = Set(
            (1...5).flatMap { day in
                (8..<16).map { EvidenceBundle.WeekdayHour(weekday: day, hour: $0) }
            })
        return EvidenceBundle(
            staffName: "Rebecca Hale", staffRole: "Class teacher",
            period: .init(from: "2024-01-01", to: "2024-07-31"), generatedAt: generatedAt,
            toolVersion: "0.1.0", timeZone: london, archives: [archive], findings: findings,
            incidents: incidents,
            items: Dictionary(
                uniqueKeysWithValues: [summerPost, winterMessage, contextReply].map { ($0.id, $0) }),
            context: [pupilFinding.id: [winterMessage.id, contextReply.id]],
            policyClauses: [
                .workingHours: .init(
                    section: "Use of sites",
                    text: "Staff must not use personal <social media> in lessons.")
            ],
            ruleDescriptions: [
                .workingHours: "Personal social media during working hours.",
                .pupilContact: "Any interaction with a pupil on roll.",
            ],
            inputHashes: [
                "school.yaml": String(repeating: "1", count: 64),
                "roster": String(repeating: "2", count: 64),
            ],
            ownActivity: [summerPost.occurredAt, winterMessage.occurredAt].compactMap { $0 },
            workingHoursShading: workingHours,
            reviews: [
                workingHoursFinding.id: [
                    ReviewDecision(
                        findingID: workingHoursFinding.id, decision: .confirmed,
                        reason: "Seen in the <timetable>", reviewer: "J. Head",
                        decidedAt: Date(timeIntervalSince1970: 1_719_000_000))
                ]
            ])
    }

    /// A fresh empty folder under the temporary directory; its `evidence` child is not created.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolder.make("evidence-test")
    }

    static func permissions(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
