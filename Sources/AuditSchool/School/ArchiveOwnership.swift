import AuditModel

/// Whose account an archive is, and how that was decided: shown for every archive of an audit
/// (the terminal summary, the evidence index and the result document's `archives[].owner`).
public struct ArchiveOwner: Codable, Sendable, Equatable {
    /// The owner as the archive names them (a name, @handle or account id).
    public var name: String
    /// How it was decided, in a sentence or two.
    public var basis: String

    public init(name: String, basis: String) {
        self.name = name
        self.basis = basis
    }
}

/// Decides whether an imported archive is the audited staff member's: from the owner the archive
/// names (its profile or account files, or, for archives that do not name one, the evidence its
/// importer recorded), matched against the staff member's name and the accounts school.yaml lists.
///
/// An audit must never pass silently over an archive whose owner is unknown (its messages would
/// all count as received) or that is someone else's: both are refused with a message saying how
/// to state the owner.
public enum ArchiveOwnership {
    /// The outcome for one archive.
    public enum Decision: Equatable, Sendable {
        /// The archive is the staff member's, on this basis.
        case owned(ArchiveOwner)
        /// The archive names no owner and none could be decided; why, in a sentence.
        case undecided(String)
        /// The archive is plainly someone else's; why, in a sentence.
        case someoneElse(String)
    }

    /// Decides whose `archive` is, for an audit of `staff`.
    /// - Parameters:
    ///   - archive: the archive as imported (its owner and owner evidence).
    ///   - staff: the staff member audited.
    ///   - colleagues: every staff member school.yaml lists (to recognise a colleague's archive).
    ///   - statedOwner: the name stated as the staff member's on this archive with `--owner`, if
    ///     any: the archive is theirs when its owner is written so (or names none).
    /// - Returns: the decision.
    public static func decide(
        for archive: ImportedArchive, staff: StaffMember, colleagues: [StaffMember],
        statedOwner: String? = nil
    ) -> Decision {
        let platform = archive.platform.displayName
        guard let owner = archive.owner, !owner.isAnonymous else {
            return .undecided(
                "the archive has no profile or account file naming its owner, and no participant could be matched to \(staff.name)'s name or the \(platform) account listed in school.yaml"
            )
        }
        // The importer's evidence is a sentence, sometimes without its full stop.
        let named =
            archive.ownerEvidence.map { $0.hasSuffix(".") ? $0 : $0 + "." }
            ?? "The archive's own profile/account data names '\(owner.label)'."
        if let statedOwner {
            guard
                matches(owner, account: statedOwner)
                    || NameNormalization.key(owner.name ?? "") == NameNormalization.key(statedOwner)
            else {
                return .someoneElse(
                    "it names its owner '\(owner.label)', not '\(statedOwner)' as stated with --owner"
                )
            }
            let stated =
                archive.ownerEvidence?.contains("--owner") == true
                ? "" : " '\(statedOwner)' was stated as \(staff.name)'s account with --owner."
            return .owned(ArchiveOwner(name: owner.label, basis: named + stated))
        }
        if let account = staff.accounts[archive.platform], matches(owner, account: account) {
            return .owned(
                ArchiveOwner(
                    name: owner.label,
                    basis: named
                        + " This matches the \(platform) account listed for \(staff.name) in school.yaml ('\(account)')."
                ))
        }
        if let name = owner.name, NameNormalization.key(name) == NameNormalization.key(staff.name) {
            return .owned(
                ArchiveOwner(name: owner.label, basis: named + " This is \(staff.name)'s name."))
        }
        if let colleague = colleagues.first(where: {
            $0.name != staff.name && belongs(owner, to: $0, on: archive.platform)
        }) {
            return .someoneElse(
                "it names its owner '\(owner.label)', which is \(colleague.name)'s account in school.yaml, not \(staff.name)'s"
            )
        }
        if let account = staff.accounts[archive.platform], archive.platform.namesStableAccounts {
            return .someoneElse(
                "it names its owner '\(owner.label)', but school.yaml lists \(staff.name)'s \(platform) account as '\(account)'"
            )
        }
        let unchecked =
            staff.accounts[archive.platform] == nil
            ? " school.yaml lists no \(platform) account for \(staff.name) to check this against: it is taken as theirs because it was given for their audit."
            : " It does not match \(staff.name)'s name or listed \(platform) account ('\(staff.accounts[archive.platform] ?? "")'), which names the same person in other terms on this platform; it is taken as theirs because it was given for their audit."
        return .owned(ArchiveOwner(name: owner.label, basis: named + unchecked))
    }

    /// What to do about an archive whose owner ``decide(for:staff:colleagues:statedOwner:)``
    /// left undecided.
    public static func advice(for staff: StaffMember, platform: Platform) -> String {
        "State whose account it is: list the account in school.yaml under staff '\(staff.name)', accounts, \(platform.rawValue) (as the archive names its owner: the name on the profile or in the messages, the @handle or the phone number), pass --staff with the staff member it belongs to, or state it for this archive with --owner 'ARCHIVE=NAME' (NAME as the archive writes it); remove the archive from the command if it is not theirs."
    }

    /// What to do about an archive ``decide(for:staff:colleagues:statedOwner:)`` found to be
    /// someone else's.
    public static func adviceForSomeoneElse(_ staff: StaffMember, platform: Platform) -> String {
        "Audit it for its owner (--staff with their name in school.yaml) or remove it from the command; if it really is \(staff.name)'s, correct the \(platform.rawValue) account listed for them under staff, accounts in school.yaml."
    }

    private static func belongs(_ owner: Person, to member: StaffMember, on platform: Platform)
        -> Bool
    {
        if let account = member.accounts[platform], matches(owner, account: account) { return true }
        guard let name = owner.name else { return false }
        return NameNormalization.key(name) == NameNormalization.key(member.name)
    }

    private static func matches(_ owner: Person, account: String) -> Bool {
        let wanted = StaffIdentification.normalized(account)
        return [owner.name, owner.handle, owner.accountID].compactMap { $0 }.contains {
            StaffIdentification.normalized($0) == wanted
        }
    }
}

extension Platform {
    /// Whether the platform's archives name their owner by an account (a handle or id) that
    /// school.yaml can list exactly; WhatsApp chats name the exporter only as a phone shows them.
    var namesStableAccounts: Bool {
        switch self {
        case .whatsapp: false
        default: true
        }
    }
}
