/// What re-hashing an evidence folder against its manifest found.
public struct VerificationReport: Sendable, Equatable {
    /// How one changed file differs from what the manifest records.
    public struct Difference: Sendable, Equatable {
        public var path: String
        public var expectedSHA256: String
        /// The file's SHA-256 now, or nil when it is not a regular file or cannot be read.
        public var actualSHA256: String?
        public var expectedSize: UInt64
        public var actualSize: UInt64?
        /// What else is wrong ("a symbolic link, not a regular file").
        public var note: String?

        public init(
            path: String, expectedSHA256: String, actualSHA256: String?, expectedSize: UInt64,
            actualSize: UInt64?, note: String? = nil
        ) {
            self.path = path
            self.expectedSHA256 = expectedSHA256
            self.actualSHA256 = actualSHA256
            self.expectedSize = expectedSize
            self.actualSize = actualSize
            self.note = note
        }

        /// "SHA-256 was 5a9c…, is now 7d1e…; size 1,204 → 1,210 bytes", in one line.
        public var summary: String {
            var parts: [String] = []
            if let note { parts.append(note) }
            if let actualSHA256, actualSHA256 != expectedSHA256 {
                parts.append("SHA-256 was \(expectedSHA256), is now \(actualSHA256)")
            }
            if let actualSize, actualSize != expectedSize {
                parts.append("size was \(expectedSize) bytes, is now \(actualSize)")
            }
            return parts.isEmpty ? "differs from the manifest" : parts.joined(separator: "; ")
        }
    }

    /// The manifest the folder was checked against.
    public var manifest: EvidenceManifest
    /// The SHA-256 of `manifest.json` itself: compare it with the value recorded when the folder
    /// was produced to detect a rewritten manifest.
    public var manifestSHA256: String
    /// Files whose content (digest or size) differs from the manifest, or that are no longer
    /// regular files; relative paths, sorted.
    public var changed: [String]
    /// Files the manifest lists that are not in the folder.
    public var missing: [String]
    /// Files in the folder the manifest does not list.
    public var added: [String]
    /// For each changed file, how it differs, in the order of ``changed``.
    public var differences: [Difference]

    public init(
        manifest: EvidenceManifest, manifestSHA256: String, changed: [String], missing: [String],
        added: [String], differences: [Difference] = []
    ) {
        self.manifest = manifest
        self.manifestSHA256 = manifestSHA256
        self.changed = changed
        self.missing = missing
        self.added = added
        self.differences = differences
    }

    /// Whether every file matches the manifest and nothing was added or removed.
    public var isIntact: Bool { changed.isEmpty && missing.isEmpty && added.isEmpty }
}
