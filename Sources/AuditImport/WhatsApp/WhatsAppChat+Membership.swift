/// Who was a member of a group chat when each message was written, from its notices.
extension WhatsAppChat {
    /// For each message (in ``messages`` order), the participants WhatsApp's notices show were
    /// not members of the group when it was written.
    ///
    /// A person a notice names is a member from the notice that they were added or joined,
    /// until one that they left or were removed, and again from a later notice or message of
    /// theirs; before their first notice they are a member only if it takes them out. Someone no
    /// membership notice names (the group's creator among them) is a member throughout: the
    /// export does not show when they came. Every set is empty for a chat without membership
    /// notices.
    func absentees() -> [Set<String>] {
        var notes: [(line: Int, person: String, isJoining: Bool)] = []
        for (line, notice) in notices {
            switch notice {
            case .added(_, let people):
                notes += people.map { (line, Self.cleanName($0), true) }
            case .joined(let person):
                notes.append((line, Self.cleanName(person), true))
            case .removed(_, let people):
                notes += people.map { (line, Self.cleanName($0), false) }
            case .left(let person):
                notes.append((line, Self.cleanName(person), false))
            default:
                continue
            }
        }
        notes = notes.filter { !WhatsAppNotice.isExporter($0.person) && !$0.person.isEmpty }
        guard !notes.isEmpty else { return Array(repeating: [], count: messages.count) }
        notes.sort { $0.line < $1.line }
        var absent: Set<String> = []
        var named: Set<String> = []
        for note in notes where named.insert(note.person).inserted && note.isJoining {
            absent.insert(note.person)
        }
        var next = 0
        var result: [Set<String>] = []
        result.reserveCapacity(messages.count)
        for message in messages {
            while next < notes.count, notes[next].line < message.line {
                if notes[next].isJoining {
                    absent.remove(notes[next].person)
                } else {
                    absent.insert(notes[next].person)
                }
                next += 1
            }
            // A person who writes is there, whatever the notices missed.
            absent.remove(message.sender)
            result.append(absent)
        }
        return result
    }
}
