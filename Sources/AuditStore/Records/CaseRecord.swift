import Foundation
import GRDB

/// The conventions every record of the case shares: snake_case columns and the case's JSON coding.
protocol CaseRecord: Codable, FetchableRecord, EncodableRecord, TableRecord {}

extension CaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .convertFromSnakeCase
    }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .convertToSnakeCase
    }
    static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        StoredJSON.encoder
    }
    static func databaseJSONDecoder(for column: String) -> JSONDecoder {
        StoredJSON.decoder
    }
}
