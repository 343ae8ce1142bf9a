import AuditModel
import Foundation

/// An attached media file as the evidence folder presents it: a verified copy of the bytes in the
/// archive, or the reason there is none.
public struct MediaEvidence: Sendable, Equatable {
    /// What the evidence holds for the file.
    public enum Content: Sendable, Equatable {
        /// The file's bytes, read from the archive and checked against the import.
        case copied(Data)
        /// No copy, with the reason in words a reader understands.
        case unavailable(String)
        /// Deliberately left out of a disclosure copy (it may show third parties).
        case withheld
    }

    public var key: MediaKey
    /// The file's path inside the archive, when it was found there.
    public var pathInArchive: String?
    /// The SHA-256 recorded for the file when the archive was imported, if any.
    public var importedSHA256: String?
    public var content: Content

    public init(
        key: MediaKey, pathInArchive: String? = nil, importedSHA256: String? = nil,
        content: Content
    ) {
        self.key = key
        self.pathInArchive = pathInArchive
        self.importedSHA256 = importedSHA256
        self.content = content
    }

    /// The SHA-256 of the copied bytes, when there are some.
    public var sha256: String? {
        if case .copied(let data) = content { return SHA256Hex.digest(of: data) }
        return importedSHA256
    }

    /// The file name to give the copy: the last path component, reduced to safe characters.
    var fileName: String {
        let last = (pathInArchive ?? key.uri).split(separator: "/").last.map(String.init) ?? "media"
        let safe = String(
            last.unicodeScalars.map { scalar -> Character in
                scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar)
                        || "-_.".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        let trimmed = safe.drop { $0 == "." }
        return trimmed.isEmpty ? "media" : String(trimmed.prefix(120))
    }
}
