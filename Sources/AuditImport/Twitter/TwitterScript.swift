import Foundation

/// One data file of an X archive, split into the global's name and the JSON after the `=`.
///
/// Data files are the JavaScript assignment `window.YTD.<name>.partN = <JSON>` (FORMATS.md
/// §3.2). The classic archive (2010–2018, docs/formats/twitter.md) assigns
/// `Grailbird.data.tweets_2013_04 = …` and `var user_details = …`: their globals are
/// `Grailbird.data.tweets_2013_04` and `user_details`.
///
/// A UTF-8 byte-order mark, whitespace around the `=`, a trailing `;` and a missing final newline
/// are tolerated. The JSON is usually an array but may be an object (old `ageinfo.js`); that is
/// left to the decoder.
struct TwitterScript {
    /// The global assigned, without `window.`: "YTD.tweets.part0" or "__THAR_CONFIG".
    let globalName: String
    /// The JSON text after the `=`.
    let json: Data

    /// Why a `.js` file is not an X archive data file.
    enum ReadError: Error, Equatable {
        /// The file does not start with `window.<name> =`.
        case notAnAssignment
    }

    /// Splits a data file.
    /// - Throws: ``ReadError/notAnAssignment`` when the file is not `window.<name> = …`.
    init(data: Data) throws {
        guard let header = Self.header(of: data) else { throw ReadError.notAnAssignment }
        var bytes = data[header.jsonStart...]
        while let last = bytes.last, Self.isSpace(last) || last == UInt8(ascii: ";") {
            bytes = bytes.dropLast()
        }
        globalName = header.globalName
        json = bytes  // a slice sharing the file's storage: tweet files are large
    }

    /// The global a data file assigns and where the JSON after its `=` starts, read from the
    /// file's first bytes (enough of them to hold the `=`); nil when they are not
    /// `window.<name> =`, `Grailbird.<name> =` or `var <name> =` of one of the classic archive's
    /// ``classicGlobals``.
    static func header(of data: Data) -> (globalName: String, jsonStart: Data.Index)? {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { Self.isSpace($0) }
        let isVariable = bytes.starts(with: Array("var ".utf8))
        if bytes.starts(with: Array("window.".utf8)) {
            bytes = bytes.dropFirst("window.".utf8.count)
        } else if isVariable {
            bytes = bytes.dropFirst("var ".utf8.count).drop { Self.isSpace($0) }
        } else if !bytes.starts(with: Array("Grailbird.".utf8)) {
            return nil
        }
        let name = bytes.prefix { byte in
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
                || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte)
        }
        guard !name.isEmpty else { return nil }
        let globalName = String(decoding: name, as: UTF8.self)
        // Of plain variables, only the classic archive's own are X data files.
        if isVariable, !classicGlobals.contains(globalName) { return nil }
        bytes = bytes.dropFirst(name.count).drop { Self.isSpace($0) }
        guard bytes.first == UInt8(ascii: "=") else { return nil }
        return (globalName, bytes.index(after: bytes.startIndex))
    }

    /// The data type named by a `YTD.<type>.partN` global ("tweets", "direct_messages"), or nil
    /// for other globals (the manifest's `__THAR_CONFIG`).
    var dataType: String? {
        Self.dataType(ofGlobal: globalName)
    }

    /// The data type named by the global `globalName`; see ``dataType``.
    ///
    /// The classic archive's
    /// monthly tweet files (`Grailbird.data.tweets_2013_04`) are "tweets"; its other globals
    /// (`user_details`, `tweet_index`, `payload_details`) are their own types.
    static func dataType(ofGlobal globalName: String) -> String? {
        let parts = globalName.split(separator: ".")
        if parts.count >= 2, parts[0] == "YTD" { return String(parts[1]) }
        if parts.count == 3, parts[0] == "Grailbird", parts[1] == "data",
            parts[2].hasPrefix("tweets_")
        {
            return "tweets"
        }
        return classicGlobals.contains(globalName) ? globalName : nil
    }

    /// The classic archive's plain variables (`var user_details = …`).
    static let classicGlobals: Set<String> = ["user_details", "tweet_index", "payload_details"]

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
