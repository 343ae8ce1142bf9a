import Foundation

/// Finds the records of a Meta HTML page while libxml2 streams it past (the first read of a page,
/// see ``MetaHTMLFile``), keeping a few facts per block instead of the page's tree.
///
/// The rules are ``MetaHTMLPage``'s. They need, for each element, facts that can be worked out when
/// it closes from its children's: how many element children it has, whether it is a dated block
/// (its last part's text is shaped like a date, something comes before it), how many dated blocks
/// it holds, whether it is blank, whether an image is inside, whether it is a pagination bar. A
/// dated block's children are forgotten when it closes, since records are never looked for inside
/// one: what is kept grows with the number of records, not with the page. An element's text is
/// kept only while it is short enough to be a date.
final class MetaHTMLPageOutliner: HTMLEventHandler {
    /// The facts of one closed element.
    struct Block {
        var ordinal: Int
        var tag: String
        /// The tag and class (interned), which the records of one list share.
        var shape: Int
        var elementCount: Int
        var isDated: Bool
        var datedBlockCount: Int
        var datedChildCount: Int
        var isBlank: Bool
        /// Whether the element's text, normalised, is shaped like a date.
        var isDateShaped: Bool
        /// Whether an `<img>` is below the element (the element itself not counted).
        var hasImageInside: Bool
        /// `role="main"` or `<main>`.
        var isMain: Bool
        /// The links of a pagination bar, when the element is one.
        var paginationLinks: [String]?
        /// The element children; none once a dated block has closed.
        var children: [Block]

        var isHeading: Bool { MetaHTMLPage.headingTags.contains(tag) }
    }

    /// A piece of the text a reader sees (``HTMLNode/textContent``).
    private enum TextPiece {
        case text(String)
        case lineBreak
        case blockEnd
        case cellEnd
    }

    /// One open element.
    private struct Frame {
        var ordinal: Int
        var tag: String
        var shape: Int
        var isMain: Bool
        var children: [Block] = []
        /// Where the element's text pieces start in `pieces`, and the counts when it opened.
        var pieceIndex: Int
        var pieceStart: Int
        var textStart: Int
        var nonBlankStart: Int
        var imageStart: Int
        var linkStart: Int
        /// How many links that are not pagination had been seen when the element opened.
        var otherLinkStart: Int
        var containsMain = false
        /// The most text the element may hold and still be read (as a date, or a title).
        var textLimit: Int
    }

    /// More text than any date: an element holding more is not a date.
    private static let dateTextLimit = 2048

    private var stack: [Frame] = []
    private var root: Block?
    private var pieces: [TextPiece] = []
    private var pieceCount = 0
    private var textCount = 0
    private var nonBlankCount = 0
    private var imageCount = 0
    private var links: [String] = []
    private var otherLinkCount = 0
    /// Where the first `<head>` is on the stack while it is open, and whether `<title>` is open.
    private var headDepth: Int?
    private var isInTitle = false
    private var scriptDepth = 0
    private var shapes: [String: Int] = [:]
    private var mains: [(ordinal: Int, ancestors: [Int])] = []
    private var furniture: [(text: String, ancestors: [Int])] = []
    private var headOrdinal: Int?
    private var titleOrdinal: Int?
    private var titleText: String?

    // MARK: - Events

    func startElement(_ tag: String, attributes: [HTMLNode.Attribute], ordinal: Int) {
        if stack.count == 1, headOrdinal == nil, tag == "head" {
            headOrdinal = ordinal
            headDepth = stack.count
        }
        if titleOrdinal == nil, tag == "title", let headDepth, stack.count > headDepth {
            titleOrdinal = ordinal
            isInTitle = true
        }
        let role = attributes.first { $0.name.lowercased() == "role" }?.value
        let className = attributes.first { $0.name.lowercased() == "class" }?.value ?? ""
        let shapeKey = "\(tag).\(className)"
        let shape = shapes[shapeKey] ?? shapes.count
        shapes[shapeKey] = shape
        let isMain = role == "main" || tag == "main"
        if isMain { mains.append((ordinal, stack.map(\.ordinal))) }
        if tag == "img" { imageCount += 1 }
        var linkStart = links.count
        let otherLinkStart = otherLinkCount
        if tag == "a" {
            if let href = attributes.first(where: { $0.name.lowercased() == "href" })?.value,
                MetaHTMLPage.isPaginationLink(href)
            {
                links.append(href)
            } else {
                // No element around this link is a pagination bar any more.
                otherLinkCount += 1
                links.removeAll()
                linkStart = 0
            }
        }
        stack.append(
            Frame(
                ordinal: ordinal, tag: tag, shape: shape, isMain: isMain,
                pieceIndex: pieces.count, pieceStart: pieceCount, textStart: textCount,
                nonBlankStart: nonBlankCount, imageStart: imageCount, linkStart: linkStart,
                otherLinkStart: otherLinkStart,
                textLimit: tag == "title" ? .max : Self.dateTextLimit))
        if tag == "script" || tag == "style" { scriptDepth += 1 }
    }

