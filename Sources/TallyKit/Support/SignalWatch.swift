import Foundation

/// While it lives, SIGINT and SIGTERM no longer end the process: they cancel a run.
///
/// The handlers run on a dispatch queue and only call `Cancellation.cancel`; the run
/// notices, stops, and cleans up on its own thread. When the watch ends the actions
/// the process had before come back.
package struct SignalWatch: ~Copyable {
    private static let signals = [SIGINT, SIGTERM]
    private let sources: [any DispatchSourceSignal]
    private let previous: [(@convention(c) (Int32) -> Void)?]

    /// Routes SIGINT and SIGTERM to `cancellation`.
    package init(_ cancellation: Cancellation) {
        var sources: [any DispatchSourceSignal] = []
        var previous: [(@convention(c) (Int32) -> Void)?] = []
        for signo in Self.signals {
            previous.append(signal(signo, SIG_IGN))
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler { cancellation.cancel(signal: signo) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.previous = previous
    }

    /// Stops routing the signals (what the end of the value's life does too).
    package consuming func end() {}

    deinit {
        for source in sources { source.cancel() }
        for (signo, action) in zip(Self.signals, previous) { signal(signo, action) }
    }
}
