/// A part of an archive that could not be understood, recorded instead of silently skipped.
public struct ImportIssue: Codable, Sendable, Hashable {
    /// The file inside the archive.
    public var file: String
    /// Where inside the file, when the problem is one item ("/comments_v2/12"); nil for a whole file.
    public var locator: String?
    /// What was wrong, in words a reviewer understands.
    public var reason: String

    public init(file: String, locator: String? = nil, reason: String) {
        self.file = file
        self.locator = locator
        self.reason = reason
    }
}
