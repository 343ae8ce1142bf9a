import AuditModel
import Foundation

/// How the case stores values in its JSON columns: sorted keys, dates as integer milliseconds.
///
/// One shared encoder and decoder, because building them per row dominates the cost of storing
/// and loading large timelines.
enum StoredJSON {
    /// The encoder for the case's JSON columns.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .throw
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoredTime.milliseconds(date))
        }
        return encoder
    }()

    /// The decoder matching ``encoder``.
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return StoredTime.date(try container.decode(Int64.self))
        }
        return decoder
    }()

    /// The JSON text of a value.
    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value some JSON text holds.
    static func value<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
