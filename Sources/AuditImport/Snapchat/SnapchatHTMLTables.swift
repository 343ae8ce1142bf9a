import AuditModel
import Foundation

/// The tables of a page of Snapchat's HTML download, read into the shape of the matching JSON
/// file so that one builder reads both: each table becomes a list named by the heading above
/// it ("Friends", "Received Snap History"), each row an object keyed by the table's header
/// cells ("Username", "Created"). A two-column table without header cells ("Basic
/// Information": label and value) becomes one object.
///
/// A record's locator is its row's element path and its raw fragment the row's HTML.
struct SnapchatHTMLTables: SnapchatRecordSource {
    let root: MetaJSONValue
    /// Element path and HTML of each record, by its pointer.
    private let rows: [JSONPointer: (path: String, html: String)]

    /// Reads the tables of `document`; nil when the page has none.
    ///
    /// Parsers of the older pages find the lists by position rather than by heading (the
    /// received table first, then the sent one; docs/formats/snapchat.md): a table whose heading
    /// is not one of `tableNames` takes the name at its position, and a table without header
    /// cells takes the column names at its position in `columns`.
    init?(document: HTMLDocument, tableNames: [String] = [], columns: [[String]] = []) {
        var lists: [String: MetaJSONValue] = [:]
        var order: [String] = []
        var rows: [JSONPointer: (path: String, html: String)] = [:]
        var heading = "Records"
        var tableIndex = 0
        let known = Set(tableNames.map { $0.lowercased() })
        func visit(_ node: HTMLNode) {
            guard node.kind == .element else { return }
            if ["h1", "h2", "h3", "h4", "h5", "h6"].contains(node.tag) {
                let text = node.normalizedText
                if !text.isEmpty { heading = text }
                return
            }
            guard node.tag == "table" else {
                node.children.forEach(visit)
                return
            }
            let position = tableIndex
            tableIndex += 1
            var heading = heading
            if !known.isEmpty, !known.contains(heading.lowercased()), position < tableNames.count {
                heading = tableNames[position]
            }
            let tableRows = node.descendantElements.filter { $0.tag == "tr" }
            let cells = tableRows.map { row in
                row.elements.filter { $0.tag == "td" || $0.tag == "th" }
            }
            guard let first = cells.first else { return }
            let hasHeader = first.contains { $0.tag == "th" }
            if !hasHeader, position < columns.count {
                records(of: heading, rows: Array(zip(tableRows, cells)), header: columns[position])
                return
            }
            if !hasHeader, cells.allSatisfy({ $0.count == 2 }) {
                var members: [String: MetaJSONValue] = [:]
                for pair in cells {
                    members[pair[0].normalizedText] = .string(pair[1].normalizedText)
                }
                if lists[heading] == nil { order.append(heading) }
                lists[heading] = .object(members)
                rows[JSONPointer.root.appending(heading)] = (node.path, node.outerHTML)
                return
            }
            records(
                of: heading, rows: Array(zip(tableRows, cells).dropFirst()),
                header: first.map(\.normalizedText))
        }
        /// Adds `tableRows` to the list `name`, each an object keyed by `header`.
        func records(of name: String, rows tableRows: [(HTMLNode, [HTMLNode])], header: [String]) {
            var records = lists[name]?.elements ?? []
            if lists[name] == nil { order.append(name) }
            for (row, rowCells) in tableRows {
                var members: [String: MetaJSONValue] = [:]
                for (column, cell) in zip(header, rowCells) where !column.isEmpty {
                    members[column] = .string(cell.normalizedText)
                }
                rows[JSONPointer.root.appending(name).appending(records.count)] = (
                    row.path, row.outerHTML
                )
                records.append(.object(members))
            }
            lists[name] = .array(records)
        }
        visit(document.body)
        guard !lists.isEmpty else { return nil }
        root = .object(lists)
        self.rows = rows
    }

