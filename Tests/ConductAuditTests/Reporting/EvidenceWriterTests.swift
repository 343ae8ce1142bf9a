import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct EvidenceWriterTests {
    /// The incident folder holding a finding.
    static func folder(of finding: Finding, in bundle: EvidenceBundle) throws -> String {
        try #require(bundle.incidents.first { $0.findings.contains(finding.id) }).id
    }

    @Test("writes index, one folder per incident and the manifest, all private")
    func writesFolder() throws {
        // Given a bundle of two findings in two incidents
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("Reports/rebecca-hale/evidence")
        let bundle = EvidenceFixture.bundle()

        // When it is written
        let manifest = try EvidenceWriter().write(bundle, to: out)

        // Then every file exists, is listed in the manifest with its digest, and is private
        #expect(bundle.incidents.map(\.id) == ["INC-0001", "INC-0002"])
        let expected = [
            "INC-0001/incident.html", "INC-0001/incident.json", "INC-0002/incident.html",
            "INC-0002/incident.json", "index.html",
        ]
        #expect(manifest.files.map(\.path) == expected)
        for file in manifest.files {
            let url = out.appendingPathComponent(file.path)
            #expect(try SHA256Hex.digest(ofFileAt: url) == file.sha256)
            #expect(try EvidenceFixture.permissions(url) == 0o600, "\(file.path)")
        }
        #expect(
            try EvidenceFixture.permissions(out.appendingPathComponent("manifest.json")) == 0o600)
        #expect(try EvidenceFixture.permissions(out) == 0o700)
        #expect(try EvidenceFixture.permissions(out.appendingPathComponent("INC-0001")) == 0o700)
        #expect(try EvidenceFixture.permissions(root.appendingPathComponent("Reports")) == 0o700)
        #expect(manifest.inputHashes["school.yaml"] == String(repeating: "1", count: 64))
        #expect(manifest.archives.map(\.sha256) == [EvidenceFixture.archive.sha256])
        let siblings = try FileManager.default.contentsOfDirectory(
            atPath: out.deletingLastPathComponent().path)
        #expect(siblings == ["evidence"])
    }

    @Test("an incident page escapes the excerpt and marks the highlighted span")
    func incidentPageHighlightsEscapedExcerpt() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = EvidenceFixture.bundle()
        try EvidenceWriter().write(bundle, to: root.appendingPathComponent("evidence"))

        let folder = try Self.folder(of: EvidenceFixture.workingHoursFinding, in: bundle)
        let html = try EvidenceFixture.text(
            root.appendingPathComponent("evidence/\(folder)/incident.html"))

        #expect(
            html.contains(
                #"<mark title="school community">Tom &amp; &lt;Jerry&gt;</mark> went to Larkfield today"#
            ))
        #expect(!html.contains("<Jerry>"))
        #expect(html.contains("Staff must not use personal &lt;social media&gt; in lessons."))
        #expect(html.contains("Seen in the &lt;timetable&gt;"))
        #expect(html.contains(#"<pre class="fragment">{&quot;timestamp&quot;: 1718183700"#))
        #expect(html.contains("@media print"))
        #expect(html.contains("size: A4"))
    }

    @Test("times read as people write them (BST in summer, GMT in winter) with UTC beside")
    func localTimesCarryOffsetAndZone() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = EvidenceFixture.bundle()
        try EvidenceWriter().write(bundle, to: root.appendingPathComponent("evidence"))

        let summer = try EvidenceFixture.text(
            root.appendingPathComponent(
                "evidence/\(try Self.folder(of: EvidenceFixture.workingHoursFinding, in: bundle))/incident.html"
            ))
        #expect(
            summer.contains(
                #"<time datetime="2024-06-12T09:15:00Z" title="2024-06-12T10:15:00+01:00 (Europe/London)"><span class="nw">Wed 12 Jun 2024,</span> <span class="nw">10:15 BST</span></time> <span class="utc nw">(09:15 UTC)</span>"#
            ))
        #expect(!summer.contains("inferred, not recorded"))
        #expect(!summer.contains("Confidence 0.95"))
        #expect(
            summer.contains("Near certain: the time the platform recorded and the staff timetable"))

        let winter = try EvidenceFixture.text(
            root.appendingPathComponent(
                "evidence/\(try Self.folder(of: EvidenceFixture.pupilFinding, in: bundle))/incident.html"
            ))
        #expect(
            winter.contains(
                #"<span class="nw">Wed 10 Jan 2024,</span> <span class="nw">14:00 GMT</span>"#))
        #expect(winter.contains(#"<span class="utc nw">(14:00 UTC)</span>"#))
        #expect(winter.contains("The instant is inferred, not recorded."))
        #expect(winter.contains("A123456789012"))
        #expect(
            winter.contains("display name &#39;Zoe Kent&#39; equals the pupil&#39;s legal name"))
        #expect(winter.contains("ok miss"))
        #expect(winter.contains("No decision yet on 1 finding(s)"))
    }

    @Test("the index lists archives, unparsed files, counts, incidents and the activity chart")
    func indexPageSummarises() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: root.appendingPathComponent("evidence"))
        let html = try EvidenceFixture.text(root.appendingPathComponent("evidence/index.html"))

        #expect(html.contains(EvidenceFixture.archive.sha256))
        #expect(html.contains("odd/&lt;file&gt;.json"))
        #expect(html.contains("Messenger: inbox"))
        #expect(html.contains(#"<a href="INC-0001/incident.html">INC-0001</a>"#))
        #expect(html.contains(#"<svg class="chart""#))
        // Wednesday 10:00 (BST) is working time with one post; Wednesday 14:00 (GMT) has the message.
        #expect(html.contains("<title>Wednesday 10:00–10:59: 1 item(s), working time</title>"))
        #expect(html.contains("<title>Wednesday 14:00–14:59: 1 item(s), working time</title>"))
        #expect(html.contains("<title>Sunday 3:00–3:59: 0 item(s)</title>"))
    }

    @Test("pages are self-contained: no scripts, no external style sheets, fonts or images")
    func pagesAreSelfContained() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: root.appendingPathComponent("evidence"))
        for file in manifest.files where file.path.hasSuffix(".html") {
            let html = try EvidenceFixture.text(
                root.appendingPathComponent("evidence/\(file.path)"))
            for forbidden in ["<script", "<link", "<img", "src=", "url(", "@import", "href=\"http"]
            {
                #expect(!html.contains(forbidden), "\(file.path) contains \(forbidden)")
            }
        }
    }

    @Test("incident.json holds the incident, its findings and cited items, with sorted keys")
    func incidentJSON() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = EvidenceFixture.bundle()
        try EvidenceWriter().write(bundle, to: root.appendingPathComponent("evidence"))
        let folder = try Self.folder(of: EvidenceFixture.pupilFinding, in: bundle)
        let data = try Data(
            contentsOf: root.appendingPathComponent("evidence/\(folder)/incident.json"))

        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["id"] as? String == EvidenceFixture.pupilFinding.id.rawValue)
        let cited = try #require(object["citedItems"] as? [[String: Any]])
        #expect(
            cited.map { $0["id"] as? String } == [
                EvidenceFixture.winterMessage.id.rawValue, EvidenceFixture.contextReply.id.rawValue,
            ])
        #expect((object["contextItems"] as? [Any])?.isEmpty == true)
        #expect(object["timeZone"] as? String == "Europe/London")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""occurredAt" : "2024-01-10T14:00:00Z""#))
        let keys = text.split(separator: "\n").prefix(12).compactMap { line -> String? in
            line.hasPrefix("  \"") ? String(line.dropFirst(3).prefix { $0 != "\"" }) : nil
        }
        #expect(keys == keys.sorted())
    }

    @Test("the same bundle gives the same bytes")
    func outputIsDeterministic() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: root.appendingPathComponent("one"))
        let second = try EvidenceWriter().write(
            EvidenceFixture.bundle(), to: root.appendingPathComponent("two"))
        #expect(first == second)
        #expect(
            try Data(contentsOf: root.appendingPathComponent("one/manifest.json"))
                == Data(contentsOf: root.appendingPathComponent("two/manifest.json")))
    }

    @Test("a write that fails part-way leaves the previous folder intact")
    func failedWriteKeepsPreviousFolder() throws {
        // Given a folder written once
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")
        let original = try EvidenceWriter().write(EvidenceFixture.bundle(), to: out)

        // When a re-render fails while writing its second incident
        struct DiskFull: Error {}
        let failing = EvidenceWriter { path in
            if path == "INC-0002/incident.html" { throw DiskFull() }
        }
        let later = EvidenceFixture.bundle(generatedAt: Date(timeIntervalSince1970: 1_730_000_000))
        #expect(throws: ReportError.self) { try failing.write(later, to: out) }

        // Then the previous folder is there, unchanged, and no temporary folder is left behind
        let report = try EvidenceVerifier().verify(directory: out)
        #expect(report.isIntact)
        #expect(report.manifest == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["evidence"])

        // And a successful re-render replaces it
        let replaced = try EvidenceWriter().write(later, to: out)
        #expect(try EvidenceVerifier().verify(directory: out).manifest == replaced)
        #expect(replaced.generatedAt == Date(timeIntervalSince1970: 1_730_000_000))
    }

    @Test("a folder that is not an evidence folder is never replaced")
    func refusesToReplaceOtherFolders() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let documents = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: documents.appendingPathComponent("letter.txt"))

        #expect(throws: ReportError.notAnEvidenceFolder(documents)) {
            try EvidenceWriter().write(EvidenceFixture.bundle(), to: documents)
        }
        #expect(
            try EvidenceFixture.text(documents.appendingPathComponent("letter.txt")) == "keep me")
    }

    @Test("a bundle missing a cited item is refused before anything is written")
    func incompleteBundleIsRefused() throws {
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var bundle = EvidenceFixture.bundle()
        bundle.items[EvidenceFixture.contextReply.id] = nil

        let error = #expect(throws: ReportError.self) {
            try EvidenceWriter().write(bundle, to: root.appendingPathComponent("evidence"))
        }
        #expect(error?.errorDescription?.contains(EvidenceFixture.contextReply.id.rawValue) == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test(
        "highlights are escaped, merged when they overlap and cut at the end",
        arguments: [
            (
                "a<b>c", [TextSpan(start: 1, length: 3, label: "x")],
                #"a<mark title="x">&lt;b&gt;</mark>c"#
            ),
            (
                "abcdef",
                [
                    TextSpan(start: 1, length: 2, label: "x"),
                    TextSpan(start: 2, length: 2, label: "y"),
                ],
                #"a<mark title="x; y">bcd</mark>ef"#
            ),
            ("abc", [TextSpan(start: 2, length: 10, label: "x")], #"ab<mark title="x">c</mark>"#),
            ("abc", [TextSpan(start: 5, length: 1, label: "x")], "abc"),
            (
                "é👍🏽x", [TextSpan(start: 1, length: 1, label: "\"q\"")],
                #"é<mark title="&quot;q&quot;">👍🏽</mark>x"#
            ),
        ])
    func highlighting(excerpt: String, spans: [TextSpan], expected: String) {
        #expect(HTML.highlighted(excerpt, spans: spans) == expected)
    }

    @Test(
        "local times carry the zone's offset at that instant",
        arguments: [
            ("Europe/London", 1_718_183_700.0, "2024-06-12T10:15:00+01:00", 3),
            ("Europe/London", 1_711_846_799.5, "2024-03-31T00:59:59.500+00:00", 7),
            ("America/New_York", 1_704_895_200.0, "2024-01-10T09:00:00-05:00", 3),
            ("Asia/Kolkata", 0.0, "1970-01-01T05:30:00+05:30", 4),
        ])
    func localTime(zone: String, seconds: Double, expected: String, weekday: Int) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let local = ZonedDateTime(Date(timeIntervalSince1970: seconds), in: timeZone)
        #expect(local.iso8601 == expected)
        #expect(local.weekday == weekday)
    }
}

