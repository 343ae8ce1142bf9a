import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// What ``EvidenceBundle/assemble(timeline:findings:incidents:archives:reviews:configuration:ruleDescriptions:inputHashes:generatedAt:)``
/// takes from the timeline: only the cited items, each finding's neighbours in its thread or
/// day, and the thread lines.
@Suite struct EvidenceAssemblyTests {
    static let start = Date(timeIntervalSince1970: 1_718_000_000)

    /// Message `index` of a thread, a minute apart, alternating sender.
    static func message(_ index: Int, thread: String = "zoekent_42") -> TimelineItem {
        TimelineItem(
            platform: .facebook, kind: .message, isAuthoredByOwner: index.isMultiple(of: 2),
            author: Person(name: index.isMultiple(of: 2) ? "Rebecca Hale" : "Zoe Kent"),
            text: "message \(index)", conversation: thread,
            occurredAt: start.addingTimeInterval(Double(index) * 60), timeBasis: .explicit,
            source: EvidenceFixture.source("messages/\(thread).json", "/\(index)"),
            rawFragment: "{\"n\": \(index)}")
    }

    /// Post `index` of the owner's, an hour apart on one day.
    static func post(_ index: Int) -> TimelineItem {
        TimelineItem(
            platform: .facebook, kind: .post, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), text: "post \(index)",
            occurredAt: start.addingTimeInterval(Double(index) * 600 + 30), timeBasis: .explicit,
            source: EvidenceFixture.source("posts.json", "/\(index)"),
            rawFragment: "{\"p\": \(index)}")
    }

    static func finding(on item: TimelineItem, rule: RuleID) -> Finding {
        Finding(
            rule: rule, severity: .low, confidence: 0.9, item: item, explanation: "test",
            incidentKey: item.id.rawValue)
    }

    static func assemble(_ items: [TimelineItem], findings: [Finding]) throws -> EvidenceBundle {
        let timeline = Timeline(items: items)
        return EvidenceBundle.assemble(
            timeline: timeline, findings: findings,
            incidents: Incident.group(findings) { rule, key, _ in "\(rule) \(key)" },
            archives: [EvidenceFixture.archive], reviews: [:],
            configuration: try SampleSchool.configuration(), ruleDescriptions: [:],
            inputHashes: [:], generatedAt: start)
    }

    @Test("the index says when the roster had no id column and the pupils' ids were derived")
    func derivedRosterIDsNoted() throws {
        let item = Self.post(1)
        let findings = [Self.finding(on: item, rule: .workingHours)]
        // The MIS's ids: nothing to say.
        let withIDs = try Self.assemble([item], findings: findings)
        #expect(withIDs.inputNotes.isEmpty)
        #expect(
            !IndexPage(bundle: withIDs, exhibits: ExhibitIndex(bundle: withIDs)).render().contains(
                "derived"))
        // Derived ids: said under the inputs.
        var configuration = try SampleSchool.configuration()
        configuration.roster.idsAreDerived = true
        let derived = EvidenceBundle.assemble(
            timeline: Timeline(items: [item]), findings: findings,
            incidents: Incident.group(findings) { rule, key, _ in "\(rule) \(key)" },
            archives: [EvidenceFixture.archive], reviews: [:], configuration: configuration,
            ruleDescriptions: [:], inputHashes: [:], generatedAt: Self.start)
        #expect(derived.inputNotes.count == 1)
        let page = IndexPage(bundle: derived, exhibits: ExhibitIndex(bundle: derived)).render()
        #expect(page.contains("The roster has no id column"))
        #expect(page.contains("derived by this tool from the legal name and date of birth"))
    }

    @Test("a message's context is three messages either side in its thread, numbered")
    func threadContext() throws {
        let thread = (0..<20).map { Self.message($0) }
        let other = (0..<5).map { Self.message($0, thread: "someone_else") }
        let finding = Self.finding(on: thread[10], rule: .pupilContact)
        let bundle = try Self.assemble((other + thread).shuffled(), findings: [finding])
        #expect(bundle.context[finding.id] == thread[7...13].map(\.id))
        #expect(Set(bundle.items.keys) == Set(thread[7...13].map(\.id)))
        for index in 7...13 {
            #expect(
                bundle.threadPositions[thread[index].id]
                    == ThreadPosition(line: index + 1, lineCount: 20))
        }
        #expect(bundle.threadPositions.count == 7)
    }

    @Test("an item outside a thread has five of the owner's items of its day either side")
    func dayContext() throws {
        let posts = (0..<12).map(Self.post)
        let first = Self.finding(on: posts[1], rule: .workingHours)
        let bundle = try Self.assemble(posts.reversed(), findings: [first])
        #expect(bundle.context[first.id] == posts[0...6].map(\.id))
        #expect(bundle.items[posts[3].id] == posts[3], "cited items are whole, raw fragment too")
        #expect(bundle.items[posts[7].id] == nil, "an item no finding cites is left out")
    }

    @Test("a lone item has no context beside itself")
    func loneItem() throws {
        let post = Self.post(0)
        let finding = Self.finding(on: post, rule: .workingHours)
        let bundle = try Self.assemble([post, Self.message(1)], findings: [finding])
        #expect(bundle.context[finding.id] == [])
        #expect(Array(bundle.items.keys) == [post.id])
    }
}
