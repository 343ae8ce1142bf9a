import AuditModel
import Foundation

/// One analysis run recorded in a case, with its scope: which archives the case held, which
/// period and which rules were analysed.
public struct AuditRun: Codable, Sendable, Equatable {
    /// The run's sequence number in the case (1, 2, …).
    public var id: Int64
    /// When the run was recorded.
    public var at: Date
    /// The SHA-256 of every archive the case held, all of which were analysed.
    public var archives: [String]
    /// The first and last school-local day of a targeted run; nil for no bound.
    public var from: LocalDay?
    public var to: LocalDay?
    /// The rules the run analysed.
    public var rules: [RuleID]

    public init(
        id: Int64, at: Date, archives: [String], from: LocalDay?, to: LocalDay?, rules: [RuleID]
    ) {
        self.id = id
        self.at = at
        self.archives = archives
        self.from = from
        self.to = to
        self.rules = rules
    }

    /// The scope in words: "all rules, whole period" or "2 rules (working-hours, pupil-contact),
    /// 2024-01-01 to 2024-03-31".
    public var scopeDescription: String {
        let rulesText =
            Set(rules) == Set(RuleID.all)
            ? "all rules"
            : "\(rules.count) rule(s) (\(rules.map(\.rawValue).joined(separator: ", ")))"
        let period: String
        switch (from, to) {
        case (nil, nil): period = "whole period"
        case (let from?, nil): period = "from \(from)"
        case (nil, let to?): period = "to \(to)"
        case (let from?, let to?): period = "\(from) to \(to)"
        }
        return "run \(id): \(archives.count) archive(s), \(rulesText), \(period)"
    }
}

/// Which stored findings to read: those of the latest run, or those of every run.
public enum FindingScope: Sendable, Equatable {
    /// The findings the latest analysis run produced (what its evidence folder shows).
    case latestRun
    /// Every finding any run recorded, each in its latest reading.
    case allRuns
}
