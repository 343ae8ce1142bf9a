import Foundation

/// What the content part of a Meta HTML record holds: text, media, links, label/value rows and
/// list entries (reactions to a message).
///
/// Read by structure: media are `<img>`, `<video>` and `<audio>` elements with a relative path,
/// and the text next to a media element is its caption; links are anchors outside running text;
/// label/value rows are table rows (a label cell followed by a value cell, or a label cell that
/// holds the value in nested `<div>`s, FORMATS.md §2.9); text is every other block of text.
/// "Updated <date>" lines, which Meta adds to edited posts, are not text.
struct MetaHTMLContent {
    /// A media file the record shows.
    struct Media: Equatable {
        /// `img`, `video` or `audio`.
        var tag: String
        /// The path as written (relative to the export root).
        var uri: String
        /// The text beside the media element, if any.
        var caption: String?
    }

    /// A link outside running text.
    struct Link: Equatable {
        var href: String
        /// The anchor's text when it is not the address itself.
        var text: String?
    }

    /// A label/value row of a table.
    struct Field: Equatable {
        var label: String
        /// The value cell's text, one entry per line or nested block.
        var values: [String]
        /// The first link in the value cell, if any.
        var href: String?
    }

    /// The blocks of running text, in order, each normalised.
    private(set) var texts: [String] = []
    private(set) var media: [Media] = []
    private(set) var links: [Link] = []
    private(set) var fields: [Field] = []
    /// The items of lists (`<ul>`/`<ol>`), such as the reactions under a message.
    private(set) var listItems: [String] = []
    /// Images that are not files of the export (remote icons: a reaction's picture).
    private(set) var icons: [String] = []

    /// Reads the content of `parts`.
    init(_ parts: [HTMLNode]) {
        for part in parts { visit(part) }
    }

    /// The text blocks joined by blank lines, or nil when there is none.
    var joinedText: String? {
        texts.isEmpty ? nil : texts.joined(separator: "\n\n")
    }

    /// The values of the first field whose label is one of `labels` (compared without case).
    func values(for labels: [String]) -> [String]? {
        let wanted = Set(labels.map { $0.lowercased() })
        return fields.first { wanted.contains($0.label.lowercased()) }?.values
    }

    /// The first field whose label is one of `labels`.
    func field(_ labels: [String]) -> Field? {
        let wanted = Set(labels.map { $0.lowercased() })
        return fields.first { wanted.contains($0.label.lowercased()) }
    }

    // MARK: - Reading

    private static let mediaTags: Set<String> = ["img", "video", "audio"]

    private mutating func visit(_ node: HTMLNode) {
        guard node.kind == .element else { return }
        switch node.tag {
        case "table":
            readTable(node)
            return
        case "ul", "ol":
            listItems += node.elements.filter { $0.tag == "li" }.map(\.normalizedText).filter {
                !$0.isEmpty
            }
            return
        case "script", "style":
            return
        default:
            break
        }
        if Self.mediaTags.contains(node.tag) {
            readMedia(node, caption: nil)
            return
        }
        // A group of one media element and its caption: <div><a><img/></a><div>caption</div></div>.
        if let group = mediaGroup(node) {
            readMedia(group.media, caption: group.caption)
            return
        }
        if node.tag == "a" {
            readLink(node)
            return
        }
        if hasOwnText(node) {
            let text = node.normalizedText
            if !text.isEmpty && !Self.isUpdateLine(text) { texts.append(text) }
            for inner in node.descendantElements where Self.mediaTags.contains(inner.tag) {
                readMedia(inner, caption: nil)
            }
            return
        }
        for child in node.children { visit(child) }
    }

    /// Whether the element has text of its own (not only inside child elements).
    private func hasOwnText(_ node: HTMLNode) -> Bool {
        node.children.contains { $0.kind == .text && !$0.text.allSatisfy(\.isWhitespace) }
    }

