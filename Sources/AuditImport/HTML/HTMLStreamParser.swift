import CLibXML2
import Foundation

/// What an ``HTMLStreamParser`` hands on as it reads a page: the events from which libxml2 would
/// build its tree, in document order, without the tree.
///
/// Text comes as whole text nodes (the runs libxml2's tree would hold: adjacent character data
/// joined, a comment or processing instruction ending a run), with entities decoded. Element and
/// attribute names are lower case, attributes in source order; an attribute written without a
/// value has the empty value, or its own name for HTML's boolean attributes (`checked`), as in
/// libxml2's tree.
///
/// Only the document's root element (`<html>`) and what is inside it are reported, as
/// ``HTMLDocument`` keeps only that; each element comes with its ordinal, its place in document
/// order counting from the root's 0, which is the same on every read of the same bytes.
protocol HTMLEventHandler: AnyObject {
    func startElement(_ tag: String, attributes: [HTMLNode.Attribute], ordinal: Int)
    func endElement()
    /// A text node; `isCharacterData` for the contents of `<script>` and `<style>`.
    func text(_ text: String, isCharacterData: Bool)
}

/// Reads an HTML page with libxml2's SAX parser, in pieces, so that memory does not grow with the
/// page: the streaming counterpart of ``HTMLDocument``, with the same parser, options and errors.
///
/// The parser is libxml2's own document parser (`htmlCtxtReadIO`), so it recovers from damaged
/// markup exactly as ``HTMLDocument`` does and reports the same last complaint; only the callbacks
/// that would build the tree are replaced by the handler's.
enum HTMLStreamParser {
    /// Reads `data` and hands each event to `handler`.
    /// - Parameters:
    ///   - file: the page's path inside the archive, for error messages.
    /// - Returns: libxml2's last error on a page it recovered from, as ``HTMLDocument/recoveredError``.
    /// - Throws: what ``HTMLDocument/init(data:file:)`` throws for the same bytes.
    @discardableResult
    static func parse(_ data: Data, file: String, into handler: any HTMLEventHandler) throws
        -> String?
    {
        try HTMLDocument.checkReadable(data, file: file)
        guard let context = htmlNewParserCtxt() else {
            throw ImportError.invalidFile(
                file, locator: "", reason: "not readable as HTML: libxml2 could not start")
        }
        defer { htmlFreeParserCtxt(context) }
        let reading = Reading(data: data, handler: handler)
        let box = Unmanaged.passRetained(reading)
        defer { box.release() }
        context.pointee._private = box.toOpaque()
        installCallbacks(in: context)

        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        xmlResetLastError()
        let document = htmlCtxtReadIO(
            context,
            { context, buffer, length in
                guard let context, let buffer else { return -1 }
                let reading = Unmanaged<Reading>.fromOpaque(context).takeUnretainedValue()
                return reading.read(into: buffer, length: Int(length))
            }, nil, box.toOpaque(), nil, "UTF-8", options)
        reading.flushText()
        if reading.isHalted {
            // libxml2's tree is complete at the element it refused: close what is open.
            for _ in 0..<reading.depth { handler.endElement() }
        }
        let lastError = reading.haltError ?? HTMLDocument.lastError()
        guard let document else {
            let error = lastError ?? (reason: "libxml2 produced no document", line: nil)
            throw ImportError.invalidFile(
                file, locator: error.line.map { "line \($0)" } ?? "",
                reason: "not readable as HTML: \(error.reason)")
        }
        xmlFreeDoc(document)
        return lastError.map { error in
            error.line.map { "\(error.reason) (line \($0))" } ?? error.reason
        }
    }

    /// The state of one read: the bytes, where the parser is in them, the text not yet handed on.
    final class Reading {
        let data: Data
        let handler: any HTMLEventHandler
        var offset = 0
        /// Character data of the current text node, and whether it is `<script>`/`<style>` data.
        var pendingText: [UInt8] = []
        var pendingIsCharacterData = false
        /// How deep the parser is in the root element (text outside it is dropped, as libxml2's
        /// tree drops text outside every element and ``HTMLDocument`` keeps only the root).
        var depth = 0
        /// Elements after the root, which are left out, and how deep the parser is in one.
        var isPastRoot = false
        var ignoredDepth = 0
        var nextOrdinal = 0
        /// Whether the parser was stopped where libxml2's tree builder stops it (an element
        /// nested deeper than it allows), and the error it records then.
        var isHalted = false
        var haltError: (reason: String, line: Int?)?

        init(data: Data, handler: any HTMLEventHandler) {
            self.data = data
            self.handler = handler
        }

