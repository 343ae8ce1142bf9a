import Foundation

/// Why a roster digest or its key could not be used.
public enum RosterDigestError: LocalizedError, Equatable {
    case unreadable(String, reason: String)
    case notADigest(String)
    case unsupportedVersion(String, version: Int)
    case keyRequired(String)
    case wrongKey(String)
    case invalidKey(String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            "Cannot read the roster digest '\(file)': \(reason)."
        case .notADigest(let file):
            "'\(file)' is not a roster digest written by 'conduct-audit roster digest'. Ask the "
                + "school for the digest file (a .json file), or pass the roster with --roster."
        case .unsupportedVersion(let file, let version):
            "The roster digest '\(file)' has format version \(version), which this version of "
                + "conduct-audit does not read; ask the school for a digest made with this version."
        case .keyRequired(let file):
            "The roster digest '\(file)' was made with a key the school keeps separately; pass "
                + "the key file the school gave you with --digest-key-file."
        case .wrongKey(let file):
            "The key does not belong to the roster digest '\(file)' (its key id differs); check "
                + "that the key file and the digest came together."
        case .invalidKey(let file):
            "'\(file)' is not a digest key (expected one line: a 256-bit key in base64)."
        }
    }
}
