import ArgumentParser
import ConductAudit
import Foundation

#if os(Linux)
    import CMalloc
#endif

/// An archive named on the command line (or the parts of a split export), opened and hashed but
/// not yet parsed.
struct OpenedArchive {
    var reader: ArchiveReader
    var sha256: String

    /// Opens the archives at `paths`, joining the parts of a split export, and hashes each;
    /// zip entries over `limits` are refused.
    /// - Throws: ``ImportError`` when one does not exist or cannot be read.
    static func open(_ paths: [String], limits: ArchiveLimits) throws -> [OpenedArchive] {
        try ArchiveImport().openArchives(at: paths.map { URL(fileURLWithPath: $0) }, limits: limits).map {
            OpenedArchive(reader: $0, sha256: try $0.sha256())
        }
    }

    /// The owners the archives name (their platform and owner), read as cheaply as each format
    /// allows, for inferring the staff member.
    static func owners(
        of archives: [OpenedArchive], timeZone: TimeZone, ownerHints: [Platform: [String]],
        statedOwners: [String: String] = [:]
    ) throws -> [(Platform, Person?)] {
        try ArchiveImport(statedOwners: statedOwners).owners(
            of: archives.map { (reader: $0.reader, sha256: $0.sha256) }, localTimeZone: timeZone,
            ownerHints: ownerHints
        ).map { ($0.platform, $0.owner) }
    }

    /// Parses archives given together with the importers their content calls for.
    /// - Returns: the results keyed by archive SHA-256.
    static func importContents(
        of archives: [OpenedArchive], timeZone: TimeZone, ownerHints: [Platform: [String]]
    ) throws -> [String: ImportResult] {
        let results = try ArchiveImport().importArchives(
            archives.map { (reader: $0.reader, sha256: $0.sha256) }, localTimeZone: timeZone,
            ownerHints: ownerHints)
        return Dictionary(results.map { ($0.archive.sha256, $0) }) { first, _ in first }
    }
}

/// What an analysis run produced, for printing and the result document.
typealias AuditOutcome = CaseReport.Outcome

/// The steps the subcommands share, composed from the library's stages.
enum CaseWorkflow {
    /// The staff member called `name` in school.yaml.
    /// - Throws: ``InputFailure`` listing the staff the configuration names.
    static func staffMember(named name: String, in school: SchoolConfiguration) throws -> StaffMember {
        guard let member = school.staffMember(named: name) else {
            let names = school.staff.map { "'\($0.name)'" }.joined(separator: ", ")
            throw UsageFailure(message: "No staff member named '\(name)' in school.yaml. Staff listed there: \(names).")
        }
        return member
    }

