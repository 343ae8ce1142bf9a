/// The `item_source` table: the further places an item occurs, besides the source stored in its
/// own row (an item may occur in several archives, or twice in one). Rows are written by
/// ``CaseItemWriter`` and read by ``CaseDatabase/sources(of:)``.
enum ItemSourceRecord {
    static let databaseTableName = "item_source"

    /// Records that the item `?1` also occurs in archive `?2`, file `?3`, at locator `?4`,
    /// unless that is the source in the item's own row or the place is already recorded.
    static let insertFurtherPlaceSQL = """
        INSERT OR IGNORE INTO item_source (item_id, archive_sha256, file, locator)
        SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (
            SELECT 1 FROM item WHERE id = ?1 AND source_archive = ?2
            AND source_file = ?3 AND source_locator = ?4)
        """
}
