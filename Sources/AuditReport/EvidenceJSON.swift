import AuditModel
import Foundation

/// How evidence files are written as JSON: pretty, sorted keys, UTC ISO 8601 dates (with
/// milliseconds when present), so the same bundle always gives the same bytes.
enum EvidenceJSON {
    /// The encoder for `incident.json` and `manifest.json`: a new one each time, because
    /// incident files are rendered on several threads at once.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .throw
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ZonedDateTime.utc(date))
        }
        return encoder
    }

    /// The decoder matching ``encoder``.
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) { return date }
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO 8601 date")
        }
        return decoder
    }()

    /// The JSON bytes of a value, ending with a newline.
    static func data(_ value: some Encodable) throws -> Data {
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
