/// Whether a chat file writes the day or the month first (`03/04/2024`).
///
/// WhatsApp writes dates in the phone's locale and never says which; the order is decided from
/// the whole file (FORMATS.md §4): a first number above 12 makes the file day-first, a second
/// number above 12 month-first. See ``WhatsAppDateOrderDecision``.
enum WhatsAppDateOrder: Equatable, Sendable, CustomStringConvertible {
    case dayFirst, monthFirst

    /// "day-first" or "month-first".
    var description: String {
        switch self {
        case .dayFirst: "day-first"
        case .monthFirst: "month-first"
        }
    }
}

/// The date order of one chat file and what it rests on.
struct WhatsAppDateOrderDecision: Equatable, Sendable {
    /// How sure the decision is.
    enum Basis: Equatable, Sendable {
        /// No date depends on the order (all year-first, or day equal to month).
        case irrelevant
        /// A date in the file can only be read this way; the line that shows it.
        case decided(line: Int)
        /// No date shows the order; the UK order (day first) was assumed.
        case undecidable(datesDependingOnOrder: Int)
        /// Some dates can only be day-first and others only month-first.
        case conflicting(dayFirstLine: Int, monthFirstLine: Int)
    }

    var order: WhatsAppDateOrder
    var basis: Basis

    /// Whether a date that reads differently either way is uncertain under this decision.
    var isAssumed: Bool {
        switch basis {
        case .irrelevant, .decided: false
        case .undecidable, .conflicting: true
        }
    }

    /// Decides the order from every header of a file.
    /// - Parameter headers: each header with its 1-based line number.
    /// - Returns: the order, and the line that shows it or why it is assumed.
    static func decide(_ headers: [(line: Int, header: WhatsAppHeader)])
        -> WhatsAppDateOrderDecision
    {
        var dayFirstLine: Int?
        var monthFirstLine: Int?
        var dependent = 0
        var dayFirstCount = 0
        var monthFirstCount = 0
        for (line, header) in headers where header.dependsOnDateOrder {
            dependent += 1
            let fields = header.dateFields
            if fields[0] > 12 {
                dayFirstCount += 1
                if dayFirstLine == nil { dayFirstLine = line }
            }
            if fields[1] > 12 {
                monthFirstCount += 1
                if monthFirstLine == nil { monthFirstLine = line }
            }
        }
        switch (dayFirstLine, monthFirstLine) {
        case (let day?, let month?):
            return WhatsAppDateOrderDecision(
                order: monthFirstCount > dayFirstCount ? .monthFirst : .dayFirst,
                basis: .conflicting(dayFirstLine: day, monthFirstLine: month))
        case (let day?, nil):
            return WhatsAppDateOrderDecision(order: .dayFirst, basis: .decided(line: day))
        case (nil, let month?):
            return WhatsAppDateOrderDecision(order: .monthFirst, basis: .decided(line: month))
        case (nil, nil):
            return WhatsAppDateOrderDecision(
                order: .dayFirst,
                basis: dependent == 0 ? .irrelevant : .undecidable(datesDependingOnOrder: dependent)
            )
        }
    }

    /// The sentence for the import report when the order was assumed; nil when it was not.
    var issueReason: String? {
        switch basis {
        case .irrelevant, .decided:
            return nil
        case .undecidable(let count):
            return "The file does not show whether its dates are day-first or month-first: none "
                + "of its dates has a number above 12 in the day or month place. They were read "
                + "day-first (the UK order); \(count) dated line(s) would read differently "
                + "month-first, and those messages are marked as having an ambiguous time."
        case .conflicting(let dayLine, let monthLine):
            let chosen = order == .dayFirst ? "day-first" : "month-first"
            return "The file mixes date orders: line \(dayLine) can only be day-first and line "
                + "\(monthLine) only month-first. It was read \(chosen) (the order more of its "
                + "dates need); dates impossible that way have no time, and dates that read "
                + "differently either way are marked as having an ambiguous time."
        }
    }
}
