import ArgumentParser
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
        help: "Multiply the zip-bomb limits (2 GiB an entry, 32 GiB in all, 200:1 compression) by this factor for a genuine, unusually large export.")
    var raiseLimits: UInt64 = 1

    /// The limits to open archives with.
    var limits: ArchiveLimits { ArchiveLimits.standard.raised(by: max(raiseLimits, 1)) }
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
