/// What re-hashing an evidence folder against its manifest found.
public struct VerificationReport: Sendable, Equatable {
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

    public init(
        manifest: EvidenceManifest, manifestSHA256: String, changed: [String], missing: [String],
        added: [String]
    ) {
        self.manifest = manifest
        self.manifestSHA256 = manifestSHA256
        self.changed = changed
        self.missing = missing
        self.added = added
    }

    /// Whether every file matches the manifest and nothing was added or removed.
    public var isIntact: Bool { changed.isEmpty && missing.isEmpty && added.isEmpty }
}
