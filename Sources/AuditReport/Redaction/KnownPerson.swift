import AuditSchool

/// Someone the redaction of a disclosure copy should recognise beyond the people the items name:
/// the staff member, a pupil on the roster, a colleague.
public struct KnownPerson: Sendable, Equatable {
    /// Every full name the person may appear under ("Oliver Bennett", "Ollie Bennett").
    public var names: [String]
    /// Handles and usernames, without "@".
    public var handles: [String]
    /// Account ids or phone numbers.
    public var accountIDs: [String]
    /// The pupil's roster id, for a pupil.
    public var rosterID: String?

    public init(
        names: [String], handles: [String] = [], accountIDs: [String] = [], rosterID: String? = nil
    ) {
        self.names = names
        self.handles = handles
        self.accountIDs = accountIDs
        self.rosterID = rosterID
    }

    /// A pupil of the roster: every name they may be called by and their known handles.
    public init(pupil: Pupil) {
        self.init(
            names: pupil.names,
            handles: pupil.knownAccounts.map {
                $0.handle.hasPrefix("@") ? String($0.handle.dropFirst()) : $0.handle
            },
            rosterID: pupil.id)
    }

    /// A member of staff: their name and the accounts school.yaml lists (names, handles, numbers).
    public init(staff: StaffMember) {
        var names = [staff.name]
        var handles: [String] = []
        var accountIDs: [String] = []
        for (platform, account) in staff.accounts.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        {
            let account = account.hasPrefix("@") ? String(account.dropFirst()) : account
            switch platform {
            case .facebook: names.append(account)
            case .whatsapp: accountIDs.append(account)
            default: handles.append(account)
            }
        }
        self.init(names: names, handles: handles, accountIDs: accountIDs)
    }
}
