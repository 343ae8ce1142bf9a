import AuditReport
import ConductAudit
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `conduct-audit serve`: a local web page on which HR works through a case (reads the
/// evidence, filters and searches the findings, records decisions, writes the sealed folder),
/// listening on 127.0.0.1 only and open only to the browser that used the printed address.
///
/// Every action calls the library function its command-line counterpart calls.
public struct ReviewServer: Sendable {
    /// The only address the server listens on.
    public static let host = "127.0.0.1"

    public let reviewCase: ReviewCase
    let sessions: ReviewSessions
    let timeZone: TimeZone

    /// - Parameters:
    ///   - reviewCase: the case and how its evidence is written.
    ///   - timeZone: the school's zone, in which times are shown and filter days read.
    ///   - token: the one-time token of the printed address (random unless a test gives one).
    public init(reviewCase: ReviewCase, timeZone: TimeZone, token: String? = nil) {
        self.reviewCase = reviewCase
        self.timeZone = timeZone
        sessions = ReviewSessions(oneTimeToken: token ?? ReviewSessions.randomToken())
    }

    /// The one-time token of the printed address, until it is used.
    public var pendingToken: String? {
        get async { await sessions.pendingToken }
    }

    /// The application configuration: bound to 127.0.0.1 (never every interface) on `port`
    /// (0: a free port the system chooses).
    public static func configuration(port: Int) -> ApplicationConfiguration {
        ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil)
    }

    /// The server as a Hummingbird application; `onReady` gets the address to print (with the
    /// token) once it listens.
    public func application(
        port: Int, onReady: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let sessions = sessions
        return Application(
            router: router(), configuration: Self.configuration(port: port),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let token = await sessions.pendingToken ?? ""
                await onReady("http://\(Self.host):\(bound)/?token=\(token)")
            },
            logger: {
                var logger = Logger(label: "conduct-audit serve")
                logger.logLevel = .warning
                return logger
            }())
    }

    /// Listens until the process is told to stop (Ctrl-C, SIGTERM), then finishes the requests
    /// in flight.
    public func run(port: Int, onReady: @escaping @Sendable (String) async -> Void) async throws {
        try await application(port: port, onReady: onReady).runService()
    }

    /// The routes, behind ``ReviewGuard``.
    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ReviewGuard(sessions: sessions))
        let handlers = ReviewHandlers(
            reviewCase: reviewCase, sessions: sessions, timeZone: timeZone)
        router.get("/") { _, _ in
            var response = Response(status: .seeOther)
            response.headers[.location] = "/case/index.html"
            return response
        }
        router.get("/assets/evidence.css") { _, _ in
            Self.text(EvidencePages.styleSheet, type: "text/css; charset=utf-8")
        }
        router.get("/assets/review.css") { _, _ in
            Self.text(ReviewPages.styleSheet, type: "text/css; charset=utf-8")
        }
        router.get("/case/**") { request, context in
            try await handlers.evidenceFile(
                context.parameters.getCatchAll().map(String.init), request: request)
        }
        router.get("/incidents") { request, _ in try await handlers.incidents(request) }
        router.post("/decisions") { request, _ in try await handlers.decide(request) }
        router.post("/outcome") { request, _ in try await handlers.recordOutcome(request) }
        router.get("/audit-log") { request, _ in try await handlers.auditLog(request) }
        router.get("/evidence") { request, _ in try await handlers.evidenceForm(request) }
        router.post("/evidence") { request, _ in try await handlers.writeEvidence(request) }
        return router
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(
            status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentType] = type
        return response
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        text(html, type: "text/html; charset=utf-8", status: status)
    }
}
