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

/// The review server's defences, each on its own: token and cookie, Host, CSRF, content
/// policy, paths, listener.
@Suite struct ReviewServerSecurityTests {
    @Test(
        "without the token every page is 403; the token is exchanged once for an HttpOnly, SameSite=Strict cookie"
    )
    func tokenAndCookie() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        try await sample.server.application(port: 0).test(.router) { client in
            for path in [
                "/", "/case/index.html", "/incidents", "/audit-log", "/evidence",
                "/assets/review.css",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .forbidden, "\(path)")
                }
            }
            try await client.execute(uri: "/?token=wrong", method: .get) {
                #expect($0.status == .forbidden)
            }

            let cookie = try await client.execute(uri: "/?token=\(SampleCase.token)", method: .get)
            { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/case/index.html")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Strict"))
                #expect(setCookie.contains("Path=/"))
                return try #require(setCookie.split(separator: ";").first.map(String.init))
            }
            // The token works once.
            try await client.execute(uri: "/?token=\(SampleCase.token)", method: .get) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(
                uri: "/case/index.html", method: .get, headers: [.cookie: cookie]
            ) { response in
                #expect(response.status == .ok)
                #expect(
                    String(buffer: response.body).contains(
                        "Social media conduct audit: Rebecca Hale"))
            }
            try await client.execute(
                uri: "/case/index.html", method: .get,
                headers: [.cookie: "conduct_audit_session=forged"]
            ) { #expect($0.status == .forbidden) }
        }
        #expect(await sample.server.pendingToken == nil)
    }

    @Test("a request naming another host is refused, even with a valid session (DNS rebinding)")
    func foreignHostRefused() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            for host in ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "10.0.0.5"]
            {
                try await client.execute(
                    uri: "/case/index.html", method: .get,
                    headers: [.cookie: cookie, HTTPField.Name("Host")!: host]
                ) { #expect($0.status == .forbidden, "\(host)") }
            }
            try await client.execute(
                uri: "/?token=\(SampleCase.token)", method: .get,
                headers: [HTTPField.Name("Host")!: "evil.example"]
            ) { #expect($0.status == .forbidden) }
        }
        #expect(ReviewGuard<BasicRequestContext>.isLoopback("127.0.0.1:8080"))
        #expect(ReviewGuard<BasicRequestContext>.isLoopback("localhost"))
        #expect(ReviewGuard<BasicRequestContext>.isLoopback("[::1]:9000"))
        #expect(!ReviewGuard<BasicRequestContext>.isLoopback("localhost.evil.example"))
        #expect(!ReviewGuard<BasicRequestContext>.isLoopback("[::2]:80"))
    }

    @Test(
        "every form carries the session's CSRF token; a post without it or from another site records nothing"
    )
    func csrf() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let finding = try #require(sample.analysis.findings.first { $0.status == .open })
        let incident = try #require(
            sample.analysis.incidents.first { $0.findings.contains(finding.id) })
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            var formToken: String?
            for path in ["/incidents", "/case/\(incident.id)/incident.html", "/evidence"] {
                let html = try await ReviewClient.page(path, client, cookie: cookie)
                let forms = html.components(separatedBy: "<form ").dropFirst()
                let posting = forms.filter { $0.hasPrefix("method=\"post\"") }
                #expect(!posting.isEmpty, "\(path) has a form that posts")
                for form in posting {
                    let token = try #require(ReviewClient.formToken(in: form), "\(path)")
                    #expect(formToken == nil || formToken == token)
                    formToken = token
                }
            }
            let fields =
                "finding=\(finding.id.rawValue)&decision=dismiss&reason=r&reviewer=x&back=/incidents"
            for body in [fields, fields + "&csrf=forged"] {
                try await client.execute(
                    uri: "/decisions", method: .post, headers: ReviewClient.form(cookie),
                    body: ByteBuffer(string: body)
                ) { #expect($0.status == .forbidden) }
            }
            // The right token, but posted by another site's page.
            var headers = ReviewClient.form(cookie)
            headers[.origin] = "http://evil.example"
            try await client.execute(
                uri: "/decisions", method: .post, headers: headers,
                body: ByteBuffer(string: fields + "&csrf=\(formToken ?? "")")
            ) { #expect($0.status == .forbidden) }
        }
        #expect(try sample.database.reviews(of: finding.id).isEmpty)
    }

    @Test(
        "every answer, refusals included, carries Content-Security-Policy default-src 'self' and no inline style"
    )
    func contentSecurityPolicy() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let incident = try #require(sample.analysis.incidents.first)
        try await sample.server.application(port: 0).test(.router) { client in
            try await client.execute(uri: "/incidents", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(
                    response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'")
                        == true)
            }
            let cookie = try await ReviewClient.signIn(client)
            for path in [
                "/case/index.html", "/case/\(incident.id)/incident.html", "/incidents",
                "/audit-log", "/case/nothing",
            ] {
                try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) {
                    response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.hasPrefix("default-src 'self';"), "\(path)")
                    #expect(!policy.contains("unsafe"), "\(path)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    let html = String(buffer: response.body)
                    // An inline style sheet or script would be blocked by the policy.
                    #expect(!html.contains("<style>") && !html.contains("<script"), "\(path)")
                }
            }
        }
    }

    @Test(
        "paths outside the evidence the case renders are 404: .., encoded .., the case file, other incidents' files"
    )
    func traversal() async throws {
        let sample = try SampleCase()
        defer { sample.remove() }
        let incident = try #require(sample.analysis.incidents.first)
        try await sample.server.application(port: 0).test(.router) { client in
            let cookie = try await ReviewClient.signIn(client)
            try await client.execute(
                uri: "/case/\(incident.id)/incident.json", method: .get, headers: [.cookie: cookie]
            ) {
                #expect($0.status == .ok)
                #expect($0.headers[.contentType] == "application/json")
            }
            for path in [
                "/case/\(incident.id)/../../case.sqlite",
                "/case/\(incident.id)/%2e%2e/%2e%2e/case.sqlite",
                "/case/\(incident.id)/media/../../../../etc/passwd", "/case/../case.sqlite",
                "/case/\(incident.id)/media/..%2f..%2fcase.sqlite", "/case/INC-9999/incident.html",
                "/case/\(incident.id)/", "/case/case.sqlite",
                "/case/\(incident.id)/incident.html/..",
            ] {
                try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) {
                    response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(!String(buffer: response.body).contains("SQLite format"), "\(path)")
                }
            }
        }
    }

    @Test("the listener is bound to 127.0.0.1, never to every interface, and answers there")
    func loopbackListener() async throws {
        let configuration = ReviewServer.configuration(port: 8123)
        #expect(configuration.address == .hostname("127.0.0.1", port: 8123))
        #expect(configuration.address != .hostname("0.0.0.0", port: 8123))
        let sample = try SampleCase()
        defer { sample.remove() }
        try await sample.server.application(port: 0).test(.live) { client in
            let port = try #require(client.port)
            #expect(port > 0)
            try await client.execute(uri: "/?token=\(SampleCase.token)", method: .get) { response in
                #expect(response.status == .seeOther)
            }
        }
    }
}

/// Requests as the browser makes them.
enum ReviewClient {
    /// Exchanges the sample's token; returns the Cookie header value.
    static func signIn(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/?token=\(SampleCase.token)", method: .get) { response in
            let setCookie = try #require(response.headers[.setCookie])
            return try #require(setCookie.split(separator: ";").first.map(String.init))
        }
    }

    /// A page's HTML, which must answer 200.
    static func page(_ path: String, _ client: some TestClientProtocol, cookie: String) async throws
        -> String
    {
        try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
            #expect(response.status == .ok, "\(path)")
            return String(buffer: response.body)
        }
    }

    /// The headers of a form post.
    static func form(_ cookie: String) -> HTTPFields {
        [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
    }

    /// The value of the form's hidden `csrf` field.
    static func formToken(in form: String) -> String? {
        guard let field = form.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = form[field.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The form token of a page's first posting form.
    static func formToken(_ path: String, _ client: some TestClientProtocol, cookie: String)
        async throws -> String
    {
        try #require(formToken(in: try await page(path, client, cookie: cookie)))
    }
}
