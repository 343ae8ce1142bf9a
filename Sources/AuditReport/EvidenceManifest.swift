import AuditModel
import Foundation

/// The list of every file of an evidence folder with its SHA-256, written last as `manifest.json`.
///
/// ``EvidenceVerifier`` re-hashes the folder against it, so any later change to a page, its JSON
/// or the folder's contents is detected and named.
public struct EvidenceManifest: Codable, Sendable, Equatable {
    /// One file of the folder.
    public struct File: Codable, Sendable, Equatable {
        /// The path relative to the folder, with "/" separators ("INC-0001/incident.html").
        public var path: String
        public var sha256: String
        /// The size in bytes.
        public var size: UInt64

        public init(path: String, sha256: String, size: UInt64) {
            self.path = path
            self.sha256 = sha256
            self.size = size
        }
    }

    /// One audited archive, by the digest that identifies it in the case.
    public struct Archive: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var platform: Platform

        public init(path: String, sha256: String, platform: Platform) {
            self.path = path
            self.sha256 = sha256
            self.platform = platform
        }
    }

    /// The manifest format; a reader refuses a format it does not know.
    public var formatVersion: Int
    public var toolVersion: String
    public var generatedAt: Date
    /// "sealed" for the full copy, "disclosure" for a copy with third parties as initials; nil in
    /// manifests written before the distinction existed.
    public var kind: String?
    /// The staff member whose archives were audited.
    public var staff: String?
    /// The IANA time zone local times are shown in.
    public var timeZone: String?
    /// The audited period, as the index states it.
    public var period: String?
    /// SHA-256 digests of the other inputs (school configuration, roster), by name.
    public var inputHashes: [String: String]
    public var archives: [Archive]
    /// Every file of the folder except the manifest itself, sorted by path.
    public var files: [File]

    /// The format this version writes and reads.
    public static let currentFormatVersion = 1
    /// The manifest's file name inside the folder.
    public static let fileName = "manifest.json"

    public init(
        formatVersion: Int = currentFormatVersion, toolVersion: String, generatedAt: Date,
        kind: String? = nil, staff: String? = nil, timeZone: String? = nil, period: String? = nil,
        inputHashes: [String: String], archives: [Archive], files: [File]
    ) {
        self.formatVersion = formatVersion
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.kind = kind
        self.staff = staff
        self.timeZone = timeZone
        self.period = period
        self.inputHashes = inputHashes
        self.archives = archives
        self.files = files
    }
}
