import AuditModel
import Foundation

/// Works out which staff member owns a set of archives from the archives' own account data.
public enum StaffIdentification {
    /// The outcome of matching archive owners against `staff[].accounts`.
    public enum Outcome: Equatable, Sendable {
        case identified(StaffMember)
        /// No staff member's accounts match; carries the owners found in the archives.
        case noMatch(owners: [String])
        /// Several staff members match; carries their names.
        case ambiguous(candidates: [String])
    }

    /// Matches each archive owner (by name, handle or account id, ignoring case and a leading "@")
    /// against the account the school lists for that platform; when no account matches, matches
    /// owners' names against staff members' names.
    /// - Parameters:
    ///   - owners: each archive's platform and owner (nil when the archive names none).
    ///   - staff: the staff members in school.yaml, with their accounts.
    /// - Returns: ``Outcome/identified(_:)`` when exactly one staff member matches,
    ///   ``Outcome/noMatch(owners:)`` with the owners the archives name when none does, and
    ///   ``Outcome/ambiguous(candidates:)`` with the matching names, sorted, when several do.
    public static func identify(
        owners: [(platform: Platform, owner: Person?)], in staff: [StaffMember]
    ) -> Outcome {
        var matched: [String: StaffMember] = [:]
        for (platform, owner) in owners {
            guard let owner else { continue }
            let keys = [owner.name, owner.handle, owner.accountID].compactMap { $0.map(normalized) }
            for member in staff {
                guard let account = member.accounts[platform] else { continue }
                if keys.contains(normalized(account)) { matched[member.name] = member }
            }
        }
        if matched.isEmpty {
            // WhatsApp names the exporter only by the name in their phone's chats, while the
            // school lists their number: fall back to the staff member's own name.
            for (_, owner) in owners {
                guard let name = owner?.name else { continue }
                for member in staff
                where NameNormalization.key(member.name) == NameNormalization.key(name) {
                    matched[member.name] = member
                }
            }
        }
        switch matched.count {
        case 1: return matched.values.first.map(Outcome.identified) ?? .noMatch(owners: [])
        case 0: return .noMatch(owners: owners.compactMap { $0.owner?.label })
        default: return .ambiguous(candidates: matched.keys.sorted())
        }
    }

    static func normalized(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("@") { text.removeFirst() }
        if text.hasPrefix("+") || text.first?.isNumber == true {
            text = text.filter(\.isNumber)
            // A UK number written nationally ("07700 900123") is the same as "+44 7700 900123".
            if text.hasPrefix("0"), text.count == 11 { text = "44" + text.dropFirst() }
        }
        return text
    }
}
