import Foundation
import HTTPTypes
import Hummingbird

/// Every request to the review server passes here first: requests naming another host are
/// refused (a page elsewhere cannot reach the server through DNS rebinding), the printed token
/// is exchanged once for a session cookie, requests without a session get 403, and every answer
/// carries headers that keep it on this computer and in this browser tab.
struct ReviewGuard<Context: RequestContext>: RouterMiddleware {
    let sessions: ReviewSessions

    /// The session cookie's name.
    static var cookieName: String { "conduct_audit_session" }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await guarded(request, context: context, next: next)
        for (name, value) in Self.securityHeaders {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }

    /// The headers every answer carries.
    static var securityHeaders: [(String, String)] {
        [
            (
                "Content-Security-Policy",
                "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Cache-Control", "no-store"),
        ]
    }

    /// The Host field's name (HTTPTypes offers no constant: it wants the authority used).
    private static var hostField: HTTPField.Name? { HTTPField.Name("Host") }

    private func guarded(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // HTTP/1's Host header arrives as the authority; a Host field left among the headers
        // is checked too.
        let hostFields = Self.hostField.map { request.headers[values: $0] } ?? []
        let hosts = (request.head.authority.map { [$0] } ?? []) + hostFields
        guard !hosts.isEmpty, hosts.allSatisfy(Self.isLoopback) else {
            return Self.refusal(.forbidden, "This page answers only to 127.0.0.1 and localhost.")
        }
        if let origin = request.headers[.origin], !Self.isLoopbackOrigin(origin) {
            return Self.refusal(.forbidden, "Requests from other sites are refused.")
        }
        let query = FormFields(request.uri.query ?? "")
        if let token = query["token"] {
            guard request.method == .get, let session = await sessions.exchange(token) else {
                return Self.refusal(
                    .forbidden,
                    "This address has been used already. Restart 'conduct-audit serve' for a new one."
                )
            }
            var response = Response(status: .seeOther)
            response.headers[.location] =
                request.uri.path == "/" ? "/case/index.html" : request.uri.path
            response.headers[.setCookie] =
                "\(Self.cookieName)=\(session); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        guard let id = Self.cookie(Self.cookieName, in: request),
            await sessions.session(id) != nil
        else {
            return Self.refusal(
                .forbidden,
                "Open the address 'conduct-audit serve' printed (it works once, in one browser).")
        }
        return try await next(request, context)
    }

    /// Whether `authority` (a Host header: name and optional port) names this computer.
    static func isLoopback(_ authority: String) -> Bool {
        var host = authority.lowercased()
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        return host == "127.0.0.1" || host == "localhost" || host == "::1"
    }

    private static func isLoopbackOrigin(_ origin: String) -> Bool {
        guard let url = URL(string: origin), url.scheme == "http", let host = url.host else {
            return false
        }
        return isLoopback(host.contains(":") ? "[\(host)]" : host)
    }

    /// The value of cookie `name` in the request's Cookie headers.
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(
                    separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == name { return String(parts[1]) }
            }
        }
        return nil
    }

    static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var response = Response(
            status: status,
            body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
        response.headers[.contentType] = "text/plain; charset=utf-8"
        return response
    }
}