    /// The accounts school.yaml lists per platform, which importers of archives that do not name
    /// their owner (WhatsApp chats) match against the participants: the staff member's own when
    /// known, else every staff member's.
    static func ownerHints(in school: SchoolConfiguration, staff: StaffMember?) -> [Platform: [String]] {
        var hints: [Platform: [String]] = [:]
        for member in staff.map({ [$0] }) ?? school.staff {
            for (platform, account) in member.accounts { hints[platform, default: []].append(account) }
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

    /// The staff member whose accounts match the archives' owners.
    /// - Throws: a usage error listing the candidates when none or several match.
    static func inferStaff(
        from owners: [(Platform, Person?)], school: SchoolConfiguration
    ) throws -> StaffMember {
        switch StaffIdentification.identify(owners: owners.map { (platform: $0.0, owner: $0.1) }, in: school.staff) {
        case .identified(let member):
            return member
        case .noMatch(let found):
            let seen = found.isEmpty ? "the archives name no owner" : "the archives belong to \(found.map { "'\($0)'" }.joined(separator: ", "))"
            throw UsageFailure(message:
                "Cannot tell whose archives these are: \(seen), which matches no staff member's accounts in school.yaml. Pass --staff NAME (one of: \(school.staff.map(\.name).joined(separator: ", "))).")
        case .ambiguous(let candidates):
            throw UsageFailure(message:
                "The archives match several staff members: \(candidates.joined(separator: ", ")). Pass --staff NAME to say whose they are.")
        }
    }

    /// Imports the archives the case does not hold yet in one transaction, storing the items of
    /// the large JSON formats a file at a time as they are read (``CaseDatabase/storeStreaming``)
    /// and the others per format, with progress on standard error; archives already in the case
    /// (same SHA-256) are not read again.
    /// - Returns: every archive's record, in the order given.
    static func importNew(
        _ opened: [OpenedArchive], into database: CaseDatabase, timeZone: TimeZone,
        ownerHints: [Platform: [String]], progress: ImportProgress, quiet: Bool,
        statedOwners: [String: String] = [:],
        check: @escaping (ImportedArchive) throws -> Void = { _ in }
    ) throws -> [ImportedArchive] {
        let known = try database.archives()
        var records = Dictionary(known.map { ($0.sha256, $0) }) { first, _ in first }
        let new = opened.filter { records[$0.sha256] == nil }
        for archive in new { progress.observe(archive.reader) }
        let outcomes = try database.storeStreaming { writer in
            var imported: [ImportedArchive] = []
            try ArchiveImport(statedOwners: statedOwners).importArchives(
                new.map { (reader: $0.reader, sha256: $0.sha256) }, localTimeZone: timeZone,
                ownerHints: ownerHints,
                sink: { sha256 in
                    let stored = writer.sink(for: sha256)
                    return ItemSink { items in
                        try stored.accept(items)
                        progress.stored(items: items.count)
                    }
                }
            ) { results in
                for result in results {
                    // Refused before its items are committed: nothing of it stays in the case.
                    try check(result.archive)
                    try writer.add(result.items, archiveSHA256: result.archive.sha256)
                    progress.stored(items: result.items.count)
                    imported.append(result.archive)
                    records[result.archive.sha256] = result.archive
                }
            }
            return imported
        }
        progress.finish()
        releaseFreedMemory()
        for archive in known where opened.contains(where: { $0.sha256 == archive.sha256 }) {
            try check(archive)
        }
        for archive in new where !quiet {
            if case .imported(_, let copies)? = outcomes[archive.sha256], copies > 0 {
                Terminal.note("\(archive.reader.path): \(copies) item(s) are events the case already holds (from another archive, or twice in this one): kept once, with this archive as a further source.")
            }
        }
        return try opened.map { archive in
            if !quiet, known.contains(where: { $0.sha256 == archive.sha256 }) {
                Terminal.note("\(archive.reader.path): already in the case (SHA-256 \(archive.sha256.prefix(12))…), not read again.")
            }
            guard let record = records[archive.sha256] else {
                throw InputFailure(message: "\(archive.reader.path) was neither in the case nor imported.")
            }
            return record
        }
    }

    /// Gives the memory the import freed back to the system, so that the analysis of an `audit`
    /// does not start on top of it.
    ///
    /// glibc's malloc keeps freed memory in its arenas (the reading thread's among them) for
    /// reuse rather than returning it, and the analysis allocates differently: a complete audit
    /// at benchmark scale 5 peaked at 388 MB without this and at 308 MB with it (its analysis
    /// alone: 266 MB). Elsewhere than on Linux this does nothing.
    static func releaseFreedMemory() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }

    /// Whose account each archive is (``ArchiveOwnership``), by SHA-256.
    /// - Throws: ``InputFailure`` (exit status 3) naming the first archive whose owner cannot be
    ///   decided or that is plainly someone else's, and how to state the owner.
    static func owners(
        of archives: [ImportedArchive], staff: StaffMember, school: SchoolConfiguration,
        stated: ArchiveOptions? = nil
    ) throws -> [String: ArchiveOwner] {
        var owners: [String: ArchiveOwner] = [:]
        for archive in archives {
            owners[archive.sha256] = try owner(of: archive, staff: staff, school: school, stated: stated)
        }
        return owners
    }

    /// Whose account `archive` is (with the owner `stated` with `--owner`, if any).
    /// - Throws: ``InputFailure`` (exit status 3) when it cannot be decided or is someone else's.
    @discardableResult
    static func owner(
        of archive: ImportedArchive, staff: StaffMember, school: SchoolConfiguration,
        stated: ArchiveOptions? = nil
    ) throws -> ArchiveOwner {
        let what = "\(archive.path) (\(archive.platform.displayName) \(archive.variant.rawValue.uppercased()))"
        switch ArchiveOwnership.decide(
            for: archive, staff: staff, colleagues: school.staff,
            statedOwner: stated?.statedOwner(ofArchiveAt: archive.path))
        {
        case .owned(let owner):
            return owner
        case .undecided(let reason):
            throw InputFailure(
                message: "Cannot tell whose account \(what) is: \(reason). Its messages could not be told apart from those received, so nothing was analysed. "
                    + ArchiveOwnership.advice(for: staff, platform: archive.platform))
        case .someoneElse(let reason):
            throw InputFailure(
                message: "\(what) is not \(staff.name)'s: \(reason). Nothing was analysed. "
                    + ArchiveOwnership.adviceForSomeoneElse(staff, platform: archive.platform))
        }
    }

    /// SHA-256 of the configuration inputs, for the manifest.
    static func inputHashes(school: String, roster: String) throws -> [String: String] {
        try CaseReport.inputHashes(school: URL(fileURLWithPath: school), roster: URL(fileURLWithPath: roster))
    }

    /// "everything read", or counts of parts not understood, not imported and caveats.
    static func issueSummary(_ issues: [ImportIssue]) -> String {
        let unreadable = issues.filter { $0.kind == .unreadable }.count
        let notImported = issues.filter { $0.kind == .notImported }.count
        let caveats = issues.filter { $0.kind == .caveat }.count
        var parts: [String] = []
        if unreadable > 0 { parts.append("\(unreadable) part(s) NOT understood") }
        if notImported > 0 { parts.append("\(notImported) file(s) read but not imported") }
        if caveats > 0 { parts.append("\(caveats) caveat(s)") }
        return parts.isEmpty ? "everything read" : parts.joined(separator: ", ") + " (listed in the report)"
    }

    /// The issues of one archive as terminal lines: per kind the count and the first `limit`,
    /// then where the rest are. A WhatsApp chat across many clock changes has dozens of caveats;
    /// the report lists them all.
    static func issueLines(_ issues: [ImportIssue], limit: Int = 3, indent: String = "  ")
        -> [String]
    {
        var lines: [String] = []
        for kind in [ImportIssue.Kind.unreadable, .notImported, .caveat] {
            let ofKind = issues.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            // What one issue of the kind is called, and what several are.
            let (label, plural) =
                switch kind {
                case .unreadable: ("not understood", "parts not understood")
                case .notImported: ("not imported", "files not imported")
                case .caveat: ("caveat", "caveats")
                }
            for issue in ofKind.prefix(limit) {
                let place = issue.file + (issue.locator.map { " at \($0)" } ?? "")
                lines.append("\(indent)\(label): \(place): \(issue.reason)")
            }
            if ofKind.count > limit {
                lines.append(
                    "\(indent)… and \(ofKind.count - limit) more \(plural) (\(ofKind.count) in all); "
                        + "every one is listed in the evidence index under 'Archives read'")
            }
        }
        return lines
    }

    /// Prints the plain-text summary of an audit.
    static func printSummary(
        _ outcome: AuditOutcome, staff: StaffMember, archives: [ImportedArchive], caseURL: URL
    ) {
        Terminal.print("Audit of \(staff.name)")
        for archive in archives {
            let unread = Self.issueSummary(archive.unparsed)
            Terminal.print("  \(archive.platform.displayName) \(archive.variant.rawValue.uppercased()) \(archive.path): \(archive.itemCount) items, \(unread)")
            if let owner = outcome.owners[archive.sha256] {
                Terminal.print("    owner: \(owner.name). \(owner.basis)")
            }
            let spots = outcome.blindSpots[archive.sha256] ?? []
            for spot in spots where !spot.isActivityGap {
                Terminal.print("    blind spot\(spot.since.map { " (since \($0))" } ?? ""): \(spot.what)")
            }
            // Months without activity can be many: counted here, each listed in the index.
            let gaps = spots.filter(\.isActivityGap)
            if !gaps.isEmpty {
                Terminal.print(
                    "    blind spot: \(gaps.count) stretch(es) of months with no activity at all, "
                        + "from \(gaps.compactMap(\.since).min() ?? "?"); each is listed in the evidence index")
            }
            for line in issueLines(archive.unparsed.filter { $0.kind != .caveat }, indent: "    ") {
                Terminal.print(line)
            }
        }
        if let run = outcome.run { Terminal.print("Scope: \(run.scopeDescription) (every archive in the case is analysed)") }
        let byRule = Dictionary(grouping: outcome.findings, by: \.rule)
        if outcome.findings.isEmpty {
            Terminal.print("No findings.")
        } else {
            Terminal.print("Findings: \(outcome.findings.count) (\(outcome.openCount) open) in \(outcome.incidents.count) incidents")
            for rule in RuleID.all {
                guard let found = byRule[rule] else { continue }
                Terminal.print("  \(rule.rawValue): \(found.count)")
            }
        }
        Terminal.print("Case file: \(caseURL.path)")
        Terminal.print("Evidence:  \(outcome.evidenceFolder.appendingPathComponent("index.html").path)")
    }
}

extension CaseWorkflow {
    /// Analyses the case's whole timeline, stores the findings (keeping review decisions), and
    /// writes the evidence folder.
    static func analyseAndReport(
        database: CaseDatabase, configuration: AuditConfiguration, evidenceFolder: URL,
        inputHashes: [String: String], archives: [ImportedArchive], pdf: Bool = false,
        redactThirdParties: Bool = false, owners: [String: ArchiveOwner] = [:],
        progress: ProgressHandler? = nil
    ) throws -> AuditOutcome {
        let analysis = try database.analyse(with: configuration, progress: progress)
        return try render(
            analysis, database: database, configuration: configuration,
            evidenceFolder: evidenceFolder, inputHashes: inputHashes, archives: archives, pdf: pdf,
            redactThirdParties: redactThirdParties, owners: owners, progress: progress)
    }

    /// Writes the evidence folder for findings already stored in the case, with copies of the
    /// media they cite read from the archives (when these are still where the case says), through
    /// the library's report pipeline; its notes go to standard error.
    static func render(
        _ analysis: CaseAnalysis, database: CaseDatabase, configuration: AuditConfiguration,
        evidenceFolder: URL, inputHashes: [String: String], archives: [ImportedArchive],
        pdf: Bool = false, redactThirdParties: Bool = false, owners: [String: ArchiveOwner] = [:],
        progress: ProgressHandler? = nil
    ) throws -> AuditOutcome {
        let report = CaseReport(
            configuration: configuration, inputHashes: inputHashes, pdf: pdf,
            redactThirdParties: redactThirdParties)
        let outcome = try report.write(
            analysis, database: database, archives: archives, to: evidenceFolder,
            owners: owners.isEmpty ? nil : owners, progress: progress)
        printNotes(of: outcome)
        return outcome
    }

    /// The report's notes on standard error.
    static func printNotes(of outcome: AuditOutcome) {
        for note in outcome.notes { Terminal.note(note.hasPrefix("warning: ") ? note : "note: " + note) }
    }
}
