#if DEBUG
import Foundation
import Synchronization

/// Test seams that stop a run at a known point, so end-to-end tests can send a
/// signal or start a second run there. Debug builds only: release builds do not
/// contain this type, and ignore the variables.
///
/// - `TALLY_TEST_PAUSE_AFTER_SCAN=PATH`: once the sources are scanned (the staging
///   directory exists, nothing is rendered yet).
/// - `TALLY_TEST_PAUSE_AT_STEP=N:PATH`: at the Nth step of the write phase, counted
///   across threads from 1 (each file written, each spool appended to `jobs.csv`,
///   the files flushed, the swap).
/// - `TALLY_TEST_PAUSE_IN_LEDGER=PATH`: once the run's ledger entries are written,
///   before they are committed (a test kills the run there, or starts a second one).
///
/// At the point, the run creates PATH holding its pid and the step's name, then
/// waits until PATH is removed or the run is cancelled, 30 s at most.
final class TestPause: Sendable {
    private let afterScanFlag: String?
    private let inLedgerFlag: String?
    private let stepFlag: String?
    private let stepNumber: Int
    private let steps = Atomic<Int>(0)

    private init(afterScanFlag: String?, inLedgerFlag: String?, stepNumber: Int, stepFlag: String?) {
        self.afterScanFlag = afterScanFlag
        self.inLedgerFlag = inLedgerFlag
        self.stepNumber = stepNumber
        self.stepFlag = stepFlag
    }

    /// The seams the environment asks for; nil when it asks for none.
    static func fromEnvironment() -> TestPause? {
        func variable(_ name: String) -> String? {
            guard let raw = getenv(name), raw.pointee != 0 else { return nil }
            return String(cString: raw)
        }
        let afterScan = variable("TALLY_TEST_PAUSE_AFTER_SCAN")
        let inLedger = variable("TALLY_TEST_PAUSE_IN_LEDGER")
        var stepNumber = 0
        var stepFlag: String?
        if let spec = variable("TALLY_TEST_PAUSE_AT_STEP"), let colon = spec.firstIndex(of: ":"),
           let n = Int(spec[..<colon]), n > 0 {
            stepNumber = n
            stepFlag = String(spec[spec.index(after: colon)...])
        }
        guard afterScan != nil || inLedger != nil || stepFlag != nil else { return nil }
        return TestPause(afterScanFlag: afterScan, inLedgerFlag: inLedger, stepNumber: stepNumber, stepFlag: stepFlag)
    }

    /// The after-scan point.
    func afterScan(_ cancellation: Cancellation) {
        if let afterScanFlag { wait(at: afterScanFlag, "scanned", cancellation) }
    }

    /// The in-ledger point.
    func inLedger(_ cancellation: Cancellation) {
        if let inLedgerFlag { wait(at: inLedgerFlag, "ledger written", cancellation) }
    }

    /// A write-phase step: pauses when it is the Nth.
    func step(_ name: String, _ cancellation: Cancellation) {
        guard let stepFlag else { return }
        let number = steps.add(1, ordering: .relaxed).newValue
        if number == stepNumber { wait(at: stepFlag, name, cancellation) }
    }

    private func wait(at flag: String, _ name: String, _ cancellation: Cancellation) {
        _ = FileManager.default.createFile(atPath: flag, contents: Data("\(getpid()) \(name)\n".utf8))
        for _ in 0..<3000 where cancellation.signal == nil && FileManager.default.fileExists(atPath: flag) {
            usleep(10_000)
        }
    }
}
#endif
