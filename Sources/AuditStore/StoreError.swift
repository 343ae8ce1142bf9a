import AuditAnalysis
import AuditModel
import Foundation

/// Why the case database could not be opened, read or changed.
///
/// Each case names the case file (or "the in-memory case") and says what to do next.
public enum StoreError: LocalizedError, Equatable {
    /// The file exists but is not a conduct-audit case (another SQLite database, or not SQLite).
    case notACase(location: String)
    /// The case was written by a newer conduct-audit whose schema this version does not know.
    case newerSchema(location: String)
    /// Another process holds the case file locked.
    case locked(location: String)
    /// The case file or its folder could not be created or opened.
    case cannotOpen(location: String, reason: String)
    /// A finding id that is not in the case.
    case unknownFinding(FindingID, location: String)
    /// An incident id that the case's current findings do not have.
    case unknownIncident(String, location: String)
    /// A value a record needs (a reason, a reviewer) was empty.
    case emptyValue(String)
    /// An item given to `store` does not come from the archive it is stored with.
    case itemFromAnotherArchive(ItemID, itemArchive: String, archive: String)
    /// A finding cites an item that is not in the case.
    case findingCitesUnknownItem(FindingID, item: ItemID)
    /// `replaceFindings` was given a finding of a rule it was not asked to replace.
    case findingOutsideRules(FindingID, rule: RuleID)
    /// `replaceFindings` was given two findings with the same id.
    case duplicateFinding(FindingID)
    /// A stored row holds a value this version cannot read.
    case unreadableRow(table: String, key: String, reason: String, location: String)

    public var errorDescription: String? {
        switch self {
        case .notACase(let location):
            "'\(location)' is not a conduct-audit case file. Check the --case path; to start a "
                + "new case, give a path that does not exist yet."
        case .newerSchema(let location):
            "The case file '\(location)' was written by a newer version of conduct-audit. "
                + "Use that version (or newer) to open it; this version will not change it."
        case .locked(let location):
            "The case file '\(location)' is locked by another process (another conduct-audit "
                + "command, or a database viewer). Close it and try again."
        case .cannotOpen(let location, let reason):
            "Cannot open or create the case file '\(location)': \(reason.clause). Check that the folder "
                + "exists or can be created and that you may write to it."
        case .unknownFinding(let id, let location):
            "There is no finding '\(id)' in the case '\(location)'. List the finding ids with "
                + "`conduct-audit findings --case \(location)`."
        case .unknownIncident(let id, let location):
            "There is no incident '\(id)' in the case '\(location)'. List the incidents with "
                + "`conduct-audit findings --case \(location)` (its Incident column)."
        case .emptyValue(let name):
            "The \(name) must not be empty: say it in a few words."
        case .itemFromAnotherArchive(let item, let itemArchive, let archive):
            "Item \(item) comes from archive \(itemArchive), not from the archive being stored "
                + "(\(archive)). This is a defect in conduct-audit; please report it."
        case .findingCitesUnknownItem(let finding, let item):
            "Finding \(finding) cites item \(item), which is not in the case. Import the archive "
                + "that holds it before analysing; if it was imported, please report this defect."
        case .findingOutsideRules(let finding, let rule):
            "Finding \(finding) is of rule '\(rule)', which this run was not replacing. This is a "
                + "defect in conduct-audit; please report it."
        case .duplicateFinding(let id):
            "Two findings share the id \(id). This is a defect in conduct-audit; please report it."
        case .unreadableRow(let table, let key, let reason, let location):
            "The case file '\(location)' holds a row this version cannot read (table \(table), "
                + "key \(key)): \(reason.clause). The file may have been edited by hand or by a newer "
                + "version of conduct-audit."
        }
    }
}
