import AuditAnalysis
import AuditModel
import AuditSchool
import Foundation

/// The `--json` result document of the contract (INTERFACE.md, "The result document").
///
/// Field names and shapes are fixed by the contract; scripts rely on them.
public struct ResultDocument: Codable, Sendable, Equatable {
    /// The tool's name and version.
    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    /// One archive of the audit.
    public struct Archive: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var platform: String
        public var variant: String
        /// Whose account it is and how that was decided (null only for a document built
        /// without a decision, which `audit` never writes).
        public var owner: ArchiveOwner?
        public var activities: Int
        /// What the download cannot contain.
        public var blindSpots: [BlindSpot]
        public var unparsed: [Unparsed]

        enum CodingKeys: String, CodingKey {
            case path, sha256, platform, variant, owner, activities, unparsed
            case blindSpots = "blind_spots"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(platform, forKey: .platform)
            try container.encode(variant, forKey: .variant)
            try container.encode(owner, forKey: .owner)
            try container.encode(activities, forKey: .activities)
            try container.encode(blindSpots, forKey: .blindSpots)
            try container.encode(unparsed, forKey: .unparsed)
        }
    }

    /// A part of an archive that was not understood, not imported, or imported with a caveat.
    public struct Unparsed: Codable, Sendable, Equatable {
        public var file: String
        public var reason: String
        /// "unreadable", "not-imported" or "caveat" (an addition to the contract's two fields).
        public var kind: String
    }

    /// The other person of a finding.
    public struct Counterparty: Codable, Sendable, Equatable {
        public var name: String?
        public var handle: String?
        public var rosterID: String?

        enum CodingKeys: String, CodingKey {
            case name, handle
            case rosterID = "roster_id"
        }

        public func encode(to encoder: any Encoder) throws {
            // Explicit nulls, as for findings: every key is always present.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(handle, forKey: .handle)
            try container.encode(rosterID, forKey: .rosterID)
        }
    }

    /// Where a finding's item came from.
    public struct Source: Codable, Sendable, Equatable {
        public var archive: String
        public var file: String
        public var locator: String
    }

    /// One finding.
    public struct FindingEntry: Codable, Sendable, Equatable {
        public var id: String
        public var rule: String
        public var severity: String
        public var confidence: Double
        public var status: String
        public var occurredAt: String?
        public var localTime: String?
        public var platform: String
        public var activity: String
        public var counterparty: Counterparty?
        public var excerpt: String?
        public var source: Source
        public var explanation: String
        public var incident: String?

        enum CodingKeys: String, CodingKey {
            case id, rule, severity, confidence, status, platform, activity, counterparty, excerpt
            case source, explanation, incident
            case occurredAt = "occurred_at"
            case localTime = "local_time"
        }

        /// The contract's entry for `finding`, in incident `incident`, with local times in
        /// `timeZone`.
        public init(_ finding: Finding, incident: String?, timeZone: TimeZone) {
            id = finding.id.rawValue
            rule = finding.rule.rawValue
            severity = finding.severity.rawValue
            confidence = finding.confidence
            status = finding.status.rawValue
            occurredAt = finding.occurredAt.map(TimeFormatting.utcISO8601)
            localTime = finding.occurredAt.map { TimeFormatting.localISO8601($0, in: timeZone) }
            platform = finding.platform.rawValue
            activity = finding.activity.rawValue
            counterparty = finding.counterparty.map {
                Counterparty(name: $0.name, handle: $0.handle, rosterID: $0.rosterID)
            }
            excerpt = finding.excerpt
            source = Source(
                archive: finding.source.archivePath, file: finding.source.file,
                locator: finding.source.locator)
            explanation = finding.explanation
            self.incident = incident
        }

        public func encode(to encoder: any Encoder) throws {
            // Explicit nulls: the contract says these are null where none applies, not absent.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(confidence, forKey: .confidence)
            try container.encode(status, forKey: .status)
            try container.encode(occurredAt, forKey: .occurredAt)
            try container.encode(localTime, forKey: .localTime)
            try container.encode(platform, forKey: .platform)
            try container.encode(activity, forKey: .activity)
            try container.encode(counterparty, forKey: .counterparty)
            try container.encode(excerpt, forKey: .excerpt)
            try container.encode(source, forKey: .source)
            try container.encode(explanation, forKey: .explanation)
            try container.encode(incident, forKey: .incident)
        }
    }

    /// One incident: a group of findings with its evidence folder.
    public struct IncidentEntry: Codable, Sendable, Equatable {
        public var id: String
        public var rule: String
        public var findings: [String]
        public var evidence: String
    }

    public var tool: Tool
    public var staff: String
    public var archives: [Archive]
    public var findings: [FindingEntry]
    public var incidents: [IncidentEntry]

    /// Builds the document.
    /// - Parameters:
    ///   - toolVersion: the conduct-audit version, for `tool`.
    ///   - staff: the name of the staff member audited.
    ///   - archives: the audit's archives, in the document's order.
    ///   - findings: the findings, in the document's order.
    ///   - incidents: the incidents, which also give each finding its incident.
    ///   - evidenceFolder: the evidence folder, for each incident's `evidence` path.
    ///   - timeZone: the school's zone, for `local_time`.
    ///   - owners: per archive SHA-256, whose account it is and how that was decided.
    ///   - blindSpots: per archive SHA-256, what its download cannot contain.
    public init(
        toolVersion: String, staff: String, archives: [ImportedArchive], findings: [Finding],
        incidents: [Incident], evidenceFolder: URL, timeZone: TimeZone,
        owners: [String: ArchiveOwner] = [:], blindSpots: [String: [BlindSpot]] = [:]
    ) {
        tool = Tool(name: "conduct-audit", version: toolVersion)
        self.staff = staff
        self.archives = archives.map { archive in
            Archive(
                path: archive.path, sha256: archive.sha256, platform: archive.platform.rawValue,
                variant: archive.variant.rawValue, owner: owners[archive.sha256],
                activities: archive.itemCount, blindSpots: blindSpots[archive.sha256] ?? [],
                unparsed: archive.unparsed.map { issue in
                    Unparsed(
                        file: issue.file,
                        reason: issue.locator.map { "at \($0): \(issue.reason)" } ?? issue.reason,
                        kind: issue.kind.rawValue)
                })
        }
        var incidentOfFinding: [FindingID: String] = [:]
        for incident in incidents {
            for id in incident.findings { incidentOfFinding[id] = incident.id }
        }
        self.findings = findings.map { finding in
            FindingEntry(finding, incident: incidentOfFinding[finding.id], timeZone: timeZone)
        }
        self.incidents = incidents.map { incident in
            IncidentEntry(
                id: incident.id, rule: incident.rule.rawValue,
                findings: incident.findings.map(\.rawValue),
                evidence: evidenceFolder.appendingPathComponent(incident.id).path)
        }
    }

    /// The document as pretty-printed JSON with sorted keys.
    /// - Throws: an encoding error (not expected for these plain values).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
