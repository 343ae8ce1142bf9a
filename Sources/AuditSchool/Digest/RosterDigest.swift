import AuditModel
import Crypto
import Foundation

/// A roster a staff member can self-check against without being given pupils' names or dates.
///
/// Each pupil becomes an entry of keyed hashes (HMAC-SHA256): one per name the pupil may be called
/// by (normalised as ``NameNormalization/key(_:)`` does: case, accents, apostrophes and
/// punctuation folded), one per known handle (exactly as the platform shows it, ignoring case and a leading "@":
/// "ollie_b" and "ollieb" are different accounts), and one of the
/// birth year bound to the entry. Whether the pupil is on roll on the day the digest was made is
/// kept as a plain flag. Entries are sorted by their hashes, so the file's order tells nothing.
///
/// The key is random per digest. By default it is stored in the digest, so that anyone with the
/// digest can check a name they already know, which is the point, and so can anyone trying every
/// name from a list of common names: this keeps names from casual reading, not from a determined
/// person. With a school-held key (``key`` nil), the digest alone reveals nothing; whoever
/// self-checks needs the key file as well. See the README's "Roster digest" section.
public struct RosterDigest: Codable, Sendable, Equatable {
    /// One pupil.
    public struct Entry: Codable, Sendable, Equatable {
        /// Keyed hashes of every full name the pupil may be called by.
        public var names: [String]
        /// Keyed hashes of the pupil's known handles.
        public var handles: [String]
        /// A keyed hash of the birth year, bound to this entry (nil without a date of birth).
        public var birthYear: String?
        /// Whether the pupil was on roll on the day the digest was made.
        public var onRoll: Bool

        public init(names: [String], handles: [String], birthYear: String?, onRoll: Bool) {
            self.names = names
            self.handles = handles
            self.birthYear = birthYear
            self.onRoll = onRoll
        }
    }

    /// What the file is, so that a wrong file is refused with a clear message.
    public var format: String
    public var version: Int
    public var algorithm: String
    /// How the hashed texts are formed.
    public var normalisation: String
    /// The school-local day the digest was made (for "on roll"); not a pupil's date.
    public var madeOn: String
    /// The HMAC key, base64; nil when the school keeps the key in a separate file.
    public var key: String?
    /// Identifies the key without revealing it, to tell a wrong key file apart.
    public var keyID: String
    public var entries: [Entry]

    /// The `format` value of a digest.
    public static let formatName = "conduct-audit roster digest"
    /// The version this build writes and reads.
    public static let currentVersion = 1

    /// Makes the digest of a roster.
    /// - Parameters:
    ///   - roster: the pupils.
    ///   - key: the HMAC key (make it with ``makeKey()``).
    ///   - includesKey: whether to store the key in the digest.
    ///   - day: the school-local day, for each pupil's on-roll flag.
    public init(roster: Roster, key: SymmetricKey, includesKey: Bool, on day: LocalDay) {
        let hasher = Hasher(key: key)
        format = Self.formatName
        version = Self.currentVersion
        algorithm = "HMAC-SHA256"
        normalisation =
            "hex HMAC-SHA256 of 'name:' + the name folded (lower case, no accents or "
            + "apostrophes, words joined by one space); 'handle:' + the handle in lower case "
            + "without a leading '@'; 'birth-year:' + the entry's first name hash + ':' + the year"
        madeOn = day.description
        self.key = includesKey ? key.withUnsafeBytes { Data($0).base64EncodedString() } : nil
        keyID = Self.keyID(of: key)
        entries = roster.pupils.map { pupil in
            let names = Array(Set(pupil.names.map(hasher.name))).sorted()
            let handles = Array(Set(pupil.knownAccounts.map { hasher.handle($0.handle) })).sorted()
            let year = pupil.dateOfBirth.flatMap { birth in
                names.first.map { hasher.birthYear(birth.year, entry: $0) }
            }
            return Entry(
                names: names, handles: handles, birthYear: year, onRoll: pupil.isOnRoll(on: day))
        }
        .sorted { ($0.names.first ?? "") < ($1.names.first ?? "") }
    }

    /// A new random 256-bit key.
    public static func makeKey() -> SymmetricKey {
        SymmetricKey(size: .bits256)
    }

    /// Reads a key written by ``keyFileContents(_:)``.
    /// - Throws: ``RosterDigestError/invalidKey(_:)`` when the text is not a base64 256-bit key.
    public static func key(fromFileContents text: String, file: String) throws -> SymmetricKey {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            data.count == 32
        else { throw RosterDigestError.invalidKey(file) }
        return SymmetricKey(data: data)
    }

    /// The text of a key file: the key in base64 and a newline.
    public static func keyFileContents(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
    }

    /// The key's identifier: the first 16 hex digits of SHA-256 over a fixed label and the key.
    public static func keyID(of key: SymmetricKey) -> String {
        let data = key.withUnsafeBytes { Data("conduct-audit key id:".utf8) + Data($0) }
        return String(SHA256Hex.digest(of: data).prefix(16))
    }

    /// Reads a digest file.
    /// - Throws: ``RosterDigestError`` when the file cannot be read or is not a digest this
    ///   version reads.
    public static func load(from url: URL) throws -> RosterDigest {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RosterDigestError.unreadable(url.path, reason: error.localizedDescription)
        }
        let digest: RosterDigest
        do {
            digest = try JSONDecoder().decode(RosterDigest.self, from: data)
        } catch {
            throw RosterDigestError.notADigest(url.path)
        }
        guard digest.format == formatName else { throw RosterDigestError.notADigest(url.path) }
        guard digest.version == currentVersion else {
            throw RosterDigestError.unsupportedVersion(url.path, version: digest.version)
        }
        return digest
    }

    /// The digest as JSON, with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// The key stored in the digest, or the one given, checked against ``keyID``.
    /// - Throws: ``RosterDigestError/keyRequired(_:)`` when neither is available and
    ///   ``RosterDigestError/wrongKey(_:)`` when the given key is not the digest's.
    public func resolvedKey(given: SymmetricKey?, file: String) throws -> SymmetricKey {
        if let given {
            guard Self.keyID(of: given) == keyID else { throw RosterDigestError.wrongKey(file) }
            return given
        }
        guard let key, let data = Data(base64Encoded: key), data.count == 32 else {
            throw RosterDigestError.keyRequired(file)
        }
        let stored = SymmetricKey(data: data)
        guard Self.keyID(of: stored) == keyID else { throw RosterDigestError.wrongKey(file) }
        return stored
    }

    /// The keyed hashes of names, handles and birth years.
    struct Hasher: Sendable {
        /// The key's bytes (`SymmetricKey` itself is not `Sendable`).
        private let keyBytes: Data

        init(key: SymmetricKey) {
            keyBytes = key.withUnsafeBytes { Data($0) }
        }

        func name(_ name: String) -> String {
            mac("name:" + NameNormalization.key(name))
        }

        func handle(_ handle: String) -> String {
            // Handles are compared exactly (case aside): separators distinguish accounts.
            var key = handle.trimmingCharacters(in: .whitespaces).lowercased()
            if key.hasPrefix("@") { key.removeFirst() }
            return mac("handle:" + key)
        }

        func birthYear(_ year: Int, entry: String) -> String {
            mac("birth-year:\(entry):\(year)")
        }

        private func mac(_ text: String) -> String {
            HMAC<SHA256>.authenticationCode(
                for: Data(text.utf8), using: SymmetricKey(data: keyBytes)
            )
            .map { String(format: "%02x", $0) }.joined()
        }
    }
}
