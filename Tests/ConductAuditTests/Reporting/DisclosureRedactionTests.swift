import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct DisclosureRedactionTests {
    static let archive = EvidenceFixture.archive

    static func source(_ file: String, _ locator: String) -> SourceReference {
        EvidenceFixture.source(file, locator)
    }

    /// A message from the pupil concerned, in Meta's mis-encoded JSON, naming two third parties.
    static let pupilMessage = TimelineItem(
        platform: .facebook, kind: .message, isAuthoredByOwner: false,
        author: Person(name: "Zoë Kowalczyk"), counterparties: [Person(name: "Rebecca Hale")],
        text: "Hi Miss, Marek Kowalczyk says hi, and Jordan too", conversation: "Zoë Kowalczyk",
        occurredAt: Date(timeIntervalSince1970: 1_704_895_200), timeBasis: .explicit,
        source: source("messages/inbox/zoekowalczyk_123/message_1.json", "/messages/0"),
        rawFragment:
            #"{"sender_name":"Zo\u00c3\u00ab Kowalczyk","content":"Hi Miss, Marek Kowalczyk says hi, and Jordan too"}"#
    )

    /// A reply in the same thread by an adult third party.
    static let thirdPartyReply = TimelineItem(
        platform: .facebook, kind: .message, isAuthoredByOwner: false,
        author: Person(name: "Siobhán Ní Bhriain", handle: "siobhan.nb"),
        counterparties: [Person(name: "Rebecca Hale")],
        text: "Siobhán here, on Zoë's phone", conversation: "Zoë Kowalczyk",
        occurredAt: Date(timeIntervalSince1970: 1_704_895_260), timeBasis: .explicit,
        source: source("messages/inbox/zoekowalczyk_123/message_1.json", "/messages/1"),
        rawFragment:
            #"{"sender_name":"Siobh\u00c3\u00a1n N\u00c3\u00ad Bhriain","content":"Siobh\u00c3\u00a1n here, on Zo\u00c3\u00ab's phone"}"#
    )

    /// A post in working time thanking a third party and naming the pupil.
    static let post = TimelineItem(
        platform: .facebook, kind: .post, isAuthoredByOwner: true,
        author: Person(name: "Rebecca Hale"),
        text: "Thanks Siobhán Ní Bhriain for the cake! Zoë Kowalczyk loved it",
        occurredAt: Date(timeIntervalSince1970: 1_718_183_700), timeBasis: .explicit,
        source: source("posts/your_posts_1.json", "/3"),
        rawFragment:
            #"{"post":"Thanks Siobh\u00c3\u00a1n N\u00c3\u00ad Bhriain for the cake! Zo\u00c3\u00ab Kowalczyk loved it"}"#
    )

    static func bundle() -> EvidenceBundle {
        let contact = Finding(
            rule: .pupilContact, severity: .high, confidence: 0.9, item: pupilMessage,
            counterparty: FindingCounterparty(
                name: "Zoë Kowalczyk", rosterID: "W373247318102",
                matchExplanation: "display name 'Zoë Kowalczyk' equals the pupil's legal name"),
            explanation:
                "A message from Zoë Kowalczyk, a pupil on roll; Siobhán Ní Bhriain replied.",
            incidentKey: "W373247318102/facebook")
        let working = Finding(
            rule: .workingHours, severity: .low, confidence: 0.95, item: post,
            highlights: [TextSpan(start: 34, length: 4, label: "food")],
            explanation: "Posted at 10:15 on a working Wednesday.", incidentKey: "2024-06-12")
        let findings = [contact, working]
        return EvidenceBundle(
            staffName: "Rebecca Hale", generatedAt: Date(timeIntervalSince1970: 1_720_000_000),
            toolVersion: "0.1.0", timeZone: EvidenceFixture.london, archives: [archive],
            findings: findings,
            incidents: Incident.group(findings) { rule, _, members in
                "\(rule.rawValue): \(members[0].counterparty?.name ?? "post")"
            },
            items: Dictionary(
                uniqueKeysWithValues: [pupilMessage, thirdPartyReply, post].map { ($0.id, $0) }),
            context: [contact.id: [pupilMessage.id, thirdPartyReply.id]],
            reviews: [
                working.id: [
                    ReviewDecision(
                        findingID: working.id, decision: .confirmed,
                        reason: "Siobhán confirmed the date", reviewer: "J. Head",
                        decidedAt: Date(timeIntervalSince1970: 1_719_000_000))
                ]
            ])
    }

    static let redaction = DisclosureRedaction(
        staff: KnownPerson(names: ["Rebecca Hale"]),
        people: [
            KnownPerson(names: ["Zoë Kowalczyk", "Zoe Kowalczyk"], rosterID: "W373247318102"),
            KnownPerson(names: ["Jordan Reece"], handles: ["jordan.r"], rosterID: "J1"),
            // From the archive's friends list: named in the message text only.
            KnownPerson(names: ["Marek Kowalczyk"]),
        ])

    /// Every file of a folder, by relative path, as text.
    static func texts(in folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { continue }
            let relative = String(
                url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            result[relative] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return result
    }

    @Test(
        "the disclosure copy shows third parties as initials everywhere, raw fragments and JSON included"
    )
    func thirdPartiesBecomeInitials() throws {
        // Given a bundle naming the pupil concerned, an adult who replied and a mentioned pupil
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")

        // When it is written with a disclosure copy
        let manifest = try EvidenceWriter().write(
            Self.bundle(), to: out, options: .init(disclosure: Self.redaction))

        // Then no file of the disclosure copy names a third party, in any encoding
        let disclosure = try Self.texts(in: out.appendingPathComponent("disclosure"))
        #expect(disclosure.keys.contains("INC-0001/incident.json"))
        for (path, text) in disclosure {
            let lowered = text.lowercased()
            for name in ["siobh", "bhriain", "marek", "jordan", "n\\u00c3\\u00ad"] {
                #expect(!lowered.contains(name), "\(path) contains \(name)")
            }
        }
        // And the staff member and, on its own page, the pupil concerned are named
        let contactPage = try #require(disclosure["INC-0001/incident.html"])
        #expect(contactPage.contains("Zoë Kowalczyk"))
        #expect(contactPage.contains("Rebecca Hale"))
        #expect(contactPage.contains("S.N.B."))
        #expect(contactPage.contains("M.K. says hi, and J. too"))
        #expect(contactPage.contains(#"Zo\u00c3\u00ab Kowalczyk"#))
        let contactJSON = try #require(disclosure["INC-0001/incident.json"])
        #expect(contactJSON.contains(#""name" : "S.N.B.""#))
        #expect(
            contactJSON.contains(#""handle" : "@S.N.""#)
                || contactJSON.contains(#""handle" : "S.N.""#))
        // But on the page of an incident that does not concern her, the pupil is initials too
        let postPage = try #require(disclosure["INC-0002/incident.html"])
        #expect(!postPage.lowercased().contains("zoë") && !postPage.lowercased().contains("zoe"))
        #expect(
            postPage.contains(
                "Thanks S.N.B. for the <mark title=\"food\">cake</mark>! Z.K. loved it"))
        #expect(postPage.contains("S. confirmed the date"))
        // And the index, which lists every incident, names every pupil concerned
        #expect(try #require(disclosure["index.html"]).contains("Zoë Kowalczyk"))
        #expect(try #require(disclosure["index.html"]).contains("Disclosure copy."))

        // And the full copy beside it is untouched
        let full = try EvidenceFixture.text(out.appendingPathComponent("INC-0001/incident.html"))
        #expect(full.contains("Siobhán"))
        #expect(full.contains("Marek Kowalczyk"))

        // And both copies are sealed: the top manifest lists the disclosure files, and the
        // disclosure copy verifies on its own
        #expect(manifest.kind == "sealed")
        #expect(manifest.files.contains { $0.path == "disclosure/manifest.json" })
        #expect(manifest.files.contains { $0.path == "disclosure/INC-0002/incident.json" })
        #expect(try EvidenceVerifier().verify(directory: out).isIntact)
        let own = try EvidenceVerifier().verify(directory: out.appendingPathComponent("disclosure"))
        #expect(own.isIntact)
        #expect(own.manifest.kind == "disclosure")
        #expect(own.manifest.files.count == 5)
    }

    @Test("attached media are withheld from the disclosure copy")
    func mediaAreWithheld() throws {
        var bundle = Self.bundle()
        var item = Self.post
        item.attachments = [Attachment(kind: .photo, uri: "posts/media/cake.jpg")]
        bundle.items[Self.post.id] = item
        let key = try #require(MediaKey(item: item, attachment: item.attachments[0]))
        bundle.media[key] = MediaEvidence(
            key: key, pathInArchive: "posts/media/cake.jpg", content: .copied(Data("jpeg".utf8)))
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("evidence")

        let manifest = try EvidenceWriter().write(
            bundle, to: out, options: .init(disclosure: Self.redaction))

        #expect(manifest.files.contains { $0.path.hasPrefix("INC-0002/media/") })
        #expect(!manifest.files.contains { $0.path.hasPrefix("disclosure/INC-0002/media/") })
        let page = try EvidenceFixture.text(
            out.appendingPathComponent("disclosure/INC-0002/incident.html"))
        #expect(page.contains("Withheld from this disclosure copy"))
        #expect(page.contains(SHA256Hex.digest(of: Data("jpeg".utf8))))
    }

    @Test("a redactor moves highlight spans with the text and keeps protected surnames")
    func redactorMovesSpans() {
        let redactor = Redactor(
            protecting: [KnownPerson(names: ["Zoë Kowalczyk"])],
            hiding: [
                KnownPerson(names: ["Marek Kowalczyk"]), KnownPerson(names: ["Siobhán Ní Bhriain"]),
            ])
        let text = "Siobhan Ni Bhriain and Marek Kowalczyk met Kowalczyk"
        let result = redactor.apply(
            text,
            spans: [
                TextSpan(start: 0, length: 7, label: "inside"),  // "Siobhan"
                TextSpan(start: 23, length: 5, label: "partly"),  // "Marek"
                TextSpan(start: 43, length: 9, label: "after"),  // "Kowalczyk"
            ])
        #expect(result.text == "S.N.B. and M.K. met Kowalczyk")
        let marked = result.spans.map { span in
            String(Array(result.text)[span.start..<(span.start + span.length)])
        }
        #expect(marked == ["S.N.B.", "M.K.", "Kowalczyk"])
    }

    @Test("two hidden people with the same initials are told apart")
    func sameInitialsAreNumbered() {
        let redactor = Redactor(
            protecting: [],
            hiding: [KnownPerson(names: ["Jordan Reece"]), KnownPerson(names: ["Jade Roberts"])])
        #expect(redactor.apply("Jordan Reece and Jade Roberts") == "J.R. and J.R.(2)")
    }

    @Test("names in folder names, handles and phone numbers are hidden too")
    func compactFormsAndHandles() {
        let redactor = Redactor(
            protecting: [KnownPerson(names: ["Rebecca Hale"], accountIDs: ["+44 7700 900123"])],
            hiding: [
                KnownPerson(
                    names: ["Jordan Reece"], handles: ["jordan.r"], accountIDs: ["+44 7700 900999"])
            ])
        #expect(
            redactor.apply("messages/inbox/jordanreece_4635/message_1.json")
                == "messages/inbox/jr_4635/message_1.json")
        #expect(redactor.apply("@jordan.r wrote") == "@J.R. wrote")
        #expect(
            redactor.apply("from +44 7700 900999 to +44 7700 900123")
                == "from [withheld] to +44 7700 900123")
    }
}
