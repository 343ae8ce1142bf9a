import Foundation

/// The elements of a top-level JSON array found in bytes that arrive in pieces, so that a large
/// file is split into records without being held whole.
///
/// It finds what ``JSONSourceIndex/topLevelElementRanges()`` finds in the whole document, with
/// the same scanning (strings skipped, brackets counted, elements themselves not checked), and
/// is stricter where that scan is lax: a bare value (number, `true` …) holding a quote or a
/// bracket, or ended by `}`, makes the array not well-formed here. Whoever uses it falls back to
/// reading the document whole when ``isWellFormed`` is false, so strictness costs memory only on
/// damaged files, never a different result.
///
/// After the array's closing bracket only whitespace and `;` may follow (X's data files end
/// `];` and a newline, which ``TwitterScript`` strips).
struct JSONArrayStream {
    private enum State {
        /// Before the opening bracket.
        case beforeArray
        /// Just after the opening bracket: an element or the closing bracket.
        case firstElement
        /// After a comma: an element.
        case element
        /// Inside an object or array element, `depth` brackets deep.
        case container
        /// Inside a string element.
        case string
        /// Inside a bare value (number, `true`, `false`, `null`).
        case bare
        /// After an element: a comma or the closing bracket.
        case afterElement
        /// After the closing bracket.
        case afterArray
        /// Not a well-formed array; nothing more is found.
        case malformed
    }

    /// Whether each element's bytes are handed over (false: only counted, and handed over
    /// empty); may change between pieces.
    var keepsElements: Bool {
        // An element begun while kept and finished after is handed over empty: drop its bytes.
        didSet { if !keepsElements { pending = Data() } }
    }
    private var state = State.beforeArray
    private var depth = 0
    private var isInString = false
    private var isEscaped = false
    /// The bytes of the element being read that came in earlier pieces.
    private var pending = Data()
    /// How many elements were found.
    private(set) var count = 0

    /// - Parameter keepsElements: hand each element's bytes to the caller of ``consume(_:_:)``;
    ///   when false, elements are only counted (and handed over empty).
    init(keepsElements: Bool) {
        self.keepsElements = keepsElements
    }

    /// Whether everything consumed so far is a complete, well-formed array (call once the last
    /// piece is consumed).
    var isWellFormed: Bool {
        if case .afterArray = state { return true }
        return false
    }

    /// Whether the bytes consumed so far are not a well-formed array, whatever follows.
    var isMalformed: Bool {
        if case .malformed = state { return true }
        return false
    }

    /// Reads the next piece of the document, handing each element completed in it to `element`
    /// with its bytes exactly as the document writes them.
    /// - Throws: what `element` throws.
    mutating func consume(_ piece: Data, _ element: (Data) throws -> Void) rethrows {
        try piece.withUnsafeBytes { buffer in
            // Where the element in progress starts in this piece (0 when it began earlier).
            var elementStart: Int? = isInElement ? 0 : nil
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                switch state {
                case .beforeArray:
                    if byte == JSONByte.openBracket {
                        state = .firstElement
                    } else if !JSONByte.isSpace(byte) {
                        state = .malformed
                    }
                case .firstElement, .element:
                    if JSONByte.isSpace(byte) { break }
                    if byte == JSONByte.closeBracket, case .firstElement = state {
                        state = .afterArray
                        break
                    }
                    elementStart = index
                    switch byte {
                    case JSONByte.openBrace, JSONByte.openBracket:
                        state = .container
                        depth = 1
                        isInString = false
                        isEscaped = false
                    case JSONByte.quote:
                        state = .string
                        isEscaped = false
                    case JSONByte.comma, JSONByte.closeBrace, JSONByte.closeBracket:
                        state = .malformed
                    default:
                        state = .bare
                    }
                case .container:
                    if isEscaped {
                        isEscaped = false
                    } else if isInString {
                        if byte == JSONByte.backslash {
                            isEscaped = true
                        } else if byte == JSONByte.quote {
                            isInString = false
                        }
                    } else if byte == JSONByte.quote {
                        isInString = true
                    } else if byte == JSONByte.openBrace || byte == JSONByte.openBracket {
                        depth += 1
                    } else if byte == JSONByte.closeBrace || byte == JSONByte.closeBracket {
                        depth -= 1
                        if depth == 0 {
                            try finishElement(
                                buffer, from: elementStart ?? 0, to: index + 1, element)
                            elementStart = nil
                        }
                    }
                case .string:
                    if isEscaped {
                        isEscaped = false
                    } else if byte == JSONByte.backslash {
                        isEscaped = true
                    } else if byte == JSONByte.quote {
                        try finishElement(buffer, from: elementStart ?? 0, to: index + 1, element)
                        elementStart = nil
                    }
                case .bare:
                    if byte == JSONByte.comma || byte == JSONByte.closeBracket
                        || JSONByte.isSpace(byte)
                    {
                        try finishElement(buffer, from: elementStart ?? 0, to: index, element)
                        elementStart = nil
                        continue  // the byte ends the value and is read again after it
                    }
                    if byte == JSONByte.quote || byte == JSONByte.openBrace
                        || byte == JSONByte.openBracket
                        || byte == JSONByte.closeBrace
                    {
                        state = .malformed
                    }
                case .afterElement:
                    if byte == JSONByte.comma {
                        state = .element
                    } else if byte == JSONByte.closeBracket {
                        state = .afterArray
                    } else if !JSONByte.isSpace(byte) {
                        state = .malformed
                    }
                case .afterArray:
                    if !JSONByte.isSpace(byte) && byte != JSONByte.semicolon { state = .malformed }
                case .malformed:
                    return
                }
                index += 1
            }
            if keepsElements, let start = elementStart, isInElement {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
            }
        }
    }

    /// Whether an element is being read.
    private var isInElement: Bool {
        switch state {
        case .container, .string, .bare: true
        default: false
        }
    }

    /// Hands over the element ending at `end` in this piece (its start earlier in the piece, or
    /// in earlier pieces).
    private mutating func finishElement(
        _ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int,
        _ element: (Data) throws -> Void
    ) rethrows {
        state = .afterElement
        count += 1
        guard keepsElements else { return try element(Data()) }
        var bytes = pending
        pending = Data()
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
        try element(bytes)
    }
}
