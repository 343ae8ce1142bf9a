import AuditImport
import AuditModel
import Foundation

/// Reads the media files attached to cited items out of their archives, for copying into the
/// evidence folder.
///
/// The archive is opened at the path the case recorded. Each file's bytes are checked against
/// the SHA-256 recorded for it at import (or, when none was recorded, the whole archive against
/// its recorded SHA-256), so a copy is only ever made from the archive the audit read. When the
/// archive has gone or changed, the result says so for each file instead of throwing.
public struct EvidenceMediaCollector: Sendable {
    /// What was collected.
    public struct Result: Sendable, Equatable {
        /// Every file attachment of the items, by key.
        public var media: [MediaKey: MediaEvidence]
        /// How each archive with such attachments (or all of them, when asked) could be opened.
        public var archiveAccess: [String: ArchiveAccess]
    }

    public init() {}

    /// Collects the file attachments of `items`.
    /// - Parameters:
    ///   - items: the items whose attachments to copy (normally those a finding cites).
    ///   - archives: the case's archives, with the paths and digests recorded at import.
    /// - Returns: one ``MediaEvidence`` per file attachment, and each archive's accessibility.
    public func collect(for items: [TimelineItem], archives: [ImportedArchive]) -> Result {
        var wanted: [String: Set<MediaKey>] = [:]
        for item in items {
            for attachment in item.attachments {
                guard let key = MediaKey(item: item, attachment: attachment) else { continue }
                wanted[key.archiveSHA256, default: []].insert(key)
            }
        }
        var media: [MediaKey: MediaEvidence] = [:]
        var access: [String: ArchiveAccess] = [:]
        for archive in archives {
            let keys = wanted[archive.sha256] ?? []
            let (state, reader) = open(archive)
            access[archive.sha256] = state
            for key in keys.sorted() {
                media[key] = evidence(for: key, in: archive, reader: reader, state: state)
            }
        }
        for (sha256, keys) in wanted where access[sha256] == nil {
            for key in keys {
                media[key] = MediaEvidence(
                    key: key, content: .unavailable("the archive it belongs to is not in the case"))
            }
        }
        return Result(media: media, archiveAccess: access)
    }

    private func open(_ archive: ImportedArchive) -> (ArchiveAccess, ArchiveReader?) {
        let url = URL(fileURLWithPath: archive.path)
        guard FileManager.default.fileExists(atPath: url.path) else { return (.missing, nil) }
        do {
            let reader = try ArchiveReader(url: url)
            return (.available(reader.container), reader)
        } catch {
            return (.unreadable((error as? LocalizedError)?.errorDescription ?? "\(error)"), nil)
        }
    }

    private func evidence(
        for key: MediaKey, in archive: ImportedArchive, reader: ArchiveReader?,
        state: ArchiveAccess
    ) -> MediaEvidence {
        let recorded = Self.recordedFile(for: key.uri, in: archive.media)
        func unavailable(_ reason: String) -> MediaEvidence {
            MediaEvidence(
                key: key, pathInArchive: recorded?.path, importedSHA256: recorded?.sha256,
                content: .unavailable(reason))
        }
        guard let reader else {
            switch state {
            case .missing:
                return unavailable(
                    "the archive is no longer at \(archive.path), so no copy could be made")
            case .unreadable(let reason):
                return unavailable("the archive at \(archive.path) could not be opened: \(reason)")
            default:
                return unavailable("the archive could not be opened")
            }
        }
        guard let entry = Self.entry(for: key.uri, in: reader.entries) else {
            return unavailable("the export names this file but it is not in the archive")
        }
        let data: Data
        do {
            data = try reader.data(of: entry)
        } catch {
            return unavailable(
                "the file could not be read: \((error as? LocalizedError)?.errorDescription ?? "\(error)")"
            )
        }
        let digest = SHA256Hex.digest(of: data)
        if let recorded, recorded.path == entry.path {
            guard recorded.sha256 == digest else {
                return unavailable(
                    "the file in the archive at \(archive.path) no longer has the SHA-256 recorded at "
                        + "import (\(recorded.sha256)); the archive has been changed or replaced")
            }
        } else {
            guard let whole = try? reader.sha256(), whole == archive.sha256 else {
                return unavailable(
                    "the archive at \(archive.path) is not the one imported (its SHA-256 differs)")
            }
        }
        return MediaEvidence(
            key: key, pathInArchive: entry.path, importedSHA256: recorded?.sha256,
            content: .copied(data))
    }

    /// The archive entry an export's uri refers to: the same path, or one ending with it (a zip
    /// with a top folder holds "export/your_activity/…" for the uri "your_activity/…").
    static func entry(for uri: String, in entries: [ArchiveReader.Entry]) -> ArchiveReader.Entry? {
        guard let path = ArchiveReader.safeRelativePath(uri) else { return nil }
        return entries.first { $0.path == path } ?? entries.first { $0.path.hasSuffix("/" + path) }
    }

    static func recordedFile(for uri: String, in media: [MediaFile]) -> MediaFile? {
        guard let path = ArchiveReader.safeRelativePath(uri) else { return nil }
        return media.first { $0.path == path } ?? media.first { $0.path.hasSuffix("/" + path) }
    }
}
