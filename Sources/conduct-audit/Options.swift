import ArgumentParser
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import ConductAudit
import Foundation

/// The school configuration and roster every analysing command needs.
struct SchoolOptions: ParsableArguments {
    @Option(name: .long, help: "The school's configuration (school.yaml).")
    var school: String

    @Option(name: .long, help: "The pupil roster CSV exported from the school's MIS.")
    var roster: String

    /// Loads school.yaml; invalid content is bad input (exit 3) with the file and key named.
    func loadSchool() throws -> SchoolConfiguration {
        try SchoolConfiguration.load(from: URL(fileURLWithPath: school))
    }

    /// Loads the roster; a bad row is bad input (exit 3) naming its line.
    /// SHA-256 of school.yaml and the roster, for the evidence manifest.
    func inputHashes() throws -> [String: String] {
        try CaseReport.inputHashes(
            school: URL(fileURLWithPath: school), roster: URL(fileURLWithPath: roster))
    }

    func loadRoster() throws -> Roster {
        try Roster.load(from: URL(fileURLWithPath: roster))
    }
}

/// Where the case file and evidence folder live.
struct CaseLocationOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite case file (default: Reports/<staff-slug>/case.sqlite).")
    var `case`: String?

    @Option(name: .long, help: "The evidence folder (default: Reports/<staff-slug>/evidence/).")
    var out: String?

    /// The case file for `staff`, the flag's value or the default.
    func caseURL(for staff: StaffMember) -> URL {
        URL(fileURLWithPath: `case` ?? "Reports/\(staff.slug)/case.sqlite")
    }

    /// The evidence folder for `staff`, the flag's value or the default.
    func evidenceURL(for staff: StaffMember) -> URL {
        URL(fileURLWithPath: out ?? "Reports/\(staff.slug)/evidence", isDirectory: true)
    }
}

/// How archives are opened.
struct ArchiveOptions: ParsableArguments {
    @Option(
        name: .customLong("raise-limits"),
        help:
            "Multiply the zip-bomb limits (2 GiB an entry, 32 GiB in all, 200:1 compression) by this factor for a genuine, unusually large export."
    )
    var raiseLimits: UInt64 = 1

    @Option(
        name: .customLong("owner"),
        help: ArgumentHelp(
            "State whose account an archive is, as the archive writes the staff member's name (repeat per archive).",
            valueName: "ARCHIVE=NAME"))
    var owner: [String] = []

    /// The limits to open archives with.
    var limits: ArchiveLimits { ArchiveLimits.standard.raised(by: max(raiseLimits, 1)) }

    /// The owners stated with `--owner`, by the archive's standardized path.
    var statedOwners: [String: String] {
        var owners: [String: String] = [:]
        for statement in owner {
            guard let separator = statement.lastIndex(of: "=") else { continue }
            let path = URL(fileURLWithPath: String(statement[..<separator])).standardizedFileURL
                .path
            owners[path] = statement[statement.index(after: separator)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return owners
    }

    func validate() throws {
        for statement in owner {
            guard let separator = statement.lastIndex(of: "="), separator != statement.startIndex,
                !statement[statement.index(after: separator)...].trimmingCharacters(
                    in: .whitespaces
                ).isEmpty
            else {
                throw ValidationError(
                    "--owner '\(statement)': give the archive and the owner's name as the archive writes it, ARCHIVE=NAME."
                )
            }
        }
    }
}

/// How the evidence folder is written beyond its HTML pages: PDFs, a disclosure copy.
struct EvidenceOutputOptions: ParsableArguments {
    @Flag(
        help:
            "Also print every page to an A4 PDF beside it, with headless Chromium when it is installed."
    )
    var pdf = false

    @Flag(
        help:
            "Also write a disclosure copy (in <evidence>/disclosure/) in which people other than the staff member and the pupil concerned appear as initials."
    )
    var redactThirdParties = false
}

/// Who recorded a decision or an outcome, why, and in which case: what `review` and `outcome`
/// both ask for.
struct DecisionRecordOptions: ParsableArguments {
    @Option(help: "Why: the reviewer's reason, recorded with it.")
    var reason: String

    @Option(help: "Who decided (name and role).")
    var reviewer: String

    @Option(help: "The SQLite case file.")
    var `case`: String

    func validate() throws {
        for (value, flag) in [(reason, "--reason"), (reviewer, "--reviewer")]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("\(flag) must not be empty.")
        }
    }
}

/// The `--rules` flag's value as rule ids.
enum RuleSelection {
    /// The rules named (comma-separated), or every rule when `text` is nil.
    /// - Throws: a usage error naming an unknown rule.
    static func parse(_ text: String?) throws -> [RuleID] {
        guard let text else { return RuleID.all }
        var selected: [RuleID] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !name.isEmpty {
            guard let rule = RuleID(argument: name) else {
                throw ValidationError(
                    "Unknown rule '\(name)'. Rules: \(RuleID.all.map(\.rawValue).joined(separator: ", "))."
                )
            }
            selected.append(rule)
        }
        if selected.isEmpty { throw ValidationError("--rules names no rule.") }
        return selected
    }
}

/// A usage problem found while running (exit status 2), printed without a usage line, which
/// would name the wrong command from inside `run()`.
struct UsageFailure: Error {
    var message: String
}

/// A problem with the user's input that the CLI itself detects (exit status 3).
struct InputFailure: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}

extension RuleID: ExpressibleByArgument {
    public init?(argument: String) {
        let id = RuleID(rawValue: argument)
        guard RuleID.all.contains(id) else { return nil }
        self = id
    }
}

extension LocalDay: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
