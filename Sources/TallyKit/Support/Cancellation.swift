import Foundation
import Synchronization

/// Whether a run should stop, and which signal asked: the one piece of state a signal touches.
///
/// `SignalWatch` sets it when SIGINT or SIGTERM arrives, and does nothing else. The
/// run checks it where it can stop cleanly (the scan every 4,096 rows, the write
/// phase between files), throws `Interrupted`, and its own main path removes what
/// it made. Past the swap of a finished report nothing checks it: the run has succeeded.
package final class Cancellation: Sendable {
    private let signalNumber = Atomic<Int32>(0)
    #if DEBUG
    private let pause = TestPause.fromEnvironment()
    #endif

    /// A run not cancelled (yet).
    package init() {}

    /// Marks the run as cancelled by `signal`; the first signal is the one reported.
    package func cancel(signal: Int32) {
        _ = signalNumber.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
    }

    /// The signal that cancelled the run, if any.
    package var signal: Int32? {
        let n = signalNumber.load(ordering: .relaxed)
        return n == 0 ? nil : n
    }

    /// Throws `Interrupted` when the run is cancelled; one atomic load otherwise.
    @inline(__always)
    package func check() throws(Interrupted) {
        let n = signalNumber.load(ordering: .relaxed)
        if n != 0 { throw Interrupted(signal: n) }
    }

    /// The sources are scanned: the after-scan test seam may pause here (debug builds), then `check()`.
    package func scanned() throws(Interrupted) {
        #if DEBUG
        pause?.afterScan(self)
        #endif
        try check()
    }

    /// The run's ledger entries are written, not yet committed: the in-ledger test seam may
    /// pause here (debug builds), then `check()`.
    package func ledgerWritten() throws(Interrupted) {
        #if DEBUG
        pause?.inLedger(self)
        #endif
        try check()
    }

    /// One step of the write phase is done (`step` names it): the step test seam may
    /// pause here (debug builds), then `check()`.
    package func checkpoint(_ step: String) throws(Interrupted) {
        passed(step)
        try check()
    }

    /// A step past which the run no longer stops (the swap): only the test seam may pause here.
    package func passed(_ step: String) {
        #if DEBUG
        pause?.step(step, self)
        #endif
    }
}

/// The run stopped because a signal cancelled it (exit 130 for SIGINT, 143 for SIGTERM).
package struct Interrupted: ExitStatusProviding, Equatable {
    /// The signal that arrived.
    package let signal: Int32

    package var exitStatus: ExitStatus { signal == SIGINT ? .interrupted : .terminated }

    package var description: String {
        "\(signal == SIGINT ? "interrupted" : "terminated"); temporary files removed, previous output untouched"
    }
}
