import AuditModel

/// Gives each item without a time an id that does not depend on where the export put it.
///
/// An item without a time is identified by its content *and its place* (``ItemID``), since
/// two such items can be alike in every other way (two followers of the same name). Its place,
/// though, moves between two exports of one account: the zip's wrapping folder carries the
/// export's date, and a list gains entries at its head. So the place used here is the file
/// without the wrapping folder, and the item's rank among the items of that file with the
/// same content (the second "Sam Taylor" follower), which two exports share.
///
/// The ranks are kept between calls, so an archive's items may be given a file at a time.
struct UntimedItemIdentifier {
    /// The archive's wrapping folder, if any.
    let wrapper: String?
    /// Occurrences so far of each placeless content fingerprint.
    private var occurrences: [String: Int] = [:]

    init(wrapper: String?) {
        self.wrapper = wrapper
    }

    /// The items, those without a time re-identified; timed items are returned unchanged.
    mutating func identify(_ items: [TimelineItem]) -> [TimelineItem] {
        // Most batches are all timed: return them as they are rather than a copy of each.
        guard items.contains(where: { $0.occurredAt == nil }) else { return items }
        return items.map { item in
            guard item.occurredAt == nil else { return item }
            var file = item.source.file
            if let wrapper, file.hasPrefix(wrapper + "/") { file.removeFirst(wrapper.count + 1) }
            var placeless = item
            placeless.source = SourceReference(
                archiveSHA256: "", archivePath: "", file: file, locator: "")
            let content = TimelineItem.fingerprint(of: placeless).rawValue
            let rank = occurrences[content, default: 0] + 1
            occurrences[content] = rank
            var identified = item
            identified.id = ItemID(
                rawValue: String(SHA256Hex.digest(of: "\(content)#\(rank)").prefix(24)))
            return identified
        }
    }
}
