import AuditModel
import Foundation
import GRDB

/// A row of `item`: one timeline item, keyed by its ``ItemID``, with the first source it was
/// stored from (further sources are rows of `item_source`).
///
/// Rows are mapped by hand rather than through `Codable`: a timeline holds hundreds of thousands
/// of items, and the hand-written mapping stores and loads them several times faster.
struct ItemRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "item"

    /// The table's columns.
    enum Columns {
        static let id = Column("id")
        static let platform = Column("platform")
        static let kind = Column("kind")
        static let authored = Column("authored")
        static let author = Column("author")
        static let counterparties = Column("counterparties")
        static let text = Column("text")
        static let title = Column("title")
        static let attachments = Column("attachments")
        static let conversation = Column("conversation")
        static let connectionState = Column("connection_state")
        static let occurredAt = Column("occurred_at")
        static let timeBasis = Column("time_basis")
        static let rawFragment = Column("raw_fragment")
        static let sourceArchive = Column("source_archive")
        static let sourceFile = Column("source_file")
        static let sourceLocator = Column("source_locator")
        static let matchKey = Column("match_key")
    }

    var id: String
    var platform: String
    var kind: String
    var authored: Bool
    var author: Person?
    var counterparties: [Person]
    var text: String?
    var title: String?
    var attachments: [Attachment]
    var conversation: String?
    var connectionState: String?
    /// Milliseconds since 1970, or nil when the source gives no time.
    var occurredAt: Int64?
    var timeBasis: String
    var rawFragment: String
    var sourceArchive: String
    var sourceFile: String
    var sourceLocator: String
    /// The key matching the same event in other archives (``ItemMatchKey``); nil until an
    /// archive of the same platform joins the case.
    var matchKey: String?

    init(_ item: TimelineItem, matchKey: String? = nil) {
        id = item.id.rawValue
        platform = item.platform.rawValue
        kind = item.kind.rawValue
        authored = item.isAuthoredByOwner
        author = item.author
        counterparties = item.counterparties
        text = item.text
        title = item.title
        attachments = item.attachments
        conversation = item.conversation
        connectionState = item.connectionState?.rawValue
        occurredAt = item.occurredAt.map(StoredTime.milliseconds)
        timeBasis = item.timeBasis.rawValue
        rawFragment = item.rawFragment
        sourceArchive = item.source.archiveSHA256
        sourceFile = item.source.file
        sourceLocator = item.source.locator
        self.matchKey = matchKey
    }

    init(row: Row) throws {
        var values = SharedRowValues()
        try self.init(row: row, sharing: &values)
    }

    /// Decodes a row, taking repeated values from (and adding them to) `values`, for loading
    /// many rows.
    init(row: Row, sharing values: inout SharedRowValues) throws {
        id = try row.decode(String.self, forColumn: Columns.id)
        platform = try row.decode(String.self, forColumn: Columns.platform)
        kind = try row.decode(String.self, forColumn: Columns.kind)
        authored = try row.decode(Bool.self, forColumn: Columns.authored)
        author = try row.decode(String?.self, forColumn: Columns.author)
            .map { try values.person($0) }
        counterparties = try values.people(
            row.decode(String.self, forColumn: Columns.counterparties))
        text = try row.decode(String?.self, forColumn: Columns.text)
        title = try row.decode(String?.self, forColumn: Columns.title)
        attachments = try values.attachments(
            row.decode(String.self, forColumn: Columns.attachments))
        conversation = try row.decode(String?.self, forColumn: Columns.conversation)
            .map { values.string($0) }
        connectionState = try row.decode(String?.self, forColumn: Columns.connectionState)
        occurredAt = try row.decode(Int64?.self, forColumn: Columns.occurredAt)
        timeBasis = try row.decode(String.self, forColumn: Columns.timeBasis)
        rawFragment = try row.decode(String.self, forColumn: Columns.rawFragment)
        sourceArchive = values.string(try row.decode(String.self, forColumn: Columns.sourceArchive))
        sourceFile = values.string(try row.decode(String.self, forColumn: Columns.sourceFile))
        sourceLocator = try row.decode(String.self, forColumn: Columns.sourceLocator)
        matchKey = nil
    }

    func encode(to container: inout PersistenceContainer) throws {
        for (column, value) in zip(Self.storedColumns, try storedValues()) {
            // No match key is no column: a row written this way also fits a case from before
            // migration "v5-runs-incidents-and-copies".
            if column.name == Columns.matchKey.name, matchKey == nil { continue }
            container[column] = value
        }
    }

    /// Every column, in the order of ``storedValues()`` and ``insertOrIgnoreSQL``.
    static let storedColumns: [Column] = [
        Columns.id, Columns.platform, Columns.kind, Columns.authored, Columns.author,
        Columns.counterparties, Columns.text, Columns.title, Columns.attachments,
        Columns.conversation, Columns.connectionState, Columns.occurredAt, Columns.timeBasis,
        Columns.rawFragment, Columns.sourceArchive, Columns.sourceFile, Columns.sourceLocator,
        Columns.matchKey,
    ]

    /// An insert that leaves an existing row (the same item id) unchanged, for bulk storing
    /// through one cached statement.
    static let insertOrIgnoreSQL = """
        INSERT OR IGNORE INTO item (\(storedColumns.map(\.name).joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: storedColumns.count).joined(separator: ", ")))
        """

    /// The row's values, in the order of ``storedColumns``.
    /// - Throws: an encoding error if a JSON column cannot be encoded.
    func storedValues() throws -> [(any DatabaseValueConvertible)?] {
        [
            id, platform, kind, authored, author.map(StoredJSON.text),
            StoredJSON.text(counterparties), text, title, StoredJSON.text(attachments),
            conversation, connectionState, occurredAt, timeBasis, rawFragment, sourceArchive,
            sourceFile, sourceLocator, matchKey,
        ]
    }

    /// Binds the row's values, in the order of ``storedColumns``, to a prepared
    /// ``insertOrIgnoreSQL`` (see ``CaseItemWriter``).
    func bind(to statement: SQLiteStatement) throws {
        CaseItemWriter.bind(id, at: 1, of: statement)
        CaseItemWriter.bind(platform, at: 2, of: statement)
        CaseItemWriter.bind(kind, at: 3, of: statement)
        CaseItemWriter.bind(authored ? 1 : 0, at: 4, of: statement)
        CaseItemWriter.bind(author.map(StoredJSON.text), at: 5, of: statement)
        CaseItemWriter.bind(StoredJSON.text(counterparties), at: 6, of: statement)
        CaseItemWriter.bind(text, at: 7, of: statement)
        CaseItemWriter.bind(title, at: 8, of: statement)
        CaseItemWriter.bind(StoredJSON.text(attachments), at: 9, of: statement)
        CaseItemWriter.bind(conversation, at: 10, of: statement)
        CaseItemWriter.bind(connectionState, at: 11, of: statement)
        CaseItemWriter.bind(occurredAt, at: 12, of: statement)
        CaseItemWriter.bind(timeBasis, at: 13, of: statement)
        CaseItemWriter.bind(rawFragment, at: 14, of: statement)
        CaseItemWriter.bind(sourceArchive, at: 15, of: statement)
        CaseItemWriter.bind(sourceFile, at: 16, of: statement)
        CaseItemWriter.bind(sourceLocator, at: 17, of: statement)
        CaseItemWriter.bind(matchKey, at: 18, of: statement)
    }

    /// The domain value this row stores, keeping the stored id (not a recomputed fingerprint).
    /// - Parameter archivePath: the path of the item's first source archive.
    /// - Returns: the timeline item.
    /// - Throws: ``StoredValueError`` for an enum value this version does not know.
    func item(archivePath: String) throws -> TimelineItem {
        func decode<Value: RawRepresentable>(_ type: Value.Type, _ raw: String, _ column: String)
            throws -> Value where Value.RawValue == String
        {
            try StoredValueError.decode(
                type, raw, table: Self.databaseTableName, key: id, column: column)
        }
        return TimelineItem(
            storedID: ItemID(rawValue: id),
            platform: try decode(Platform.self, platform, "platform"),
            kind: try decode(ActivityKind.self, kind, "kind"),
            isAuthoredByOwner: authored, author: author, counterparties: counterparties,
            text: text, title: title, attachments: attachments, conversation: conversation,
            connectionState: try connectionState.map {
                try decode(ConnectionState.self, $0, "connection_state")
            },
            occurredAt: occurredAt.map(StoredTime.date),
            timeBasis: try decode(TimeBasis.self, timeBasis, "time_basis"),
            source: SourceReference(
                archiveSHA256: sourceArchive, archivePath: archivePath, file: sourceFile,
                locator: sourceLocator),
            rawFragment: rawFragment)
    }
}
