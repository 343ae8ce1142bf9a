extension String {
    /// The text without trailing full stops and spaces, for embedding a system message (which
    /// usually ends in ".") inside a sentence of our own.
    package var clause: String {
        var text = self
        while let last = text.last, last == "." || last == " " { text.removeLast() }
        return text
    }
}