    func value(at pointer: JSONPointer) -> MetaJSONValue? { root.value(at: pointer) }

    func fragment(at pointer: JSONPointer) -> String { rows[pointer]?.html ?? "" }

    func locator(at pointer: JSONPointer) -> String { rows[pointer]?.path ?? pointer.description }
}

/// Reads the HTML variant of a Snapchat download (`html/friends.html`, `html/chat_history.html`,
/// `html/snap_history.html`, `html/account.html`) through ``SnapchatHTMLTables``. The pages give
/// the same UTC times as the JSON files.
struct SnapchatHTMLReader {
    let archive: ArchiveReader
    let files: SnapchatExportFiles
    let context: ImportContext

    /// The pages read, by file name, in the order read (the account first: it names the owner).
    private static let pages = [
        "account.html", "friends.html", "chat_history.html", "snap_history.html",
    ]

    /// The lists of the history pages by position, and their columns when a table has no
    /// header cells, as the older pages lay them out (docs/formats/snapchat.md).
    private static let positionalLayout: [String: (names: [String], columns: [[String]])] = [
        "snap_history.html": (
            ["Received Snap History", "Sent Snap History"],
            [["From", "Media Type", "Created"], ["To", "Media Type", "Created"]]
        ),
        "chat_history.html": (
            [
                "Received Saved Chat History", "Sent Saved Chat History",
                "Received Unsaved Chat History", "Sent Unsaved Chat History",
            ],
            [
                ["From", "Media Type", "Created", "Text"], ["To", "Media Type", "Created", "Text"],
                ["From", "Media Type", "Created", "Text"], ["To", "Media Type", "Created", "Text"],
            ]
        ),
    ]

    /// Reads every page.
    /// - Throws: what the context's sink throws.
    func result() throws -> ImportResult {
        var builder = SnapchatItemBuilder(context: context, chatMedia: files.chatMedia)
        var items = ImportedItems(context: context)
        var read = Set<String>()
        for name in Self.pages {
            for entry in files.htmlPages where entry.fileName.lowercased() == name {
                read.insert(entry.path)
                let tables: SnapchatHTMLTables?
                do {
                    let layout = Self.positionalLayout[name]
                    tables = SnapchatHTMLTables(
                        document: try HTMLDocument(
                            data: try archive.data(of: entry), file: entry.path),
                        tableNames: layout?.names ?? [], columns: layout?.columns ?? [])
                } catch {
                    let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                    builder.add(
                        ImportIssue(file: entry.path, reason: "could not be read: \(reason)"))
                    continue
                }
                guard let tables else {
                    builder.add(
                        ImportIssue(
                            file: entry.path,
                            reason:
                                "no table in the page: this page layout is not one this version reads; nothing in it was imported"
                        ))
                    continue
                }
                switch name {
                case "account.html": builder.addAccount(tables, file: entry.path)
                case "friends.html": builder.addFriends(tables, file: entry.path)
                case "chat_history.html":
                    builder.addMessages(tables, file: entry.path, isSnaps: false)
                default: builder.addMessages(tables, file: entry.path, isSnaps: true)
                }
                try items.add(builder.takeItems())
            }
        }
        for entry in archive.entries where !read.contains(entry.path) {
            let reason =
                entry.fileName.lowercased().hasSuffix(".html")
                ? "not imported: a page of the download with no interaction with another person (or one this version does not read)"
                : "not a page this version reads"
            builder.add(ImportIssue(file: entry.path, reason: reason, kind: .notImported))
        }
        for caveat in SnapchatImporter.caveats(files: files, coverage: builder.coverage) {
            builder.add(caveat)
        }
        let imported = ImportedArchive(
            path: context.archivePath, sha256: context.archiveSHA256, platform: .snapchat,
            variant: .html, owner: builder.owner, itemCount: items.count,
            unparsed: builder.issues, coverage: builder.coverage)
        return ImportResult(archive: imported, items: items.items)
    }
}
