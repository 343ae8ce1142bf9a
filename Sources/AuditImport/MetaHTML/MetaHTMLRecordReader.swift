import Foundation

/// Reads the records of a Meta HTML page one at a time, on a second or third pass over the page:
/// each record's element is copied into Swift values (``HTMLNode``, with the element paths the
/// whole page's tree would give them) as it closes, handed on, and let go.
final class MetaHTMLRecordReader: HTMLEventHandler {
    /// An element being copied.
    private final class Element {
        let tag: String
        let attributes: [HTMLNode.Attribute]
        var children: [Child] = []

        init(tag: String, attributes: [HTMLNode.Attribute]) {
            self.tag = tag
            self.attributes = attributes
        }

        enum Child {
            case element(Element)
            case text(String)
        }

        /// The element as an ``HTMLNode`` at `path`.
        func node(path: String) -> HTMLNode {
            let tags = children.compactMap { child -> String? in
                if case .element(let element) = child { return element.tag }
                return nil
            }
            var steps = HTMLNode.steps(for: tags)[...]
            let nodes = children.map { child -> HTMLNode in
                switch child {
                case .element(let element):
                    return element.node(path: path + "/" + (steps.popFirst() ?? element.tag))
                case .text(let text):
                    return HTMLNode(text: text, path: path + "/text()")
                }
            }
            return HTMLNode(tag: tag, attributes: attributes, children: nodes, path: path)
        }
    }

    private let places: [MetaHTMLPage.RecordPlace]
    private let receive: (MetaHTMLRecord) throws -> Void
    private var next = 0
    private var open: [Element] = []
    /// What `receive` threw; the rest of the page is then passed over.
    private(set) var failure: (any Error)?

    private init(
        places: [MetaHTMLPage.RecordPlace], receive: @escaping (MetaHTMLRecord) throws -> Void
    ) {
        self.places = places
        self.receive = receive
    }

    /// Reads the records at `places` of the page `data`, in page order.
    /// - Throws: what `body` throws, or what ``HTMLStreamParser`` throws for the bytes.
    static func forEachRecord(
        at places: [MetaHTMLPage.RecordPlace], in data: Data, file: String,
        _ body: (MetaHTMLRecord) throws -> Void
    ) throws {
        guard !places.isEmpty else { return }
        try withoutActuallyEscaping(body) { receive in
            let reader = MetaHTMLRecordReader(places: places, receive: receive)
            try HTMLStreamParser.parse(data, file: file, into: reader)
            if let failure = reader.failure { throw failure }
        }
    }

    func startElement(_ tag: String, attributes: [HTMLNode.Attribute], ordinal: Int) {
        if open.isEmpty {
            guard failure == nil, next < places.count, places[next].ordinal == ordinal else {
                return
            }
        }
        let element = Element(tag: tag, attributes: attributes)
        open.last?.children.append(.element(element))
        open.append(element)
    }

    func endElement() {
        guard let element = open.popLast(), open.isEmpty else { return }
        let place = places[next]
        next += 1
        do {
            try receive(MetaHTMLRecord(node: element.node(path: place.path)))
        } catch {
            failure = error
        }
    }

    func text(_ text: String, isCharacterData: Bool) {
        open.last?.children.append(.text(text))
    }
}
