import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Rebecca Hale's WhatsApp exports in `Samples/`, checked item by item against their answer keys
/// (written by `Samples/tools/make_whatsapp_samples.py`, which computes every time with zoneinfo).
@Suite struct WhatsAppRepositorySampleTests {
    typealias Support = WhatsAppTestSupport

    /// The parts of an answer key this test reads.
    struct AnswerKey: Decodable {
        struct Counts: Decodable {
            var items: Int
            var ownerAuthored: Int
            var ambiguousTimes: Int
            var mediaFiles: Int
        }
        struct Item: Decodable {
            struct Attachment: Decodable {
                var kind: String
                var uri: String?
                var caption: String?
            }
            var key: String
            var file: String
            var locator: String
            var ownerAuthored: Bool
            var author: String
            var occurredAt: String
            var timeBasis: String
            var text: String?
            var title: String?
            var attachments: [Attachment]
        }
        struct Issue: Decodable {
            var locator: String
        }
        struct Owner: Decodable {
            var name: String
        }
        var export: String
        var conversation: String
        var owner: Owner
        var participants: [String]
        var counts: Counts
        var expectedIssues: [Issue]
        var items: [Item]
    }

    static func answerKey(_ name: String) throws -> AnswerKey {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(
            AnswerKey.self, from: Data(contentsOf: Support.repositorySample(name)))
    }

    static let exports = [
        (
            "whatsapp-chat-with-ollie-bennett.txt",
            "whatsapp-chat-with-ollie-bennett.answer-key.json"
        ),
        ("whatsapp-year5-parents.zip", "whatsapp-year5-parents.answer-key.json"),
    ]

    @Test("each export imports on its own exactly as its answer key says", arguments: exports)
    func matchesAnswerKey(export: String, keyFile: String) throws {
        let key = try Self.answerKey(keyFile)
        #expect(key.export == export)
        // The school lists Rebecca's number, which her own copy of a chat never shows.
        let result = try Support.importArchive(
            at: Support.repositorySample(export), hints: ["+44 7700 900123"])

        #expect(result.items.count == key.counts.items)
        #expect(result.items.filter(\.isAuthoredByOwner).count == key.counts.ownerAuthored)
        #expect(
            result.items.filter { $0.timeBasis == .ambiguousLocal }.count
                == key.counts.ambiguousTimes)
        #expect(result.archive.media.count == key.counts.mediaFiles)
        #expect(result.archive.owner == Person(name: key.owner.name))
        #expect(result.archive.ownerEvidence?.contains("You deleted this message") == true)
        #expect(result.archive.unparsed.map(\.locator) == key.expectedIssues.map(\.locator))

        let others = key.participants.filter { $0 != key.owner.name }.map(WhatsAppOwner.person)
        for expected in key.items {
            let item = try #require(
                result.items.first {
                    $0.source.file == expected.file && $0.source.locator == expected.locator
                }, "\(expected.key) at \(expected.locator)")
            #expect(item.kind == .message, "\(expected.key)")
            #expect(item.isAuthoredByOwner == expected.ownerAuthored, "\(expected.key)")
            #expect(item.author?.label.hasSuffix(expected.author) == true, "\(expected.key)")
            #expect(Support.utc(item) == expected.occurredAt, "\(expected.key)")
            #expect(item.timeBasis.rawValue == expected.timeBasis, "\(expected.key)")
            #expect(item.text == expected.text, "\(expected.key)")
            #expect(item.title == expected.title, "\(expected.key)")
            #expect(
                item.attachments
                    == expected.attachments.map {
                        Attachment(
                            kind: Attachment.Kind(rawValue: $0.kind) ?? .other, uri: $0.uri,
                            caption: $0.caption)
                    }, "\(expected.key)")
            #expect(item.conversation == key.conversation, "\(expected.key)")
            #expect(item.counterparties == others, "\(expected.key)")
        }
    }

    @Test("given together, the two chats also name Rebecca as the one participant in both")
    func togetherAgree() throws {
        let results = try Support.importArchives(
            at: Self.exports.map { Support.repositorySample($0.0) })
        #expect(results.count == 2)
        for result in results {
            #expect(result.archive.owner == Person(name: "Rebecca Hale"))
            let evidence = try #require(result.archive.ownerEvidence)
            #expect(evidence.contains("You deleted this message"))
            #expect(evidence.contains("the only participant present in all 2 chats"))
        }
    }

    @Test("the parents' zip: the photo is indexed with its digest and linked from Y05")
    func parentsMedia() throws {
        let url = Support.repositorySample("whatsapp-year5-parents.zip")
        let result = try Support.importArchive(at: url)
        let photo = try #require(result.archive.media.first)
        #expect(photo.path == "IMG-20240919-WA0003.jpg")
        let reader = try ArchiveReader(url: url)
        let bytes = try reader.data(of: try #require(reader.entry(at: photo.path)))
        #expect(photo.sha256 == SHA256Hex.digest(of: bytes))
        #expect(photo.size == UInt64(bytes.count))
        #expect(bytes.starts(with: [0xFF, 0xD8]))
        #expect(result.archive.coverage.map(\.files) == [["WhatsApp Chat with Year 5 Parents.txt"]])
    }
}
