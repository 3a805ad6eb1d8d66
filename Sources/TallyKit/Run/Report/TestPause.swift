import Foundation

/// A test seam: lets the end-to-end tests interrupt a report at a known point.
///
/// When `TALLY_TEST_PAUSE_AFTER_SCAN` names a path, `tally report` creates that
/// file once the sources are scanned (the staging directory exists, nothing is
/// rendered yet) and then sleeps up to 30 s, so a test can send SIGINT/SIGTERM or
/// start a second run against the same `--out` at a deterministic moment.
/// Unset (always, in production) it does nothing.
enum TestPause {
    /// Creates the flag file and sleeps, when the environment variable is set.
    static func afterScan() { pause(at: "TALLY_TEST_PAUSE_AFTER_SCAN") }

    /// The same with `TALLY_TEST_PAUSE_IN_LEDGER`: once this run's ledger entries are written,
    /// before they are committed (a test kills the run there, or starts a second one).
    static func inLedger() { pause(at: "TALLY_TEST_PAUSE_IN_LEDGER") }

    private static func pause(at variable: String) {
        guard let flag = ProcessInfo.processInfo.environment[variable], !flag.isEmpty else { return }
        _ = FileManager.default.createFile(atPath: flag, contents: Data("\(getpid())\n".utf8))
        for _ in 0..<300 where FileManager.default.fileExists(atPath: flag) { usleep(100_000) }
    }
}
