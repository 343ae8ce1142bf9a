import Foundation

/// A line WhatsApp itself wrote into a chat (not a message anyone typed): the encryption notice,
/// group changes, number changes.
///
/// Notices are read for what they say about the chat (its name, who took part) and are not
/// timeline items: nobody wrote them. Which lines are notices is decided by their structure (no
/// sender, or text WhatsApp composed after one: ``WhatsAppComposedText``), in any language; the
/// cases below other than ``other`` are read from English wordings only, for the chat's name and
/// participants.
enum WhatsAppNotice: Equatable, Sendable {
    /// "Messages and calls are end-to-end encrypted …" and its older wordings.
    case encryption
    /// `X created group "G"`.
    case groupCreated(by: String, name: String)
    /// `X changed the subject to "G"` (or from "F" to "G"), `X changed the group name …`.
    case subjectChanged(by: String, name: String)
    /// `X added Y, Z and W`, `You were added`, `X added you`.
    case added(by: String?, people: [String])
    /// `X removed Y`.
    case removed(by: String, people: [String])
    /// `X joined using this group's invite link`, `X joined`.
    case joined(String)
    /// `X left`.
    case left(String)
    /// `X changed their phone number to a new number …`, `X changed to +44 …`.
    case numberChanged(String)
    /// Any other line without a sender (icon changes, security codes, settings).
    case other

    /// The people the notice shows taking part in the chat (never "You": the exporter is named
    /// only by their own messages).
    var participants: [String] {
        let named: [String]
        switch self {
        case .encryption, .other: named = []
        case .groupCreated(let by, _), .subjectChanged(let by, _): named = [by]
        case .added(let by, let people): named = [by].compactMap { $0 } + people
        case .removed(let by, let people): named = [by] + people
        case .joined(let person), .left(let person), .numberChanged(let person): named = [person]
        }
        return named.filter { !Self.isExporter($0) && !$0.isEmpty }
    }

    /// The group's name when the notice gives it.
    var groupName: String? {
        switch self {
        case .groupCreated(_, let name), .subjectChanged(_, let name): name
        default: nil
        }
    }

    /// Whether `text` is WhatsApp's end-to-end-encryption notice: any of its English wordings,
    /// or "end-to-end" in the languages exports have shown (the notice's only fixed term).
    static func isEncryptionNotice(_ text: String) -> Bool {
        let start = text.prefix(120).lowercased()
        return englishEncryptionNotices.contains { start.hasPrefix($0) }
            || localizedEncryptionTerms.contains { start.contains($0) }
    }

    private static let englishEncryptionNotices = [
        "messages and calls are end-to-end encrypted",
        "messages to this group are now secured with end-to-end encryption",
        "messages you send to this group are now secured with end-to-end",
        "messages you send to this chat and calls are now secured",
        "messages to this chat and calls are now secured",
    ]

    /// "End-to-end" as the notice writes it in other languages (German, Spanish, Portuguese;
    /// Dutch and Indonesian keep the English term).
    private static let localizedEncryptionTerms = [
        "ende-zu-ende-verschlüsselt", "cifrados de extremo a extremo",
        "criptografia de ponta a ponta", "end-to-end versleuteld",
        "terenkripsi secara end-to-end",
    ]

    /// Reads a notice.
    ///
    /// With `requireKnownWording`, only wordings listed here are notices (for text after a
    /// sender's name, which is a message unless WhatsApp wrote it); without, any line is a
    /// notice, ``other`` when its wording is not known.
    static func read(_ text: String, requireKnownWording: Bool) -> WhatsAppNotice? {
        if isEncryptionNotice(text) { return .encryption }
        if let match = text.wholeMatch(of: #/(?<by>.+?) created group ["“](?<name>.+)["”]/#) {
            return .groupCreated(by: String(match.by), name: String(match.name))
        }
        if let match = text.wholeMatch(
            of:
                #/(?<by>.+?) changed the (?:subject|group name)(?: from ["“].*["”])? to ["“](?<name>.+)["”]/#
        ) {
            return .subjectChanged(by: String(match.by), name: String(match.name))
        }
        if text == "You were added" || text == "You were added." {
            return .added(by: nil, people: ["You"])
        }
        if let match = text.wholeMatch(of: #/(?<by>.+?) added (?<people>.+)/#) {
            return .added(by: String(match.by), people: people(in: String(match.people)))
        }
        if let match = text.wholeMatch(of: #/(?<by>.+?) removed (?<people>.+)/#) {
            return .removed(by: String(match.by), people: people(in: String(match.people)))
        }
        if let match = text.wholeMatch(
            of: #/(?<person>.+?) joined(?: using this (?:group|community)'s invite link)?/#)
        {
            return .joined(String(match.person))
        }
        if let match = text.wholeMatch(of: #/(?<person>.+?) left/#) {
            return .left(String(match.person))
        }
        if let match = text.firstMatch(
            of: #/^(?<person>.+?) changed (?:their phone number to a new number|to \+[0-9 ]+)/#)
        {
            return .numberChanged(String(match.person))
        }
        return requireKnownWording ? nil : .other
    }

    /// "Y, Z and W" → ["Y", "Z", "W"].
    private static func people(in list: String) -> [String] {
        list.replacingOccurrences(of: " and ", with: ", ")
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Whether a name in a notice is the exporter ("You", "you").
    static func isExporter(_ name: String) -> Bool {
        name.lowercased() == "you"
    }
}
