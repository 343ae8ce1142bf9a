import AuditModel

/// The files of a Meta download that give no items: media indexed with size and digest, and
/// files not imported, each with the reason.
struct MetaArchiveFiles {
    /// The media files indexed, in reading order.
    var media: [MediaFile] = []
    /// The files (or places in them) not imported, with the reason.
    var unparsed: [ImportIssue] = []

    /// Indexes a media file by its size and SHA-256, or lists it in ``unparsed`` when it cannot
    /// be read.
    /// - Parameter describing: the reason given for an error reading the file.
    mutating func index(
        _ entry: ArchiveReader.Entry, in archive: ArchiveReader,
        describing: (any Error) -> String
    ) {
        do {
            let data = try archive.data(of: entry)
            media.append(
                MediaFile(
                    path: entry.path, size: UInt64(data.count), sha256: SHA256Hex.digest(of: data)))
        } catch {
            unparsed.append(ImportIssue(file: entry.path, reason: describing(error)))
        }
    }

    /// Lists a file read and deliberately not imported.
    mutating func skip(_ entry: ArchiveReader.Entry, reason: String) {
        unparsed.append(ImportIssue(file: entry.path, reason: reason, kind: .notImported))
    }

    /// A reviewer-readable reason for a file that could not be read or parsed.
    static func describe(_ error: any Error) -> String {
        switch error {
        case ImportError.invalidFile(_, _, let reason):
            return
                "not valid JSON (\(reason)): the file is damaged or truncated; nothing in it was imported"
        case let error as ImportError:
            return error.errorDescription ?? "\(error)"
        default:
            return "could not be read (\(error)); nothing in it was imported"
        }
    }
}
