import Foundation

/// Reading a large data file of an X archive in pieces, so that its bytes are never held whole.
///
/// `tweets.js` runs to 100 MB at benchmark scale 5 (hundreds of megabytes in real archives);
/// holding it whole while its records were decoded a chunk at a time made it most of the X
/// import's peak memory. Its records are instead decoded as the zip expands it. A first reading
/// (``largeArray(in:of:where:smallest:pieceSize:)``) keeps at most one record at a time and
/// checks that the file is an array the whole reading would decode a chunk at a time; later
/// readings (the survey's, the importer's) decode its records a chunk at a time as they are
/// found (``forEachChunk(of:in:of:as:pieceSize:_:)``). The chunks are exactly those of
/// ``MetaJSONDecoding/forEachChunk(of:in:_:)`` over the whole file, so the records, their
/// indices and their source text are too. A file the first reading does not accept is read whole
/// as before, so that a damaged file is reported (or refused whole) exactly as before.
///
/// A file of fewer records than a chunk holds is decoded whole when read whole, and refused whole
/// when one record is not JSON. `direct-messages.js` is such a file: 59 conversations in 55 MB
/// at benchmark scale 5, whose whole decoding took 220 MB. The first reading checks each of its
/// records is valid JSON; then no chunk can be refused, the records of chunks of a few megabytes
/// are those of the whole decoding, and it too is read a chunk at a time.
extension TwitterScript {
    /// What a first reading in pieces found in a data file.
    struct LargeArray: Equatable, Sendable {
        /// The global the file assigns ("YTD.tweets.part0").
        let globalName: String
        /// How many records its array holds.
        let recordCount: Int
        /// How its records are grouped into chunks.
        let chunking: Chunking
    }

    /// How the records of a ``LargeArray`` are grouped into chunks.
    enum Chunking: Equatable, Sendable {
        /// ``MetaJSONDecoding/chunkSize`` records a chunk, as when the whole file is decoded a
        /// chunk at a time: the array holds more records than that.
        case byRecords
        /// Chunks of about ``chunkBytes`` bytes: the array holds no more than a chunk's records
        /// and each of them is valid JSON, so that decoding them whole could not fail either.
        case byBytes
    }

    /// The size of the chunks of a ``Chunking/byBytes`` array, whose records are few and large.
    static let chunkBytes = 4 << 20

    /// Files smaller than this are read whole without looking at them first: whole, they cost
    /// little memory, and a file of more than a chunk's records is larger.
    static let smallestLargeFile: UInt64 = 1 << 20

    /// Reads `entry` in pieces, keeping none of them, to tell whether its records can be decoded
    /// a chunk at a time as it is read (``forEachChunk(of:in:of:as:pieceSize:_:)``).
    /// - Parameters:
    ///   - isWanted: whether files assigning this global are to be read in pieces; reading
    ///     stops at the header of a file that is not.
    ///   - smallest: files smaller than this are read whole (tests lower it).
    ///   - pieceSize: the size of the pieces read (tests make them small).
    /// - Returns: nil when the file is to be read whole: it is smaller than
    ///   ``smallestLargeFile``, not `window.<name> = …`, not wanted, not an array that
    ///   ``JSONArrayStream`` finds well-formed, of no more than a chunk's records one of which
    ///   is not valid JSON, or not readable (reading it whole then says why, as before).
    static func largeArray(
        in entry: ArchiveReader.Entry, of archive: ArchiveReader,
        where isWanted: (String) -> Bool, smallest: UInt64 = smallestLargeFile,
        pieceSize: Int = 1 << 20
    ) -> LargeArray? {
        guard entry.size >= smallest else { return nil }
        struct Stop: Error {}
        var pieces = Pieces()
        // Records are kept one at a time, to be checked, while they may be all the file has.
        var stream = JSONArrayStream(keepsElements: true)
        var isEachValid = true
        var found = 0
        do {
            try archive.readPieces(of: entry, pieceSize: pieceSize, notifying: false) { piece in
                let wasKnown = pieces.globalName != nil
                let isScript = pieces.consume(piece) { json in
                    stream.consume(json) { element in
                        found += 1
                        if found <= MetaJSONDecoding.chunkSize, isEachValid {
                            isEachValid = isValidJSON(element)
                        }
                    }
                }
                if found > MetaJSONDecoding.chunkSize { stream.keepsElements = false }
                guard isScript else { throw Stop() }
                if !wasKnown, let name = pieces.globalName, !isWanted(name) { throw Stop() }
                if stream.isMalformed { throw Stop() }
            }
        } catch {
            return nil
        }
        guard let name = pieces.globalName, stream.isWellFormed else { return nil }
        if stream.count > MetaJSONDecoding.chunkSize {
            return LargeArray(globalName: name, recordCount: stream.count, chunking: .byRecords)
        }
        guard isEachValid else { return nil }
        return LargeArray(globalName: name, recordCount: stream.count, chunking: .byBytes)
    }

