import AuditImport

/// Whether an audited archive could be opened again when the evidence was written.
///
/// Media copies are read from the archive at the path the case records; the archive may since
/// have been moved, deleted or replaced, and the pages say so instead of failing.
public enum ArchiveAccess: Sendable, Equatable {
    /// Opened at its recorded path; a zip, a folder or a single file.
    case available(ArchiveReader.Container)
    /// Nothing is at the recorded path any more.
    case missing
    /// Something is there but it could not be opened, with the reason.
    case unreadable(String)
    /// Something is there but its SHA-256 is not the one recorded at import.
    case changed(actualSHA256: String)
}
