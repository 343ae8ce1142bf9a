import Foundation

/// What the case knows about one imported archive: its identity, owner and what was (not) read.
public struct ImportedArchive: Codable, Sendable, Equatable {
    /// The path as the user gave it.
    public var path: String
    public var sha256: String
    public var platform: Platform
    public var variant: ArchiveVariant
    /// The account owner as the archive's own profile/account data names them.
    public var owner: Person?
    /// How the owner was established when the archive does not name its owner itself (WhatsApp
    /// chats, Facebook downloads without a profile: ``MessageThreadOwner``), as a sentence for
    /// the report; nil when the archive names its owner or none was found.
    public var ownerEvidence: String?
    /// How many timeline items were read.
    public var itemCount: Int
    /// Parts that could not be understood, each with its reason.
    public var unparsed: [ImportIssue]
    /// Media files found, indexed but not parsed.
    public var media: [MediaFile]
    /// Item counts and date ranges per file section, so "no findings" is never mistaken for "no data".
    public var coverage: [SectionCoverage]
    /// For an export split across several zips or folders, each part and the files it held;
    /// empty for an archive given as one file or folder.
    public var parts: [ArchivePart]

    public init(
        path: String, sha256: String, platform: Platform, variant: ArchiveVariant, owner: Person?,
        itemCount: Int = 0, unparsed: [ImportIssue] = [], media: [MediaFile] = [],
        coverage: [SectionCoverage] = [], parts: [ArchivePart] = [], ownerEvidence: String? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.platform = platform
        self.variant = variant
        self.owner = owner
        self.itemCount = itemCount
        self.unparsed = unparsed
        self.media = media
        self.coverage = coverage
        self.parts = parts
        self.ownerEvidence = ownerEvidence
    }
}

/// A media file inside an archive: where it is, how big, and its digest.
public struct MediaFile: Codable, Sendable, Hashable {
    public var path: String
    public var size: UInt64
    public var sha256: String

    public init(path: String, size: UInt64, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}

/// The items one section of an archive (a file or group of files) contributed.
public struct SectionCoverage: Codable, Sendable, Hashable {
    /// A readable section name ("Messenger: inbox", "Posts").
    public var section: String
    public var itemCount: Int
    /// Items the source gave no time.
    public var itemsWithoutTime: Int
    /// Items whose counterparty has no name (deleted accounts, bare ids).
    public var unnamedCounterparties: Int
    public var earliest: Date?
    public var latest: Date?
    /// The archive files this section was read from, so that a file that yielded no items is
    /// still visibly accounted for ("read, empty") rather than missing.
    public var files: [String]

    public init(section: String, items: [TimelineItem], files: [String] = []) {
        self.section = section
        self.files = files
        itemCount = 0
        itemsWithoutTime = 0
        unnamedCounterparties = 0
        add(items)
    }

    /// Counts more items of the section read from `file`, listing the file once however many
    /// batches it gives.
    public mutating func add(_ items: [TimelineItem], from file: String) {
        if !files.contains(file) { files.append(file) }
        add(items)
    }

    /// Counts more items of the section (read from a further file).
    public mutating func add(_ items: [TimelineItem]) {
        itemCount += items.count
        for item in items {
            if item.counterparties.contains(where: { $0.name == nil && $0.handle == nil }) {
                unnamedCounterparties += 1
            }
            guard let time = item.occurredAt else {
                itemsWithoutTime += 1
                continue
            }
            earliest = min(earliest ?? time, time)
            latest = max(latest ?? time, time)
        }
    }
}
