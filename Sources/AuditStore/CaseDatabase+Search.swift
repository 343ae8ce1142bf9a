import AuditModel
import Foundation
import GRDB

extension CaseDatabase {
    /// The items matching `search`, in time order (items without a time last).
    ///
    /// The full-text index covers each item's text and title and the names and handles of its
    /// author and counterparties. A query that is not valid FTS5 syntax is searched word by
    /// word as literal text.
    /// - Returns: at most `search.limit` items.
    /// - Throws: store errors when the case cannot be read.
    public func items(matching search: ItemSearch) throws -> [TimelineItem] {
        let words = search.query.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return [] }
        do {
            return try items(matching: search, expression: search.query)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            return try items(matching: search, expression: search.literalExpression)
        }
    }

    private func items(matching search: ItemSearch, expression: String) throws -> [TimelineItem] {
        var conditions = ["item_search MATCH ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [expression]
        if let from = search.from {
            conditions.append("item.occurred_at >= ?")
            arguments.append(StoredTime.milliseconds(from))
        }
        if let before = search.before {
            conditions.append("item.occurred_at < ?")
            arguments.append(StoredTime.milliseconds(before))
        }
        if let platform = search.platform {
            conditions.append("item.platform = ?")
            arguments.append(platform.rawValue)
        }
        arguments.append(search.limit)
        let sql = """
            SELECT item.* FROM item_search JOIN item ON item.rowid = item_search.rowid
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY item.occurred_at IS NULL, item.occurred_at, item.id
            LIMIT ?
            """
        return try read { db in
            let paths = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT sha256, path FROM archive")
                    .map { (row: Row) -> (String, String) in (row["sha256"], row["path"]) })
            return try ItemRecord.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
                .map { try $0.item(archivePath: paths[$0.sourceArchive] ?? "") }
        }
    }
}
