import AuditAnalysis
import AuditImport
import AuditModel
import AuditReport
import AuditSchool
import AuditStore
import Foundation

#if os(Linux)
    import CMalloc
#endif

/// The audit pipeline, composed from the stages: archives are opened and hashed, their owner
/// and the staff member decided, their items imported into the case, the case analysed, and the
/// evidence written (import → analyse → store → report).
///
/// Every front end uses it: the command line, the review server and the tests; none composes
/// the stages itself. Each step is a method, so a front end can stop after importing (`import`)
/// or render stored findings again (`report`).
public struct CaseAudit: Sendable {
    /// The school's configuration: its staff and their accounts decide whose archives these are.
    public var school: SchoolConfiguration
    /// Owners stated by the user (`--owner ARCHIVE=NAME`), by the archive's standardized path.
    public var statedOwners: [String: String]

    public init(school: SchoolConfiguration, statedOwners: [String: String] = [:]) {
        self.school = school
        self.statedOwners = statedOwners
    }

    /// The school's time zone, in which archives without one are read.
    public var timeZone: TimeZone { school.school.timeZone }

    // MARK: Whose archives

    /// The staff member called `name` in school.yaml.
    /// - Throws: ``CaseAuditError/unknownStaff(name:listed:)``.
    public func staffMember(named name: String) throws -> StaffMember {
        guard let member = school.staffMember(named: name) else {
            throw CaseAuditError.unknownStaff(name: name, listed: school.staff.map(\.name))
        }
        return member
    }

    /// The staff member whose accounts match the owners the archives name, read as cheaply as
    /// each format allows.
    /// - Throws: ``CaseAuditError`` when none or several staff members match; ``ImportError``
    ///   when an archive cannot be read.
    public func inferStaff(from archives: [OpenedArchive]) throws -> StaffMember {
        let owners = try ImportStage(statedOwners: statedOwners).owners(
            of: archives.map { (reader: $0.reader, sha256: $0.sha256) }, localTimeZone: timeZone,
            ownerHints: ownerHints(for: nil)
        ).map { ($0.platform, $0.owner) }
        return try inferStaff(fromOwners: owners)
    }

    /// The staff member whose accounts match `owners` (each archive's platform and owner).
    /// - Throws: ``CaseAuditError/staffNotFound(owners:listed:)`` or
    ///   ``CaseAuditError/staffAmbiguous(candidates:)``.
    public func inferStaff(fromOwners owners: [(Platform, Person?)]) throws -> StaffMember {
        switch StaffIdentification.identify(
            owners: owners.map { (platform: $0.0, owner: $0.1) }, in: school.staff)
        {
        case .identified(let member):
            return member
        case .noMatch(let found):
            throw CaseAuditError.staffNotFound(owners: found, listed: school.staff.map(\.name))
        case .ambiguous(let candidates):
            throw CaseAuditError.staffAmbiguous(candidates: candidates)
        }
    }

    /// The staff member named `name`, else the one the owners of `archives` (already in a case)
    /// match.
    public func staffMember(named name: String?, owning archives: [ImportedArchive]) throws
        -> StaffMember
    {
        if let name { return try staffMember(named: name) }
        return try inferStaff(fromOwners: archives.map { ($0.platform, $0.owner) })
    }

    /// The accounts school.yaml lists per platform, which importers of archives that do not name
    /// their owner (WhatsApp chats) match against the participants: the staff member's own when
    /// known, else every staff member's.
    public func ownerHints(for staff: StaffMember?) -> [Platform: [String]] {
        var hints: [Platform: [String]] = [:]
        for member in staff.map({ [$0] }) ?? school.staff {
            for (platform, account) in member.accounts {
                hints[platform, default: []].append(account)
            }
        }
        // Messenger and Instagram threads name people by their display name: the staff
        // member's own name tells them among a thread's people when the download has no profile.
        for platform in [Platform.facebook, .instagram] {
            if let staff, !(hints[platform] ?? []).contains(staff.name) {
                hints[platform, default: []].append(staff.name)
            }
        }
        return hints
    }

