import Foundation

/// Why school.yaml could not be used.
///
/// Each case names the file, the key path and (where known) the line.
public enum SchoolConfigurationError: LocalizedError, Equatable {
    /// The file could not be opened or is not text.
    case unreadableFile(file: String, reason: String)
    /// The text is not valid YAML.
    case malformedYAML(file: String, line: Int?, reason: String)
    /// A required key is absent; `line` is the line of the mapping that should hold it.
    case missingKey(file: String, keyPath: String, line: Int?, expected: String)
    /// A value has the wrong form, such as `"8.30"` for a time.
    case invalidValue(file: String, keyPath: String, line: Int?, found: String, expected: String)
    /// A key that school.yaml does not define, usually a misspelling.
    case unknownKey(file: String, keyPath: String, line: Int?, accepted: [String])
    /// Values that are each well formed but contradict each other, such as an end before a start.
    case inconsistent(file: String, keyPath: String, line: Int?, problem: String)

    /// The key path of the problem, such as `staff[0].lunch.start` (empty for whole-file problems).
    public var keyPath: String {
        switch self {
        case .unreadableFile, .malformedYAML: ""
        case .missingKey(_, let keyPath, _, _), .invalidValue(_, let keyPath, _, _, _),
            .unknownKey(_, let keyPath, _, _), .inconsistent(_, let keyPath, _, _):
            keyPath
        }
    }

    /// The line of the problem, if known.
    public var line: Int? {
        switch self {
        case .unreadableFile: nil
        case .malformedYAML(_, let line, _), .missingKey(_, _, let line, _),
            .invalidValue(_, _, let line, _, _),
            .unknownKey(_, _, let line, _), .inconsistent(_, _, let line, _):
            line
        }
    }

    /// A value as quoted in a message: at most 60 characters of its first line, so that a wrong
    /// file given as school.yaml (the roster, say) is not printed whole to the terminal.
    static func shortened(_ value: String) -> String {
        let firstLine = value.split(whereSeparator: \.isNewline).first.map(String.init) ?? value
        let cut = firstLine.count > 60 ? String(firstLine.prefix(60)) + "…" : firstLine
        return cut == value ? cut : (cut.hasSuffix("…") ? cut : cut + "…")
    }

    /// What went wrong, where, and what to do about it.
    public var errorDescription: String? {
        switch self {
        case .unreadableFile(let file, let reason):
            return
                "Cannot read the school configuration '\(file)': \(reason.clause). "
                + "Give the path of the school.yaml file."
        case .malformedYAML(let file, let line, let reason):
            return
                "\(Self.place(file, line, "")) is not valid YAML: \(reason.clause). "
                + "Check indentation, colons and quotes."
        case .missingKey(let file, let keyPath, let line, let expected):
            return "\(Self.place(file, line, keyPath)): this key is missing; expected \(expected)."
        case .invalidValue(let file, let keyPath, let line, let found, let expected):
            return
                "\(Self.place(file, line, keyPath)): found '\(Self.shortened(found))'; expected \(expected)."
        case .unknownKey(let file, let keyPath, let line, let accepted):
            let key = keyPath.split(separator: ".").last.map(String.init) ?? keyPath
            return
                "\(Self.place(file, line, keyPath)): unknown key '\(key)'; "
                + "the keys accepted here are "
                + "\(accepted.joined(separator: ", ")). Check the spelling."
        case .inconsistent(let file, let keyPath, let line, let problem):
            return "\(Self.place(file, line, keyPath)): \(problem)."
        }
    }

    private static func place(_ file: String, _ line: Int?, _ keyPath: String) -> String {
        var place = "'\(file)'"
        if let line { place += ", line \(line)" }
        if !keyPath.isEmpty { place += ", \(keyPath)" }
        return place
    }
}
