import AuditAnalysis
import AuditModel
import AuditSchool

/// What a staff member's private self-check found: the findings of the rules and, when the
/// school gave a roster digest instead of the roster, the people whose names are in it.
public struct SelfCheckReport: Sendable {
    /// What the pupils were checked against.
    public enum PupilCheck: Sendable, Equatable {
        /// The roster itself, with this many pupils.
        case roster(pupils: Int)
        /// A roster digest with this many entries, made on a school-local day.
        case digest(entries: Int, madeOn: String)
        /// Neither was given: contact with pupils was not checked.
        case none
    }

    public var configuration: AuditConfiguration
    public var archives: [ImportedArchive]
    /// How many items of the archives fall in the period checked, and how many have no time.
    public var itemsChecked: Int
    public var itemsWithoutTime: Int
    public var findings: [Finding]
    public var incidents: [Incident]
    public var pupilCheck: PupilCheck
    /// With a digest: the people whose names or handles are in it.
    public var digestContacts: [DigestContact]

    public init(
        configuration: AuditConfiguration, archives: [ImportedArchive], itemsChecked: Int,
        itemsWithoutTime: Int, findings: [Finding], incidents: [Incident], pupilCheck: PupilCheck,
        digestContacts: [DigestContact] = []
    ) {
        self.configuration = configuration
        self.archives = archives
        self.itemsChecked = itemsChecked
        self.itemsWithoutTime = itemsWithoutTime
        self.findings = findings
        self.incidents = incidents
        self.pupilCheck = pupilCheck
        self.digestContacts = digestContacts
    }

    /// Whether anything calls for the staff member's attention (a finding not already declared,
    /// or a person in the digest).
    public var needsAttention: Bool {
        findings.contains { $0.status != .declared } || !digestContacts.isEmpty
    }
}
