import Foundation

/// How far a long stage of the pipeline has got, for a front end to show (the library itself
/// never prints).
public struct StageProgress: Sendable, Equatable {
    /// The stages that report progress, in pipeline order.
    public enum Stage: String, Sendable, CaseIterable {
        /// The first pass over the case: the facts the rules need (profiles, threads).
        case reading
        /// The rules over every item of the case.
        case analysing
        /// The evidence pages: index and incident pages written.
        case writingEvidence = "writing evidence"
        /// Each page printed to PDF.
        case printing = "printing PDFs"
    }

    public var stage: Stage
    /// Units done so far.
    public var done: Int
    /// Units in all, when known.
    public var total: Int?
    /// What is counted, plural ("items", "pages").
    public var unit: String

    public init(stage: Stage, done: Int, total: Int?, unit: String) {
        self.stage = stage
        self.done = done
        self.total = total
        self.unit = unit
    }
}

extension StageProgress {
    /// One line for a person watching: "analysing: 120,000 of 293,431 items (41%), 3.2 s".
    /// - Parameter elapsed: seconds since the stage started.
    /// - Returns: the stage, the count done (of the total, with a percentage, when the total is
    ///   known and not zero) and the seconds elapsed.
    public func line(elapsed: Double) -> String {
        let count: String
        if let total, total > 0 {
            let percent = Int((100 * Double(min(done, total)) / Double(total)).rounded(.down))
            count =
                "\(Self.grouped(done)) of \(Self.grouped(total)) \(unit) (\(percent)%)"
        } else {
            count = "\(Self.grouped(done)) \(unit)"
        }
        return "\(stage.rawValue): \(count), \(Self.seconds(elapsed))"
    }

    /// "1,234,567": thousands separated by commas, whatever the locale.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    /// "0.4 s", "12.3 s", "2 min 05 s".
    public static func seconds(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", max(0, seconds)) }
        let whole = Int(seconds.rounded(.down))
        return String(format: "%d min %02d s", whole / 60, whole % 60)
    }
}

/// Receives progress reports; called on the thread doing the work, so it must be quick.
public typealias ProgressHandler = @Sendable (StageProgress) -> Void

/// A timeline source that reports, after each batch, how many items have been handed on; with
/// no handler it only hands the batches on.
package struct ProgressReportingSource<Base: TimelineSource>: TimelineSource {
    var base: Base
    var stage: StageProgress.Stage
    var total: Int?
    var report: ProgressHandler?

    package init(base: Base, stage: StageProgress.Stage, total: Int?, report: ProgressHandler?) {
        self.base = base
        self.stage = stage
        self.total = total
        self.report = report
    }

    package func forEachBatch(_ body: ([TimelineItem]) -> Void) throws(Base.Failure) {
        guard let report else { return try base.forEachBatch(body) }
        var done = 0
        report(StageProgress(stage: stage, done: 0, total: total, unit: "items"))
        try base.forEachBatch { batch in
            body(batch)
            done += batch.count
            report(StageProgress(stage: stage, done: done, total: total, unit: "items"))
        }
    }
}
