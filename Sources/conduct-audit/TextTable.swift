/// Rows of text printed as aligned columns under a header, for a terminal: every column but the
/// last is padded to its widest cell and columns are separated by two spaces.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// The header line, then one line per row, without trailing spaces.
    var lines: [String] {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return all.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                let isLast = index == row.count - 1
                line +=
                    isLast
                    ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return line
        }
    }
}
