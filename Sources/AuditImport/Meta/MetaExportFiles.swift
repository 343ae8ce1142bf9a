/// File names and reading order shared by Meta's exports: Facebook and Instagram, JSON and HTML.
enum MetaExportFiles {
    /// The entries in reading order: by folder, then by name with numbered parts in numeric
    /// order (`message_9.json` before `message_10.json`, `your_posts_2` before `your_posts_10`).
    static func readingOrder(_ entries: [ArchiveReader.Entry]) -> [ArchiveReader.Entry] {
        entries.sorted { lhs, rhs in
            let left = sortKey(lhs.path)
            let right = sortKey(rhs.path)
            if left.folder != right.folder { return left.folder < right.folder }
            if left.stem != right.stem { return left.stem < right.stem }
            if left.number != right.number { return left.number < right.number }
            return lhs.path < rhs.path
        }
    }

    /// Whether `name` is a Messenger or Instagram thread part: `message.<ext>` (2018) or
    /// `message_N.<ext>`, for one of `extensions` (without the dot).
    static func isMessagePart(_ name: String, extensions: [String]) -> Bool {
        guard let ext = extensions.first(where: { name.hasSuffix("." + $0) }) else { return false }
        let stem = name.dropLast(ext.count + 1)
        guard stem.hasPrefix("message") else { return false }
        let middle = stem.dropFirst("message".count)
        return middle.isEmpty
            || (middle.count > 1 && middle.hasPrefix("_")
                && middle.dropFirst().allSatisfy(\.isNumber))
    }

    /// The folder of a path inside the archive ("" at the root).
    static func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    private static func sortKey(_ path: String) -> (folder: String, stem: String, number: Int) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let base =
            name.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init)
            ?? name
        let digits = base.reversed().prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count < 10, base.dropLast(digits.count).hasSuffix("_"),
            let number = Int(String(digits.reversed()))
        else {
            return (folder(of: path), base, 0)
        }
        return (folder(of: path), String(base.dropLast(digits.count + 1)), number)
    }
}
