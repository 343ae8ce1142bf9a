import AuditAnalysis
import AuditModel
import AuditSchool
import AuditStore
import Foundation

/// The report pipeline every front end shares (`audit`, `report`, `self-check` and the review
/// page of `serve`): the evidence of a case's findings assembled from the case, with copies of
/// the media they cite read from the archives, written as the sealed evidence folder.
public struct CaseReport: Sendable {
    /// The school, staff member and roster the findings are shown against.
    public var configuration: AuditConfiguration
    /// SHA-256 of school.yaml and the roster, for the manifest.
    public var inputHashes: [String: String]
    /// Also print every page to PDF (with headless Chromium, when it is on `PATH`).
    public var pdf: Bool
    /// Also write a disclosure copy with third parties as initials.
    public var redactThirdParties: Bool

    public init(
        configuration: AuditConfiguration, inputHashes: [String: String], pdf: Bool = false,
        redactThirdParties: Bool = false
    ) {
        self.configuration = configuration
        self.inputHashes = inputHashes
        self.pdf = pdf
        self.redactThirdParties = redactThirdParties
    }

    /// What writing the evidence folder produced.
    public struct Outcome: Sendable {
        public var findings: [Finding]
        public var incidents: [Incident]
        public var evidenceFolder: URL
        /// Things the reader of the terminal or page should know: archives no longer where the
        /// case says, PDFs asked for without Chromium, PDFs of the last folder not printed again.
        public var notes: [String]
        /// Per archive SHA-256: whose account it is and how that was decided.
        public var owners: [String: ArchiveOwner] = [:]
        /// Per archive SHA-256: what its download cannot contain.
        public var blindSpots: [String: [BlindSpot]] = [:]
        /// The case's latest analysis run (whose findings these are), with its scope.
        public var run: AuditRun?
        /// How many findings no reviewer has decided.
        public var openCount: Int { findings.filter { $0.status == .open }.count }
    }

    /// The SHA-256 of the configuration inputs, keyed as the manifest names them.
    /// - Throws: when a file cannot be read.
    public static func inputHashes(school: URL, roster: URL) throws -> [String: String] {
        [
            "school.yaml": try SHA256Hex.digest(ofFileAt: school),
            "roster": try SHA256Hex.digest(ofFileAt: roster),
        ]
    }

    /// Whose account each archive is, decided from the archive and the staff member's accounts
    /// as at import (``ArchiveOwnership``); an archive whose owner cannot be decided now is left
    /// out (it was imported with an owner stated on the command line).
    public func decidedOwners(of archives: [ImportedArchive]) -> [String: ArchiveOwner] {
        var owners: [String: ArchiveOwner] = [:]
        for archive in archives {
            if case .owned(let owner) = ArchiveOwnership.decide(
                for: archive, staff: configuration.staff, colleagues: configuration.school.staff,
                statedOwner: nil)
            {
                owners[archive.sha256] = owner
            }
        }
        return owners
    }

    /// The evidence of `analysis` as the sealed folder shows it, media, owners and blind spots
    /// included, and a note for each archive whose media could not be read.
    /// - Parameters:
    ///   - analysis: the findings and incidents to show.
    ///   - database: the case, which holds the items the findings cite.
    ///   - archives: the case's archives, read again for the media the findings cite.
    ///   - owners: whose account each archive is, by SHA-256, as the import decided it; nil
    ///     decides it again from the archives (``decidedOwners(of:)``).
    ///   - generatedAt: the time the evidence states it was generated.
    /// - Returns: the evidence, and one note for each archive that is missing or could not be
    ///   opened (its media are not copied).
    /// - Throws: ``StoreError`` when the case cannot be read.
    public func bundle(
        for analysis: CaseAnalysis, database: CaseDatabase, archives: [ImportedArchive],
        owners: [String: ArchiveOwner]? = nil, generatedAt: Date = Date()
    ) throws -> (bundle: EvidenceBundle, notes: [String]) {
        let analyzer = Analyzer()
        var descriptions: [RuleID: String] = [:]
        for rule in analyzer.rules where configuration.rules.contains(rule.id) {
            descriptions[rule.id] = rule.summary
        }
        var bundle = try database.evidenceBundle(
            for: analysis, archives: archives, configuration: configuration,
            ruleDescriptions: descriptions, inputHashes: inputHashes, generatedAt: generatedAt)
        bundle.attach(EvidenceMediaCollector().collect(for: bundle.citedItems, archives: archives))
        bundle.owners = owners ?? decidedOwners(of: archives)
        bundle.blindSpots = try database.blindSpots(of: archives)
        var notes: [String] = []
        for archive in archives {
            switch bundle.archiveAccess[archive.sha256] {
            case .missing?:
                notes.append(
                    "\(archive.path) is no longer there; the evidence says so and copies no media from it."
                )
            case .unreadable(let reason)?:
                notes.append(
                    "\(archive.path) could not be opened (\(reason)); no media copied from it.")
            default:
                break
            }
        }
        return (bundle, notes)
    }

