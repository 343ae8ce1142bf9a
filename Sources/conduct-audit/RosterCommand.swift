import ArgumentParser
import AuditModel
import AuditSchool
import ConductAudit
import Foundation

/// `conduct-audit roster`: work with the pupil roster.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Work with the pupil roster (make a digest staff can self-check against).",
        discussion: """
            Example:
              conduct-audit roster digest --roster Samples/pupils.csv --out digest.json
            """,
        subcommands: [RosterDigestCommand.self]
    )
}

/// `conduct-audit roster digest`: keyed hashes of the roster for staff self-checks.
struct RosterDigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract:
            "Write a roster digest: keyed hashes of pupils' names, handles and birth years, no names or dates in clear.",
        discussion: """
            Staff can self-check against the digest without being given the roster. By default \
            a random key is stored in the digest: that keeps names from casual reading only, \
            since anyone with the digest can try every name in a list of names. With --key-file \
            the key is kept in a separate file (created if it does not exist) and the digest \
            alone reveals nothing; whoever self-checks then needs the key file too. See the \
            README, "Roster digest".

            Example:
              conduct-audit roster digest --roster Samples/pupils.csv --out digest.json
            """
    )

    @Option(help: "The pupil roster CSV.")
    var roster: String

    @Option(help: "Where to write the digest (JSON).")
    var out: String

    @Option(
        help:
            "Keep the key in this file instead of the digest (read if it exists, else created owner-only)."
    )
    var keyFile: String?

    @Option(
        help: "The school's time zone, for the day 'on roll' is judged on (default Europe/London).")
    var timezone: String = "Europe/London"

    func run() throws {
        guard let zone = TimeZone(identifier: timezone) else {
            throw ValidationError(
                "Unknown time zone '\(timezone)'; give an IANA name such as Europe/London.")
        }
        let pupils = try Roster.load(from: URL(fileURLWithPath: roster))
        var key = RosterDigest.makeKey()
        var keyNote =
            "The key is stored in the digest: names are kept from casual reading only (see the README)."
        if let keyFile {
            if FileManager.default.fileExists(atPath: keyFile) {
                key = try RosterDigest.key(
                    fromFileContents: String(contentsOfFile: keyFile, encoding: .utf8),
                    file: keyFile)
                keyNote = "The key was read from \(keyFile) and is not in the digest."
            } else {
                try Self.writePrivately(Data(RosterDigest.keyFileContents(key).utf8), to: keyFile)
                keyNote =
                    "A new key was written to \(keyFile) (owner-only) and is not in the digest; give it only to staff who self-check, separately from the digest."
            }
        }
        let digest = RosterDigest(
            roster: pupils, key: key, includesKey: keyFile == nil,
            on: LocalDay.containing(Date(), in: zone))
        try Self.writePrivately(try digest.jsonData(), to: out)
        Terminal.print(
            "Roster digest of \(digest.entries.count) pupils written to \(out); it holds no names or dates in clear."
        )
        Terminal.print(keyNote)
    }

    /// Writes a file readable by its owner only.
    static func writePrivately(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw InputFailure(
                message:
                    "Cannot write '\(path)': check that the folder exists and you may write to it.")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