    /// Whose account each archive is (``ArchiveOwnership``), by SHA-256.
    /// - Throws: ``CaseAuditError`` naming the first archive whose owner cannot be decided or
    ///   that is plainly someone else's, and how to state the owner.
    public func owners(of archives: [ImportedArchive], staff: StaffMember) throws
        -> [String: ArchiveOwner]
    {
        var owners: [String: ArchiveOwner] = [:]
        for archive in archives {
            owners[archive.sha256] = try owner(of: archive, staff: staff)
        }
        return owners
    }

    /// Whose account `archive` is (with the owner stated for it, if any).
    /// - Throws: ``CaseAuditError/ownerUndecided(_:)`` or ``CaseAuditError/notTheirs(_:)``.
    @discardableResult
    public func owner(of archive: ImportedArchive, staff: StaffMember) throws -> ArchiveOwner {
        let what =
            "\(archive.path) (\(archive.platform.displayName) \(archive.variant.rawValue.uppercased()))"
        switch ArchiveOwnership.decide(
            for: archive, staff: staff, colleagues: school.staff,
            statedOwner: statedOwner(ofArchiveAt: archive.path))
        {
        case .owned(let owner):
            return owner
        case .undecided(let reason):
            throw CaseAuditError.ownerUndecided(
                "Cannot tell whose account \(what) is: \(reason). Its messages could not be told "
                    + "apart from those received, so nothing was analysed. "
                    + ArchiveOwnership.advice(for: staff, platform: archive.platform))
        case .someoneElse(let reason):
            throw CaseAuditError.notTheirs(
                "\(what) is not \(staff.name)'s: \(reason). Nothing was analysed. "
                    + ArchiveOwnership.adviceForSomeoneElse(staff, platform: archive.platform))
        }
    }

    /// The owner stated for the archive at `path`: for a split export ("a.zip + b.zip"), the one
    /// stated for any of its parts.
    public func statedOwner(ofArchiveAt path: String) -> String? {
        path.components(separatedBy: " + ").lazy.compactMap {
            statedOwners[URL(fileURLWithPath: $0).standardizedFileURL.path]
        }.first
    }

    // MARK: Import

    /// Parses archives given together with the importers their content calls for, without
    /// storing them (a private self-check).
    /// - Returns: the results keyed by archive SHA-256.
    public func importContents(of archives: [OpenedArchive], staff: StaffMember?) throws
        -> [String: ImportResult]
    {
        let results = try ImportStage().importArchives(
            archives.map { (reader: $0.reader, sha256: $0.sha256) }, localTimeZone: timeZone,
            ownerHints: ownerHints(for: staff))
        return Dictionary(results.map { ($0.archive.sha256, $0) }) { first, _ in first }
    }

