import AuditModel
import Foundation

/// What an X archive itself says about which handle belongs to which account id.
///
/// Direct messages, followers and following name people by numeric account id only (FORMATS.md
/// §3.4–§3.5). The archive's own tweets link ids to handles: every `entities.user_mentions`
/// entry carries `id_str`, `screen_name` and `name`, and a reply carries
/// `in_reply_to_user_id_str` with (usually) `in_reply_to_screen_name`. The directory collects
/// those links; where one id was mentioned under several handles over time, the handle of the
/// latest tweet wins. An id the archive never links to a handle stays a bare id
/// (`Person.accountID` with no handle), for a later match against the roster's known accounts.
struct TwitterAccountDirectory {
    private struct Known {
        var handle: String?
        var name: String?
        var seen: Date?
    }

    private var accounts: [String: Known] = [:]

    /// Creates an empty directory.
    init() {}

    /// Records that `id` went by `handle` (and display `name`) at `time`.
    mutating func record(id: String?, handle: String?, name: String?, at time: Date?) {
        guard let id, !id.isEmpty, id != "0" else { return }
        let handle = handle.flatMap { $0.isEmpty ? nil : $0 }
        let name = name.flatMap { $0.isEmpty ? nil : $0 }
        guard handle != nil || name != nil else { return }
        var known = accounts[id] ?? Known()
        let isNewer: Bool =
            switch (known.seen, time) {
            case (nil, _): true
            case (let old?, let new?): new >= old
            case (_?, nil): false
            }
        if isNewer || known.handle == nil {
            known.handle = handle ?? known.handle
        }
        if isNewer || known.name == nil {
            known.name = name ?? known.name
        }
        if isNewer, let time { known.seen = time }
        accounts[id] = known
    }

    /// The person with this account id: with the handle and name the archive links to it, or
    /// only the id when it links none.
    func person(id: String) -> Person {
        let known = accounts[id]
        return Person(name: known?.name, handle: known?.handle, accountID: id)
    }

    /// The account id the archive links to `handle` (case-insensitive), if exactly one.
    func id(forHandle handle: String) -> String? {
        let wanted = handle.lowercased()
        let matches = accounts.filter { $0.value.handle?.lowercased() == wanted }.map(\.key)
        return matches.count == 1 ? matches.first : nil
    }
}
