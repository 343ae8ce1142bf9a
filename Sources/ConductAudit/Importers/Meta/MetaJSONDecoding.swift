import Foundation

/// Decoding of the JSON files of Meta and X exports, whose records (``MetaRecord``) keep their
/// source text: the decoder carries a ``JSONSourceIndex`` of the bytes it reads.
enum MetaJSONDecoding {
    /// The data is not valid JSON; `detail` says where and why.
    struct InvalidJSON: Error {
        let detail: String
    }

    /// Decodes `data` as `type`, with `userInfo` and the data's source index.
    /// - Throws: ``InvalidJSON`` when the data is not JSON at all; the decoder's error otherwise.
    static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws -> T {
        let decoder = JSONDecoder()
        decoder.userInfo = userInfo
        decoder.userInfo[JSONSourceIndex.userInfoKey] = JSONSourceIndex(data)
        do {
            return try decoder.decode(type, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // JSONDecoder only says "not valid JSON"; JSONSerialization says where and why.
            var detail = context.debugDescription
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch let error as NSError {
                detail = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? detail
            }
            throw InvalidJSON(detail: detail)
        }
    }
}