    /// Imports the archives the case does not hold yet in one transaction, storing the items of
    /// the large formats a file at a time as they are read (``CaseDatabase/storeStreaming(importedAt:_:)``);
    /// archives already in the case (same SHA-256) are not read again.
    ///
    /// Each archive's owner is decided before its items are committed: an archive whose owner
    /// cannot be decided, or that is someone else's, leaves nothing in the case.
    /// - Parameters:
    ///   - opened: the archives the user named, opened and hashed.
    ///   - database: the case.
    ///   - staff: the staff member audited: every archive, new or already in the case, must be
    ///     theirs, and their accounts help the importers of archives that do not name an owner.
    ///   - observer: told of the files read and the items stored, for a progress line.
    ///   - note: told what the user should know (copies already in the case, archives not read
    ///     again).
    /// - Returns: every archive's record, in the order given.
    /// - Throws: ``CaseAuditError``, ``ImportError`` or ``StoreError``.
    public func importNew(
        _ opened: [OpenedArchive], into database: CaseDatabase, staff: StaffMember,
        observer: (any ImportObserver)? = nil, note: (String) -> Void = { _ in }
    ) throws -> [ImportedArchive] {
        let known = try database.archives()
        var records = Dictionary(known.map { ($0.sha256, $0) }) { first, _ in first }
        let new = opened.filter { records[$0.sha256] == nil }
        for archive in new { observer?.observe(archive.reader) }
        let outcomes = try database.storeStreaming { writer in
            var imported: [ImportedArchive] = []
            try ImportStage(statedOwners: statedOwners).importArchives(
                new.map { (reader: $0.reader, sha256: $0.sha256) }, localTimeZone: timeZone,
                ownerHints: ownerHints(for: staff),
                sink: { sha256 in
                    let stored = writer.sink(for: sha256)
                    return ItemSink { items in
                        try stored.accept(items)
                        observer?.stored(items: items.count)
                    }
                }
            ) { results in
                for result in results {
                    // Refused before its items are committed: nothing of it stays in the case.
                    try owner(of: result.archive, staff: staff)
                    try writer.add(result.items, archiveSHA256: result.archive.sha256)
                    observer?.stored(items: result.items.count)
                    imported.append(result.archive)
                    records[result.archive.sha256] = result.archive
                }
            }
            return imported
        }
        observer?.finish()
        Self.releaseFreedMemory()
        for archive in known where opened.contains(where: { $0.sha256 == archive.sha256 }) {
            try owner(of: archive, staff: staff)
        }
        for archive in new {
            if case .imported(_, let copies)? = outcomes[archive.sha256], copies > 0 {
                note(
                    "\(archive.reader.path): \(copies) item(s) are events the case already holds "
                        + "(from another archive, or twice in this one): kept once, with this "
                        + "archive as a further source.")
            }
        }
        return try opened.map { archive in
            if known.contains(where: { $0.sha256 == archive.sha256 }) {
                note(
                    "\(archive.reader.path): already in the case (SHA-256 "
                        + "\(archive.sha256.prefix(12))…), not read again.")
            }
            guard let record = records[archive.sha256] else {
                throw CaseAuditError.notImported(archive.reader.path)
            }
            return record
        }
    }

    /// Gives the memory the import freed back to the system, so that the analysis of an audit
    /// does not start on top of it.
    ///
    /// glibc's malloc keeps freed memory in its arenas (the reading thread's among them) for
    /// reuse rather than returning it, and the analysis allocates differently: a complete audit
    /// at benchmark scale 5 peaked at 388 MB without this and at 308 MB with it (its analysis
    /// alone: 266 MB). Elsewhere than on Linux this does nothing.
    public static func releaseFreedMemory() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }

    // MARK: Analyse and report

    /// Stores archives parsed without a case (``importContents(of:staff:)``) that `database`
    /// does not hold yet, then analyses it (a self-check that keeps its case).
    public static func storeAndAnalyse(
        _ results: [ImportResult], in database: CaseDatabase, configuration: AuditConfiguration
    ) throws -> CaseAnalysis {
        for result in results where try !database.containsArchive(sha256: result.archive.sha256) {
            try database.store(result.archive, items: result.items)
        }
        return try database.analyse(with: configuration)
    }

    /// Analyses the case's whole timeline, stores the findings (keeping review decisions), and
    /// writes the evidence folder (``CaseReport``).
    public static func analyseAndReport(
        database: CaseDatabase, configuration: AuditConfiguration, evidenceFolder: URL,
        inputHashes: [String: String], archives: [ImportedArchive], pdf: Bool = false,
        redactThirdParties: Bool = false, owners: [String: ArchiveOwner] = [:],
        progress: ProgressHandler? = nil
    ) throws -> CaseReport.Outcome {
        let analysis = try database.analyse(with: configuration, progress: progress)
        return try render(
            analysis, database: database, configuration: configuration,
            evidenceFolder: evidenceFolder, inputHashes: inputHashes, archives: archives, pdf: pdf,
            redactThirdParties: redactThirdParties, owners: owners, progress: progress)
    }

    /// Writes the evidence folder for findings already stored in the case, with copies of the
    /// media they cite read from the archives (when these are still where the case says).
    public static func render(
        _ analysis: CaseAnalysis, database: CaseDatabase, configuration: AuditConfiguration,
        evidenceFolder: URL, inputHashes: [String: String], archives: [ImportedArchive],
        pdf: Bool = false, redactThirdParties: Bool = false, owners: [String: ArchiveOwner] = [:],
        progress: ProgressHandler? = nil
    ) throws -> CaseReport.Outcome {
        let report = CaseReport(
            configuration: configuration, inputHashes: inputHashes, pdf: pdf,
            redactThirdParties: redactThirdParties)
        return try report.write(
            analysis, database: database, archives: archives, to: evidenceFolder,
            owners: owners.isEmpty ? nil : owners, progress: progress)
    }
}

