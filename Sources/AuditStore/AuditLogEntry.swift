import Foundation

/// One command run against a case, recorded in its append-only audit log.
public struct AuditLogEntry: Codable, Sendable, Equatable {
    /// The log's sequence number; nil until the entry is appended.
    public var id: Int64?
    /// When the command ran (stored to the millisecond).
    public var at: Date
    /// The subcommand ("audit", "review"…).
    public var command: String
    /// The command's arguments as given.
    public var arguments: [String]
    public var toolVersion: String
    /// A one-line account of what the command did ("3 archives, 12 findings, 2 new").
    public var summary: String

    public init(
        id: Int64? = nil, at: Date, command: String, arguments: [String], toolVersion: String,
        summary: String
    ) {
        self.id = id
        self.at = at
        self.command = command
        self.arguments = arguments
        self.toolVersion = toolVersion
        self.summary = summary
    }
}
