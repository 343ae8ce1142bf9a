import AuditModel
import Crypto
import Foundation

/// Finds the people of a timeline whose name or handle is in a roster digest.
///
/// Each counterparty's (and other author's) name and handle are normalised and hashed with the
/// digest's key, as the school hashed the roster; equal hashes mean the same normalised name. A
/// match therefore says "has the name of a pupil on the roster", not "is that pupil": another
/// person with the same name matches too, and a pupil under a nickname the roster does not list
/// does not.
public struct RosterDigestMatcher: Sendable {
    public let digest: RosterDigest
    private let hasher: RosterDigest.Hasher
    private let entryByName: [String: Int]
    private let entryByHandle: [String: Int]

    /// Prepares matching against `digest` with its key.
    /// - Parameters:
    ///   - digest: the school's roster digest.
    ///   - key: the school-held key, when the digest does not carry one.
    ///   - file: the digest's path, for error messages.
    /// - Throws: ``RosterDigestError`` when no key is available or it is the wrong one.
    public init(digest: RosterDigest, key: SymmetricKey? = nil, file: String = "digest") throws {
        self.digest = digest
        hasher = RosterDigest.Hasher(key: try digest.resolvedKey(given: key, file: file))
        var byName: [String: Int] = [:]
        var byHandle: [String: Int] = [:]
        for (index, entry) in digest.entries.enumerated() {
            for name in entry.names { byName[name] = byName[name] ?? index }
            for handle in entry.handles { byHandle[handle] = byHandle[handle] ?? index }
        }
        entryByName = byName
        entryByHandle = byHandle
    }

    /// The digest entry a person matches, and whether by name or handle.
    public func match(_ person: Person) -> (entry: Int, byHandle: Bool)? {
        if let handle = person.handle, let entry = entryByHandle[hasher.handle(handle)] {
            return (entry, true)
        }
        if let name = person.name, let entry = entryByName[hasher.name(name)] {
            return (entry, false)
        }
        return nil
    }

    /// The birth year of an entry, found by trying each year of `years`; nil when the entry has
    /// none or it is outside the range.
    public func birthYear(ofEntry index: Int, in years: ClosedRange<Int>) -> Int? {
        let entry = digest.entries[index]
        guard let target = entry.birthYear, let first = entry.names.first else { return nil }
        return years.first { hasher.birthYear($0, entry: first) == target }
    }

    /// Every person of the timeline the digest matches, with the items involving them.
    ///
    /// People are the items' counterparties and the authors of items the owner did not make.
    /// - Parameters:
    ///   - timeline: the staff member's timeline (already limited to the period checked).
    ///   - timeZone: the school's zone, for the year of each item (ages are by year only).
    /// - Returns: one contact per digest entry matched, by the time of its first item.
    public func contacts(in timeline: Timeline, timeZone: TimeZone) -> [DigestContact] {
        var byEntry: [Int: DigestContact] = [:]
        for item in timeline.items {
            var people = item.counterparties
            if !item.isAuthoredByOwner, let author = item.author { people.append(author) }
            var seenInItem = Set<Int>()
            for person in people {
                guard let (entry, byHandle) = match(person), seenInItem.insert(entry).inserted
                else { continue }
                var contact =
                    byEntry[entry]
                    ?? DigestContact(
                        entry: entry, onRoll: digest.entries[entry].onRoll, labels: [],
                        matchedByHandle: false, items: [])
                if !contact.labels.contains(person.label) { contact.labels.append(person.label) }
                contact.matchedByHandle = contact.matchedByHandle || byHandle
                contact.items.append(item)
                byEntry[entry] = contact
            }
        }
        var contacts = Array(byEntry.values)
        for index in contacts.indices {
            let years = contacts[index].items.compactMap(\.occurredAt).map {
                LocalDay.containing($0, in: timeZone).year
            }
            if let latest = years.max() {
                contacts[index].birthYear = birthYear(
                    ofEntry: contacts[index].entry, in: (latest - 30)...latest)
                contacts[index].youngestAgeByYear = contacts[index].birthYear.map {
                    (years.min() ?? latest) - $0
                }
            }
        }
        return contacts.sorted {
            ($0.items.first?.occurredAt ?? .distantFuture, $0.entry)
                < ($1.items.first?.occurredAt ?? .distantFuture, $1.entry)
        }
    }
}
