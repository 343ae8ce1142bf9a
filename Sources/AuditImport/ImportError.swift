import Foundation

/// Why an archive could not be imported at all (the fatal cases; recoverable ones are ``ImportIssue``s).
public enum ImportError: LocalizedError, Equatable {
    case missingArchive(URL)
    case unreadableArchive(URL, reason: String)
    case unrecognizedArchive(URL, expected: String)
    case unreadableFile(String, reason: String)
    case invalidFile(String, locator: String, reason: String)
    /// A folder that holds several exports side by side (a folder one level too high).
    case severalExports(URL, found: [String])

    public var errorDescription: String? {
        switch self {
        case .missingArchive(let url):
            "'\(url.path)' does not exist. Give the path of the export exactly as downloaded: the .zip file or the folder it unpacks to."
        case .unreadableArchive(let url, let reason):
            "Cannot read the archive '\(url.path)': \(reason.clause). Ask for a fresh copy of the export; the case was not changed."
        case .unrecognizedArchive(let url, let expected):
            "'\(url.path)' is not a recognised social-media export. Expected \(expected). Check that this is the file the platform produced, not a folder above or below it."
        case .unreadableFile(let file, let reason):
            "Cannot read '\(file)': \(reason.clause)."
        case .severalExports(let url, let found):
            "'\(url.path)' is a folder holding several exports, not one export: \(found.joined(separator: ", ")). Give each export's own path (they can all be given to one command)."
        case .invalidFile(let file, let locator, let reason):
            "'\(file)' at \(locator) is not valid: \(reason.clause)."
        }
    }
}
