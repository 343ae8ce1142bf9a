/// One record of a Meta (or X) JSON file: its typed reading (or why there is none) and its source
/// text.
///
/// Decoding a record never throws for a record that is well-formed JSON: a record whose shape
/// does not fit the DTO (a number where a name should be) keeps ``failure`` instead, so one bad
/// record becomes an ``ImportIssue`` with its locator and the rest of the file still imports.
struct MetaRecord<DTO: Decodable>: Decodable {
    /// The record's JSON as the file writes it (whitespace between tokens removed), for
    /// ``TimelineItem/rawFragment``. Decoded through ``MetaJSONDecoding`` it is cut from the
    /// file's bytes when asked for; decoded by a bare decoder it is the record re-serialised
    /// (``MetaJSONValue/serialized``: keys sorted, non-ASCII escaped as Meta does).
    var raw: String {
        switch source {
        case .cut(let index, let range): index.compactText(in: range)
        case .serialized(let text): text
        }
    }
    /// The typed reading, or nil when the record does not have the expected shape.
    let value: DTO?
    /// Why ``value`` is nil, in words for a reviewer.
    let failure: String?

    /// Where ``raw`` comes from.
    ///
    /// The text is cut only when asked for, because many records are containers whose own text
    /// is never kept: an X conversation's record spans every message of it (55 MB of
    /// `direct-messages.js` at benchmark scale 5), and only its messages' texts become items.
    /// A record cut from its bytes keeps the index, and with it the decoded bytes, alive.
    private enum Source {
        case cut(JSONSourceIndex, Range<Int>)
        case serialized(String)
    }

    private let source: Source
    init(from decoder: any Decoder) throws {
        if let index = decoder.userInfo[JSONSourceIndex.userInfoKey] as? JSONSourceIndex,
            let range = index.sourceRange(at: decoder.codingPath)
        {
            source = .cut(index, range)
        } else {
            source = .serialized(try MetaJSONValue(from: decoder).serialized)
        }
        do {
            value = try DTO(from: decoder)
            failure = nil
        } catch {
            value = nil
            failure = Self.describe(error, below: decoder.codingPath.count)
        }
    }

    /// Describes a decoding error with the path inside the record rather than inside the file.
    static func describe(_ error: any Error, below depth: Int) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let keys = codingPath.dropFirst(depth).map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }
            let joined = keys.joined()
            return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .typeMismatch(let type, let context):
            let place = path(context.codingPath)
            let subject = place.isEmpty ? "the record" : "'\(place)'"
            return "\(subject) is not \(Self.noun(for: type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return
                "'\(path(context.codingPath))' is null where \(Self.noun(for: type)) was expected"
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return
                "the field '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)' is missing"
        case .dataCorrupted(let context):
            let place = path(context.codingPath)
            return place.isEmpty
                ? context.debugDescription : "'\(place)': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func noun(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type, is Int.Type, is Int64.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            if "\(type)".hasPrefix("Array") { "a list" } else { "an object" }
        }
    }
}
