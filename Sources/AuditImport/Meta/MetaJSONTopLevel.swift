/// The top level of one JSON file of a Meta download, as its document types (Facebook,
/// Instagram) classify it: an array, an object, or a single value that no export file is.
enum MetaJSONTopLevel {
    /// The key of any member of an object.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a file's top level into a document.
    /// - Parameters:
    ///   - decoder: the file's decoder, whose `userInfo` holds the file name under `fileNameKey`.
    ///   - array: the document of a top-level array, given the lower-cased file name.
    ///   - object: the document of a top-level object, given the lower-cased file name.
    ///   - singleValue: the document of a bare string, number or null (read, so that a damaged
    ///     file is reported as damaged).
    /// - Throws: what the decoder throws for data that is not JSON.
    static func classify<Document>(
        _ decoder: any Decoder, fileNameKey: CodingUserInfoKey,
        array: (inout any UnkeyedDecodingContainer, String) throws -> Document,
        object: (KeyedDecodingContainer<Key>, String) throws -> Document,
        singleValue: Document
    ) throws -> Document {
        let fileName = (decoder.userInfo[fileNameKey] as? String ?? "").lowercased()
        if var elements = try? decoder.unkeyedContainer() {
            return try array(&elements, fileName)
        }
        guard let container = try? decoder.container(keyedBy: Key.self) else {
            _ = try MetaJSONValue(from: decoder)
            return singleValue
        }
        return try object(container, fileName)
    }
}
