import AuditAnalysis
import AuditModel
import AuditStore
import ConductAudit
import Foundation
import HTTPTypes
import Hummingbird

/// What each route of the review server does.
struct ReviewHandlers: Sendable {
    let reviewCase: ReviewCase
    let sessions: ReviewSessions
    let timeZone: TimeZone

    /// The largest form body read (a decision on every finding of a large case fits).
    static let maximumFormSize = 4 << 20

    /// A file of the evidence folder as the sealed folder would hold it (`index.html`,
    /// `INC-nnnn/incident.html`, its JSON and media), the pages framed for review. Any other
    /// path, `..` included, is 404: only files the evidence itself renders are served.
    func evidenceFile(_ segments: [String], request: Request) async throws -> Response {
        let pages = try await self.pages(for: request)
        let (evidence, analysis) = try await reviewCase.current()
        if segments == ["index.html"] {
            return ReviewServer.html(
                pages.framed(evidencePage: evidence.index(), current: .summary))
        }
        guard segments.count >= 2, segments.allSatisfy({ $0 != ".." && $0 != "." && !$0.isEmpty }),
            let incident = analysis.incidents.first(where: { $0.id == segments[0] }),
            let files = try evidence.incidentFiles(id: incident.id),
            let data = files[segments.dropFirst().joined(separator: "/")]
        else {
            return ReviewServer.text(
                "Not found.\n", type: "text/plain; charset=utf-8", status: .notFound)
        }
        let path = segments.dropFirst().joined(separator: "/")
        if path == "incident.html" {
            let findings = analysis.findings.filter { incident.findings.contains($0.id) }
            let panel = pages.incidentPanel(incident: incident, findings: findings)
            return ReviewServer.html(
                pages.framed(
                    evidencePage: String(decoding: data, as: UTF8.self), current: .incidents,
                    panel: panel))
        }
        var response = Response(
            status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.contentType] = Self.mediaType(of: path)
        return response
    }

