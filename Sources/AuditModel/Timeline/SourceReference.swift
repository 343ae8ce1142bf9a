/// Exactly where in an archive an item came from, so a reviewer can find it again.
public struct SourceReference: Codable, Sendable, Hashable {
    /// The archive's SHA-256 (hex), which identifies it in the case.
    public var archiveSHA256: String
    /// The archive as the user gave it (a zip or folder path).
    public var archivePath: String
    /// The file inside the archive, relative to its root ("" for a single-file archive).
    public var file: String
    /// Where inside the file: a JSON pointer ("/messages/3"), an HTML element path or "line 42".
    public var locator: String

    public init(archiveSHA256: String, archivePath: String, file: String, locator: String) {
        self.archiveSHA256 = archiveSHA256
        self.archivePath = archivePath
        self.file = file
        self.locator = locator
    }

    /// A one-line citation: "file.json at /messages/3".
    public var citation: String { locator.isEmpty ? file : "\(file) at \(locator)" }
}
