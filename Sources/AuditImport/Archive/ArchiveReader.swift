import AuditModel
import Foundation
import ZIPFoundation

/// Read-only access to the files of an export, whether a zip, an unpacked folder, a single file,
/// or several zips or folders that are parts of one export.
///
/// Zips are read in place, entry by entry, and never unpacked to disk. Paths are always relative
/// to the archive's root with "/" separators; entries whose names would escape the root (`..`,
/// absolute paths) and symbolic links are refused, never followed.
///
/// A split export (Meta writes large downloads as several zips) is opened with
/// ``init(parts:limits:)``: one view whose entries are the parts' entries merged by
/// path, each remembering the part it is read from.
public final class ArchiveReader: @unchecked Sendable {
    // @unchecked: ZIPFoundation's Archive is a class that is not Sendable; a reader is used by
    // one importer on one thread at a time, and all stored properties are set once in init,
    // apart from the cached digest, which a lock guards.

    /// One file in the archive.
    public struct Entry: Sendable, Hashable {
        /// Path relative to the archive root, "/"-separated.
        public var path: String
        /// Uncompressed size in bytes.
        public var size: UInt64
        /// For a reader over several parts, the index in ``parts`` of the part holding the entry;
        /// nil for a reader over one archive.
        public var part: Int? = nil

        /// The last path component.
        public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
    }

    /// What kind of container the reader wraps.
    public enum Container: Sendable {
        case zip, folder, file
        /// Several zips or folders read as one export (see ``parts``).
        case parts
    }

    /// The archive as the user gave it; for a reader over several parts, the first part.
    public let url: URL
    public let container: Container
    /// The parts of a split export, in order; empty for a reader over one archive.
    public let parts: [ArchiveReader]
    /// Every regular file, sorted by path.
    public let entries: [Entry]
    /// Entries that were refused (unsafe names, links), with the reason, for the `unparsed` list.
    public let refusedEntries: [(path: String, reason: String)]
    /// The size limits applied to zip entries.
    public let limits: ArchiveLimits
    /// The largest single entry this reader will expand, in bytes.
    public var maximumEntrySize: UInt64 { limits.maximumEntrySize }

    private let zip: Archive?
    /// The zip's entries, keyed by the normalised path used everywhere else. Looked up here
    /// rather than by `Archive`'s subscript, which re-reads the central directory from the start
    /// on every call (quadratic over an archive of many files).
    private let zipEntries: [String: ZIPFoundation.Entry]
    /// The archive's digest once computed (hashing a large zip twice would cost seconds), guarded
    /// by `digestLock`: the only state that changes after init.
    private var cachedDigest: String?
    /// Guarded by `digestLock`.
    private var readObserver: (@Sendable (Entry, Int) -> Void)?
    private let digestLock = NSLock()