    func incidents(_ request: Request) async throws -> Response {
        let pages = try await self.pages(for: request)
        let filter = IncidentFilter(FormFields(request.uri.query ?? ""))
        let (_, analysis) = try await reviewCase.current()
        var matching: Set<ItemID>?
        if let query = filter.query { matching = try await reviewCase.items(matching: query) }
        let byID = Dictionary(
            analysis.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [(finding: Finding, incident: Incident)] = []
        for incident in analysis.incidents {
            for id in incident.findings {
                guard let finding = byID[id],
                    filter.admits(finding, in: timeZone, matchingItems: matching)
                else { continue }
                rows.append((finding, incident))
            }
        }
        let platforms = Array(Set(analysis.findings.map(\.platform))).sorted()
        let back = "/incidents" + (request.uri.query.map { "?" + $0 } ?? "")
        return ReviewServer.html(
            pages.incidents(
                filter: filter, rows: rows, incidentCount: analysis.incidents.count,
                platforms: platforms, back: back))
    }

    /// Records the decision of a form on each finding ticked, through the library function
    /// `review` uses, then returns to the page the form was on.
    func decide(_ request: Request) async throws -> Response {
        let (form, session, pages) = try await checkedForm(request)
        guard let form, let session, let pages else {
            return ReviewGuard<BasicRequestContext>.refusal(
                .forbidden,
                "The form is stale or not from this page; reload the page and try again.")
        }
        let back = Self.safeBack(form["back"])
        let findings = form.all("finding").map(FindingID.init(typed:))
        let statuses: [String: ReviewStatus] = [
            "confirm": .confirmed, "dismiss": .dismissed, "declared": .declared, "reopen": .open,
        ]
        var problems: [String] = []
        if findings.isEmpty { problems.append("Tick at least one finding.") }
        let status = form["decision"].flatMap { statuses[$0] }
        if status == nil {
            problems.append("Choose a decision: confirm, dismiss, declared or reopen.")
        }
        let reason = form["reason"]
        if reason == nil { problems.append("Give the reason for the decision.") }
        let reviewer = form["reviewer"]
        if reviewer == nil { problems.append("Give the reviewer's name and role.") }
        guard problems.isEmpty, let status, let reason, let reviewer else {
            return ReviewServer.html(
                pages.problem("Nothing recorded", problems.joined(separator: " "), back: back),
                status: .badRequest)
        }
        await sessions.remember(reviewer: reviewer, for: session)
        let now = Date()
        do {
            try await reviewCase.record(
                findings.map {
                    ReviewDecision(
                        findingID: $0, decision: status, reason: reason, reviewer: reviewer,
                        decidedAt: now)
                })
        } catch let error as StoreError {
            return ReviewServer.html(
                pages.problem("Nothing recorded", error.localizedDescription, back: back),
                status: .conflict)
        }
        await sessions.tell(
            "Recorded: \(findings.map(\.rawValue).joined(separator: ", ")) \(status.rawValue) "
                + "by \(reviewer), each in the audit log.", to: session)
        var response = Response(status: .seeOther)
        response.headers[.location] = back
        return response
    }

    /// Records an incident's outcome in KCSIE's terms through the library function `outcome`
    /// uses, then returns to the incident.
    func recordOutcome(_ request: Request) async throws -> Response {
        let (form, session, pages) = try await checkedForm(request)
        guard let form, let session, let pages else {
            return ReviewGuard<BasicRequestContext>.refusal(
                .forbidden,
                "The form is stale or not from this page; reload the page and try again.")
        }
        let back = Self.safeBack(form["back"])
        var problems: [String] = []
        let incident = form["incident"]
        if incident == nil { problems.append("The form names no incident.") }
        let outcome = form["outcome"].flatMap(OutcomeKind.init(rawValue:))
        if outcome == nil {
            problems.append(
                "Choose an outcome: "
                    + OutcomeKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let reason = form["reason"]
        if reason == nil { problems.append("Give the reason for the outcome.") }
        let reviewer = form["reviewer"]
        if reviewer == nil { problems.append("Give the reviewer's name and role.") }
        guard problems.isEmpty, let incident, let outcome, let reason, let reviewer else {
            return ReviewServer.html(
                pages.problem("Nothing recorded", problems.joined(separator: " "), back: back),
                status: .badRequest)
        }
        await sessions.remember(reviewer: reviewer, for: session)
        do {
            let recorded = try await reviewCase.recordOutcome(
                incident: incident, outcome: outcome, reason: reason, reviewer: reviewer)
            await sessions.tell(
                "Recorded: \(recorded.incidentID) \(recorded.outcome.rawValue) by \(reviewer), "
                    + "in the audit log.", to: session)
        } catch let error as StoreError {
            return ReviewServer.html(
                pages.problem("Nothing recorded", error.localizedDescription, back: back),
                status: .conflict)
        }
        var response = Response(status: .seeOther)
        response.headers[.location] = back
        return response
    }

    func auditLog(_ request: Request) async throws -> Response {
        let pages = try await self.pages(for: request)
        return ReviewServer.html(pages.auditLog(try await reviewCase.auditLog()))
    }

    func evidenceForm(_ request: Request) async throws -> Response {
        let pages = try await self.pages(for: request)
        return ReviewServer.html(pages.evidenceForm(folder: reviewCase.evidenceFolder))
    }

    /// Writes the sealed evidence folder through the library function `report` uses.
    func writeEvidence(_ request: Request) async throws -> Response {
        let (form, _, pages) = try await checkedForm(request)
        guard let form, let pages else {
            return ReviewGuard<BasicRequestContext>.refusal(
                .forbidden,
                "The form is stale or not from this page; reload the page and try again.")
        }
        do {
            let outcome = try await reviewCase.writeEvidence(
                pdf: form["pdf"] != nil, redactThirdParties: form["redact"] != nil)
            return ReviewServer.html(pages.evidenceWritten(outcome))
        } catch let error as LocalizedError {
            return ReviewServer.html(
                pages.problem(
                    "The evidence folder was not written", error.errorDescription ?? "\(error)",
                    back: "/evidence"),
                status: .internalServerError)
        }
    }

    // MARK: Pieces

    /// The page maker for the request's session (the guard has checked there is one).
    private func pages(for request: Request) async throws -> ReviewPages {
        let id =
            ReviewGuard<BasicRequestContext>.cookie(
                ReviewGuard<BasicRequestContext>.cookieName, in: request) ?? ""
        let session = await sessions.session(id)
        return ReviewPages(
            formToken: session?.formToken ?? "", reviewer: session?.reviewer, timeZone: timeZone,
            notice: await sessions.takeNotice(of: id))
    }

    /// The posted form, its session id and page maker, or nils when the form's token is not the
    /// session's (a request forged by another page).
    private func checkedForm(_ request: Request) async throws -> (
        FormFields?, String?, ReviewPages?
    ) {
        var request = request
        let body = try await request.collectBody(upTo: Self.maximumFormSize)
        let form = FormFields(String(buffer: body))
        let id =
            ReviewGuard<BasicRequestContext>.cookie(
                ReviewGuard<BasicRequestContext>.cookieName, in: request) ?? ""
        guard let session = await sessions.session(id), let token = form["csrf"],
            ReviewSessions.constantTimeEqual(token, session.formToken)
        else { return (nil, nil, nil) }
        return (
            form, id,
            ReviewPages(
                formToken: session.formToken, reviewer: session.reviewer, timeZone: timeZone)
        )
    }

    /// `back` when it is a path on this server, else the incidents page.
    static func safeBack(_ back: String?) -> String {
        guard let back, back.hasPrefix("/"), !back.hasPrefix("//"), !back.contains("\\") else {
            return "/incidents"
        }
        return back
    }

    static func mediaType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": "application/json"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "mp4": "video/mp4"
        case "html": "text/html; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