    /// A block whose children are one media element (or a link around one) and caption text.
    private func mediaGroup(_ node: HTMLNode) -> (media: HTMLNode, caption: String?)? {
        let parts = node.elements
        let holders = parts.filter { part in
            Self.mediaTags.contains(part.tag)
                || (part.tag == "a" && part.elements.contains { Self.mediaTags.contains($0.tag) })
        }
        guard holders.count == 1, let holder = holders.first, !hasOwnText(node) else { return nil }
        let media =
            Self.mediaTags.contains(holder.tag)
            ? holder : holder.elements.first { Self.mediaTags.contains($0.tag) }
        guard let media else { return nil }
        let captions = parts.filter { $0.path != holder.path }.map(\.normalizedText).filter {
            !$0.isEmpty
        }
        return (media, captions.isEmpty ? nil : captions.joined(separator: "\n"))
    }

    private mutating func readMedia(_ node: HTMLNode, caption: String?) {
        let source =
            node.attribute("src")
            ?? node.firstDescendant { $0.tag == "source" }?.attribute("src")
            ?? node.firstDescendant { $0.tag == "a" }?.attribute("href")
        guard let source, !source.isEmpty else { return }
        if source.hasPrefix("data:") { return }
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            icons.append(source)
            return
        }
        media.append(Media(tag: node.tag, uri: source, caption: caption))
    }

    private mutating func readLink(_ node: HTMLNode) {
        if let inner = node.firstDescendant(where: { Self.mediaTags.contains($0.tag) }) {
            readMedia(inner, caption: nil)
            return
        }
        guard let href = node.attribute("href"), !href.isEmpty else {
            let text = node.normalizedText
            if !text.isEmpty { texts.append(text) }
            return
        }
        let text = node.normalizedText
        links.append(Link(href: href, text: text.isEmpty || text == href ? nil : text))
    }

    private mutating func readTable(_ table: HTMLNode) {
        var rows: [HTMLNode] = []
        func collectRows(_ node: HTMLNode) {
            for child in node.elements {
                if child.tag == "tr" {
                    rows.append(child)
                } else if child.tag != "table" {
                    collectRows(child)
                }
            }
        }
        collectRows(table)
        for row in rows {
            let cells = row.elements.filter { $0.tag == "td" || $0.tag == "th" }
            guard let labelCell = cells.first else { continue }
            if cells.count >= 2 {
                let label = labelCell.normalizedText
                let valueCell = cells[1]
                fields.append(
                    Field(
                        label: label, values: Self.values(in: valueCell),
                        href: valueCell.firstDescendant { $0.tag == "a" }?.attribute("href")
                            ?? (valueCell.tag == "a" ? valueCell.attribute("href") : nil)))
            } else {
                // One cell: the label is its own text, the value its nested blocks or link.
                let label = labelCell.children.filter { $0.kind == .text }.map(\.text).joined()
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let valueNodes = labelCell.elements
                let values = valueNodes.flatMap(Self.values(in:))
                let href = labelCell.firstDescendant { $0.tag == "a" }?.attribute("href")
                fields.append(Field(label: label, values: values, href: href))
            }
        }
    }

    /// The entries of a value cell: each innermost block's text, or the cell's lines.
    private static func values(in cell: HTMLNode) -> [String] {
        let blocks = cell.descendantElements.filter { element in
            element.tag == "div" && !element.elements.contains { $0.tag == "div" }
        }
        let texts = blocks.map(\.normalizedText).filter { !$0.isEmpty }
        if !texts.isEmpty { return texts }
        return cell.normalizedText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// "Updated Oct 11, 2023 8:02:51 pm" (Vietnamese "Cập nhật …"): an edit mark, not post text.
    static func isUpdateLine(_ text: String) -> Bool {
        for prefix in ["Updated ", "Cập nhật "] where text.hasPrefix(prefix) {
            if MetaHTMLDate.looksLikeDate(String(text.dropFirst(prefix.count))) { return true }
        }
        return false
    }
}