    /// What ``readLargeArray(in:of:where:smallest:pieceSize:chunk:)`` found.
    enum Reading {
        /// The file is to be read whole, as ``largeArray(in:of:where:smallest:pieceSize:)``
        /// says of it; what was handed to `chunk` is void.
        case readWhole
        /// The file is the large array ``largeArray(in:of:where:smallest:pieceSize:)`` finds,
        /// and each of its records was handed to `chunk` once, in order.
        case read(LargeArray)
        /// `chunk` refused a chunk (it is not valid JSON to the decoder): what was handed over
        /// is void, and the file is to be judged and read as before.
        case refused
    }

    /// Checks `entry` as ``largeArray(in:of:where:smallest:pieceSize:)`` does and, in the same
    /// expansion, hands its records to `chunk` in groups as they are found, so that a first
    /// reading expands and decodes the file once.
    ///
    /// Groups hold at most ``MetaJSONDecoding/chunkSize`` records and end once they hold
    /// ``chunkBytes`` bytes, so that memory holds one group. Every group decoding means every
    /// record is valid JSON, which is what ``largeArray(in:of:where:smallest:pieceSize:)``
    /// checks of a file of few records.
    /// - Parameter chunk: receives the global's name and a group's records; returns false when
    ///   the group cannot be decoded.
    static func readLargeArray(
        in entry: ArchiveReader.Entry, of archive: ArchiveReader,
        where isWanted: (String) -> Bool, smallest: UInt64 = smallestLargeFile,
        pieceSize: Int = 1 << 20, chunk: (_ globalName: String, _ elements: [Data]) -> Bool
    ) -> Reading {
        guard entry.size >= smallest else { return .readWhole }
        struct Stop: Error {}
        struct Refused: Error {}
        var pieces = Pieces()
        var stream = JSONArrayStream(keepsElements: true)
        // Records found and not yet handed over: less than a group, and a piece's records.
        var pending: [Data] = []
        func handOver(all: Bool) throws {
            guard let name = pieces.globalName else { return }
            while !pending.isEmpty {
                var count = 0
                var bytes = 0
                while count < pending.count, count < MetaJSONDecoding.chunkSize, bytes < chunkBytes
                {
                    bytes += pending[count].count
                    count += 1
                }
                let isFull = count == MetaJSONDecoding.chunkSize || bytes >= chunkBytes
                guard all || isFull else { return }
                guard chunk(name, Array(pending[..<count])) else { throw Refused() }
                pending.removeFirst(count)
            }
        }
        do {
            try archive.readPieces(of: entry, pieceSize: pieceSize) { piece in
                let wasKnown = pieces.globalName != nil
                let isScript = pieces.consume(piece) { json in
                    stream.consume(json) { pending.append($0) }
                }
                guard isScript else { throw Stop() }
                if !wasKnown, let name = pieces.globalName, !isWanted(name) { throw Stop() }
                if stream.isMalformed { throw Stop() }
                try handOver(all: false)
            }
            guard let name = pieces.globalName, stream.isWellFormed else { return .readWhole }
            try handOver(all: true)
            let chunking: Chunking =
                stream.count > MetaJSONDecoding.chunkSize ? .byRecords : .byBytes
            return .read(
                LargeArray(globalName: name, recordCount: stream.count, chunking: chunking))
        } catch is Refused {
            return .refused
        } catch {
            return .readWhole
        }
    }

