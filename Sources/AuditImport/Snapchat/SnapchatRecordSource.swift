/// Where the Snapchat importer reads records from: a JSON file of the download, or the tables
/// of one of its HTML pages read into the same shape (``SnapchatHTMLTables``).
protocol SnapchatRecordSource {
    /// The file's lists and records as a JSON tree.
    var root: MetaJSONValue { get }
    /// The value at `pointer`, if any.
    func value(at pointer: JSONPointer) -> MetaJSONValue?
    /// The source text of the record at `pointer`, exactly as the file writes it.
    func fragment(at pointer: JSONPointer) -> String
    /// Where the record at `pointer` is in the file, for a reviewer: a JSON pointer or an HTML
    /// element path.
    func locator(at pointer: JSONPointer) -> String
}

extension SourcedJSONDocument: SnapchatRecordSource {
    /// The JSON pointer itself.
    func locator(at pointer: JSONPointer) -> String { pointer.description }
}
