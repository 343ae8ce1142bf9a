import AuditModel
import Foundation

/// Checks an evidence folder against its `manifest.json`: every listed file present with the
/// same digest and size, and nothing added.
public struct EvidenceVerifier: Sendable {
    public init() {}

    /// Re-hashes every file of the folder.
    /// - Parameter directory: the evidence folder.
    /// - Returns: what changed, went missing or was added; ``VerificationReport/isIntact`` when
    ///   nothing did.
    /// - Throws: ``ReportError/folderNotFound(_:)``, ``ReportError/manifestMissing(_:)`` or
    ///   ``ReportError/manifestUnreadable(_:reason:)`` when there is nothing to verify against.
    public func verify(directory: URL) throws -> VerificationReport {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw ReportError.folderNotFound(directory)
        }
        let manifestURL = directory.appendingPathComponent(EvidenceManifest.fileName)
        guard fileManager.fileExists(atPath: manifestURL.path) else {
            throw ReportError.manifestMissing(manifestURL)
        }
        let manifestData: Data
        let manifest: EvidenceManifest
        do {
            manifestData = try Data(contentsOf: manifestURL)
            manifest = try EvidenceJSON.decoder.decode(EvidenceManifest.self, from: manifestData)
        } catch {
            throw ReportError.manifestUnreadable(manifestURL, reason: Self.describe(error))
        }
        guard manifest.formatVersion == EvidenceManifest.currentFormatVersion else {
            throw ReportError.manifestUnreadable(
                manifestURL,
                reason: "it has format version \(manifest.formatVersion); this version of "
                    + "conduct-audit reads version \(EvidenceManifest.currentFormatVersion)")
        }
        if let unsafe = manifest.files.first(where: { !Self.isSafeRelativePath($0.path) }) {
            throw ReportError.manifestUnreadable(
                manifestURL, reason: "it lists '\(unsafe.path)', which is outside the folder")
        }

        let present = try Self.files(in: directory)
        var missing: [String] = []
        var differences: [VerificationReport.Difference] = []
        for file in manifest.files {
            let url = directory.appendingPathComponent(file.path)
            guard let kind = present[file.path] else {
                missing.append(file.path)
                continue
            }
            let isRegular = kind == .typeRegular
            let digest = isRegular ? try? SHA256Hex.digest(ofFileAt: url) : nil
            let size = isRegular ? Self.size(of: url) : nil
            guard isRegular, digest == file.sha256, size == file.size else {
                differences.append(
                    VerificationReport.Difference(
                        path: file.path, expectedSHA256: file.sha256, actualSHA256: digest,
                        expectedSize: file.size, actualSize: size,
                        note: isRegular
                            ? (digest == nil ? "cannot be read" : nil)
                            : kind == .typeSymbolicLink
                                ? "a symbolic link, not a regular file" : "not a regular file"))
                continue
            }
        }
        differences.sort { $0.path < $1.path }
        let listed = Set(manifest.files.map(\.path) + [EvidenceManifest.fileName])
        let added = present.keys.filter { !listed.contains($0) }
        return VerificationReport(
            manifest: manifest, manifestSHA256: SHA256Hex.digest(of: manifestData),
            changed: differences.map(\.path), missing: missing.sorted(), added: added.sorted(),
            differences: differences)
    }

    /// Every non-folder entry under `root` (regular files, links…), by relative path with "/".
    private static func files(in root: URL) throws -> [String: FileAttributeType] {
        let fileManager = FileManager.default
        var result: [String: FileAttributeType] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative)
            for name in try fileManager.contentsOfDirectory(atPath: folder.path) {
                let path = relative.isEmpty ? name : relative + "/" + name
                let attributes = try fileManager.attributesOfItem(
                    atPath: root.appendingPathComponent(path).path)
                let type = attributes[.type] as? FileAttributeType ?? .typeUnknown
                if type == .typeDirectory {
                    pending.append(path)
                } else {
                    result[path] = type
                }
            }
        }
        return result
    }

    private static func size(of url: URL) -> UInt64? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes?[.size] as? NSNumber)?.uint64Value
    }

    /// Whether a manifest path stays inside the folder: relative, no "." or ".." components.
    private static func isSafeRelativePath(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/")
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            "it is not valid JSON (\(context.debugDescription))"
        case DecodingError.keyNotFound(let key, _):
            "it has no '\(key.stringValue)' entry"
        case DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            "the entry at '\(context.codingPath.map(\.stringValue).joined(separator: "."))' "
                + "has the wrong type"
        default:
            error.localizedDescription
        }
    }
}
