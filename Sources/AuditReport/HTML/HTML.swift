import AuditAnalysis

/// Text made safe for HTML, and the few markup patterns evidence pages repeat.
///
/// Every piece of data that reaches a page goes through ``escape(_:)``; markup is only ever
/// literal text in this module.
public enum HTML {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in element content and
    /// in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// The excerpt escaped, with each highlighted span wrapped in `<mark title="label">`.
    ///
    /// Spans are counted in `Character`s, as ``TextSpan`` defines them. Overlapping spans are
    /// merged (their labels joined); spans reaching past the end are cut at the end.
    static func highlighted(_ excerpt: String, spans: [TextSpan]) -> String {
        let characters = Array(excerpt)
        var merged: [(start: Int, end: Int, labels: [String])] = []
        let clamped = spans.compactMap { span -> (Int, Int, String)? in
            let start = max(0, min(span.start, characters.count))
            let end = max(start, min(span.start + max(0, span.length), characters.count))
            return end > start ? (start, end, span.label) : nil
        }
        for (start, end, label) in clamped.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            if let last = merged.last, start < last.end {
                merged[merged.count - 1].end = max(last.end, end)
                if !last.labels.contains(label) { merged[merged.count - 1].labels.append(label) }
            } else {
                merged.append((start, end, [label]))
            }
        }
        var result = ""
        var position = 0
        for span in merged {
            result += escape(String(characters[position..<span.start]))
            result += "<mark title=\"\(escape(span.labels.joined(separator: "; ")))\">"
            result += escape(String(characters[span.start..<span.end])) + "</mark>"
            position = span.end
        }
        return result + escape(String(characters[position...]))
    }

    /// A two-column table of labels and already-escaped HTML values; rows with nil are left out.
    static func facts(_ rows: [(label: String, html: String?)]) -> String {
        var result = "<table class=\"facts\">\n"
        for row in rows {
            guard let html = row.html else { continue }
            result += "<tr><th scope=\"row\">\(escape(row.label))</th><td>\(html)</td></tr>\n"
        }
        return result + "</table>\n"
    }

    /// A complete, self-contained page: no external style sheet, script, font or image.
    ///
    /// When printed, every page carries `printLabel` at the bottom left and "Page X of Y" at the
    /// bottom right (CSS paged-media margin boxes, which Chromium's print-to-PDF honours).
    static func page(title: String, body: String, printLabel: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(EvidenceStyle.css)
        @page { @bottom-left { content: \(cssString(printLabel)); } }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Text as a quoted CSS string, safe inside a `<style>` element.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "<", ">", "&", "\n", "\r":
                result += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
