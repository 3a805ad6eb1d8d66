import Foundation
import Testing

/// SIGTERM and SIGINT at every point of a run: the signal only cancels, the run stops
/// on its own thread, and the output folder is always one whole output.
@Suite struct SignalEndToEndTests {
    let dir = TempDir()
    static let plan = Tally.packageRoot.appendingPathComponent("sample-data/plan.yaml").path

    /// A trial's outcome: the step it was signalled at (nil: it finished first) and its exit status.
    struct Trial {
        var step: String?
        var status: Int32
    }

    /// Runs `arguments(out)` once per write step (1, 1 + `stride`, …, until a run ends without
    /// reaching its step), each on a fresh copy of the folder `previous`, paused at that step by
    /// `TALLY_TEST_PAUSE_AT_STEP` and sent `signal` there. Each must end with `status` and the
    /// previous output byte-identical, or with 0 and exactly `expected`; nothing may be left beside it.
    func signalEveryStep(
        _ label: String, previous: String, expected: [String: [UInt8]], signal: Int32, status: Int32, stride: Int,
        sourceLocation: SourceLocation = #_sourceLocation, _ arguments: (String) -> [String]
    ) throws -> [Trial] {
        let before = snapshot(previous)
        var trials: [Trial] = []
        var step = 1
        while step < 500 {
            let parent = dir("\(label)-\(step)")
            let out = parent + "/out"
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: previous, toPath: out)
            let flag = dir("\(label)-\(step).paused")
            let child = try Child(arguments(out), environment: ["TALLY_TEST_PAUSE_AT_STEP": "\(step):\(flag)"])
            try waitUntil("step \(step) or the end of the run") { exists(flag) || !child.process.isRunning }
            let name = text(flag).split(separator: " ").dropFirst().joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            if exists(flag) { child.signal(signal) }
            let result = child.wait()
            let reached = exists(flag)
            trials.append(Trial(step: reached ? name : nil, status: result.status))
            if result.status == 0 {
                #expect(snapshot(out) == expected, "\(label) step \(step) (\(name)): exit 0 with an incomplete output", sourceLocation: sourceLocation)
            } else {
                expectFatal(result, status, mentions: [signal == SIGINT ? "interrupted" : "terminated"], sourceLocation: sourceLocation)
                #expect(snapshot(out) == before, "\(label) step \(step) (\(name)): the previous output changed", sourceLocation: sourceLocation)
            }
            #expect(entries(parent) == ["out"], "\(label) step \(step) (\(name)) left: \(entries(parent))", sourceLocation: sourceLocation)
            if !reached { break }
            step += stride
        }
        return trials
    }

    /// The issue's reproduction, at every step: each file written, each `jobs.csv` spool joined,
    /// the flush, the swap. Before the swap a signal keeps the previous report; at the swap the run
    /// has already succeeded (exit 0, the new report).
    @Test(arguments: [(SIGTERM, Int32(143), 1), (SIGINT, Int32(130), 3)])
    func aSignalAtAnyStepOfTheWritePhaseLeavesOneWholeReport(signal: Int32, status: Int32, stride: Int) throws {
        let history = try dir.sample("sample-\(signal)", jobs: 200, users: 3, formats: [.sqlite]) + "/history.sqlite"
        let previous = dir("previous-\(signal)")
        _ = try runReport([history], out: previous, ["--plan", Self.plan])
        let newer = ["--plan", Self.plan, "--as-of", "2026-11-30T00:00:00Z"]
        let expectedDirectory = dir("expected-\(signal)")
        _ = try runReport([history], out: expectedDirectory, newer)
        let expected = snapshot(expectedDirectory)
        #expect(expected != snapshot(previous) && expected["jobs.csv"] != nil)

        let trials = try signalEveryStep("report-\(signal)", previous: previous, expected: expected, signal: signal, status: status, stride: stride) {
            reportArguments([history], out: $0, newer)
        }
        let signalled = trials.filter { $0.step != nil }
        #expect(signalled.count >= 7, "the write phase has a step per file: \(trials.map { $0.step ?? "end" })")
        #expect(trials.last?.step == nil && trials.last?.status == 0, "the last trial runs to its end")
        for trial in signalled {
            #expect(trial.status == (trial.step == "swapped" ? 0 : status), "step \(trial.step ?? ""): exit \(trial.status)")
        }
        if stride == 1 {
            // Which file a step number lands on varies with the threads; the last two steps do not.
            let names = Set(signalled.compactMap(\.step))
            #expect(names.isSuperset(of: ["flushed", "swapped"]) && names.contains { $0.hasPrefix("stats/") }, "\(names)")
            #expect(Array(signalled.suffix(2).compactMap(\.step)) == ["flushed", "swapped"])
        }
    }

    /// `stats --all-users` is swapped whole like a report, so a signal at any step keeps the previous folder.
    @Test func aSignalAtAnyStepOfStatsAllUsersLeavesOneWholeFolder() throws {
        let before = try dir.sample("five", jobs: 100, users: 5, formats: [.sqlite]) + "/history.sqlite"
        let after = try dir.sample("three", jobs: 100, users: 3, formats: [.sqlite]) + "/history.sqlite"
        let previous = dir("stats-previous")
        let expectedDirectory = dir("stats-expected")
        #expect(try Tally.run(["stats", before, "--all-users", "--out", previous]).status == 0)
        #expect(try Tally.run(["stats", after, "--all-users", "--out", expectedDirectory]).status == 0)
        let trials = try signalEveryStep("stats", previous: previous, expected: snapshot(expectedDirectory), signal: SIGTERM, status: 143, stride: 1) {
            ["stats", after, "--all-users", "--out", $0]
        }
        #expect(trials.compactMap(\.step).contains("index.json"), "\(trials.map { $0.step ?? "end" })")
        #expect(trials.filter { $0.step != nil && $0.step != "swapped" }.allSatisfy { $0.status == 143 })
    }

    /// A history big enough that a debug build scans it for many seconds.
    func longHistory() throws -> String {
        let path = dir("long.sqlite")
        try sqlite(path, jobsTableSQL + """
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000)
            INSERT INTO jobs SELECT printf('00000000-0000-4000-8000-%012d', x), 'u' || (x % 7), 'batch', 'completed',
              3, 2, 1, NULL, NULL, '2026-11-10T10:00:05Z', '2026-11-10T10:01:00Z', '2026-11-10T10:00:00Z', NULL FROM n;
            """)
        return path
    }

    /// The scan checks the signal every 4,096 rows: a run signalled mid-scan ends within a second or
    /// two (a debug build scans a few thousand rows a second per thread) instead of reading on.
    @Test(arguments: ["report", "stats --all-users", "stats --user"])
    func aSignalDuringALongScanStopsItPromptly(command: String) throws {
        let history = try longHistory()
        let out = dir("out")
        let arguments: [String]
        switch command {
        case "report": arguments = reportArguments([history], out: out)
        case "stats --all-users": arguments = ["stats", history, "--all-users", "--out", out]
        default: arguments = ["stats", history, "--user", "u1"]
        }
        // The read pauses once its snapshot is open (a debug-build seam) until the flag is
        // removed: the signal lands in a running read however fast the machine scans (a
        // 1.5 s sleep before it lost the race once the scan got faster).
        let flag = dir("paused")
        let child = try Child(arguments, environment: ["TALLY_TEST_PAUSE_IN_READ": flag])
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: flag) { usleep(10_000) }
        #expect(FileManager.default.fileExists(atPath: flag), "the read never paused")
        #expect(child.process.isRunning, "the scan should still be running")
        child.signal(SIGTERM)
        usleep(100_000)
        let sent = Date()
        try? FileManager.default.removeItem(atPath: flag)
        let result = child.wait()
        let seconds = Date().timeIntervalSince(sent)
        expectFatal(result, 143, mentions: ["terminated"])
        #expect(seconds < 5, "took \(seconds) s to stop")
        #expect(entries(dir.path) == ["long.sqlite"], "left behind: \(entries(dir.path))")
    }

    /// Standard input is copied to a temporary file before the scan; the copy belongs to the run,
    /// which removes it when it ends, and a signal stops a run still waiting for input.
    @Test func standardInputsCopyIsRemovedAndASignalStopsTheWaitForIt() throws {
        let history = try dir.sample(jobs: 50, formats: [.sqlite]) + "/history.sqlite"
        let temporary = dir("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: history)))
        let done = try Tally.run(["stats", "-", "--user", "alice@example.com"], environment: ["TMPDIR": temporary], stdin: bytes)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(entries(temporary).isEmpty, "the copy of standard input was left: \(entries(temporary))")

        let waiting = try Child(["stats", "-", "--user", "alice@example.com"], environment: ["TMPDIR": temporary], holdingInputOpen: true)
        try waitUntil("the copy of standard input to start") { !entries(temporary).isEmpty }
        waiting.signal(SIGINT)
        let result = waiting.wait(timeout: 10)
        expectFatal(result, 130, mentions: ["interrupted"])
        #expect(entries(temporary).isEmpty, "the copy of standard input was left: \(entries(temporary))")
    }
}
