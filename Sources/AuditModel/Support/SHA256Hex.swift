import Crypto
import Foundation

/// SHA-256 digests as lower-case hex, the form written in manifests and the case database.
public enum SHA256Hex {
    /// The digest of a string's UTF-8 bytes.
    public static func digest(of string: String) -> String {
        digest(of: Data(string.utf8))
    }

    /// The digest of some bytes.
    public static func digest(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The digest of a file, read in 1 MiB chunks so large files need little memory.
    /// - Throws: the file system's error when the file cannot be opened or read.
    public static func digest(ofFileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        // Every item's id is a digest: String(format:) per byte cost 15% of an import.
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SHA256.Digest.byteCount * 2)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
