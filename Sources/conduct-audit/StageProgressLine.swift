import AuditModel
import ConductAudit
import Foundation
import Synchronization

/// Progress of the stages after the import (analysis, evidence pages, PDFs) on standard error:
/// one line per stage, redrawn in place at most five times a second, and left as a finished
/// line ("analysing: 293,431 of 293,431 items (100%), 3.2 s") when the next stage starts.
/// Silent with `--quiet` and when standard error is not a terminal.
final class StageProgressLine: Sendable {
    private struct State {
        var stage: StageProgress.Stage?
        var stageStart = ContinuousClock.now
        var last: StageProgress?
        var lastDrawn: ContinuousClock.Instant?
    }

    private let isEnabled: Bool
    private let state = Mutex(State())

    /// Creates a line that draws only when `quiet` is false and standard error is a terminal.
    init(quiet: Bool, isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        isEnabled = !quiet && isTerminal
    }

    /// The handler to give the library's stages, or nil when nothing is drawn (so the library
    /// does not even count).
    var handler: ProgressHandler? {
        guard isEnabled else { return nil }
        return { [self] progress in update(progress) }
    }

    /// Ends the current stage's line, before other output.
    func finish() {
        guard isEnabled else { return }
        let line: String? = state.withLock { state in
            defer { state = State() }
            guard let last = state.last else { return nil }
            return Self.text(last, since: state.stageStart)
        }
        if let line { Terminal.noteRaw("\r\u{1B}[K" + line + "\n") }
    }

    private func update(_ progress: StageProgress) {
        let now = ContinuousClock.now
        let output: String? = state.withLock { state in
            var text = ""
            if state.stage != progress.stage {
                // A new stage: the previous one's line stays, finished.
                if let last = state.last {
                    text += "\r\u{1B}[K" + Self.text(last, since: state.stageStart) + "\n"
                }
                state.stage = progress.stage
                state.stageStart = now
                state.lastDrawn = nil
            }
            state.last = progress
            let isLast = progress.total.map { progress.done >= $0 } ?? false
            if !isLast, let drawn = state.lastDrawn, now - drawn < .milliseconds(200), text.isEmpty
            {
                return nil
            }
            state.lastDrawn = now
            return text + "\r\u{1B}[K" + Self.text(progress, since: state.stageStart)
        }
        if let output { Terminal.noteRaw(output) }
    }

    private static func text(_ progress: StageProgress, since start: ContinuousClock.Instant)
        -> String
    {
        progress.line(elapsed: (ContinuousClock.now - start) / .seconds(1))
    }
}