    func endElement() {
        guard let frame = stack.last else { return }
        if frame.tag == "script" || frame.tag == "style" {
            scriptDepth -= 1
        } else if scriptDepth == 0 {
            if frame.tag == "br" {
                record(.lineBreak)
            } else if HTMLNode.blockElements.contains(frame.tag) {
                record(.blockEnd)
            } else if frame.tag == "td" || frame.tag == "th" {
                record(.cellEnd)
            }
        }
        stack.removeLast()
        if frame.ordinal == titleOrdinal { isInTitle = false }
        if let headDepth, stack.count == headDepth { self.headDepth = nil }
        let hasOtherLink = otherLinkCount > frame.otherLinkStart
        let ownText = isReadable(frame) ? text(from: frame.pieceIndex) : nil
        if frame.ordinal == titleOrdinal { titleText = HTMLNode.normalized(ownText ?? "") }
        let children = frame.children
        var isDated = false
        if children.count >= 2, let last = children.last, last.isDateShaped {
            isDated = children.dropLast().contains { !$0.isBlank || $0.elementCount > 0 }
        }
        let keepsChildren =
            !isDated || frame.isMain || frame.containsMain || frame.tag == "body"
            || frame.tag == "html" || stack.isEmpty
        let block = Block(
            ordinal: frame.ordinal, tag: frame.tag, shape: frame.shape,
            elementCount: children.count, isDated: isDated,
            datedBlockCount: isDated ? 1 : children.reduce(0) { $0 + $1.datedBlockCount },
            datedChildCount: children.count(where: \.isDated),
            isBlank: nonBlankCount == frame.nonBlankStart,
            isDateShaped: ownText.map { MetaHTMLDate.looksLikeDate(HTMLNode.normalized($0)) }
                ?? false,
            hasImageInside: imageCount > frame.imageStart, isMain: frame.isMain,
            paginationLinks: !hasOtherLink && links.count > frame.linkStart
                ? Array(links[frame.linkStart...]) : nil,
            children: keepsChildren ? children : [])
        guard let parent = stack.indices.last else {
            root = block
            pieces.removeAll()
            return
        }
        stack[parent].children.append(block)
        if frame.isMain || frame.containsMain { stack[parent].containsMain = true }
        // Text that no open element can still read is dropped, and so are links once every
        // element around them has another link.
        if !canRecord {
            pieces.removeSubrange(min(frame.pieceIndex, pieces.count)...)
        }
        if otherLinkCount > stack[parent].otherLinkStart {
            links.removeSubrange(min(frame.linkStart, links.count)...)
        }
    }

    func text(_ text: String, isCharacterData: Bool) {
        guard scriptDepth == 0, !stack.isEmpty else { return }
        if !text.allSatisfy(\.isWhitespace) {
            nonBlankCount += 1
            textCount += text.utf8.count
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if MetaHTMLPage.mayBeFurniture(trimmed) {
                furniture.append((trimmed, stack.map(\.ordinal)))
            }
        }
        record(.text(text))
    }

    // MARK: - The page

    /// The page the events described.
    func page() -> MetaHTMLPage {
        guard let root else {
            return MetaHTMLPage(
                title: nil, containerPath: "/html", records: [], furnitureTexts: [], pageLinks: [])
        }
        let rootPath = "/" + root.tag
        let bodyIndex = root.children.firstIndex { $0.tag == "body" }
        let body = bodyIndex.map { root.children[$0] } ?? root
        var container = body
        var containerPath =
            bodyIndex.map { rootPath + "/" + HTMLNode.steps(for: root.children.map(\.tag))[$0] }
            ?? rootPath
        if !body.isMain,
            let main = mains.first(where: {
                $0.ordinal != body.ordinal
                    && (body.ordinal == root.ordinal
                        || $0.ancestors.contains(body.ordinal))
            })
        {
            // Walk down to it: it is inside the child with the highest ordinal not above its own.
            while container.ordinal != main.ordinal,
                let index = container.children.lastIndex(where: { $0.ordinal <= main.ordinal })
            {
                containerPath += "/" + HTMLNode.steps(for: container.children.map(\.tag))[index]
                container = container.children[index]
            }
        }
        var links: [String] = []
        let found = Self.records(in: container, path: containerPath, pageLinks: &links)
        let recordOrdinals = Set(found.map(\.ordinal))
        let texts = furniture.filter { candidate in
            (body.ordinal == root.ordinal || candidate.ancestors.contains(body.ordinal))
                && !candidate.ancestors.contains(where: recordOrdinals.contains)
        }.map(\.text)
        return MetaHTMLPage(
            title: titleText.flatMap { $0.isEmpty ? nil : $0 }, containerPath: containerPath,
            records: found, furnitureTexts: texts, pageLinks: links)
    }

