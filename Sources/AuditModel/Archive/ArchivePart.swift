/// One part of an export that was split across several zips or folders, and the files it held.
///
/// Kept with the archive so that a reviewer citing a file of a split export knows which of the
/// zips to open.
public struct ArchivePart: Codable, Sendable, Hashable {
    /// The part's path as the user gave it.
    public var path: String
    /// The part's own SHA-256 (the archive's digest is computed over these, in order).
    public var sha256: String
    /// The files read from this part, relative to the export's root.
    public var files: [String]

    public init(path: String, sha256: String, files: [String]) {
        self.path = path
        self.sha256 = sha256
        self.files = files
    }
}
