import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Exports split across several zips are one archive; exports of one account taken on different
/// dates stay separate archives and merge without duplicates.
@Suite struct ArchivePartsTests {
    typealias Support = FacebookTestSupport

    /// The hand-made 2026 export of "Zoë Hale" (``FacebookFixtureTests/modernExport``) with one
    /// message photo, as path → bytes.
    static var export: [String: Data] {
        var files = FacebookFixtureTests.modernExport.mapValues { Data($0.utf8) }
        files["your_facebook_activity/messages/inbox/samtaylor_123/photos/1.jpg"] =
            FacebookFixtureTests.photoBytes
        return files
    }

    /// The export split the way Meta splits downloads: the profile and posts in one part, the
    /// messages and their media in the other.
    static var split: (first: [String: Data], second: [String: Data]) {
        let second = export.filter { $0.key.contains("/messages/") || $0.key.contains("/groups/") }
        let first = export.filter { second[$0.key] == nil }
        return (first, second)
    }

    static let root = "facebook-zoehale-2026-3-11-Hl65Zstp/"

    static func importer() -> ImportStage {
        ImportStage(importers: [FacebookJSONImporter(), WhatsAppChatImporter()])
    }

    static func importArchives(_ urls: [URL]) throws -> [ImportResult] {
        try importer().importArchives(at: urls, localTimeZone: Support.london)
    }

    @Test("a zip pair named part1/part2 imports as one archive holding entries from both parts")
    func namedPartsAreOneArchive() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let part1 = folder.appendingPathComponent("facebook-zoehale-2026-03-11-part1.zip")
        let part2 = folder.appendingPathComponent("facebook-zoehale-2026-03-11-part2.zip")
        try Support.zip(Self.split.first, prefix: Self.root, to: part1)
        try Support.zip(Self.split.second, prefix: Self.root, to: part2)
        let whole = folder.appendingPathComponent("whole.zip")
        try Support.zip(Self.export, prefix: Self.root, to: whole)