    /// The records of a list (``MetaHTMLPage``'s rules, on the blocks' facts).
    private static func records(in container: Block, path: String, pageLinks: inout [String])
        -> [MetaHTMLPage.RecordPlace]
    {
        // Unwrap single wrappers around a list of records.
        var list = container
        var listPath = path
        while list.children.count == 1, let only = list.children.first, !only.isDated {
            // A wrapper holds several dated blocks, or, on a page without dates, several blocks
            // of one shape (a list); a single record's parts differ from each other.
            let count = only.datedBlockCount
            let shapes = Set(only.children.map(\.shape))
            let isWrapper =
                count >= 2
                || (count == 0 && only.children.count >= 2 && shapes.count == 1
                    && !only.children.contains(where: \.isHeading))
            guard isWrapper else { break }
            listPath += "/" + only.tag
            list = only
        }
        var found: [(block: Block, place: MetaHTMLPage.RecordPlace)] = []
        let steps = HTMLNode.steps(for: list.children.map(\.tag))
        for (child, step) in zip(list.children, steps) {
            let childPath = listPath + "/" + step
            if let links = child.paginationLinks {
                pageLinks += links
                continue
            }
            if child.isBlank && !child.hasImageInside { continue }
            // A block that is itself a list of dated blocks (sender, text, date) is split.
            if !child.isDated && child.datedChildCount >= 2 {
                let inner = records(in: child, path: childPath, pageLinks: &pageLinks)
                found += inner.map { place in (Self.block(place.ordinal, in: child), place) }
            } else {
                found.append(
                    (child, MetaHTMLPage.RecordPlace(ordinal: child.ordinal, path: childPath)))
            }
        }
        // The fewest parts a dated record of each shape has.
        var datedParts: [Int: Int] = [:]
        for (block, _) in found where block.datedBlockCount > 0 {
            datedParts[block.shape] = min(datedParts[block.shape] ?? .max, block.elementCount)
        }
        // A page without any date (a followers list): every block that has some structure is a
        // record; bare text is not.
        guard !datedParts.isEmpty else {
            return found.filter { $0.block.elementCount > 0 }.map(\.place)
        }
        // An undated block of a record's shape is a record that lost its date, unless it has
        // fewer parts than the records (the old layout's "Participants: …" box).
        return found.filter { block, _ in
            block.datedBlockCount > 0
                || block.elementCount >= max(2, datedParts[block.shape] ?? .max)
        }.map(\.place)
    }

    /// The block with `ordinal` below `block`.
    private static func block(_ ordinal: Int, in block: Block) -> Block {
        var current = block
        while current.ordinal != ordinal,
            let next = current.children.last(where: { $0.ordinal <= ordinal })
        {
            current = next
        }
        return current
    }

    // MARK: - Text

    private func isReadable(_ frame: Frame) -> Bool {
        textCount - frame.textStart <= frame.textLimit
            && pieceCount - frame.pieceStart <= frame.textLimit
    }

    /// Whether an open element can still read its text: the innermost one, which holds the least
    /// (the others hold all it holds), or an open `<title>`, which is read whatever its length.
    private var canRecord: Bool {
        isInTitle || stack.last.map(isReadable) == true
    }

    private func record(_ piece: TextPiece) {
        pieceCount += 1
        guard canRecord else { return }
        pieces.append(piece)
    }

    /// The text a reader sees of the pieces from `index`, as ``HTMLNode/textContent`` builds it.
    private func text(from index: Int) -> String {
        var output = ""
        for piece in pieces[min(index, pieces.count)...] {
            switch piece {
            case .text(let text): output += text
            case .lineBreak: output += "\n"
            case .blockEnd:
                if !output.isEmpty, !output.hasSuffix("\n") { output += "\n" }
            case .cellEnd:
                if !output.isEmpty, !output.hasSuffix(" ") { output += " " }
            }
        }
        return output
    }
}
