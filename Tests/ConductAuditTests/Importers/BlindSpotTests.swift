import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Every archive names what its download cannot contain.
@Suite struct BlindSpotTests {
    static func archive(
        _ platform: Platform, sha: String, sections: [(String, Date?)], path: String = "export"
    ) -> ImportedArchive {
        var archive = ImportedArchive(
            path: path, sha256: sha, platform: platform, variant: .json, owner: Person(name: "R"))
        archive.coverage = sections.map { name, latest in
            var coverage = SectionCoverage(section: name, items: [])
            coverage.latest = latest
            return coverage
        }
        return archive
    }

    static let day: TimeInterval = 86_400
    static let download = Date(timeIntervalSince1970: 1_741_910_400)  // 2025-03-14

    @Test(
        "an audit of a main Facebook download without the secure-storage download lists that blind spot"
    )
    func mainDownloadAlone() throws {
        let (database, archives) = try ReviewWorkflowTests.sampleCase()
        let spots = try #require(try database.blindSpots(of: archives)[archives[0].sha256])
        let messenger = try #require(spots.first)
        #expect(messenger.what.contains("secure-storage download was NOT given"))
        #expect(messenger.since == "2023-12-06")
        #expect(messenger.advice.contains("secure-storage"))
    }

    @Test("with the secure-storage download given, the main download says it is read")
    func secureStorageGiven() {
        let main = Self.archive(
            .facebook, sha: "m",
            sections: [
                ("Messenger: inbox", Self.download - 10 * Self.day), ("Posts", Self.download),
            ])
        let secure = Self.archive(
            .facebook, sha: "s",
            sections: [(FacebookSection.encryptedMessenger.title, Self.download)])
        let spots = BlindSpotSurvey.blindSpots(
            of: main, among: [main, secure], activeMonths: [], downloadDay: Self.download)
        #expect(spots.count == 1)
        #expect(spots[0].what.contains("was given with it and is read"))
        #expect(
            BlindSpotSurvey.blindSpots(
                of: secure, among: [main, secure], activeMonths: [], downloadDay: nil
            ).isEmpty)
    }

    @Test(
        "a Facebook download whose latest Messenger message is long before its download date is flagged"
    )
    func silentMessenger() {
        let main = Self.archive(
            .facebook, sha: "m",
            sections: [
                ("Messenger: inbox", Self.download - 400 * Self.day),
                ("Posts", Self.download - Self.day),
            ],
            path: "/x/facebook-rebeccahale-2025-03-14.zip")
        let day = BlindSpotSurvey.downloadDay(fromPath: main.path)
        #expect(day == Self.download)
        let spots = BlindSpotSurvey.blindSpots(
            of: main, among: [main], activeMonths: [], downloadDay: day)
        #expect(spots.count == 2)
        #expect(
            spots[1].what.contains("of 2024-02-08,")
                && spots[1].what.contains("long before the download (2025-03-14)"))
        // Without a date in the name, the archive's latest item stands for the download date.
        let recent = Self.archive(
            .facebook, sha: "r",
            sections: [
                ("Messenger: inbox", Self.download - 5 * Self.day), ("Posts", Self.download),
            ])
        #expect(
            BlindSpotSurvey.blindSpots(
                of: recent, among: [recent], activeMonths: [], downloadDay: nil
            ).count == 1)
    }

    @Test("X's encrypted messages and WhatsApp's one chat per export are named")
    func otherPlatforms() {
        let x = Self.archive(.twitter, sha: "x", sections: [("Tweets", Self.download)])
        let xSpots = BlindSpotSurvey.blindSpots(
            of: x, among: [x], activeMonths: [], downloadDay: nil)
        #expect(xSpots.map(\.since) == ["2023-05-10"])
        #expect(xSpots[0].what.contains("encrypted direct messages"))
        let chat = Self.archive(
            .whatsapp, sha: "w", sections: [("WhatsApp Chat with Ollie Bennett", Self.download)])
        let chatSpots = BlindSpotSurvey.blindSpots(
            of: chat, among: [chat], activeMonths: [], downloadDay: nil)
        #expect(chatSpots.count == 1)
        #expect(
            chatSpots[0].what.contains("only the chat exported (WhatsApp Chat with Ollie Bennett)"))
    }

    @Test("months with no activity inside an active span are named, older ones together")
    func silentMonths() {
        let spots = BlindSpotSurvey.gaps(
            in: [
                "2019-01", "2019-03", "2019-05", "2023-12", "2024-01", "2024-02", "2024-06",
                "2024-07",
            ])
        #expect(spots.map(\.since) == ["2019-02-01", "2019-06-01", "2024-03-01"])
        #expect(spots[0].what.contains("2 month(s) between 2019-02 and 2019-04, in 2 stretch(es)"))
        #expect(spots[1].what.contains("2019-06 to 2023-11 (54 months)"))
        #expect(spots[2].what.contains("2024-03 to 2024-05 (3 months)"))
        #expect(BlindSpotSurvey.gaps(in: ["2024-01", "2024-02"]).isEmpty)
        #expect(BlindSpotSurvey.gaps(in: ["2023-12", "2024-02"]).map(\.since) == ["2024-01-01"])
    }
}
