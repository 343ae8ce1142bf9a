import AuditModel

/// An adult the school knows by name and account, who may share a name with a pupil: a member of
/// staff, a governor, or someone of school.yaml `known_adults` (parents, volunteers, coaches).
///
/// A person seen in an archive whose account is one listed here is that adult, not a pupil who
/// happens to have the same name (``IdentityEvidence``).
public struct KnownAdult: Sendable, Equatable {
    /// Which list of school.yaml the adult comes from.
    public enum Group: String, Sendable, Equatable {
        case staff
        case governor
        case knownAdult = "known adult"
    }

    /// The adult's name.
    public var name: String
    /// Their role or relationship, such as "PE teacher" or "parent of Ruby Sinclair", if given.
    public var role: String?
    /// Their account on each platform: a name, handle or phone number as the platform shows it.
    public var accounts: [Platform: String]
    /// The list they come from.
    public var group: Group

    /// Creates a known adult.
    public init(
        name: String, role: String? = nil, accounts: [Platform: String] = [:], group: Group
    ) {
        self.name = name
        self.role = role
        self.accounts = accounts
        self.group = group
    }

    /// "Oliver Bennett (staff, PE teacher)".
    public var description: String {
        "\(name) (\([group.rawValue, role].compactMap { $0 }.joined(separator: ", ")))"
    }
}
