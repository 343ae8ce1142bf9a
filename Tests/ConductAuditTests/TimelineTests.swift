import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct TimelineTests {
    static func item(text: String, at seconds: TimeInterval?, locator: String = "/0")
        -> TimelineItem
    {
        TimelineItem(
            platform: .facebook, kind: .post, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"),
            text: text, occurredAt: seconds.map { Date(timeIntervalSince1970: $0) },
            timeBasis: .explicit,
            source: SourceReference(
                archiveSHA256: "abc", archivePath: "x.zip", file: "posts.json", locator: locator),
            rawFragment: "{}")
    }

    @Test("the same content gives the same id wherever it sits in the archive")
    func fingerprintIgnoresLocation() {
        let a = Self.item(text: "Hello", at: 1_700_000_000, locator: "/0")
        let b = Self.item(text: "Hello", at: 1_700_000_000, locator: "/7")
        let c = Self.item(text: "Hello!", at: 1_700_000_000, locator: "/0")
        #expect(a.id == b.id)
        #expect(a.id != c.id)
    }

    @Test("merging keeps one copy and sorts by time, timeless items last")
    func mergeDeduplicatesAndSorts() {
        var timeline = Timeline(items: [
            Self.item(text: "late", at: 2_000), Self.item(text: "none", at: nil),
        ])
        timeline.merge([Self.item(text: "early", at: 1_000), Self.item(text: "late", at: 2_000)])
        #expect(timeline.items.map(\.text) == ["early", "late", "none"])
        #expect(timeline.items.last?.timeBasis == TimeBasis.none)
    }
}
