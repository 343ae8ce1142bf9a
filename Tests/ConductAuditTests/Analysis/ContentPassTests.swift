import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The shared content pass: one reading per item must give every rule exactly the findings it
/// makes on its own.
@Suite struct ContentPassTests {
    /// The content rules the tool ships.
    static let contentRules: [any ItemContentRule] = Analyzer.standardRules.compactMap {
        if case .itemContent(let rule) = $0.evaluation { rule } else { nil }
    }

    /// A timeline of every content rule's examples, triggering and not.
    static func exampleTimeline() -> Timeline {
        let examples = contentRules.compactMap { $0 as? any ExampleDocumentedRule }
            .flatMap { $0.triggeringExamples + $0.nonTriggeringExamples }
        return Timeline(
            items: examples.enumerated().map {
                $0.element.item(in: SampleSchool.london, index: $0.offset)
            })
    }

    @Test("the shipped content rules all take part in the shared pass")
    func everyContentRuleIsShared() {
        #expect(
            Set(Self.contentRules.map(\.id))
                == [
                    .confidentialDisclosure, .childIdentification, .abusiveContent,
                    .ageMisrepresentation,
                ])
    }

    @Test("one pass over all content rules gives each rule's own findings")
    func sharedPassMatchesRulesAlone() throws {
        let timeline = Self.exampleTimeline()
        let configuration = try SampleSchool.configuration()
        let shared = ContentPass(rules: Self.contentRules).findings(
            in: timeline, configuration: configuration)
        var alone: [Finding] = []
        for rule in Self.contentRules {
            let own = rule.findings(in: timeline, configuration: configuration)
            #expect(!own.isEmpty, "\(rule.id) flags its triggering examples")
            alone += own
        }
        #expect(shared.sorted { $0.id < $1.id } == alone.sorted { $0.id < $1.id })
    }

    @Test("items shared out between the cores give one core's findings, in its order")
    func concurrentPassKeepsOrder() throws {
        let timeline = Self.exampleTimeline()
        let items = Array(repeating: timeline.items, count: 3).flatMap { $0 }
        #expect(items.count >= 256, "enough items to be shared out")
        let configuration = try SampleSchool.configuration()
        let groups = ContentPass(rules: Self.contentRules).groups(
            facts: TimelineFacts(timeline, configuration: configuration),
            configuration: configuration)
        var oneCore: [Finding] = []
        for group in groups {
            for item in items { group.appendFindings(for: item, to: &oneCore) }
        }
        #expect(!oneCore.isEmpty)
        #expect(ContentPass.findings(of: groups, on: items) == oneCore)
        // Four slices whatever the machine's cores, so that the sharing out is tested anywhere.
        #expect(ContentPass.findings(of: groups, on: items, maximumSlices: 4) == oneCore)
    }

    @Test(
        "slices transformed concurrently come back whole and in order",
        arguments: [0, 1, 127, 128, 1_001])
    func slicesInOrder(count: Int) {
        let numbers = Array(0..<count)
        let slices = numbers.mapSlicesConcurrently { Array($0) }
        #expect(slices.flatMap { $0 } == numbers)
        let five = numbers.mapSlicesConcurrently(minimumSlice: 1, maximumSlices: 5) { Array($0) }
        #expect(five.flatMap { $0 } == numbers)
        #expect(five.count == max(1, min(5, count)))
        #expect(
            slices.count
                == (count >= 128
                    ? min(ProcessInfo.processInfo.activeProcessorCount, count / 64) : 1))
    }

    @Test("the analyzer's findings are those of the rules run one by one")
    func analyzerMatchesRulesAlone() throws {
        let timeline = Self.exampleTimeline()
        let configuration = try SampleSchool.configuration()
        let analysis = Analyzer().analyze(timeline, configuration: configuration)
        var alone: [Finding] = []
        for rule in Analyzer.standardRules {
            alone += rule.findings(in: timeline, configuration: configuration)
        }
        #expect(analysis.findings.map(\.id).sorted() == alone.map(\.id).sorted())
        #expect(analysis.findings.sorted { $0.id < $1.id } == alone.sorted { $0.id < $1.id })
    }

    @Test("an item's text is cut and read as the vocabulary reads it on its own")
    func itemTextReadsLikeTheVocabulary() throws {
        let configuration = try SampleSchool.configuration()
        let timeline = Self.exampleTimeline()
        let vocabulary = SchoolVocabulary(configuration: configuration, timeline: timeline)
        var checked = 0
        for item in timeline.items {
            var text = ItemText(of: item, vocabulary: vocabulary)
            let authored = TextReading.authoredText(of: item)
            #expect(text.authored() == authored)
            let expected = vocabulary.read(authored ?? "")
            // Asked twice, as two rules would: the same answer each time.
            for _ in 0..<2 {
                let reading = text.reading()
                #expect(reading.tokens.words == expected.tokens.words)
                #expect(text.tokens().words == expected.tokens.words)
                #expect(reading.pupils == expected.pupils)
                #expect(reading.colleagues == expected.colleagues)
                #expect(reading.schoolNames == expected.schoolNames)
            }
            if !expected.pupils.isEmpty { checked += 1 }
        }
        #expect(checked > 0, "some example names a pupil")
    }

    @Test("rules with different word lists each read with their own vocabulary")
    func differentLexiconsAreKeptApart() throws {
        var entries = ContentLexicon.builtIn.entries
        entries.abusive.insults.append("flibbertigibbet")
        let custom = ContentLexicon(entries: entries)
        let example = RuleExample("Honestly the head teacher is a flibbertigibbet", kind: .post)
        let timeline = Timeline(items: [example.item(in: SampleSchool.london, index: 0)])
        let configuration = try SampleSchool.configuration()
        let pass = ContentPass(rules: [AbusiveContentRule(), AbusiveContentRule(lexicon: custom)])
        // Given the same rule twice, only the copy that knows the word flags it.
        #expect(AbusiveContentRule().findings(in: timeline, configuration: configuration).isEmpty)
        #expect(pass.findings(in: timeline, configuration: configuration).count == 1)
    }
}

extension ContentPassTests {
    @Test("the working-hours rule on slices of a batch, joined, finds what it finds on the batch")
    func batchRuleSlices() throws {
        let configuration = try SampleSchool.configuration()
        // A post every 37 minutes for ten days from Monday 2024-03-04 00:00 UTC: some in lessons,
        // some at lunch, evenings and the weekend.
        let items = (0..<390).map { index in
            TimelineItem(
                platform: .facebook, kind: .post, isAuthoredByOwner: true,
                author: Person(name: "Rebecca Hale"), text: "post \(index)",
                occurredAt: Date(timeIntervalSince1970: 1_709_510_400 + Double(index) * 37 * 60),
                timeBasis: .explicit,
                source: SourceReference(
                    archiveSHA256: String(repeating: "a", count: 64), archivePath: "/a.zip",
                    file: "posts.json", locator: "/\(index)"),
                rawFragment: "{}")
        }
        let rule = WorkingHoursRule()
        let whole = rule.findings(inBatch: items, configuration: configuration)
        #expect(!whole.isEmpty && whole.count < items.count)
        let sliced = items.mapSlicesConcurrently(maximumSlices: 4) {
            rule.findings(inBatch: Array($0), configuration: configuration)
        }
        #expect(sliced.count == 4)
        #expect(Array(sliced.joined()) == whole)
    }
}
