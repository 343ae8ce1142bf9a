import Foundation

/// What an archive itself says about numeric account ids: the handle and name seen with each.
///
/// X direct messages name the other side only by a numeric id, while tweets' mention entities
/// (and follower lists) give id, handle and name together. Collecting those pairs lets an id-only
/// person be matched through the handle the roster knows. Only pairs the archive states are used;
/// an id seen with two different handles resolves to neither.
public struct AccountDirectory: Sendable, Equatable {
    /// Per platform and account id: the one handle and name seen with it.
    private var entries: [Platform: [String: Person]]

    /// An empty directory.
    public init() {
        entries = [:]
    }

    /// Collects every person in `timeline` (authors and counterparties) who comes with both an
    /// account id and a handle.
    public init(timeline: Timeline) {
        var seen: [Platform: [String: Person]] = [:]
        var conflicting: [Platform: Set<String>] = [:]
        for item in timeline.items {
            for person in [item.author].compactMap({ $0 }) + item.counterparties {
                guard let id = person.accountID, let handle = person.handle else { continue }
                if let known = seen[item.platform]?[id] {
                    if Self.handleKey(known.handle ?? "") != Self.handleKey(handle) {
                        conflicting[item.platform, default: []].insert(id)
                    } else if known.name == nil, person.name != nil {
                        seen[item.platform]?[id] = person
                    }
                } else {
                    seen[item.platform, default: [:]][id] = person
                }
            }
        }
        for (platform, ids) in conflicting {
            for id in ids { seen[platform]?[id] = nil }
        }
        entries = seen
    }

    /// The person (with handle, and name when seen) the archive shows with this account id.
    public func person(withAccountID id: String, on platform: Platform) -> Person? {
        entries[platform]?[id]
    }

    /// A handle compared without "@", surrounding spaces or case.
    static func handleKey(_ handle: String) -> String {
        var text = handle.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("@") { text.removeFirst() }
        return text.lowercased()
    }
}
