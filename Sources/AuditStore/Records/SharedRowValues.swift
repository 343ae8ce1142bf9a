import AuditModel
import Foundation

/// The values that repeat across the rows of `item`, decoded once and shared while a whole
/// timeline is loaded.
///
/// A case's hundreds of thousands of items come from a few archives, a few hundred files and
/// threads, and involve the same people again and again. Decoded row by row, each item would
/// carry its own copy of every such string and run the JSON decoder for every person it
/// names; with this, each distinct column value is decoded once and all the items holding it
/// share one copy. It grows with the number of distinct values, not of rows.
struct SharedRowValues {
    private var strings: [String: String] = [:]
    private var people: [String: Person] = [:]
    private var peopleLists: [String: [Person]] = [:]
    private var attachmentLists: [String: [Attachment]] = [:]

    /// The one shared copy of `text` (a column with few distinct values: archive, file, thread).
    mutating func string(_ text: String) -> String {
        if let shared = strings[text] { return shared }
        strings[text] = text
        return text
    }

    /// The person a JSON column holds, decoded once per distinct text.
    /// - Throws: a decoding error when the text is not a stored person.
    mutating func person(_ json: String) throws -> Person {
        if let person = people[json] { return person }
        let person = try StoredJSON.value(Person.self, from: json)
        people[json] = person
        return person
    }

    /// The people a JSON column holds, decoded once per distinct text.
    /// - Throws: a decoding error when the text is not a stored list of people.
    mutating func people(_ json: String) throws -> [Person] {
        if let list = peopleLists[json] { return list }
        let list = try StoredJSON.value([Person].self, from: json)
        peopleLists[json] = list
        return list
    }

    /// The attachments a JSON column holds, decoded once per distinct text.
    /// - Throws: a decoding error when the text is not a stored list of attachments.
    mutating func attachments(_ json: String) throws -> [Attachment] {
        if let list = attachmentLists[json] { return list }
        let list = try StoredJSON.value([Attachment].self, from: json)
        attachmentLists[json] = list
        return list
    }
}