        func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
            let count = min(length, data.count - offset, 1 << 16)
            guard count > 0 else { return 0 }
            data.withUnsafeBytes { bytes in
                // Not empty (count > 0 above), so it has an address.
                guard let base = bytes.baseAddress else { return }
                UnsafeMutableRawPointer(buffer).copyMemory(
                    from: base.advanced(by: offset), byteCount: count)
            }
            offset += count
            return Int32(count)
        }

        func append(_ bytes: UnsafePointer<xmlChar>, count: Int, isCharacterData: Bool) {
            guard depth > 0, !isHalted, ignoredDepth == 0, count > 0 else { return }
            if isCharacterData != pendingIsCharacterData { flushText() }
            pendingIsCharacterData = isCharacterData
            pendingText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }

        func flushText() {
            guard !pendingText.isEmpty else { return }
            let text = String(decoding: pendingText, as: UTF8.self)
            pendingText.removeAll(keepingCapacity: true)
            handler.text(text, isCharacterData: pendingIsCharacterData)
        }
    }

    // MARK: - Callbacks

    /// How deep libxml2's tree builder nests elements (`xmlParserMaxDepth`) before it refuses one.
    static let maximumDepth = 256

    private static func reading(_ context: UnsafeMutableRawPointer?) -> Reading? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let box = parser.pointee._private else { return nil }
        return Unmanaged<Reading>.fromOpaque(box).takeUnretainedValue()
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        String(cString: pointer)
    }

    /// Replaces the callbacks that would build libxml2's tree; the others (document start, DOCTYPE)
    /// stay libxml2's own, so that the parser behaves as it does for ``HTMLDocument``.
    private static func installCallbacks(in context: htmlParserCtxtPtr) {
        guard let handler = context.pointee.sax else { return }
        handler.pointee.startElement = { context, name, attributes in
            guard let reading = HTMLStreamParser.reading(context), let name, !reading.isHalted
            else { return }
            reading.flushText()
            if reading.ignoredDepth == 0, reading.depth > HTMLStreamParser.maximumDepth {
                // libxml2's tree builder refuses an element this deep and halts the parser.
                reading.isHalted = true
                let line = Int(xmlSAX2GetLineNumber(context))
                reading.haltError = (
                    "Excessive depth in document: \(HTMLStreamParser.maximumDepth) use XML_PARSE_HUGE option",
                    line > 0 ? line : nil
                )
                if let context {
                    xmlStopParser(context.assumingMemoryBound(to: xmlParserCtxt.self))
                }
                return
            }
            var list: [HTMLNode.Attribute] = []
            if var pointer = attributes {
                while let attributeName = pointer.pointee {
                    let value = pointer.advanced(by: 1).pointee
                    let nameText = HTMLStreamParser.string(attributeName)
                    let valueText: String
                    if let value {
                        valueText = HTMLStreamParser.string(value)
                    } else {
                        valueText = htmlIsBooleanAttr(attributeName) != 0 ? nameText : ""
                    }
                    list.append(HTMLNode.Attribute(name: nameText, value: valueText))
                    pointer = pointer.advanced(by: 2)
                }
            }
            if reading.ignoredDepth > 0 || (reading.depth == 0 && reading.isPastRoot) {
                reading.ignoredDepth += 1
                return
            }
            reading.depth += 1
            let ordinal = reading.nextOrdinal
            reading.nextOrdinal += 1
            reading.handler.startElement(
                HTMLStreamParser.string(name).lowercased(), attributes: list, ordinal: ordinal)
        }
        handler.pointee.endElement = { context, _ in
            guard let reading = HTMLStreamParser.reading(context), !reading.isHalted else { return }
            if reading.ignoredDepth > 0 {
                reading.ignoredDepth -= 1
                return
            }
            guard reading.depth > 0 else { return }
            reading.flushText()
            reading.depth -= 1
            if reading.depth == 0 { reading.isPastRoot = true }
            reading.handler.endElement()
        }
        handler.pointee.characters = { context, characters, length in
            guard let reading = HTMLStreamParser.reading(context), let characters else { return }
            reading.append(characters, count: Int(length), isCharacterData: false)
        }
        handler.pointee.cdataBlock = { context, characters, length in
            guard let reading = HTMLStreamParser.reading(context), let characters else { return }
            reading.append(characters, count: Int(length), isCharacterData: true)
        }
        handler.pointee.comment = { context, _ in
            HTMLStreamParser.reading(context)?.flushText()
        }
        handler.pointee.processingInstruction = { context, _, _ in
            HTMLStreamParser.reading(context)?.flushText()
        }
    }
}
