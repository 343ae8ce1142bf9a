/// Someone who appears in an archive: the owner, an author or a counterparty.
///
/// Exports identify people differently (Meta by display name, X by numeric id, WhatsApp by the
/// name saved in the exporter's phone or a phone number), so every part is optional and kept as
/// the source gave it.
public struct Person: Codable, Sendable, Hashable {
    /// The display name as the export shows it (mojibake repaired).
    public var name: String?
    /// A handle or username, without a leading "@".
    public var handle: String?
    /// A platform account id (X's numeric ids) or a phone number (WhatsApp).
    public var accountID: String?

    public init(name: String? = nil, handle: String? = nil, accountID: String? = nil) {
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.handle = handle.flatMap { $0.isEmpty ? nil : $0 }
        self.accountID = accountID.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The best single label for a reader: name, else @handle, else the account id.
    public var label: String {
        if let name { return name }
        if let handle { return "@\(handle)" }
        if let accountID { return "account \(accountID)" }
        return "(unnamed)"
    }

    /// Whether nothing identifies this person.
    public var isAnonymous: Bool { name == nil && handle == nil && accountID == nil }
}
