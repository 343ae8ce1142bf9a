import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct ExhibitTests {
    /// A bundle whose second finding cites the first finding's item too, with thread positions.
    static func bundle() -> EvidenceBundle {
        var bundle = EvidenceFixture.bundle()
        bundle.threadPositions = [
            EvidenceFixture.winterMessage.id: ThreadPosition(line: 41, lineCount: 57),
            EvidenceFixture.contextReply.id: ThreadPosition(line: 42, lineCount: 57),
        ]
        return bundle
    }

    @Test("exhibits are numbered once for the folder, in incident order, and listed in the index")
    func exhibitsAreNumbered() throws {
        // Given the fixture: INC-0001 is the pupil message (with a supporting reply and context),
        // INC-0002 the summer post
        let bundle = Self.bundle()
        let index = ExhibitIndex(bundle: bundle)

        // Then the message, its reply and the context are exhibits 1-3, the post exhibit 4
        #expect(index.exhibits.map(\.number) == [1, 2, 3, 4])
        #expect(index.number(ofItem: EvidenceFixture.winterMessage.id) == 1)
        #expect(index.number(ofItem: EvidenceFixture.contextReply.id) == 2)
        #expect(index.number(ofContext: EvidenceFixture.pupilFinding.id) == 3)
        #expect(index.number(ofItem: EvidenceFixture.summerPost.id) == 4)
        #expect(
            index.exhibits.map(\.incidents) == [
                ["INC-0001"], ["INC-0001"], ["INC-0001"], ["INC-0002"],
            ])

        // And the index and the incident pages show them under those numbers
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        try EvidenceWriter().write(bundle, to: out)
        let html = try EvidenceFixture.text(out.appendingPathComponent("index.html"))
        #expect(html.contains("<h2>Exhibit index</h2>"))
        for number in 1...4 {
            #expect(html.contains(#"<td id="E\#(number)">Exhibit \#(number)</td>"#))
        }
        #expect(html.contains(#"href="INC-0002/incident.html#E4""#))
        #expect(html.contains(SHA256Hex.digest(of: EvidenceFixture.summerPost.rawFragment)))
        let page = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.html"))
        #expect(page.contains(#"<h4 id="E1">Exhibit 1: Facebook message by Rebecca Hale"#))
        #expect(page.contains(#"<h4 id="E2">Exhibit 2: Facebook message by Zoe Kent"#))
        #expect(page.contains(#"<h3 id="E3">Exhibit 3: Facebook thread"#))
        let json = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.json"))
        #expect(json.contains(#""label" : "E3""#))
    }

    @Test("an item cited by two incidents keeps its first number and lists both incidents")
    func sharedItemKeepsNumber() throws {
        var bundle = Self.bundle()
        var second = Finding(
            rule: .workingHours, severity: .low, confidence: 0.9,
            item: EvidenceFixture.winterMessage, explanation: "Sent in working time.",
            incidentKey: "2024-01-10")
        second.status = .open
        bundle.findings.append(second)
        bundle.incidents = Incident.group(bundle.findings) { rule, key, _ in "\(rule) \(key)" }

        let index = ExhibitIndex(bundle: bundle)

        let number = try #require(index.number(ofItem: EvidenceFixture.winterMessage.id))
        let exhibit = try #require(index.exhibit(number))
        #expect(exhibit.incidents.count == 2)
        #expect(
            index.exhibits.filter { $0.subject == .item(EvidenceFixture.winterMessage.id) }.count
                == 1)
    }

    @Test("a thread's context is a transcript numbered by each message's line in the whole thread")
    func transcriptLinesAreNumbered() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        try EvidenceWriter().write(Self.bundle(), to: out)
        let page = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.html"))

        #expect(page.contains(#"<table class="transcript">"#))
        #expect(page.contains("messages 41–42 of 57"))
        #expect(
            page.contains(
                #"<tr class="cited"><td class="number">41<span class="badge">1</span></td>"#))
        #expect(page.contains(#"<tr><td class="number">42</td>"#))
        #expect(page.contains("ok miss"))
    }

    @Test("without thread positions, lines are numbered within the extract and it says so")
    func transcriptWithoutPositions() throws {
        let presentation = EvidencePresentation(bundle: EvidenceFixture.bundle())
        let html = presentation.transcript(
            [EvidenceFixture.winterMessage, EvidenceFixture.contextReply],
            cited: [EvidenceFixture.winterMessage.id])
        #expect(html.contains(#"<td class="number">1</td>"#))
        #expect(html.contains(#"<td class="number">2</td>"#))
        #expect(html.contains("in the order of the thread (within this extract)"))
    }

    @Test("printed pages carry 'Page X of Y' and the incident in the bottom margin")
    func printFooter() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        try EvidenceWriter().write(Self.bundle(), to: out)
        let page = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.html"))
        #expect(
            page.contains(#"@bottom-right { content: "Page " counter(page) " of " counter(pages);"#)
        )
        #expect(
            page.contains(
                #"@page { @bottom-left { content: "INC-0001 · Rebecca Hale · conduct-audit"; } }"#))
        #expect(HTML.cssString(#"a"b\</style>"#) == #""a\"b\\\3C /style\3E ""#)
    }

    @Test("the index says how to recompute each archive's SHA-256, for a zip and for a folder")
    func archiveRecipe() throws {
        #expect(
            ArchiveDigestRecipe.command(forArchiveAt: "/x/it's.zip", container: .zip)
                == #"sha256sum '/x/it'\''s.zip'"#)
        let folder = ArchiveDigestRecipe.command(forArchiveAt: "/x/export", container: .folder)
        #expect(folder.contains("LC_ALL=C sort"))
        #expect(folder.hasPrefix("cd '/x/export' && find . -type f"))

        var bundle = Self.bundle()
        bundle.archiveAccess[EvidenceFixture.archive.sha256] = .available(.zip)
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try EvidenceWriter().write(bundle, to: root.appendingPathComponent("evidence"))
        let html = try EvidenceFixture.text(root.appendingPathComponent("evidence/index.html"))
        #expect(html.contains("sha256sum &#39;/exports/facebook-rebecca.zip&#39;"))
        #expect(html.contains("found at its recorded path"))
    }

    @Test(
        "the folder recipe gives the digest ArchiveReader computes",
        .enabled(if: ShellTool.exists("sha256sum")))
    func folderRecipeMatchesReader() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let export = root.appendingPathComponent("export folder")
        try FileManager.default.createDirectory(
            at: export.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: export.appendingPathComponent("a.json"))
        try Data("two\n".utf8).write(to: export.appendingPathComponent("b/c/Z.json"))
        try Data("three".utf8).write(to: export.appendingPathComponent("b/B.json"))
        try Data("four".utf8).write(to: export.appendingPathComponent(".hidden"))

        let expected = try ArchiveReader(url: export).sha256()
        let command = ArchiveDigestRecipe.command(forArchiveAt: export.path, container: .folder)
        let output = try ShellTool.run(command)

        #expect(output.hasPrefix(expected))
    }

    @Test("coverage shows files, items without a time, unnamed counterparties and the period count")
    func coverageColumns() throws {
        var bundle = Self.bundle()
        bundle.itemsInPeriod = [
            EvidenceFixture.archive.sha256: ["Posts": 1, "Messenger: inbox": 2]
        ]
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try EvidenceWriter().write(bundle, to: root.appendingPathComponent("evidence"))
        let html = try EvidenceFixture.text(root.appendingPathComponent("evidence/index.html"))
        #expect(html.contains("Items without a time"))
        #expect(html.contains("Counterparties without a name"))
        #expect(html.contains("In the period"))
        #expect(html.contains("Parts not understood"))
        #expect(html.contains("<th>All sections</th>"))
    }
}

/// Runs shell commands for tests that compare with standard tools.
enum ShellTool {
    /// Whether an executable is on the PATH.
    static func exists(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    /// The standard output of `sh -c command`.
    static func run(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
