import GRDB

/// A row of `item_source`: one place an item occurs (an item may occur in several archives, or
/// twice in one).
struct ItemSourceRecord: CaseRecord, PersistableRecord {
    static let databaseTableName = "item_source"

    var itemId: String
    var archiveSha256: String
    var file: String
    var locator: String

    /// An insert that leaves an existing row unchanged, for bulk storing through one cached
    /// statement; its arguments are ``storedValues``.
    static let insertOrIgnoreSQL = """
        INSERT OR IGNORE INTO item_source (item_id, archive_sha256, file, locator)
        VALUES (?, ?, ?, ?)
        """

    /// The row's values, in the order of ``insertOrIgnoreSQL``.
    var storedValues: StatementArguments {
        [itemId, archiveSha256, file, locator]
    }

    init(item: ItemID, archiveSHA256: String, file: String, locator: String) {
        itemId = item.rawValue
        archiveSha256 = archiveSHA256
        self.file = file
        self.locator = locator
    }
}
