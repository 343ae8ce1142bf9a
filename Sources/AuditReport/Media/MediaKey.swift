import AuditModel

/// Identifies one attached media file: the archive it is in and the path the export gives it.
public struct MediaKey: Codable, Sendable, Hashable, Comparable {
    /// The SHA-256 of the archive holding the file.
    public var archiveSHA256: String
    /// The attachment's `uri` as the export wrote it (relative to the export's root).
    public var uri: String

    public init(archiveSHA256: String, uri: String) {
        self.archiveSHA256 = archiveSHA256
        self.uri = uri
    }

    /// The key of an item's attachment, or nil when the attachment is not a file in the archive
    /// (a link, a place, a web address).
    public init?(item: TimelineItem, attachment: Attachment) {
        guard let uri = attachment.uri, Self.isArchivePath(uri),
            attachment.kind != .link, attachment.kind != .place
        else { return nil }
        self.init(archiveSHA256: item.source.archiveSHA256, uri: uri)
    }

    public static func < (lhs: MediaKey, rhs: MediaKey) -> Bool {
        (lhs.archiveSHA256, lhs.uri) < (rhs.archiveSHA256, rhs.uri)
    }

    /// Whether a uri names a file inside the export rather than a web address.
    static func isArchivePath(_ uri: String) -> Bool {
        let lowered = uri.lowercased()
        return
            !(lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
            || lowered.hasPrefix("mailto:") || lowered.hasPrefix("data:"))
    }
}
