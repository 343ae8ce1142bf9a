import AuditModel

/// The output of importing one archive: its description and its timeline items.
public struct ImportResult: Sendable {
    public var archive: ImportedArchive
    public var items: [TimelineItem]

    public init(archive: ImportedArchive, items: [TimelineItem]) {
        self.archive = archive
        self.items = items
    }
}
