import Foundation
import ZIPFoundation

/// Where a generator writes one export's files: a zip as the platform delivers it, with fixed
/// entry dates so the same content gives the same bytes.
final class ExportSink {
    private let archive: Archive
    private let modificationDate: Date
    /// The uncompressed bytes written so far, in total and in `.js`/`.json` files.
    private(set) var totalBytes = 0
    private(set) var jsonBytes = 0

    /// Creates (replacing) the zip at `url`, whose entries carry `modificationDate`.
    /// - Throws: when the file cannot be created.
    init(zipAt url: URL, modificationDate: Date) throws {
        try? FileManager.default.removeItem(at: url)
        archive = try Archive(url: url, accessMode: .create)
        self.modificationDate = modificationDate
    }

    /// Adds one file, deflated.
    /// - Throws: when the zip cannot be written.
    func add(_ path: String, _ buffer: ByteBuffer) throws {
        let data = Data(buffer.bytes)
        totalBytes += data.count
        if path.hasSuffix(".json") || path.hasSuffix(".js") { jsonBytes += data.count }
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count),
            modificationDate: modificationDate, permissions: 0o644, compressionMethod: .deflate,
            bufferSize: 1 << 16
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