/// An archive named by the user (or the parts of a split export), opened and hashed but not yet
/// parsed.
public struct OpenedArchive: Sendable {
    public var reader: ArchiveReader
    public var sha256: String

    /// Opens the archives at `paths`, joining the parts of a split export, and hashes each;
    /// zip entries over `limits` are refused.
    /// - Throws: ``ImportError`` when one does not exist or cannot be read.
    public static func open(_ paths: [String], limits: ArchiveLimits) throws -> [OpenedArchive] {
        try ImportStage().openArchives(at: paths.map { URL(fileURLWithPath: $0) }, limits: limits)
            .map { OpenedArchive(reader: $0, sha256: try $0.sha256()) }
    }
}

/// Told of an import's progress (``CaseAudit/importNew(_:into:staff:observer:note:)``), on the
/// threads doing the work.
public protocol ImportObserver: Sendable {
    /// Counts the files `reader` reads from now on.
    func observe(_ reader: ArchiveReader)
    /// Counts items read and handed over for storing.
    func stored(items: Int)
    /// The import has ended.
    func finish()
}

/// Why the pipeline stopped before analysing: the staff member or an archive's owner could not
/// be decided, or an archive is someone else's.
public enum CaseAuditError: Error, LocalizedError, Equatable {
    /// No staff member of that name in school.yaml.
    case unknownStaff(name: String, listed: [String])
    /// The archives' owners match no staff member.
    case staffNotFound(owners: [String], listed: [String])
    /// The archives' owners match several staff members.
    case staffAmbiguous(candidates: [String])
    /// Whose account an archive is cannot be decided (the message says which and what to do).
    case ownerUndecided(String)
    /// An archive is plainly someone else's.
    case notTheirs(String)
    /// An archive was neither in the case nor imported.
    case notImported(String)

    /// Whether the user should say more on the command line (`--staff`), a usage problem,
    /// rather than bad input.
    public var isUsageProblem: Bool {
        switch self {
        case .unknownStaff, .staffNotFound, .staffAmbiguous: true
        case .ownerUndecided, .notTheirs, .notImported: false
        }
    }

    public var errorDescription: String? {
        switch self {
        case .unknownStaff(let name, let listed):
            let names = listed.map { "'\($0)'" }.joined(separator: ", ")
            return "No staff member named '\(name)' in school.yaml. Staff listed there: \(names)."
        case .staffNotFound(let owners, let listed):
            let seen =
                owners.isEmpty
                ? "the archives name no owner"
                : "the archives belong to \(owners.map { "'\($0)'" }.joined(separator: ", "))"
            return "Cannot tell whose archives these are: \(seen), which matches no staff "
                + "member's accounts in school.yaml. Pass --staff NAME (one of: "
                + "\(listed.joined(separator: ", ")))."
        case .staffAmbiguous(let candidates):
            return "The archives match several staff members: "
                + "\(candidates.joined(separator: ", ")). Pass --staff NAME to say whose they are."
        case .ownerUndecided(let message), .notTheirs(let message):
            return message
        case .notImported(let path):
            return "\(path) was neither in the case nor imported."
        }
    }
}