    /// Writes the evidence folder for findings already stored in the case.
    /// - Throws: ``StoreError`` when the case cannot be read, ``ReportError`` when the folder
    ///   cannot be written.
    public func write(
        _ analysis: CaseAnalysis, database: CaseDatabase, archives: [ImportedArchive],
        to evidenceFolder: URL, owners: [String: ArchiveOwner]? = nil,
        progress: ProgressHandler? = nil
    ) throws -> Outcome {
        var notes: [String] = []
        var writerOptions = EvidenceWriter.Options(progress: progress)
        if redactThirdParties {
            writerOptions.disclosure = try DisclosureRedaction(
                configuration: configuration,
                source: CaseTimelineReader(database, rawFragmentsOf: [], textsOf: []))
        }
        if pdf {
            do {
                writerOptions.printer = try ChromiumPrinter.locate(
                    searchPath: ProcessInfo.processInfo.environment["PATH"],
                    disablesSandbox: geteuid() == 0)
            } catch {
                notes.append(
                    "warning: " + ((error as? LocalizedError)?.errorDescription ?? "\(error)"))
            }
        }
        let (bundle, archiveNotes) = try self.bundle(
            for: analysis, database: database, archives: archives, owners: owners)
        if writerOptions.printer == nil {
            let dropped = EvidenceWriter.pdfCount(inPreviousFolder: evidenceFolder)
            if dropped > 0 {
                notes.append(
                    "the previous evidence folder had \(dropped) PDF(s); this run writes none, so "
                        + "they are replaced by a folder without PDFs. Add --pdf to print them again."
                )
            }
        }
        try EvidenceWriter().write(bundle, to: evidenceFolder, options: writerOptions)
        return Outcome(
            findings: analysis.findings, incidents: analysis.incidents,
            evidenceFolder: evidenceFolder, notes: notes + archiveNotes, owners: bundle.owners,
            blindSpots: bundle.blindSpots, run: try database.runs().last)
    }

    /// What `conduct-audit report` does: writes the evidence folder from the findings stored in
    /// the case, with every review decision, and appends the run to the case's audit log.
    /// - Parameters:
    ///   - database: the case.
    ///   - evidenceFolder: the evidence folder, replaced by the new one.
    ///   - command: the front end's name for the audit log ("report", "serve").
    ///   - arguments: what the user gave it, for the audit log.
    ///   - progress: told how writing (and printing) the pages goes.
    /// - Returns: what writing the evidence folder produced.
    /// - Throws: as ``write(_:database:archives:to:owners:progress:)``, and ``StoreError`` when
    ///   the audit log entry cannot be written.
    public func rewrite(
        _ database: CaseDatabase, to evidenceFolder: URL, command: String, arguments: [String],
        progress: ProgressHandler? = nil
    ) throws -> Outcome {
        let outcome = try write(
            try database.storedAnalysis(), database: database, archives: try database.archives(),
            to: evidenceFolder, progress: progress)
        try database.appendAuditLog(
            AuditLogEntry(
                at: Date(), command: command, arguments: arguments,
                toolVersion: ToolVersion.current,
                summary:
                    "re-rendered \(outcome.incidents.count) incidents to \(outcome.evidenceFolder.path)"
            ))
        return outcome
    }
}