    /// Opens an archive.
    /// - Parameters:
    ///   - url: a `.zip` file, a folder, or any single file (a WhatsApp `.txt`).
    ///   - limits: zip entries over these limits are refused as possible zip bombs.
    /// - Throws: ``ImportError`` when the path does not exist or the zip cannot be opened.
    public init(url: URL, limits: ArchiveLimits = .standard) throws {
        self.url = url
        self.limits = limits
        parts = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError.missingArchive(url)
        }
        var refused: [(String, String)] = []
        if isDirectory.boolValue {
            container = .folder
            zip = nil
            zipEntries = [:]
            entries = try Self.folderEntries(at: url, refused: &refused)
        } else if Self.looksLikeZip(url) {
            container = .zip
            let archive: Archive
            do {
                archive = try Archive(url: url, accessMode: .read)
            } catch {
                throw ImportError.unreadableArchive(
                    url,
                    reason:
                        "the zip's central directory cannot be read (\(error)); the file may be truncated or not a zip at all"
                )
            }
            zip = archive
            // The zip's own length bounds every honest compressed size; ZIPFoundation traps on
            // sizes beyond Int64.max, so an entry claiming more is refused before it is read.
            let zipLength =
                (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?
                .uint64Value ?? UInt64(Int64.max)
            var found: [Entry] = []
            var byPath: [String: ZIPFoundation.Entry] = [:]
            var total: UInt64 = 0
            for entry in archive {
                let path = entry.path
                switch entry.type {
                case .directory: continue
                case .symlink:
                    refused.append((path, "symbolic link in the zip; links are never followed"))
                    continue
                case .file: break
                }
                guard !path.isEmpty else {
                    // ZIPFoundation gives "" for a name that is not valid in its declared encoding.
                    refused.append(
                        (
                            "(unnamed entry)",
                            "entry name is not valid UTF-8 although the zip says it is; not read"
                        ))
                    continue
                }
                guard let safe = Self.safeRelativePath(path) else {
                    refused.append(
                        (
                            path,
                            "entry name escapes the archive root ('..' or absolute path); not read"
                        ))
                    continue
                }
                let declared = entry.uncompressedSize
                guard entry.compressedSize <= zipLength, declared <= UInt64(Int64.max) else {
                    refused.append(
                        (
                            path,
                            "declares sizes larger than the zip itself (\(entry.compressedSize) bytes compressed, \(declared) expanded): a corrupt or hostile zip; not read"
                        ))
                    continue
                }
                if let refusal = limits.refusal(
                    uncompressed: declared, compressed: UInt64(entry.compressedSize))
                {
                    refused.append((path, refusal))
                    continue
                }
                let sum = total.addingReportingOverflow(declared)
                total = sum.overflow ? .max : sum.partialValue
                if total > limits.maximumTotalSize {
                    throw ImportError.unreadableArchive(
                        url,
                        reason:
                            "its entries expand to more than \(limits.maximumTotalSize) bytes in all (possible zip bomb); if the export is genuine, run again with --raise-limits"
                    )
                }
                guard byPath[safe] == nil else {
                    refused.append(
                        (path, "duplicate entry name in the zip; only the first is read"))
                    continue
                }
                byPath[safe] = entry
                found.append(Entry(path: safe, size: declared))
            }
            zipEntries = byPath
            entries = found.sorted { $0.path < $1.path }
        } else {
            container = .file
            zip = nil
            zipEntries = [:]
            let size =
                (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?
                .uint64Value ?? 0
            entries = [Entry(path: url.lastPathComponent, size: size)]
        }
        refusedEntries = refused
    }

    /// Opens several zips or folders as one export, its entries merged by path.
    ///
    /// Each entry remembers its part (``Entry/part``). A path found in more than one part is read
    /// from the first part that holds it; a later copy with the same bytes is simply the same
    /// file, and a later copy with different bytes is refused (listed in ``refusedEntries``),
    /// because parts of one export never disagree about a file.
    /// - Parameters:
    ///   - urls: the parts, in order (part 1 first); at least one.
    ///   - limits: as for ``init(url:limits:)``.
    /// - Throws: ``ImportError`` when a part does not exist or cannot be opened, or a file found
    ///   in two parts cannot be read to compare them.
    public convenience init(parts urls: [URL], limits: ArchiveLimits = .standard) throws {
        try self.init(
            partReaders: urls.map { try ArchiveReader(url: $0, limits: limits) }, limits: limits)
    }

    /// Joins parts already opened; see ``init(parts:limits:)``.
    init(partReaders readers: [ArchiveReader], limits: ArchiveLimits = .standard) throws {
        guard let first = readers.first else {
            throw ImportError.unreadableArchive(
                URL(fileURLWithPath: ""), reason: "no parts were given")
        }
        url = first.url
        container = .parts
        parts = readers
        self.limits = limits
        zip = nil
        zipEntries = [:]
        var merged: [String: Entry] = [:]
        var refused: [(String, String)] = []
        for (index, reader) in readers.enumerated() {
            let partName = reader.url.lastPathComponent
            for (path, reason) in reader.refusedEntries {
                refused.append((path, "\(reason) (in part \(index + 1), \(partName))"))
            }
            for var entry in reader.entries {
                entry.part = index
                guard let earlier = merged[entry.path], let earlierPart = earlier.part else {
                    merged[entry.path] = entry
                    continue
                }
                var same = false
                if earlier.size == entry.size {
                    let first = try readers[earlierPart].data(of: Self.unassigned(earlier))
                    same = try first == reader.data(of: Self.unassigned(entry))
                }
                if !same {
                    refused.append(
                        (
                            entry.path,
                            "also in part \(earlierPart + 1) with different content; only part "
                                + "\(earlierPart + 1)'s copy is read (in part \(index + 1), \(partName))"
                        ))
                }
            }
        }
        entries = merged.values.sorted { $0.path < $1.path }
        refusedEntries = refused
    }

    /// The archive as the user gave it: its path, or for a split export the parts' paths joined
    /// with " + ".
    public var path: String {
        parts.isEmpty ? url.path : parts.map(\.url.path).joined(separator: " + ")
    }

    /// `entry` as its own part's reader lists it (without a part index).
    private static func unassigned(_ entry: Entry) -> Entry {
        var own = entry
        own.part = nil
        return own
    }

    /// The part that holds `entry`, for provenance; nil for a reader over one archive.
    public func part(of entry: Entry) -> ArchiveReader? {
        entry.part.flatMap { parts.indices.contains($0) ? parts[$0] : nil }
    }

    /// Reads one entry completely.
    /// - Throws: ``ImportError/unreadableFile(_:reason:)`` when the bytes cannot be read or the
    ///   zip's checksum does not match.
    public func data(of entry: Entry) throws -> Data {
        let data = try readData(of: entry)
        digestLock.withLock { readObserver }?(entry, data.count)
        return data
    }

    /// Reads one entry in pieces of about `pieceSize` bytes, handing each to `body` as it is
    /// expanded, so that a large file is never held whole (X's `tweets.js` runs to hundreds of
    /// megabytes). The checks are those of ``data(of:)``; a zip entry's checksum is checked once
    /// every piece has been handed over.
    /// - Parameters:
    ///   - notifying: whether the read counts for ``observeReads(_:)`` (once, at the end): false
    ///     for a look at a file that is read again afterwards.
    /// - Throws: ``ImportError/unreadableFile(_:reason:)`` as ``data(of:)``; what `body` throws,
    ///   unchanged, which ends the reading.
    func readPieces(
        of entry: Entry, pieceSize: Int = 1 << 20, notifying: Bool = true,
        _ body: (Data) throws -> Void
    ) throws {
        var count = 0
        try readPieces(of: entry, pieceSize: pieceSize) { piece in
            count += piece.count
            try body(piece)
        }
        if notifying { digestLock.withLock { readObserver }?(entry, count) }
    }

    /// An error of the receiver of pieces, carried through ZIPFoundation's extraction so that it
    /// is not mistaken for a corrupt entry.
    private struct PieceReceiverFailure: Error {
        let underlying: any Error
    }

    /// Calls `observer` after each entry is read (with its size in bytes), for progress
    /// reports; the observer runs on the reading thread and must be quick.
    public func observeReads(_ observer: @escaping @Sendable (Entry, Int) -> Void) {
        digestLock.withLock { readObserver = observer }
    }

    private func readData(of entry: Entry) throws -> Data {
        switch container {
        case .folder:
            try checkSize(of: entry)
            return try readFile(url.appendingPathComponent(entry.path), name: entry.path)
        case .file:
            try checkSize(of: entry)
            return try readFile(url, name: entry.path)
        case .parts, .zip:
            var result = Data()
            result.reserveCapacity(Int(min(entry.size, 1 << 28)))
            try readPieces(of: entry, pieceSize: 1 << 16) { result.append($0) }
            return result
        }
    }

    /// - Throws: ``ImportError/unreadableFile(_:reason:)`` when `entry` is larger than this
    ///   reader expands.
    private func checkSize(of entry: Entry) throws {
        guard entry.size <= maximumEntrySize else {
            throw ImportError.unreadableFile(
                entry.path,
                reason:
                    "expands to \(entry.size) bytes, over the limit of \(maximumEntrySize) bytes")
        }
    }

    /// Reads `entry` in pieces for ``readData(of:)`` and ``readPieces(of:pieceSize:notifying:_:)``,
    /// without notifying the read observer.
    private func readPieces(
        of entry: Entry, pieceSize: Int, _ body: (Data) throws -> Void
    ) throws {
        try checkSize(of: entry)
        switch container {
        case .parts:
            guard let part = part(of: entry) else {
                throw ImportError.unreadableFile(
                    entry.path, reason: "the entry names no part of this export")
            }
            try part.readPieces(of: Self.unassigned(entry), pieceSize: pieceSize, body)
        case .folder:
            try readFilePieces(
                url.appendingPathComponent(entry.path), name: entry.path, pieceSize: pieceSize, body
            )
        case .file:
            try readFilePieces(url, name: entry.path, pieceSize: pieceSize, body)
        case .zip:
            guard let zip, let zipEntry = zipEntries[entry.path] else {
                throw ImportError.unreadableFile(
                    entry.path, reason: "the entry is listed but cannot be found in the zip")
            }
            var count: UInt64 = 0
            do {
                let ceiling = min(limits.maximumEntrySize, entry.size)
                _ = try zip.extract(zipEntry, bufferSize: pieceSize, skipCRC32: false) { chunk in
                    count += UInt64(chunk.count)
                    // The central directory may lie about the size: stop at what it declared.
                    if count > ceiling {
                        throw ImportError.unreadableFile(
                            entry.path,
                            reason:
                                "expands beyond its declared size of \(ceiling) bytes (a corrupt or hostile zip)"
                        )
                    }
                    do {
                        try body(chunk)
                    } catch {
                        throw PieceReceiverFailure(underlying: error)
                    }
                }
            } catch let failure as PieceReceiverFailure {
                throw failure.underlying
            } catch let error as ImportError {
                throw error
            } catch {
                throw ImportError.unreadableFile(
                    entry.path, reason: "the zip entry is corrupt (\(error))")
            }
        }
    }

    /// Reads a file of a folder (or the single file) in pieces.
    private func readFilePieces(
        _ fileURL: URL, name: String, pieceSize: Int, _ body: (Data) throws -> Void
    ) throws {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: fileURL)
        } catch {
            throw ImportError.unreadableFile(name, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        while true {
            let piece: Data
            do {
                piece = try handle.read(upToCount: pieceSize) ?? Data()
            } catch {
                throw ImportError.unreadableFile(name, reason: error.localizedDescription)
            }
            if piece.isEmpty { return }
            try body(piece)
        }
    }

    /// The entry at an exact relative path, if present.
    ///
    /// A binary search over ``entries`` (sorted by path), so that looking up every file of an
    /// archive of many files stays fast.
    public func entry(at path: String) -> Entry? {
        var low = entries.startIndex
        var high = entries.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if entries[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < entries.endIndex && entries[low].path == path ? entries[low] : nil
    }

    /// The SHA-256 that identifies the archive: of the file itself, or for a folder, of the sorted
    /// list of its files' paths and digests (so the same folder gives the same digest anywhere),
    /// or for a split export, of its parts' digests in order, one hex digest per line.
    /// - Throws: when a file cannot be read.
    public func sha256() throws -> String {
        digestLock.lock()
        defer { digestLock.unlock() }
        if let digest = cachedDigest { return digest }
        let digest = try computeSHA256()
        cachedDigest = digest
        return digest
    }

    private func computeSHA256() throws -> String {
        switch container {
        case .parts:
            return SHA256Hex.digest(of: try parts.map { try $0.sha256() }.joined(separator: "\n"))
        case .zip, .file:
            return try SHA256Hex.digest(ofFileAt: url)
        case .folder:
            var lines: [String] = []
            for entry in entries {
                let digest = try SHA256Hex.digest(ofFileAt: url.appendingPathComponent(entry.path))
                lines.append("\(digest)  \(entry.path)")
            }
            return SHA256Hex.digest(of: lines.joined(separator: "\n"))
        }
    }

    // MARK: - Private

    private func readFile(_ fileURL: URL, name: String) throws -> Data {
        do {
            return try Data(contentsOf: fileURL, options: .mappedIfSafe)
        } catch {
            throw ImportError.unreadableFile(name, reason: error.localizedDescription)
        }
    }

    private static func looksLikeZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic.starts(with: [0x50, 0x4B, 0x03, 0x04])
            || magic.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// Normalises an entry name; nil when it is absolute or climbs out of the root.
    package static func safeRelativePath(_ raw: String) -> String? {
        let path = raw.replacingOccurrences(of: "\\", with: "/")
        if path.hasPrefix("/")
            || path.contains(":") && path.first?.isLetter == true && path.dropFirst().first == ":"
        {
            return nil
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    private static func folderEntries(at root: URL, refused: inout [(String, String)]) throws
        -> [Entry]
    {
        let keys: [URLResourceKey] = [
            .isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey, .isDirectoryKey,
        ]
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: keys, options: [])
        else {
            throw ImportError.unreadableArchive(root, reason: "the folder cannot be listed")
        }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var result: [Entry] = []
        for case let fileURL as URL in enumerator {
            let values = try? fileURL.resourceValues(forKeys: Set(keys))
            let full = fileURL.standardizedFileURL.path
            var relative = full
            if let range = full.range(of: rootPath), range.lowerBound == full.startIndex {
                relative = String(full[range.upperBound...])
            } else if full.hasPrefix(root.standardizedFileURL.path) {
                relative = String(full.dropFirst(root.standardizedFileURL.path.count))
            }
            relative = relative.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if values?.isSymbolicLink == true {
                refused.append((relative, "symbolic link in the folder; links are never followed"))
                continue
            }
            guard values?.isRegularFile == true else { continue }
            result.append(Entry(path: relative, size: UInt64(values?.fileSize ?? 0)))
        }
        return result.sorted { $0.path < $1.path }
    }
}
