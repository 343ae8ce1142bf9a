/// The DfE Unique Pupil Number (UPN): a check letter and twelve characters.
///
/// The twelve are the local authority code (3 digits), the school's establishment number (4),
/// the year of allocation (2) and a serial (3); a temporary UPN ends in a letter instead of the
/// last digit. The check letter is the sum of each of characters 2 to 13 times its position
/// (weights 2 to 13; a digit counts its own value, a letter its index in ``checkAlphabet``),
/// modulo 23, as a letter of ``checkAlphabet`` (no I, O or S).
public enum UniquePupilNumber {
    /// The 23 letters a check letter (or a temporary UPN's last character) may be.
    public static let checkAlphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// The check letter for the twelve characters that follow it, or `nil` when they are not
    /// eleven digits and a digit or letter of ``checkAlphabet``.
    public static func checkLetter(for body: String) -> Character? {
        let characters = Array(body)
        guard characters.count == 12 else { return nil }
        var total = 0
        for (offset, character) in characters.enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if offset == 11, let index = checkAlphabet.firstIndex(of: character) {
                value = index
            } else {
                return nil
            }
            total += value * (offset + 2)
        }
        return checkAlphabet[total % 23]
    }

    /// Whether `text` is a UPN with the right check letter ("G373247318101").
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.first, text.count == 13 else { return false }
        return checkLetter(for: String(text.dropFirst())) == first
    }
}
