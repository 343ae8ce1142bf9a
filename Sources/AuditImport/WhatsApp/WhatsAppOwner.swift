import AuditModel
import Foundation

/// Who exported a WhatsApp chat, and on what evidence.
///
/// A chat export never names its exporter: their messages carry their own profile name like
/// anyone else's. Three kinds of evidence name them, and the owner is decided only when every
/// kind that gives an answer gives the same one:
/// 1. the one participant whose name or number matches an owner hint (the WhatsApp accounts
///    school.yaml lists, ``ImportContext/ownerHints``);
/// 2. the sender of "You deleted this message.", which WhatsApp writes only in the exporter's
///    own copy of a chat;
/// 3. the one participant present in every chat given together (at least two chats).
///
/// With no answer, or answers that disagree, the owner is not determined: the importer says so
/// and attributes no message to the owner. It never guesses.
enum WhatsAppOwner {
    /// The decision for one chat.
    enum Outcome: Equatable, Sendable {
        /// The owner's label as the chat writes it, and the evidence in a sentence.
        case identified(String, evidence: String)
        /// Why no owner could be determined, in a sentence.
        case undetermined(String)
    }

    /// Decides the owner of `chat`.
    /// - Parameters:
    ///   - chat: the chat.
    ///   - hints: names or numbers that may identify the owner.
    ///   - common: the participants present in every chat given together, or nil when only one
    ///     chat was given.
    ///   - chatCount: how many chats were given together.
    /// - Returns: the owner with the evidence, or why there is none.
    static func decide(
        for chat: WhatsAppChat, hints: [String], common: Set<String>?, chatCount: Int
    ) -> Outcome {
        var answers: [(name: String, evidence: String)] = []
        var silent: [String] = []

        let wanted = Set(hints.map(normalized).filter { !$0.isEmpty })
        let hinted = chat.participants.filter { wanted.contains(normalized($0)) }
        let listed = hints.map { "'\($0)'" }.joined(separator: ", ")
        switch hinted.count {
        case 0:
            silent.append(
                hints.isEmpty
                    ? "no WhatsApp account is listed for staff to match"
                    : "no participant matches the WhatsApp account(s) listed for staff (\(listed))")
        case 1:
            answers.append(
                (
                    hinted[0],
                    "'\(hinted[0])' matches a WhatsApp account listed for staff (\(listed))"
                ))
        default:
            silent.append(
                "several participants match WhatsApp accounts listed for staff: "
                    + hinted.map { "'\($0)'" }.joined(separator: ", "))
        }

        let deleters = Dictionary(grouping: chat.exporterEvidence, by: \.name)
        switch deleters.count {
        case 0:
            silent.append("no \"You deleted this message.\" line names the exporter")
        case 1:
            if let (name, lines) = deleters.first, let line = lines.first?.line {
                answers.append(
                    (
                        name,
                        "'\(name)' sent \"You deleted this message.\" (line \(line)), which "
                            + "WhatsApp writes only in the exporter's own copy of a chat"
                    ))
            }
        default:
            silent.append(
                "\"You deleted this message.\" appears under several names: "
                    + deleters.keys.sorted().map { "'\($0)'" }.joined(separator: ", "))
        }

        if let common {
            switch common.count {
            case 0:
                silent.append("no participant is present in all \(chatCount) chats given together")
            case 1:
                if let name = common.first {
                    answers.append(
                        (
                            name,
                            "'\(name)' is the only participant present in all \(chatCount) "
                                + "chats given together"
                        ))
                }
            default:
                silent.append(
                    "\(common.count) participants are present in all \(chatCount) chats given "
                        + "together: " + common.sorted().map { "'\($0)'" }.joined(separator: ", "))
            }
        } else {
            silent.append("only one chat was given, so no participant can be seen in every chat")
        }

        let names = Set(answers.map(\.name))
        if names.count == 1, let name = names.first {
            return .identified(name, evidence: answers.map(\.evidence).joined(separator: "; "))
        }
        let intro = "WhatsApp chat exports do not name their exporter, and the owner of this chat "
        if names.count > 1 {
            return .undetermined(
                intro + "cannot be determined because the evidence disagrees: "
                    + answers.map(\.evidence).joined(separator: "; ")
                    + ". No message is attributed to the owner.")
        }
        return .undetermined(
            intro + "cannot be determined: " + silent.joined(separator: "; ")
                + ". No message is attributed to the owner; give all of one person's chats "
                + "together, or list the owner's WhatsApp name or number in school.yaml.")
    }

    /// A name or number in a form that compares equal however it is written: phone numbers as
    /// digits with a UK national "07…" made international, names case-folded.
    static func normalized(_ value: String) -> String {
        let text = WhatsAppChat.cleanName(value).lowercased()
        guard isPhoneNumber(text) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var digits = text.filter(\.isASCII).filter(\.isNumber)
        if digits.hasPrefix("0"), digits.count == 11 { digits = "44" + digits.dropFirst() }
        return digits
    }

    /// Whether a sender label is a phone number ("+44 7700 900123"), not a name.
    static func isPhoneNumber(_ label: String) -> Bool {
        let text = WhatsAppChat.cleanName(label)
        guard let first = text.first, first == "+" || first.isNumber else { return false }
        let allowed = Set("+0123456789 -()\u{00A0}")
        return text.allSatisfy { allowed.contains($0) } && text.filter(\.isNumber).count >= 7
    }

    /// The person a sender label stands for: a phone number as an account id, else a name.
    static func person(_ label: String) -> Person {
        isPhoneNumber(label) ? Person(accountID: label) : Person(name: label)
    }
}
