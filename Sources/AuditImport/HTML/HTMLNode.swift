/// One node of a parsed HTML page, copied out of libxml2 into plain Swift values.
///
/// ``HTMLDocument`` builds the whole tree once; importers then query it without touching any
/// pointer. Elements keep their tag (lower case), attributes in source order, children and an
/// element path (`/html/body/div[2]/div[3]`) that cites them in evidence. Text nodes keep their
/// text with entities already decoded. Comments and processing instructions are left out.
public struct HTMLNode: Sendable, Hashable {
    /// Whether the node is an element or a run of text.
    public enum Kind: Sendable, Hashable {
        case element
        case text
    }

    /// One attribute of an element, as written.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var kind: Kind
    /// The tag name in lower case ("div"); "#text" for text.
    public var tag: String
    public var attributes: [Attribute]
    /// The text of a text node; "" for elements (see ``textContent``).
    public var text: String
    public var children: [HTMLNode]
    /// The element path in XPath form, with a position only where a tag repeats among siblings
    /// (`/html/body/div/div[3]`); a text node has its parent's path followed by `/text()`.
    public var path: String

    /// Creates an element.
    public init(tag: String, attributes: [Attribute] = [], children: [HTMLNode] = [], path: String)
    {
        kind = .element
        self.tag = tag
        self.attributes = attributes
        text = ""
        self.children = children
        self.path = path
    }

    /// Creates a text node.
    public init(text: String, path: String) {
        kind = .text
        tag = "#text"
        attributes = []
        self.text = text
        children = []
        self.path = path
    }

    // MARK: - Queries

    /// The element children, in order.
    public var elements: [HTMLNode] { children.filter { $0.kind == .element } }

    /// The value of an attribute, if present (names compared without case).
    public func attribute(_ name: String) -> String? {
        let lowered = name.lowercased()
        return attributes.first { $0.name.lowercased() == lowered }?.value
    }

    /// The names in the `class` attribute.
    public var classes: [String] {
        (attribute("class") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Whether the `class` attribute lists `name`.
    public func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// Every element below this node, in document order (this node excluded).
    public var descendantElements: [HTMLNode] {
        var result: [HTMLNode] = []
        func visit(_ node: HTMLNode) {
            for child in node.children where child.kind == .element {
                result.append(child)
                visit(child)
            }
        }
        visit(self)
        return result
    }

    /// The first element below this node, in document order, that satisfies `predicate`.
    public func firstDescendant(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        for child in children where child.kind == .element {
            if predicate(child) { return child }
            if let found = child.firstDescendant(where: predicate) { return found }
        }
        return nil
    }

    /// The steps of an element path for children with these tags (`div[2]`): a position only for
    /// a tag that repeats among them, as `xmlGetNodePath` writes it.
    static func steps(for tags: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for tag in tags { counts[tag, default: 0] += 1 }
        var seen: [String: Int] = [:]
        return tags.map { tag in
            seen[tag, default: 0] += 1
            return (counts[tag] ?? 0) > 1 ? "\(tag)[\(seen[tag] ?? 1)]" : tag
        }
    }

    /// The text a reader sees: all text below the node, `<br>` and the end of a block
    /// (`<div>`, `<p>`, a table row …) as a line break, table cells apart by a space, the contents
    /// of `<script>` and `<style>` left out.
    public var textContent: String {
        var output = ""
        appendText(to: &output)
        return output
    }

    private func appendText(to output: inout String) {
        switch kind {
        case .text:
            output += text
        case .element:
            if tag == "br" {
                output += "\n"
                return
            }
            if tag == "script" || tag == "style" { return }
            for child in children { child.appendText(to: &output) }
            if Self.blockElements.contains(tag), !output.isEmpty, !output.hasSuffix("\n") {
                output += "\n"
            } else if tag == "td" || tag == "th", !output.isEmpty, !output.hasSuffix(" ") {
                output += " "
            }
        }
    }

    /// Elements after which text continues on a new line.
    static let blockElements: Set<String> = [
        "div", "p", "section", "article", "header", "footer", "main", "table", "tr", "ul", "ol",
        "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    ]

    /// ``textContent`` with runs of spaces and tabs collapsed, each line trimmed, and empty lines
    /// at either end removed; line breaks inside the text are kept.
    public var normalizedText: String { Self.normalized(textContent) }

    /// A ``textContent`` normalised as ``normalizedText`` is.
    static func normalized(_ textContent: String) -> String {
        let lines = textContent.split(separator: "\n", omittingEmptySubsequences: false).map {
            line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
                .joined(separator: " ")
        }
        var trimmed = lines[...]
        while let first = trimmed.first, first.isEmpty { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last.isEmpty { trimmed = trimmed.dropLast() }
        return trimmed.joined(separator: "\n")
    }

    /// Whether the node holds no visible text (only whitespace).
    public var isBlank: Bool {
        textContent.allSatisfy { $0.isWhitespace }
    }

    // MARK: - Serialization

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ]

    /// The node written back as HTML, as the parser understood it: what a reviewer is shown as
    /// the source of an item.
    public var outerHTML: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch kind {
        case .text:
            output += Self.escape(text, quotes: false)
        case .element:
            output += "<" + tag
            for attribute in attributes {
                output += " \(attribute.name)=\"\(Self.escape(attribute.value, quotes: true))\""
            }
            output += ">"
            if Self.voidElements.contains(tag) { return }
            for child in children { child.write(to: &output) }
            output += "</\(tag)>"
        }
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
