import Foundation

extension Pupil {
    /// The year group as a reader expects it: "Year 6" for "6" or "Y6", "Reception" for "R".
    ///
    /// `nil` when the roster gives no year group; any other text is kept as written.
    public var yearLabel: String? {
        guard let raw = yearGroup?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            return nil
        }
        let lowered = raw.lowercased()
        if ["r", "rec", "reception", "yr"].contains(lowered) { return "Reception" }
        if ["n", "nur", "nursery"].contains(lowered) { return "Nursery" }
        var digits = Substring(lowered)
        for prefix in ["year", "yr", "y"] where digits.hasPrefix(prefix) {
            digits = digits.dropFirst(prefix.count)
            break
        }
        let number = digits.trimmingCharacters(in: .whitespaces)
        if !number.isEmpty, number.allSatisfy(\.isNumber) { return "Year \(number)" }
        return raw
    }

    /// The pupil's roster details in a few words, for match explanations.
    ///
    /// "Year 6 on the roster, on roll since 5 September 2018", or "Year 6 on the roster, on roll
    /// from 6 September 2012 to 19 July 2019". The year group is the roster's (today's, or on leaving), not the one at
    /// the time of an interaction.
    public var rosterSummary: String {
        var parts: [String] = []
        if let yearLabel { parts.append("\(yearLabel) on the roster") }
        switch (admissionDate, leavingDate) {
        case (let admitted?, let left?):
            parts.append("on roll from \(admitted.dayMonthYear) to \(left.dayMonthYear)")
        case (let admitted?, nil):
            parts.append("on roll since \(admitted.dayMonthYear)")
        case (nil, let left?):
            parts.append("left on \(left.dayMonthYear)")
        case (nil, nil):
            parts.append("on roll (no admission date on the roster)")
        }
        return parts.joined(separator: ", ")
    }
}
