import AuditModel
import Foundation

/// The built-in table of given names and their usual short forms (Oliver/Ollie, William/Will/Bill),
/// loaded from `Resources/nicknames.json`.
public struct Nicknames: Sendable {
    /// For each folded given name, every name it may appear as (short forms and, for a short form,
    /// the full names it stands for).
    private let variants: [String: Set<String>]

    /// A table from explicit groups: each key is a full name, each value its short forms.
    public init(groups: [String: [String]]) {
        var variants: [String: Set<String>] = [:]
        for (full, shorts) in groups {
            let fullKey = NameNormalization.compact(full)
            for short in shorts.map(NameNormalization.compact) {
                variants[fullKey, default: []].insert(short)
                variants[short, default: []].insert(fullKey)
            }
        }
        self.variants = variants
    }

    /// The table shipped with the tool.
    public static let standard: Nicknames = {
        struct File: Decodable { var names: [String: [String]] }
        guard let url = Bundle.module.url(forResource: "nicknames", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else {
            // The resource is part of the package; without it, names still match exactly.
            return Nicknames(groups: [:])
        }
        return Nicknames(groups: file.names)
    }()

    /// Whether `name` and `other` are the same given name or one is a usual short form of the
    /// other ("ollie" ~ "oliver"). Two short forms of one full name do not match each other
    /// ("bill" and "will" both come from William, but "Bill" is not "Will").
    public func areVariants(_ name: String, _ other: String) -> Bool {
        let a = NameNormalization.compact(name)
        let b = NameNormalization.compact(other)
        return a == b || variants[a]?.contains(b) == true
    }
}
