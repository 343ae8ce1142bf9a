import AuditModel

/// Who owns a Meta download, for every Meta importer (JSON and HTML, Facebook and Instagram).
///
/// The profile names the owner when the download has one. A download without a profile (a
/// messages-only download, Messenger's secure-storage download) is owned by the person its
/// threads decide (``MessageThreadOwner``), else by the owner stated with `--owner`, else by no
/// one, and then no message counts as the owner's.
enum MetaArchiveOwner {
    /// The owner and the basis of the decision (nil for a profile's owner: the archive names it).
    /// - Parameters:
    ///   - profileOwner: the owner the download's profile names, if it has a readable one.
    ///   - context: the import's context (owner hints and stated owner).
    ///   - threads: the people of each message thread (participants and senders); called only
    ///     when there is no profile owner.
    static func decide(
        profileOwner: Person?, context: ImportContext, threads: () -> [[String]]
    ) -> (owner: Person?, basis: String?) {
        if let profileOwner { return (profileOwner, nil) }
        return MessageThreadOwner.recorded(threads: threads(), context: context)
    }
}