        // Given in the "wrong" order, the parts are still read part 1 first.
        let results = try Self.importArchives([part2, part1])
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result.archive.path == "\(part1.path) + \(part2.path)")
        let digests = [
            try SHA256Hex.digest(ofFileAt: part1), try SHA256Hex.digest(ofFileAt: part2),
        ]
        #expect(result.archive.sha256 == SHA256Hex.digest(of: digests.joined(separator: "\n")))
        #expect(result.archive.parts.map(\.path) == [part1.path, part2.path])
        #expect(result.archive.parts.map(\.sha256) == digests)
        #expect(
            result.archive.parts[1].files.contains(
                Self.root + "your_facebook_activity/messages/inbox/samtaylor_123/message_1.json"))
        #expect(
            result.archive.parts[0].files.contains(
                Self.root
                    + "personal_information/profile_information/profile_information.json"))
        #expect(result.items.allSatisfy { $0.source.archiveSHA256 == result.archive.sha256 })

        // The same items as the export in one zip: the profile in part 1 names the owner of the
        // messages in part 2, and the message photo in part 2 is indexed.
        let single = try Support.importArchive(at: whole)
        #expect(Set(result.items.map(\.id)) == Set(single.items.map(\.id)))
        #expect(result.archive.owner == single.archive.owner)
        #expect(
            result.items.filter(\.isAuthoredByOwner).count
                == single.items.filter(\.isAuthoredByOwner).count)
        #expect(result.items.contains { $0.kind == .message && $0.isAuthoredByOwner })
        #expect(result.archive.media.map(\.path) == single.archive.media.map(\.path))

        // The joined reader: every entry says which part holds it.
        let reader = try #require(try Self.importer().openArchives(at: [part1, part2]).first)
        #expect(reader.container == .parts)
        #expect(Set(reader.entries.compactMap(\.part)) == [0, 1])
        let message = try #require(
            reader.entry(
                at: Self.root + "your_facebook_activity/messages/inbox/samtaylor_123/message_1.json"
            ))
        #expect(reader.part(of: message)?.url == part2)
        #expect(
            try reader.data(of: message)
                == Self.export["your_facebook_activity/messages/inbox/samtaylor_123/message_1.json"]
        )
    }

    @Test("a part that is no export on its own (only media) joins the export it completes")
    func mediaOnlyPartJoins() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let media = Self.export.filter { $0.key.hasSuffix(".jpg") }
        let rest = Self.export.filter { !$0.key.hasSuffix(".jpg") }
        let main = folder.appendingPathComponent("download-a.zip")
        let extra = folder.appendingPathComponent("download-b.zip")
        try Support.zip(rest, prefix: "", to: main)
        try Support.zip(media, prefix: "", to: extra)

        let results = try Self.importArchives([main, extra])
        #expect(results.count == 1)
        #expect(results.first?.archive.parts.map(\.path) == [main.path, extra.path])
        #expect(
            results.first?.archive.media.map(\.path) == [
                "your_facebook_activity/messages/inbox/samtaylor_123/photos/1.jpg"
            ])
        // On its own, the media part is no export at all.
        #expect(throws: ImportError.self) { try Self.importArchives([extra]) }
    }

    @Test("two exports of one account taken on different dates stay two archives")
    func datedExportsStaySeparate() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (march, june) = try Self.writeDatedExports(in: folder)
        let results = try Self.importArchives([march, june])
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.archive.parts.isEmpty })
    }

    @Test("two dated exports merge into a timeline that holds each item once")
    func datedExportsMergeWithoutDuplicates() throws {
        // Given two exports of one account, the later one repeating everything of the earlier
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (march, june) = try Self.writeDatedExports(in: folder)
        let results = try Self.importArchives([march, june])
        let first = try #require(results.first)
        let second = try #require(results.last)
        let earlierIDs = Set(first.items.map(\.id))
        let laterIDs = Set(second.items.map(\.id))
        #expect(earlierIDs.isSubset(of: laterIDs))
        #expect(laterIDs.count == earlierIDs.count + 2)  // one new post, one new message

        // When both are stored in a case
        let database = try CaseDatabase.makeInMemory()
        try database.store(first.archive, items: first.items)
        let outcome = try database.store(second.archive, items: second.items)

        // Then the merged timeline has each item once, and shared items cite both archives
        #expect(outcome == .imported(newItems: 2, duplicateItems: first.items.count))
        let timeline = try database.timeline()
        #expect(timeline.items.count == laterIDs.count)
        #expect(Set(timeline.items.map(\.id)).count == timeline.items.count)
        #expect(Timeline(items: first.items + second.items).items.count == laterIDs.count)
        let shared = try #require(
            first.items.first { $0.kind == .message && $0.text == "See you at 8" })
        #expect(
            Set(try database.sources(of: shared.id).map(\.archiveSHA256)) == [
                first.archive.sha256, second.archive.sha256,
            ])
    }

    @Test(
        "a later copy of a file with different bytes is refused; an identical copy is the same file"
    )
    func conflictingCopies() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a", isDirectory: true)
        let b = folder.appendingPathComponent("b", isDirectory: true)
        try Support.write(
            ["same.json": "{}", "differs.json": "[1]", "only-a.json": "{}"], under: a)
        try Support.write(
            ["same.json": "{}", "differs.json": "[2]", "only-b.json": "{}"], under: b)
        let reader = try ArchiveReader(parts: [a, b])
        #expect(
            reader.entries.map(\.path) == [
                "differs.json", "only-a.json", "only-b.json", "same.json",
            ])
        #expect(reader.entries.map(\.part) == [0, 0, 1, 0])
        #expect(reader.refusedEntries.map(\.path) == ["differs.json"])
        #expect(reader.refusedEntries.first?.reason.contains("different content") == true)
        #expect(try reader.data(of: reader.entries[0]) == Data("[1]".utf8))
        #expect(reader.path == "\(a.path) + \(b.path)")
    }

    @Test("chats and single files are never parts, whatever their names")
    func chatsAreNeverParts() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chat = "18/01/2025, 18:40 - Ollie: hi\n"
        let one = folder.appendingPathComponent("chat-part1.zip")
        let two = folder.appendingPathComponent("chat-part2.zip")
        try WhatsAppTestSupport.zip([("WhatsApp Chat with Ollie.txt", Data(chat.utf8))], to: one)
        try WhatsAppTestSupport.zip([("WhatsApp Chat with Sam.txt", Data(chat.utf8))], to: two)
        #expect(try Self.importArchives([one, two]).count == 2)
    }

    @Test("part names: a number after 'part', any separator, with or without .zip")
    func partNames() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, stem, number) in [
            ("facebook-x-2025-03-14-part1.zip", "facebook-x-2025-03-14", 1),
            ("instagram_x_part_12.zip", "instagram_x", 12), ("export Part 2", "export", 2),
        ] {
            let url = folder.appendingPathComponent(name)
            try Data().write(to: url)
            let parsed = ImportStage.partName(try ArchiveReader(url: url))
            #expect(parsed?.stem == stem, "\(name)")
            #expect(parsed?.number == number, "\(name)")
        }
        let plain = folder.appendingPathComponent("facebook-x.zip")
        try Data().write(to: plain)
        #expect(ImportStage.partName(try ArchiveReader(url: plain)) == nil)
    }

    /// A March export and a June export of the same account, each wrapped in a folder named with
    /// its date; June adds one post and one message, and holds a `__MACOSX` folder too.
    static func writeDatedExports(in folder: URL) throws -> (URL, URL) {
        let march = folder.appendingPathComponent("facebook-zoehale-2026-3-11-Hl65Zstp.zip")
        try Support.zip(Self.export, prefix: Self.root, to: march)
        var later = Self.export
        let posts = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
        let thread = "your_facebook_activity/messages/inbox/samtaylor_123/message_1.json"
        let newPost = #"[{"timestamp": 1710000000, "data": [{"post": "Spring!"}]},"#
        later[posts] = Data(
            (newPost
                + String(decoding: Self.export[posts] ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).dropFirst()).utf8)
        let newMessage =
            #"{"sender_name": "Sam Taylor", "timestamp_ms": 1710000000000, "content": "New one"},"#
        later[thread] = Data(
            String(decoding: Self.export[thread] ?? Data(), as: UTF8.self)
                .replacingOccurrences(of: #""messages": ["#, with: #""messages": ["# + newMessage)
                .utf8)
        let june = folder.appendingPathComponent("facebook-zoehale-2026-6-02-Qw81Lmzt.zip")
        // A Mac re-zipped the June export: its resource-fork folder is not the export's wrapper.
        let wrapped = later.sorted { $0.key < $1.key }.map {
            ("facebook-zoehale-2026-6-02-Qw81Lmzt/" + $0.key, $0.value)
        }
        try WhatsAppTestSupport.zip(
            wrapped + [("__MACOSX/._profile_information.json", Data([0, 1]))], to: june)
        return (march, june)
    }
}
