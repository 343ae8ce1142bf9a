/// A part of an archive that was not (fully) read, recorded instead of silently skipped.
public struct ImportIssue: Codable, Sendable, Hashable {
    /// How the issue affects what was analysed.
    public enum Kind: String, Codable, Sendable {
        /// Could not be understood (damaged, unknown shape, unreadable bytes): its content was
        /// not analysed. Reviewers must know about it.
        case unreadable
        /// Read and recognised, but deliberately not imported: not the owner's interactions
        /// (settings, suggestions, search history) or not a file the tool reads.
        case notImported = "not-imported"
        /// Imported and analysed, with a caveat a reviewer should know (an assumed time, an
        /// undetermined owner, a missing attachment).
        case caveat
    }

    /// The file inside the archive.
    public var file: String
    /// Where inside the file, when the problem is one item ("/comments_v2/12"); nil for a whole file.
    public var locator: String?
    /// What was wrong, in words a reviewer understands.
    public var reason: String
    public var kind: Kind

    public init(file: String, locator: String? = nil, reason: String, kind: Kind = .unreadable) {
        self.file = file
        self.locator = locator
        self.reason = reason
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case file, locator, reason, kind
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        locator = try container.decodeIfPresent(String.self, forKey: .locator)
        reason = try container.decode(String.self, forKey: .reason)
        // Cases stored before issues had kinds: every issue was shown as unreadable.
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .unreadable
    }
}
