import Foundation

/// Who may use the review page: the one-time token printed by `serve`, exchanged once for a
/// session cookie, and each session's token for its forms (CSRF).
actor ReviewSessions {
    /// A browser that exchanged the token.
    struct Session: Sendable {
        /// Must come back with every form.
        var formToken: String
        /// The reviewer name last used, to fill the next form with.
        var reviewer: String?
        /// What the last action did, shown once on the next page.
        var notice: String?
    }

    /// The token in the printed address; nil once used.
    private var oneTimeToken: String?
    private var sessions: [String: Session] = [:]

    init(oneTimeToken: String = ReviewSessions.randomToken()) {
        self.oneTimeToken = oneTimeToken
    }

    /// The token for the printed address, or nil once it has been used.
    var pendingToken: String? { oneTimeToken }

    /// A new session id when `token` is the unused one-time token (which is then spent),
    /// else nil.
    func exchange(_ token: String) -> String? {
        guard let expected = oneTimeToken, Self.constantTimeEqual(token, expected) else {
            return nil
        }
        oneTimeToken = nil
        let id = Self.randomToken()
        sessions[id] = Session(formToken: Self.randomToken())
        return id
    }

    /// The session with this cookie value, if any.
    func session(_ id: String) -> Session? {
        sessions[id]
    }

    /// Remembers the reviewer's name for the session's next forms.
    func remember(reviewer: String, for id: String) {
        sessions[id]?.reviewer = reviewer
    }

    /// Keeps `notice` for the session's next page.
    func tell(_ notice: String, to id: String) {
        sessions[id]?.notice = notice
    }

    /// The session's notice, which is then forgotten.
    func takeNotice(of id: String) -> String? {
        defer { sessions[id]?.notice = nil }
        return sessions[id]?.notice
    }

    /// 32 random bytes as hex, from the system's secure generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            String(format: "%02x", UInt8.random(in: 0...255, using: &generator))
        }
        .joined()
    }

    /// Compares without stopping at the first difference, so timing tells nothing of the token.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
