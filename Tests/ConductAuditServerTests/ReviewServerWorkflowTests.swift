import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import ConductAudit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConductAuditServer

/// What HR does on the page: filter, search, decide on one finding or a set, read the audit log,
/// write the sealed folder; and the command line working on the same case at the same time.
@Suite struct ReviewServerWorkflowTests {
    @Test(
        "a decision on a ticked set is recorded per finding, with reason and reviewer, and logged once per finding"
    )
    func decisionOnASet() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let open = sample.analysis.findings.filter { $0.status == .open }
        let chosen = Array(open.prefix(3))
        try #require(chosen.count == 3)
        let logBefore = try sample.database.auditLog().count
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            let token = try await ReviewClient.formToken("/incidents", client, cookie: cookie)
            let body =
                chosen.map { "finding=\($0.id.rawValue.lowercased())" }.joined(separator: "&")
                + "&decision=dismiss&reason=Posted+by+a+timer+app+%26+checked&reviewer=J.+Smith+%28HR%29"
                + "&back=%2Fincidents%3Frule%3Dworking-hours&csrf=\(token)"
            try await client.execute(
                uri: "/decisions", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/incidents?rule=working-hours")
            }
            // The next page says what was recorded (once), shows the new status and keeps the
            // reviewer's name for the next form.
            let html = try await ReviewClient.page(
                "/incidents?status=dismissed", client, cookie: cookie)
            for finding in chosen { #expect(html.contains("value=\"\(finding.id.rawValue)\"")) }
            let notice = try #require(
                html.components(separatedBy: "<p class=\"notice\" role=\"status\">").dropFirst()
                    .first)
            for finding in chosen { #expect(notice.prefix(200).contains(finding.id.rawValue)) }
            #expect(html.contains("value=\"J. Smith (HR)\""))
            let again = try await ReviewClient.page("/incidents", client, cookie: cookie)
            #expect(!again.contains("class=\"notice\""))
        }
        for finding in chosen {
            let reviews = try sample.database.reviews(of: finding.id)
            #expect(reviews.count == 1)
            #expect(reviews.first?.decision == .dismissed)
            #expect(reviews.first?.reason == "Posted by a timer app & checked")
            #expect(reviews.first?.reviewer == "J. Smith (HR)")
        }
        let log = try sample.database.auditLog().dropFirst(logBefore)
        #expect(log.count == 3)
        #expect(
            log.allSatisfy {
                $0.command == "serve" && $0.summary.hasPrefix("J. Smith (HR) marked F-")
            })
        #expect(
            Set(
                log.compactMap { entry in chosen.first { entry.summary.contains($0.id.rawValue) } }
                    .map(\.id)
            ).count == 3)
    }

    @Test(
        "an incident's outcome is recorded from its page through the library's one function, and logged"
    )
    func outcomeFromThePage() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let incident = try #require(sample.analysis.incidents.first { $0.rule == .pupilContact })
        let page = "/case/\(incident.id)/incident.html"
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            let html = try await ReviewClient.page(page, client, cookie: cookie)
            #expect(html.contains("<section id=\"incident-outcome\">"))
            #expect(html.contains("value=\"unsubstantiated\""))
            let token = try await ReviewClient.formToken(page, client, cookie: cookie)
            // Without a reason nothing is recorded.
            try await client.execute(
                uri: "/outcome", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(
                    string:
                        "incident=\(incident.id)&outcome=unfounded&reason=&reviewer=x&csrf=\(token)"
                )
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("Give the reason"))
            }
            // Without the form's token nothing is recorded either.
            try await client.execute(
                uri: "/outcome", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(
                    string: "incident=\(incident.id)&outcome=unfounded&reason=r&reviewer=x")
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/outcome", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(
                    string: "incident=\(incident.id.lowercased())&outcome=unfounded"
                        + "&reason=The+account+is+the+pupil%27s+uncle&reviewer=J.+Smith+%28HR%29"
                        + "&back=\(page.replacingOccurrences(of: "/", with: "%2F"))&csrf=\(token)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == page)
            }
            let after = try await ReviewClient.page(page, client, cookie: cookie)
            #expect(after.contains("Recorded: \(incident.id) unfounded by J. Smith (HR)"))
        }
        let outcomes = try sample.database.outcomes()
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.incidentID == incident.id)
        #expect(outcomes.first?.outcome == .unfounded)
        #expect(outcomes.first?.reason == "The account is the pupil's uncle")
        let entry = try #require(try sample.database.auditLog().last)
        #expect(entry.command == "outcome")
        #expect(entry.summary.hasPrefix("J. Smith (HR) recorded \(incident.id)"))
    }

    @Test(
        "a form missing the decision, reason or reviewer records nothing and says what is missing")
    func incompleteDecision() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let finding = try #require(sample.analysis.findings.first { $0.status == .open })
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            let token = try await ReviewClient.formToken("/incidents", client, cookie: cookie)
            try await client.execute(
                uri: "/decisions", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(
                    string:
                        "finding=\(finding.id.rawValue)&decision=dismiss&reason=+&reviewer=&csrf=\(token)"
                )
            ) { response in
                #expect(response.status == .badRequest)
                let html = String(buffer: response.body)
                #expect(html.contains("Give the reason"))
                #expect(html.contains("Give the reviewer"))
            }
            // An unknown finding among known ones: nothing of the batch is recorded.
            try await client.execute(
                uri: "/decisions", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(
                    string:
                        "finding=\(finding.id.rawValue)&finding=F-000000000000&decision=confirm&reason=r&reviewer=x&csrf=\(token)"
                )
            ) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("F-000000000000"))
            }
        }
        #expect(try sample.database.reviews(of: finding.id).isEmpty)
    }

    @Test(
        "filters by rule, status, severity, person, platform and period, and the case's full-text search, narrow the list"
    )
    func filters() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let findings = sample.analysis.findings
        let contact = try #require(
            findings.first { $0.rule == .pupilContact && $0.counterparty?.name != nil })
        let person = try #require(contact.counterparty?.name)
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            func listed(_ query: String) async throws -> Set<String> {
                let html = try await ReviewClient.page(
                    "/incidents?" + query, client, cookie: cookie)
                return Set(findings.map(\.id.rawValue).filter { html.contains("value=\"\($0)\"") })
            }
            #expect(try await listed("") == Set(findings.map(\.id.rawValue)))
            #expect(
                try await listed("rule=pupil-contact")
                    == Set(findings.filter { $0.rule == .pupilContact }.map(\.id.rawValue)))
            #expect(
                try await listed("severity=high")
                    == Set(findings.filter { $0.severity == .high }.map(\.id.rawValue)))
            #expect(
                try await listed("status=declared")
                    == Set(findings.filter { $0.status == .declared }.map(\.id.rawValue)))
            #expect(
                try await listed("platform=whatsapp")
                    == Set(findings.filter { $0.platform == .whatsapp }.map(\.id.rawValue)))
            let byPerson = try await listed("person=" + FormFields.encode(person.uppercased()))
            #expect(byPerson.contains(contact.id.rawValue))
            #expect(
                byPerson
                    == Set(
                        findings.filter {
                            $0.counterparty?.name?.lowercased().contains(person.lowercased())
                                == true
                                || $0.counterparty?.handle?.lowercased().contains(
                                    person.lowercased()) == true
                                || $0.counterparty?.rosterID?.lowercased().contains(
                                    person.lowercased()) == true
                        }.map(\.id.rawValue)))
            let timed = findings.compactMap(\.occurredAt).sorted()
            let zone = TimeZone(identifier: "Europe/London")!
            let firstDay = LocalDay.containing(try #require(timed.first), in: zone)
            #expect(
                try await listed("from=\(firstDay)&to=\(firstDay)")
                    == Set(
                        findings.filter {
                            $0.occurredAt.map { LocalDay.containing($0, in: zone) == firstDay }
                                ?? false
                        }.map(\.id.rawValue)))
            #expect(try await listed("from=2000-01-01&to=2000-01-02").isEmpty)
            // Full text: the words of a finding's own item find it, and words in no item find nothing.
            let word = try #require(
                contact.excerpt?.split(separator: " ").map(String.init).first {
                    $0.count >= 6 && $0.allSatisfy(\.isLetter)
                })
            #expect(try await listed("q=" + FormFields.encode(word)).contains(contact.id.rawValue))
            #expect(try await listed("q=zzqxjvunfindable").isEmpty)
            let bad = try await ReviewClient.page(
                "/incidents?severity=extreme&from=13%2F03%2F2025", client, cookie: cookie)
            #expect(bad.contains("No severity &#39;extreme&#39;."))
            #expect(bad.contains("is not a day"))
        }
    }

    @Test(
        "an incident's page is its evidence page (findings, context, raw source, media links) with the decision form above"
    )
    func incidentPage() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let evidence = EvidencePages(
            bundle: try sample.report.bundle(
                for: sample.analysis, database: sample.database,
                archives: try sample.database.archives()
            ).bundle)
        let incident = try #require(sample.analysis.incidents.first { $0.rule == .pupilContact })
        let files = try #require(try evidence.incidentFiles(id: incident.id))
        let original = String(decoding: try #require(files["incident.html"]), as: UTF8.self)
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            let html = try await ReviewClient.page(
                "/case/\(incident.id)/incident.html", client, cookie: cookie)
            #expect(html.contains("<section id=\"finding-decisions\">"))
            for id in incident.findings { #expect(html.contains("value=\"\(id.rawValue)\"")) }
            // The evidence page's body is there unchanged, after the review panel (but for the
            // time the page was generated).
            func lines(_ page: String) -> [String] {
                (page.components(separatedBy: "<body>\n").last ?? "").split(separator: "\n")
                    .map(String.init).filter {
                        !$0.contains(">Generated<") && !$0.contains(" Generated <time")
                    }
            }
            let body = lines(original)
            #expect(body.count > 20)
            #expect(Array(lines(html).suffix(body.count)) == body)
            for (path, data) in files where path.hasPrefix("media/") {
                try await client.execute(
                    uri: "/case/\(incident.id)/\(path)", method: .get, headers: [.cookie: cookie]
                ) { response in
                    #expect(response.status == .ok)
                    #expect(Data(response.body.readableBytesView) == data)
                }
            }
        }
    }

    @Test(
        "'Write the sealed evidence folder' writes what report writes, with the decisions, and logs it"
    )
    func writeEvidence() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let finding = try #require(sample.analysis.findings.first { $0.status == .open })
        let evidence = sample.folder.appendingPathComponent("evidence")
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            let token = try await ReviewClient.formToken("/evidence", client, cookie: cookie)
            try await client.execute(
                uri: "/decisions", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(
                    string:
                        "finding=\(finding.id.rawValue)&decision=confirm&reason=Admitted&reviewer=M.+Whitfield&csrf=\(token)"
                ))
            try await client.execute(
                uri: "/evidence", method: .post, headers: ReviewClient.form(cookie),
                body: ByteBuffer(string: "csrf=\(token)&redact=1")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(evidence.path))
            }
        }
        let written = try EvidenceVerifier().verify(directory: evidence)
        #expect(written.isIntact)
        let page = try String(
            contentsOf: evidence.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(
            page.contains("M. Whitfield")
                || FileManager.default.fileExists(
                    atPath: evidence.appendingPathComponent("disclosure/index.html").path)
        )
        // The same pipeline as `report` (CaseReport.rewrite) writes the same files.
        let byReport = sample.folder.appendingPathComponent("by-report")
        var report = sample.report
        report.redactThirdParties = true
        _ = try report.rewrite(sample.database, to: byReport, command: "report", arguments: [])
        let files = { (folder: URL) -> Set<String> in
            let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]
            return Set(paths ?? [])
        }
        #expect(files(evidence).count > 3)
        #expect(files(evidence) == files(byReport))
        let log = try sample.database.auditLog()
        #expect(
            log.contains {
                $0.command == "serve" && $0.summary.hasPrefix("re-rendered")
                    && $0.arguments.contains("--redact-third-parties")
            })
    }

    @Test("the audit log page lists every entry, newest first")
    func auditLogPage() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        try sample.database.appendAuditLog(
            AuditLogEntry(
                at: Date(), command: "review", arguments: ["F-1"], toolVersion: "t",
                summary: "A <first> entry"))
        try sample.database.appendAuditLog(
            AuditLogEntry(
                at: Date(), command: "review", arguments: ["F-2"], toolVersion: "t",
                summary: "The second entry"))
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            let html = try await ReviewClient.page("/audit-log", client, cookie: cookie)
            let second = try #require(html.range(of: "The second entry"))
            let first = try #require(html.range(of: "A &lt;first&gt; entry"))
            #expect(second.lowerBound < first.lowerBound)
        }
    }
}
