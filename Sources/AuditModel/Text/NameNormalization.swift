import Foundation

/// Folds names to a comparable form: "Zoë O'Connor-Smith" and "zoe oconnor smith" compare equal.
///
/// Display names on social networks drop accents, apostrophes and hyphens, change case and add
/// emoji; rosters keep the legal spelling. Comparison therefore happens on folded tokens.
public enum NameNormalization {
    /// The name's tokens, lower-cased, without diacritics, apostrophes or punctuation.
    /// "Aoife O'Connor" → ["aoife", "oconnor"]; "Jean-Luc" → ["jean", "luc"].
    public static func tokens(_ name: String) -> [String] {
        let folded = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
            locale: Locale(identifier: "en_GB")
        )
        .replacingOccurrences(of: "ø", with: "o")
        .replacingOccurrences(of: "ł", with: "l")
        .replacingOccurrences(of: "æ", with: "ae")
        .replacingOccurrences(of: "ß", with: "ss")
        var tokens: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if apostrophes.contains(scalar) {
                continue  // O'Connor → oconnor
            }
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The tokens joined by single spaces: the key two spellings of one name share.
    public static func key(_ name: String) -> String {
        tokens(name).joined(separator: " ")
    }

    /// The name as a run of letters and digits only ("ollie.bennett_2013" → "olliebennett2013"),
    /// for comparing handles.
    public static func compact(_ text: String) -> String {
        tokens(text).joined()
    }

    /// Whether the name differs from `other` only in accents, case, apostrophes or spacing.
    public static func differsOnlyInAccents(_ name: String, _ other: String) -> Bool {
        key(name) == key(other) && name != other
    }

    private static let apostrophes: Set<Unicode.Scalar> = [
        "'", "\u{2019}", "\u{2018}", "`", "\u{00B4}",
    ]
}
