import AuditModel
import Foundation

/// What an archive itself says about numeric account ids: the handle and name seen with each.
///
/// X direct messages name the other side only by a numeric id, while tweets' mention entities
/// (and follower lists) give id, handle and name together. Collecting those pairs lets an id-only
/// person be matched through the handle the roster knows. Only pairs the archive states are used;
/// an id seen with two different handles resolves to neither.
public struct AccountDirectory: Sendable, Equatable {
    /// Per platform and account id: the first handle and name seen with it.
    private var entries: [Platform: [String: Person]]
    /// Per platform, the account ids seen with two different handles, which resolve to nobody.
    private var conflicting: [Platform: Set<String>]

    /// An empty directory.
    public init() {
        entries = [:]
        conflicting = [:]
    }

    /// Collects every person in `timeline` (authors and counterparties) who comes with both an
    /// account id and a handle.
    public init(timeline: Timeline) {
        self.init()
        for item in timeline.items { add(item) }
    }

    /// Collects the people of one more item (its author and counterparties) who come with both
    /// an account id and a handle; items added one by one give the directory of their timeline.
    public mutating func add(_ item: TimelineItem) {
        for person in [item.author].compactMap({ $0 }) + item.counterparties {
            guard let id = person.accountID, let handle = person.handle else { continue }
            if let known = entries[item.platform]?[id] {
                if Self.handleKey(known.handle ?? "") != Self.handleKey(handle) {
                    conflicting[item.platform, default: []].insert(id)
                } else if known.name == nil, person.name != nil {
                    entries[item.platform]?[id] = person
                }
            } else {
                entries[item.platform, default: [:]][id] = person
            }
        }
    }

    /// The person (with handle, and name when seen) the archive shows with this account id.
    public func person(withAccountID id: String, on platform: Platform) -> Person? {
        conflicting[platform]?.contains(id) == true ? nil : entries[platform]?[id]
    }

    /// A handle compared without "@", surrounding spaces or case.
    package static func handleKey(_ handle: String) -> String {
        var text = handle.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("@") { text.removeFirst() }
        return text.lowercased()
    }
}