    /// Whether one record is valid JSON to the decoder that decodes it, checked as the only
    /// element of an array (as deep as it is in its file).
    private static func isValidJSON(_ element: Data) -> Bool {
        struct Anything: Decodable {
            init(from decoder: any Decoder) {}
        }
        var array = Data("[".utf8)
        array.append(element)
        array.append(UInt8(ascii: "]"))
        return (try? JSONDecoder().decode([Anything].self, from: array)) != nil
    }

    /// Decodes the records of a file ``largeArray(in:of:where:smallest:pieceSize:)`` accepted
    /// (as `large`), a chunk at a time as the file is read, handing each chunk to `body` with the
    /// index of its first record: for ``Chunking/byRecords``, the chunks of
    /// ``MetaJSONDecoding/forEachChunk(of:in:_:)`` over the whole file.
    /// - Throws: ``MetaJSONDecoding/InvalidJSONFromRecord`` when a chunk is not valid JSON (the
    ///   chunks before were handed over); ``ImportError`` when the file cannot be read (or has
    ///   changed since it was accepted); what `body` throws.
    static func forEachChunk<Record: Decodable>(
        of type: Record.Type, in entry: ArchiveReader.Entry, of archive: ArchiveReader,
        as large: LargeArray, pieceSize: Int = 1 << 20,
        _ body: (_ firstIndex: Int, [Record]) throws -> Void
    ) throws {
        var pieces = Pieces()
        var stream = JSONArrayStream(keepsElements: true)
        var elements: [Data] = []
        var bytes = 0
        var start = 0
        func flush() throws {
            guard !elements.isEmpty else { return }
            let first = start
            let records: [Record] = try MetaJSONDecoding.decodeChunk(elements, startingAt: first)
            start += elements.count
            elements = []
            bytes = 0
            try body(first, records)
        }
        try archive.readPieces(of: entry, pieceSize: pieceSize) { piece in
            let isScript = try pieces.consume(piece) { json in
                try stream.consume(json) { element in
                    elements.append(element)
                    bytes += element.count
                    if elements.count == MetaJSONDecoding.chunkSize
                        || (large.chunking == .byBytes && bytes >= chunkBytes)
                    {
                        try flush()
                    }
                }
            }
            if !isScript || stream.isMalformed {
                throw ImportError.unreadableFile(
                    entry.path,
                    reason: "changed while it was read (it is no longer the array it was)")
            }
        }
        guard stream.isWellFormed else {
            throw ImportError.unreadableFile(
                entry.path, reason: "changed while it was read (it is no longer the array it was)")
        }
        try flush()
    }

    /// Hands records already decoded (``TwitterRecordCache``) to `body` in the chunks that
    /// ``forEachChunk(of:in:of:as:pieceSize:_:)`` gives for the file they were read from.
    /// - Parameter sizes: each record's size in bytes, as read.
    static func forEachChunk<Record>(
        of records: [Record], sizes: [Int], as large: LargeArray,
        _ body: (_ firstIndex: Int, [Record]) throws -> Void
    ) rethrows {
        var start = 0
        var bytes = 0
        for (index, size) in sizes.enumerated() {
            bytes += size
            if index + 1 - start == MetaJSONDecoding.chunkSize
                || (large.chunking == .byBytes && bytes >= chunkBytes)
            {
                try body(start, Array(records[start...index]))
                start = index + 1
                bytes = 0
            }
        }
        if start < records.count { try body(start, Array(records[start...])) }
    }

    /// A data file's pieces split into its header and the JSON after it.
    private struct Pieces {
        /// The first bytes, until they hold the header.
        private var prefix = Data()
        /// The global the header assigns, once read.
        private(set) var globalName: String?

        /// Hands the JSON in `piece` to `json` once the header has been read.
        /// - Returns: false when the file's first 64 KB do not start `window.<name> =`.
        mutating func consume(_ piece: Data, _ json: (Data) throws -> Void) rethrows -> Bool {
            if globalName != nil {
                try json(piece)
                return true
            }
            prefix.append(piece)
            // A header that parses in the first bytes parses the same in the whole file.
            guard let header = TwitterScript.header(of: prefix) else {
                return prefix.count < 1 << 16
            }
            globalName = header.globalName
            let rest = prefix[header.jsonStart...]
            prefix = Data()
            try json(Data(rest))
            return true
        }
    }
}
