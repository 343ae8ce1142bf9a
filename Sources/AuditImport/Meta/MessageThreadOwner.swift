import AuditModel

/// Who owns a Meta download that has no profile (a messages-only download, Messenger's
/// secure-storage download), decided from its message threads.
///
/// The owner of a Messenger download takes part in every one of its threads. With accounts to
/// match (``ImportContext/ownerHints``: the accounts school.yaml lists, and the staff member's
/// name when `--staff` is given), the owner is the one hinted person who takes part in every
/// thread. When no hinted person does, the owner is the one person common to every thread, when
/// there are at least two threads (the audit then checks that person against the staff member,
/// ``ArchiveOwnership``). Anything else decides nothing: no owner is guessed.
struct MessageThreadOwner: Equatable, Sendable {
    /// The owner's name as the threads write it.
    var name: String
    /// How it was decided, in one sentence.
    var basis: String

    /// The owner of a download without a profile: the one decided from its threads, else the
    /// owner stated with `--owner`, else nil.
    /// - Parameters:
    ///   - threads: each thread's people.
    ///   - context: the import's context (its owner hints and stated owner).
    static func decide(threads: [[String]], context: ImportContext) -> MessageThreadOwner? {
        if let decided = decide(threads: threads, hints: context.ownerHints) { return decided }
        guard let stated = context.statedOwner, !stated.isEmpty else { return nil }
        let present = threads.filter { $0.contains(stated) }.count
        let messages =
            threads.isEmpty
            ? ""
            : " It takes part in \(present) of its \(threads.count) message thread(s); messages are theirs where they are the sender."
        return MessageThreadOwner(
            name: stated,
            basis: "The download names no owner; '\(stated)' was stated as its owner with --owner."
                + messages)
    }

    /// The owner decided by ``decide(threads:context:)`` as the importers record it: the person
    /// and the basis, or nil for both.
    static func recorded(threads: [[String]], context: ImportContext)
        -> (owner: Person?, basis: String?)
    {
        guard let decided = decide(threads: threads, context: context) else { return (nil, nil) }
        return (Person(name: decided.name), decided.basis)
    }

    /// Decides the owner of a download from the people of each of its threads.
    /// - Parameters:
    ///   - threads: each thread's people (participants and senders) as the download names them.
    ///   - hints: names that may identify the owner on this platform.
    /// - Returns: the owner and the basis, or nil when the threads decide no one.
    static func decide(threads: [[String]], hints: [String]) -> MessageThreadOwner? {
        let people = threads.map { Set($0.filter { !$0.isEmpty }) }.filter { !$0.isEmpty }
        guard var common = people.first else { return nil }
        for thread in people.dropFirst() { common.formIntersection(thread) }
        let count =
            people.count == 1
            ? "the download's one message thread"
            : "all \(people.count) message threads of the download"
        let wanted = Set(hints.map(NameNormalization.key).filter { !$0.isEmpty })
        let matched = common.filter { wanted.contains(NameNormalization.key($0)) }.sorted()
        if matched.count > 1 { return nil }
        if let name = matched.first {
            return MessageThreadOwner(
                name: name,
                basis:
                    "The download has no profile; of the people taking part in \(count), '\(name)' is the one matching the staff member's name or an account listed in school.yaml."
            )
        }
        guard people.count >= 2, common.count == 1, let name = common.first else { return nil }
        return MessageThreadOwner(
            name: name,
            basis:
                "The download has no profile; '\(name)' is the one person taking part in \(count).")
    }
}
