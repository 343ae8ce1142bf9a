import AuditImport
import AuditModel
import ConductAudit
import Foundation
import Synchronization

/// Progress of a long import on standard error: files and megabytes read, the read rate, items
/// read (handed to the thread storing them) and the time taken. Silent with `--quiet` and when standard
/// error is not a terminal (a log file or a pipe gets no carriage-return noise).
final class ImportProgress: ImportObserver {
    private struct State {
        var files = 0
        var bytes = 0
        var items = 0
        var lastDrawn: ContinuousClock.Instant?
    }

    private let isEnabled: Bool
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    /// Creates a reporter that draws only when `quiet` is false and standard error is a terminal.
    init(quiet: Bool, isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        isEnabled = !quiet && isTerminal
    }

    /// Counts the files `reader` reads from now on.
    func observe(_ reader: ArchiveReader) {
        guard isEnabled else { return }
        reader.observeReads { [self] _, bytes in
            fileRead(bytes: bytes)
        }
    }

    /// Counts items read and handed over for storing.
    func stored(items: Int) {
        guard isEnabled else { return }
        state.withLock { $0.items += items }
        draw(force: true)
    }

    /// Leaves the progress line finished (a newline after it), before other output.
    func finish() {
        guard isEnabled else { return }
        let drawn = state.withLock { $0.lastDrawn != nil }
        if drawn {
            draw(force: true)
            Terminal.noteRaw("\n")
        }
    }

    private func fileRead(bytes: Int) {
        state.withLock {
            $0.files += 1
            $0.bytes += bytes
        }
        draw(force: false)
    }

    private func draw(force: Bool) {
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            if !force, let last = state.lastDrawn, now - last < .milliseconds(200) { return nil }
            state.lastDrawn = now
            let elapsed = (now - start) / .seconds(1)
            let megabytes = Double(state.bytes) / 1_000_000
            let rate = elapsed > 0 ? megabytes / elapsed : 0
            let read = String(
                format: "%d files, %.1f MB read (%.0f MB/s)", state.files, megabytes, rate)
            return
                "\r\u{1B}[Kimporting: \(read), \(StageProgress.grouped(state.items)) items read, "
                + StageProgress.seconds(elapsed)
        }
        if let line { Terminal.noteRaw(line) }
    }
}
