import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Analysis over a timeline read a batch at a time gives the findings of the analysis of the
/// whole timeline in memory, wherever the batches break.
@Suite struct StreamedAnalysisTests {
    static let archives = [
        "facebook-rebeccahale-2025-03-14", "facebook-rebeccahale-2025-03-14-html",
        "instagram-beckyhale-2025-03-14", "instagram-beckyhale-2025-03-14-html",
        "twitter-beckyhale-2025-03-14.zip", "whatsapp-chat-with-ollie-bennett.txt",
        "whatsapp-year5-parents.zip", "snapchat-beckyhale-2025-03-14",
        "tiktok-beckyhale-2025-03-14.zip",
    ]

    /// Every sample archive's items in one timeline, and the audit's configuration.
    static func samples() throws -> (Timeline, AuditConfiguration) {
        let (_, timeline, configuration) = try imported()
        return (timeline, configuration)
    }

    /// The sample archives imported, their items in one timeline, and the audit's configuration.
    static func imported() throws -> ([ImportResult], Timeline, AuditConfiguration) {
        let samples = SampleAnswerKeyTests.samples
        let school = try SchoolConfiguration.load(
            from: samples.appendingPathComponent("school.yaml"))
        let roster = try Roster.load(from: samples.appendingPathComponent("pupils.csv"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        var hints: [Platform: [String]] = [:]
        for (platform, account) in staff.accounts { hints[platform, default: []].append(account) }
        let results = try ImportStage().importArchives(
            at: archives.map { samples.appendingPathComponent($0) },
            localTimeZone: school.school.timeZone, ownerHints: hints)
        let timeline = Timeline(items: results.flatMap(\.items))
        return (results, timeline, AuditConfiguration(school: school, staff: staff, roster: roster))
    }

    @Test("batches of any size give the findings of the whole timeline", arguments: [1, 7, 500])
    func batchesGiveTheSameFindings(batchSize: Int) throws {
        // Given every sample in one timeline, analysed whole
        let (timeline, configuration) = try Self.samples()
        let whole = Analyzer().analyze(timeline, configuration: configuration)
        #expect(whole.findings.count > 10)

        // When it is analysed a batch at a time
        let streamed = Analyzer().analyze(
            source: TimelineBatches(timeline, batchSize: batchSize), configuration: configuration)

        // Then the findings and incidents are the same
        #expect(streamed.findings == whole.findings)
        #expect(streamed.incidents == whole.incidents)
        #expect(streamed.rulesRun == whole.rulesRun)
    }

    @Test("a targeted audit read in batches judges only its period, knowing the whole archive")
    func periodInBatches() throws {
        // Given the samples and a period covering part of them
        let (timeline, whole) = try Self.samples()
        let days = timeline.items.compactMap(\.occurredAt).map {
            LocalDay.containing($0, in: whole.timeZone)
        }
        var configuration = whole
        let from = try #require(days.dropFirst(days.count / 3).first)
        let to = try #require(days.dropFirst(2 * days.count / 3).first)
        configuration.from = from
        configuration.to = to

        // When analysed whole and in batches of 7
        let inMemory = Analyzer().analyze(timeline, configuration: configuration)
        let streamed = Analyzer().analyze(
            source: TimelineBatches(timeline, batchSize: 7), configuration: configuration)

        // Then both give the same findings, all in the period
        #expect(streamed.findings == inMemory.findings)
        #expect(!streamed.findings.isEmpty)
        for finding in streamed.findings {
            let day = finding.occurredAt.map { LocalDay.containing($0, in: whole.timeZone) }
            #expect(day.map { $0 >= from && $0 <= to } ?? true)
        }
    }

    @Test("a case analysed by cursor gives the findings of its timeline analysed in memory")
    func caseByCursor() throws {
        // Given a case holding every sample
        let (results, _, configuration) = try Self.imported()
        let database = try CaseDatabase.makeInMemory()
        for result in results { try database.store(result.archive, items: result.items) }

        // When the case is analysed in batches of 7 items
        let analysis = try database.analyse(with: configuration, batchSize: 7)

        // Then its findings are those of its timeline analysed whole
        let expected = Analyzer().analyze(try database.timeline(), configuration: configuration)
        #expect(analysis.findings.map(\.id) == expected.findings.map(\.id))
        #expect(analysis.findings.count > 10)
    }
}
