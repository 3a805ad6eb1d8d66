import Foundation
import Synchronization

/// Rows read so far by all shards of a scan, shown as a one-line progress display.
///
/// Shards add in batches (every 64k rows), so the shared counter costs nothing
/// measurable; the display redraws a single stderr line four times a second and
/// is only started when stderr is a terminal (the command line decides).
package final class ScanProgress: Sendable {
    private struct State {
        var rows: Int64 = 0
        var timer: (any DispatchSourceTimer)?
    }

    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void
    private let label: String

    /// A progress counter drawing with `write` (standard error by default).
    package init(label: String = "reading", write: @escaping @Sendable (String) -> Void = LineLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    /// Adds rows read by one shard.
    package func add(_ n: Int64) {
        state.withLock { $0.rows += n }
    }

    /// Rows counted so far.
    package var count: Int64 {
        state.withLock { $0.rows }
    }

    /// Starts redrawing the line.
    package func start() {
        state.withLock { state in
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                self.write("\r\u{1B}[Ktally: \(self.label) \(DisplayCount.grouped(self.count)) rows…")
            }
            timer.resume()
            state.timer = timer
        }
    }

    /// Stops and erases the line.
    package func stop() {
        let wasRunning = state.withLock { state in
            defer { state.timer = nil }
            state.timer?.cancel()
            return state.timer != nil
        }
        if wasRunning { write("\r\u{1B}[K") }
    }
}

/// `1234567` as `1,234,567`.
enum DisplayCount {
    static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
