import Foundation

/// Fresh folders for tests that write files.
enum TemporaryFolder {
    /// A new empty folder under the temporary directory, named `prefix` and a UUID; the caller
    /// removes it.
    static func make(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