extension EvidenceWriterTests {
    /// The fixture's bundle with 150 more working-hours findings, each its own incident (one a
    /// day from 2024-02-01), each on a post saying its number.
    static func bundleOfManyIncidents() -> EvidenceBundle {
        var bundle = EvidenceFixture.bundle()
        for number in 0..<150 {
            let post = TimelineItem(
                platform: .facebook, kind: .post, isAuthoredByOwner: true,
                author: Person(name: "Rebecca Hale"), text: "post number \(number)",
                occurredAt: Date(timeIntervalSince1970: 1_706_778_000 + Double(number) * 86_400),
                timeBasis: .explicit,
                source: EvidenceFixture.source("your_posts_1.json", "/\(number)"),
                rawFragment: #"{"post": "post number \#(number)"}"#)
            bundle.items[post.id] = post
            bundle.findings.append(
                Finding(
                    rule: .workingHours, severity: .low, confidence: 0.9, item: post,
                    explanation: "Posted in working hours.", incidentKey: "day \(number)"))
        }
        bundle.incidents = Incident.group(bundle.findings) { rule, key, _ in
            "\(rule.rawValue) \(key)"
        }
        return bundle
    }

    @Test("incidents rendered on several cores are handed over in order, each with its own page")
    func manyIncidentsInOrder() throws {
        let bundle = Self.bundleOfManyIncidents()
        #expect(bundle.incidents.count > 150)
        let files = try EvidenceWriter().render(bundle)
        let expected =
            ["index.html"]
            + bundle.incidents.flatMap {
                ["\($0.id)/incident.html", "\($0.id)/incident.json"]
            }
        #expect(files.map(\.path) == expected)
        let findings = Dictionary(uniqueKeysWithValues: bundle.findings.map { ($0.id, $0) })
        for (incident, file) in zip(
            bundle.incidents, files.dropFirst().filter { $0.path.hasSuffix(".html") })
        {
            let finding = try #require(findings[incident.findings[0]])
            let text = try #require(bundle.items[finding.item]?.text)
            guard text.hasPrefix("post number") else { continue }  // the fixture's own, escaped
            #expect(String(decoding: file.data, as: UTF8.self).contains(text), "\(incident.id)")
        }
    }

    @Test("an incident that cannot be rendered stops the hand-over there, earlier ones handed over")
    func failureStopsInOrder() throws {
        var bundle = Self.bundleOfManyIncidents()
        let broken = bundle.incidents[100]
        bundle.findings.removeAll { $0.id == broken.findings[0] }
        var handedOver: [String] = []
        #expect(throws: ReportError.self) {
            try EvidenceWriter().render(bundle) { path, _ in handedOver.append(path) }
        }
        let expected =
            ["index.html"]
            + bundle.incidents[..<100].flatMap {
                ["\($0.id)/incident.html", "\($0.id)/incident.json"]
            }
        #expect(handedOver == expected)
    }
}
