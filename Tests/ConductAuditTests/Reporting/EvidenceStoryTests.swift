import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The evidence's first screen, next steps, people, charts, times in words and confidence
/// phrases, on the hand-made fixture and variations of it.
@Suite struct EvidenceStoryTests {
    /// The fixture with a second message to the same pupil on Instagram and a follow of a
    /// former pupil, so that people, platforms and kinds of matter vary.
    static func richerBundle() -> EvidenceBundle {
        var bundle = EvidenceFixture.bundle()
        let instagram = TimelineItem(
            platform: .instagram, kind: .message, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), counterparties: [Person(name: "zoe.k")],
            text: "well done today", conversation: "zoe.k",
            occurredAt: Date(timeIntervalSince1970: 1_712_000_000), timeBasis: .explicit,
            source: EvidenceFixture.source("messages/inbox/zoe/message_1.json", "/messages/0"),
            rawFragment: #"{"content": "well done today"}"#)
        let follow = TimelineItem(
            platform: .facebook, kind: .follow, isAuthoredByOwner: true,
            author: Person(name: "Rebecca Hale"), counterparties: [Person(name: "Sam Old")],
            occurredAt: Date(timeIntervalSince1970: 1_715_000_000), timeBasis: .explicit,
            source: EvidenceFixture.source("following.json", "/following/0"),
            rawFragment: #"{"name": "Sam Old"}"#)
        bundle.items[instagram.id] = instagram
        bundle.items[follow.id] = follow
        var second = Finding(
            rule: .pupilContact, severity: .high, confidence: 0.97, item: instagram,
            counterparty: FindingCounterparty(
                name: "zoe.k", handle: "zoe.k", rosterID: "A123456789012",
                matchExplanation: "the roster lists this account"),
            explanation: "A message to a pupil on roll.", incidentKey: "A123456789012/instagram")
        second.status = .open
        var former = Finding(
            rule: .exPupilContact, severity: .medium, confidence: 0.8, item: follow,
            counterparty: FindingCounterparty(
                name: "Sam Old", rosterID: "B999", matchExplanation: "full name matches"),
            explanation: "Follows a former pupil aged 16.", incidentKey: "B999/facebook")
        former.status = .open
        bundle.findings += [second, former]
        bundle.incidents = Incident.group(bundle.findings) { rule, key, _ in
            "\(rule.rawValue) \(key)"
        }
        bundle.pupils = [
            "A123456789012": .init(name: "Zoe Kent", detail: "Year 6"),
            "B999": .init(name: "Sam Oldham", detail: "former pupil (left 2023-07-21)"),
        ]
        return bundle
    }

    @Test("kinds of matter follow KCSIE Part four: messages to pupils and former pupils first")
    func mattersAreClassified() {
        let message = EvidenceFixture.pupilFinding
        #expect(MatterKind.of(rule: .pupilContact, findings: [message]) == .harmsThreshold)
        var follow = message
        follow.activity = .follow
        #expect(MatterKind.of(rule: .pupilContact, findings: [follow]) == .lowLevelConcern)
        #expect(MatterKind.of(rule: .exPupilContact, findings: [follow]) == .harmsThreshold)
        #expect(
            MatterKind.of(rule: .workingHours, findings: [EvidenceFixture.workingHoursFinding])
                == .conduct)
        #expect(MatterKind.of(rule: .abusiveContent, findings: []) == .conduct)
        #expect(MatterKind.of(rule: .childIdentification, findings: []) == .lowLevelConcern)
        var disclosure = message
        disclosure.highlights = [
            TextSpan(start: 0, length: 3, label: "pupil's name"),
            TextSpan(start: 5, length: 3, label: "safeguarding"),
        ]
        #expect(
            MatterKind.of(rule: .confidentialDisclosure, findings: [disclosure]) == .harmsThreshold)
        disclosure.highlights.removeLast()
        #expect(MatterKind.of(rule: .confidentialDisclosure, findings: [disclosure]) == .conduct)
    }

    @Test("next steps cite the guidance and put the LADO first; school.yaml overrides them")
    func nextStepWording() throws {
        let harms = NextStep(.harmsThreshold)
        #expect(harms.text.contains("within one working day"))
        #expect(harms.text.contains("Before any investigation"))
        #expect(harms.text.contains("told only after that consultation"))
        #expect(
            harms.citation
                == "Keeping children safe in education 2025, Part four, Section one: Allegations "
                + "that may meet the harms threshold")
        #expect(NextStep(.lowLevelConcern).text.contains("low-level concerns policy"))
        #expect(NextStep(.lowLevelConcern).citation.contains("Section two"))
        #expect(NextStep(.conduct).text.contains("disciplinary procedure"))

        let yaml =
            try String(
                contentsOf: ReviewWorkflowTests.samples.appendingPathComponent("school.yaml"),
                encoding: .utf8)
                + """

                next_steps:
                  lado_contact: "Sheffield LADO, 0114 000 0000"
                  guidance: "Keeping children safe in education 2026"
                  conduct: "Speak to HR."
                """
        let school = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
        let step = NextStep(.harmsThreshold, settings: school.nextSteps)
        #expect(step.ladoContact == "Sheffield LADO, 0114 000 0000")
        #expect(step.citation.hasPrefix("Keeping children safe in education 2026, Part four"))
        #expect(NextStep(.conduct, settings: school.nextSteps).text == "Speak to HR.")

        let wrong = yaml.replacingOccurrences(of: "conduct: \"Speak", with: "conduct_x: \"Speak")
        #expect(throws: SchoolConfigurationError.self) {
            try SchoolConfiguration.parse(yaml: wrong, file: "school.yaml")
        }
    }

    @Test("people are grouped across platforms by roster id, the gravest matter first")
    func peopleAcrossPlatforms() throws {
        let overview = EvidenceOverview(bundle: Self.richerBundle())
        #expect(overview.people.map(\.name) == ["Zoe Kent", "Sam Oldham"])
        let zoe = try #require(overview.people.first)
        #expect(zoe.findings == 2)
        #expect(zoe.platforms == [.facebook, .instagram])
        #expect(zoe.matter == .harmsThreshold)
        #expect(zoe.incidents.count == 2)
        #expect(
            EvidenceOverview.span(zoe.first, zoe.last, in: EvidenceFixture.london)
                == "Jan 2024–Apr 2024")
        // The period's months, January to July 2024, without gaps.
        #expect(overview.months.count == 7)
        #expect(overview.findingsPerMonth[.workingHours]?[.init(year: 2024, month: 6)] == 1)
        #expect(overview.findingsBySeverity[.high]?[.open] == 2)
        #expect(overview.findingsBySeverity[.low]?[.confirmed] == 1)
    }

    @Test("the first screen says who, what, how serious and what next, with inline SVG charts")
    func firstScreen() throws {
        let html = EvidenceFirstScreen.html(for: Self.richerBundle(), linkPrefix: "../")
        #expect(html.contains("4 findings in 4 incidents on Facebook, Instagram."))
        #expect(html.contains("<strong>3 incidents may meet the harms threshold</strong>"))
        #expect(
            html.contains(
                "<strong>Zoe Kent, Year 6</strong>: 2 findings on 2 platforms, Jan 2024–Apr 2024"))
        #expect(html.contains("<strong>Sam Oldham, former pupil (left 2023-07-21)</strong>"))
        #expect(html.contains("<h2>What to do next</h2>"))
        #expect(html.contains("May meet the harms threshold: 3 incidents"))
        #expect(html.contains("Conduct matter: 1 incident<"))
        #expect(html.contains(#"<a href="../INC-0001/incident.html">INC-0001</a>"#))
        #expect(html.components(separatedBy: #"<svg class="chart""#).count == 3)
        #expect(html.contains("<title>working-hours, Jun 2024: 1 finding(s)</title>"))
        // The screen is the index's opening.
        let index = IndexPage(
            bundle: Self.richerBundle(), exhibits: ExhibitIndex(bundle: Self.richerBundle())
        )
        .render()
        #expect(index.contains(EvidenceFirstScreen.html(for: Self.richerBundle())))
        #expect(index.contains("<h2>Incidents by person</h2>"))
        #expect(index.contains("<h2>All incidents, in time order</h2>"))
    }

    @Test("low-severity working-hours incidents are grouped by month on the index")
    func workingHoursByMonth() throws {
        var bundle = EvidenceFixture.bundle()
        let base = EvidenceFixture.workingHoursFinding
        for day in 0..<4 {
            var finding = base
            finding.id = FindingID(rawValue: "F-00000000000\(day)")
            finding.occurredAt = Date(timeIntervalSince1970: 1_718_183_700 + Double(day) * 86_400)
            finding.incidentKey = "2024-06-1\(3 + day)"
            bundle.findings.append(finding)
        }
        bundle.incidents = Incident.group(bundle.findings) { rule, key, _ in
            "\(rule.rawValue) \(key)"
        }
        let html = IncidentGroups(bundle: bundle, overview: EvidenceOverview(bundle: bundle))
            .render()
        #expect(html.contains(#"<table class="grouped">"#))
        #expect(html.contains(#"<td class="nw">Jun 2024</td><td class="number">5</td>"#))
    }

    @Test("local times read as people write them, with the zone's usual abbreviation")
    func zoneAbbreviations() {
        let summer = Date(timeIntervalSince1970: 1_728_753_600)  // 2024-10-12 17:20 UTC
        let london = ZonedDateTime(summer, in: EvidenceFixture.london)
        #expect(
            "\(london.shortDate), \(london.shortClock) \(london.zoneAbbreviation)"
                == "Sat 12 Oct 2024, 18:20 BST")
        let winter = ZonedDateTime(
            Date(timeIntervalSince1970: 1_704_895_200), in: EvidenceFixture.london)
        #expect(winter.zoneAbbreviation == "GMT")
        let paris = ZonedDateTime(summer, in: TimeZone(identifier: "Europe/Paris") ?? .current)
        #expect(paris.zoneAbbreviation == "UTC+02:00")
        // Near midnight the UTC date differs and is written out.
        let late = Date(timeIntervalSince1970: 1_728_774_000)  // 2024-10-12 23:00 UTC = 00:00 BST
        let html = EvidencePresentation(bundle: EvidenceFixture.bundle()).time(late)
        #expect(html.contains("Sun 13 Oct 2024,</span> <span class=\"nw\">00:00 BST"))
        #expect(html.contains("(Sat 12 Oct 2024, 23:00 UTC)"))
    }

    @Test("confidence is a phrase saying what it rests on; the number stays in the JSON")
    func confidencePhrases() throws {
        let pupil = EvidenceFixture.pupilFinding
        #expect(
            EvidencePresentation.confidencePhrase(pupil, item: EvidenceFixture.winterMessage)
                == "Near certain: display name 'Zoe Kent' equals the pupil's legal name; the "
                + "time is the phone's clock, read in the school's zone")
        var unsure = EvidenceFixture.workingHoursFinding
        unsure.confidence = 0.6
        #expect(
            EvidencePresentation.confidencePhrase(unsure, item: EvidenceFixture.summerPost)
                == "Possible: the time the platform recorded and the staff timetable")
        let root = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try EvidenceWriter().write(EvidenceFixture.bundle(), to: root.appendingPathComponent("e"))
        let json = try EvidenceFixture.text(root.appendingPathComponent("e/INC-0001/incident.json"))
        #expect(json.contains(#""confidence" : 0.9"#))
    }
}
