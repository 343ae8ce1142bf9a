import Foundation

/// Decoding of the JSON files of Meta and X exports, whose records (``MetaRecord``) keep their
/// source text: the decoder carries a ``JSONSourceIndex`` of the bytes it reads.
enum MetaJSONDecoding {
    /// The data is not valid JSON; `detail` says where and why.
    struct InvalidJSON: Error {
        let detail: String
    }

    /// Records from `firstBadRecord` on are not valid JSON; those before were handed over.
    struct InvalidJSONFromRecord: Error {
        let firstBadRecord: Int
        let detail: String
    }

    /// How many records of a large array are decoded at a time.
    static let chunkSize = 2_000

    /// Decodes the records of the JSON array `data` holds a chunk at a time, handing each chunk
    /// to `body` with the index of its first record, so that memory holds one chunk's records
    /// rather than the whole file's (X's `tweets.js` runs to hundreds of megabytes).
    ///
    /// An array of at most ``chunkSize`` records, or one whose separators are not valid JSON, is
    /// decoded whole (and so refused whole when it is not JSON). Each record keeps its source
    /// text, as with ``decode(_:from:userInfo:)``.
    /// - Throws: ``InvalidJSON`` when the data is refused whole; ``InvalidJSONFromRecord`` when a
    ///   chunk is not valid JSON after earlier chunks were handed over; what `body` throws.
    static func forEachChunk<Record: Decodable>(
        of type: Record.Type, in data: Data, _ body: (_ firstIndex: Int, [Record]) throws -> Void
    ) throws {
        let index = JSONSourceIndex(data)
        guard let elements = index.topLevelElementRanges(), elements.count > chunkSize else {
            try body(0, try decode([Record].self, from: data))
            return
        }
        for start in stride(from: 0, to: elements.count, by: chunkSize) {
            let ranges = elements[start..<min(start + chunkSize, elements.count)]
            try body(start, try decodeChunk(ranges.map(index.bytes(in:)), startingAt: start))
        }
    }

    /// Decodes the records of one chunk of a large array: `elements` are their bytes, the first
    /// being record `start` of the array. The records are those of decoding the array whole.
    /// - Throws: ``InvalidJSONFromRecord`` when the chunk is not valid JSON; the decoder's error
    ///   otherwise.
    static func decodeChunk<Record: Decodable>(_ elements: [Data], startingAt start: Int) throws
        -> [Record]
    {
        var chunk = Data("[".utf8)
        chunk.reserveCapacity(elements.reduce(2) { $0 + $1.count + 1 })
        for element in elements {
            if chunk.count > 1 { chunk.append(UInt8(ascii: ",")) }
            chunk.append(element)
        }
        chunk.append(UInt8(ascii: "]"))
        do {
            return try decode([Record].self, from: chunk)
        } catch let error as InvalidJSON {
            throw InvalidJSONFromRecord(firstBadRecord: start, detail: error.detail)
        }
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
