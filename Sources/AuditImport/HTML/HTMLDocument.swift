import CLibXML2
import Foundation

/// An HTML page parsed by libxml2, with its tree copied into Swift values (``HTMLNode``).
///
/// This is the only type that touches libxml2 pointers. It owns the parsed document and frees it
/// when it goes away. Parsing is forgiving, as browsers are
/// (`HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET`): a
/// damaged page still gives whatever libxml2 could recover, and ``recoveredError`` keeps the
/// parser's last complaint so a page that yields nothing can say why. Nothing is fetched from the
/// network. Pages are read as UTF-8, which every Meta HTML export declares.
public final class HTMLDocument {
    /// The root element (`<html>`), as Swift values.
    public let root: HTMLNode
    /// The parser's last error on a page it recovered from ("Unexpected end tag : div at line
    /// 3"), or nil when the page parsed cleanly.
    public let recoveredError: String?

    private let document: htmlDocPtr

    /// Parses a page.
    /// - Parameters:
    ///   - data: the page's bytes.
    ///   - file: the page's path inside the archive, for error messages.
    /// - Throws: ``ImportError/invalidFile(_:locator:reason:)`` when libxml2 produces no document
    ///   at all (an empty file, or bytes it cannot read as HTML), with libxml2's own words.
    public init(data: Data, file: String) throws {
        try Self.checkReadable(data, file: file)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        xmlResetLastError()
        let parsed: htmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else {
                return nil
            }
            return htmlReadMemory(base, Int32(buffer.count), nil, "UTF-8", options)
        }
        let lastError = Self.lastError()
        guard let parsed else {
            let error = lastError ?? (reason: "libxml2 produced no document", line: nil)
            throw ImportError.invalidFile(
                file, locator: error.line.map { "line \($0)" } ?? "",
                reason: "not readable as HTML: \(error.reason)")
        }
        document = parsed
        recoveredError = lastError.map { error in
            error.line.map { "\(error.reason) (line \($0))" } ?? error.reason
        }
        if let element = xmlDocGetRootElement(parsed) {
            root = Self.snapshot(element, path: "/" + Self.name(of: element))
        } else {
            root = HTMLNode(tag: "html", path: "/html")
        }
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The text of the page's `<title>`, normalised, or nil when it has none or it is empty.
    public var title: String? {
        let head = root.elements.first { $0.tag == "head" }
        let text = head?.firstDescendant { $0.tag == "title" }?.normalizedText ?? ""
        return text.isEmpty ? nil : text
    }

    /// The `<body>` element, or the root when the page has none.
    public var body: HTMLNode {
        root.elements.first { $0.tag == "body" } ?? root
    }

    // MARK: - Private

    /// Refuses what libxml2 cannot read (an empty file, a page over 2 GB) and readies the parser.
    /// - Throws: ``ImportError/invalidFile(_:locator:reason:)`` saying which.
    static func checkReadable(_ data: Data, file: String) throws {
        guard !data.isEmpty else {
            throw ImportError.invalidFile(file, locator: "", reason: "the file is empty")
        }
        guard data.count < Int(Int32.max) else {
            throw ImportError.invalidFile(
                file, locator: "", reason: "the page is larger than 2 GB, which libxml2 cannot read"
            )
        }
        initializeParser()
    }

    /// libxml2 asks that the parser be initialised once before it is used from several threads.
    private static let parserInitialization: Void = { xmlInitParser() }()

    static func initializeParser() { _ = parserInitialization }

    /// libxml2's last error on this thread: its message without the trailing newline, and line.
    static func lastError() -> (reason: String, line: Int?)? {
        guard let error = xmlGetLastError() else { return nil }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let line = error.pointee.line > 0 ? Int(error.pointee.line) : nil
        return (trimmed.isEmpty ? "unknown error" : trimmed, line)
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// Copies an element and everything below it.
    private static func snapshot(_ element: xmlNodePtr, path: String) -> HTMLNode {
        var attributes: [HTMLNode.Attribute] = []
        var attribute = element.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            // The value is the attribute's text children (the parser has decoded entities).
            var value = ""
            var part = current.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            attributes.append(HTMLNode.Attribute(name: name, value: value))
            attribute = current.pointee.next
        }

        // Positions are given only to tags that repeat among the siblings, as xmlGetNodePath does.
        var tagCounts: [String: Int] = [:]
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                tagCounts[name(of: current), default: 0] += 1
            }
            child = current.pointee.next
        }
        var seen: [String: Int] = [:]
        var children: [HTMLNode] = []
        child = element.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = name(of: current)
                seen[tag, default: 0] += 1
                let step = (tagCounts[tag] ?? 0) > 1 ? "\(tag)[\(seen[tag] ?? 1)]" : tag
                children.append(snapshot(current, path: path + "/" + step))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    children.append(
                        HTMLNode(text: String(cString: content), path: path + "/text()"))
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return HTMLNode(
            tag: name(of: element), attributes: attributes, children: children, path: path)
    }
}
