import AuditModel
import Foundation

/// Places the dates of one HTML file in time.
///
/// Whether an all-number date (05/06/2024) puts the day or the month first is decided once for
/// the whole file, never date by date: any date whose first number is above 12 shows the file is
/// day-first, any whose second number is above 12 shows it is month-first. A file where no number
/// settles it, or where both orders appear, has its all-number dates left without a time and is
/// reported (``orderIssue``), so that nothing is guessed silently.
///
/// A date with an offset ("UTC+07:00") is an instant: ``TimeBasis/explicit``. Any other date is
/// wall-clock time and is read in the school's zone with ``WallClockTime``, which marks the hour
/// that does not exist in spring and the hour that happens twice in autumn.
struct MetaHTMLDateReader {
    /// How the file's all-number dates are ordered.
    enum OrderDecision: Equatable {
        /// No date in the file is all numbers.
        case notNeeded
        /// Decided by `evidence`, a date of the file that allows only this order.
        case decided(MetaHTMLDateOrder, evidence: String)
        /// Every all-number date fits both orders (`example` is one of them).
        case undecided(example: String, count: Int)
        /// Some dates allow only day-first and others only month-first.
        case contradictory(dayFirst: String, monthFirst: String)
    }

    /// The outcome of reading one date.
    struct Reading: Equatable {
        /// The instant, or nil when the text could not be placed in time.
        var instant: Date?
        var basis: TimeBasis
        /// A sentence for the report: why there is no time, or the choice made in a DST change.
        var issue: String?
    }

    let decision: OrderDecision
    let zone: TimeZone

    /// What a file's dates say about the order of its all-number dates, gathered one date at a
    /// time: the first date that allows only day-first, the first that allows only month-first,
    /// and the dates that fit both.
    struct OrderEvidence {
        private var dayFirst: String?
        private var monthFirst: String?
        private var firstAmbiguous: String?
        private var ambiguousCount = 0

        /// Adds one date text, as written.
        mutating func add(_ text: String) {
            guard let date = try? MetaHTMLDate.parse(text),
                case .numeric(let first, let second, _, _, _, _) = date.fields
            else {
                return
            }
            if first > 12 && second <= 12 {
                dayFirst = dayFirst ?? text
            } else if second > 12 && first <= 12 {
                monthFirst = monthFirst ?? text
            } else {
                firstAmbiguous = firstAmbiguous ?? text
                ambiguousCount += 1
            }
        }

        /// Adds the dates of `later`, as if each had been added after this one's.
        mutating func append(_ later: OrderEvidence) {
            dayFirst = dayFirst ?? later.dayFirst
            monthFirst = monthFirst ?? later.monthFirst
            firstAmbiguous = firstAmbiguous ?? later.firstAmbiguous
            ambiguousCount += later.ambiguousCount
        }

        var decision: OrderDecision {
            switch (dayFirst, monthFirst) {
            case (let day?, let month?):
                .contradictory(dayFirst: day, monthFirst: month)
            case (let day?, nil):
                .decided(.dayFirst, evidence: day)
            case (nil, let month?):
                .decided(.monthFirst, evidence: month)
            case (nil, nil):
                firstAmbiguous.map { .undecided(example: $0, count: ambiguousCount) } ?? .notNeeded
            }
        }
    }

    /// Decides the order of all-number dates from every date text of one file.
    /// - Parameters:
    ///   - texts: the file's date texts, as written.
    ///   - zone: the school's zone, for dates without an offset.
    init(texts: [String], zone: TimeZone) {
        var evidence = OrderEvidence()
        for text in texts { evidence.add(text) }
        self.init(evidence: evidence, zone: zone)
    }

    /// Decides the order of all-number dates from a file's dates gathered one at a time.
    init(evidence: OrderEvidence, zone: TimeZone) {
        decision = evidence.decision
        self.zone = zone
    }

    private init(decision: OrderDecision, zone: TimeZone) {
        self.decision = decision
        self.zone = zone
    }

    /// The same reader with wall-clock dates read in `zone`.
    func reading(in zone: TimeZone) -> MetaHTMLDateReader {
        MetaHTMLDateReader(decision: decision, zone: zone)
    }

    /// A sentence for the report when the file's all-number dates could not be ordered, else nil.
    var orderIssue: String? {
        switch decision {
        case .notNeeded, .decided:
            return nil
        case .undecided(let example, let count):
            return
                "\(count) date(s) in this file are written only in numbers (such as '\(example)') and none has a day above 12, so whether the day or the month comes first cannot be told; those items are kept without a time rather than guessed"
        case .contradictory(let day, let month):
            return
                "this file's all-number dates contradict each other ('\(day)' can only be day-first, '\(month)' only month-first); those items are kept without a time rather than guessed"
        }
    }

    /// Places one date text in time.
    func read(_ text: String) -> Reading {
        let date: MetaHTMLDate
        do {
            date = try MetaHTMLDate.parse(text)
        } catch {
            return Reading(
                instant: nil, basis: .none,
                issue:
                    "the date could not be read (\(error.reason)); the item is kept without a time"
            )
        }
        return read(date, text: text)
    }

    /// Places one date, already parsed from `text`, in time.
    func read(_ date: MetaHTMLDate, text: String) -> Reading {
        let order: MetaHTMLDateOrder
        switch (date.fields, decision) {
        case (.known, _):
            order = .dayFirst  // not used for known fields
        case (.numeric, .decided(let decided, _)):
            order = decided
        case (.numeric, _):
            // Reported once for the file by `orderIssue`.
            return Reading(instant: nil, basis: .none, issue: nil)
        }
        let wallClock = date.wallClock(order: order)
        if let offset = date.offsetSeconds {
            guard let fixedZone = TimeZone(secondsFromGMT: offset),
                let resolution = wallClock.resolve(in: fixedZone)
            else {
                return Reading(
                    instant: nil, basis: .none,
                    issue: "'\(text)' is not a real date; the item is kept without a time")
            }
            return Reading(instant: resolution.instant, basis: .explicit, issue: nil)
        }
        guard let resolution = wallClock.resolve(in: zone) else {
            return Reading(
                instant: nil, basis: .none,
                issue: "'\(text)' is not a real date; the item is kept without a time")
        }
        return Reading(instant: resolution.instant, basis: resolution.basis, issue: resolution.note)
    }
}
