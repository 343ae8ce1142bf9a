/// A stored value this version cannot read; ``CaseDatabase`` turns it into
/// ``StoreError/unreadableRow(table:key:reason:location:)`` with the case's location.
struct StoredValueError: Error {
    var table: String
    var key: String
    var reason: String

    /// Reads a stored enum value, naming the row when the value is not one this version knows.
    static func decode<Value: RawRepresentable>(
        _ type: Value.Type, _ raw: String, table: String, key: String, column: String
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else {
            throw StoredValueError(table: table, key: key, reason: "unknown \(column) '\(raw)'")
        }
        return value
    }
}
