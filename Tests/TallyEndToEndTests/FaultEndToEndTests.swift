import Foundation
import Testing

/// Signals, write failures, a full disk and concurrent runs: exit status, nothing
/// temporary left, the previous report untouched.
@Suite struct FaultEndToEndTests {
    let dir = TempDir()

    /// A history and a finished report of it at `out`; returns the history and the report's files.
    func previousReport(_ out: String) throws -> (String, [String: [UInt8]]) {
        let sample = try dir.sample(jobs: 200, formats: [.sqlite])
        _ = try runReport([sample + "/history.sqlite"], out: out)
        let files = snapshot(out)
        #expect(files["usage.html"] != nil)
        return (sample + "/history.sqlite", files)
    }

    /// Nothing but `out` and the inputs beside it: no staging directory, no lock file.
    func expectNoLeftovers(_ parent: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let leftovers = entries(parent).filter { $0.contains(".tmp") || $0.contains(".old") || $0.contains("lock") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func signalMidRun(signal: Int32, status: Int32) throws {
        let out = dir("out")
        let (history, before) = try previousReport(out)
        let flag = dir("paused")
        let child = try Child(reportArguments([history], out: out, ["--as-of", "2026-11-30T00:00:00Z"]), environment: ["TALLY_TEST_PAUSE_AFTER_SCAN": flag])
        try waitUntil("the run to pause") { exists(flag) }
        #expect(entries(dir.path).contains { $0.hasPrefix(".out.tmp") }, "the staging directory should exist while paused")
        child.signal(signal)
        let result = child.wait()
        expectFatal(result, status, mentions: [signal == SIGINT ? "interrupted" : "terminated"])
        #expect(snapshot(out) == before, "the previous report changed")
        expectNoLeftovers(dir.path)
    }

    /// A run killed outright cannot clean up; the next run on the same `--out` removes its staging
    /// directory (spools included) and says so, but leaves a look-alike directory that is not tally's.
    @Test func nextRunRemovesTheStagingOfAKilledRun() throws {
        let out = dir("out")
        let (history, _) = try previousReport(out)
        let foreign = dir.path + "/.out.tmp-424242"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        _ = dir.write(".out.tmp-424242/keep.txt", "not tally's")
        let flag = dir("paused")
        let child = try Child(reportArguments([history], out: out, ["--as-of", "2026-11-30T00:00:00Z"]), environment: ["TALLY_TEST_PAUSE_AFTER_SCAN": flag])
        try waitUntil("the run to pause") { exists(flag) }
        child.signal(SIGKILL)
        _ = child.wait()
        let stale = entries(dir.path).filter { $0.hasPrefix(".out.tmp-") && $0 != ".out.tmp-424242" }
        #expect(stale.count == 1, "the killed run's staging directory should be there: \(entries(dir.path))")
        let (result, _) = try runReport([history], out: out, ["--as-of", "2026-11-30T00:00:00Z"])
        #expect(result.stderr.contains("removed a staging directory left by an interrupted earlier run"), "\(result.stderr)")
        #expect(entries(dir.path).filter { $0.hasPrefix(".out.tmp-") } == [".out.tmp-424242"])
        #expect(text(foreign + "/keep.txt") == "not tally's")
    }

    /// `jobs.csv` is joined from spools beside the other files, and `stats/index.json` written in parallel with them.
    @Test(arguments: ["usage.html", "jobs.csv", "index.json"])
    func injectedWriteFailureIsExit73AndKeepsThePreviousReport(file: String) throws {
        let out = dir("out")
        let (history, before) = try previousReport(out)
        let result = try Tally.run(reportArguments([history], out: out, ["--as-of", "2026-11-30T00:00:00Z"]), environment: ["TALLY_FAIL_WRITES": file])
        expectFatal(result, 73, mentions: [file, "No space left"])
        #expect(snapshot(out) == before)
        expectNoLeftovers(dir.path)
    }

    @Test(.enabled(if: Mounts.permitted, "mounting a tmpfs is not permitted here (needs root)"))
    func fullDiskIsExit73AndKeepsThePreviousReport() throws {
        let sample = try dir.sample(jobs: 200, formats: [.sqlite])
        let disk = try #require(Mounts.tmpfs(at: dir("disk"), options: "size=16m"))
        defer { disk.unmount() }
        let out = disk.path + "/out"
        _ = try runReport([sample + "/history.sqlite"], out: out)
        let before = snapshot(out)
        var info = statvfs()
        statvfs(disk.path, &info)
        let used = (UInt64(info.f_blocks) - UInt64(info.f_bfree)) * UInt64(info.f_frsize)
        #expect(Mounts.remount(disk, options: "size=\(used + used / 2)"))
        let result = try Tally.run(reportArguments([sample + "/history.sqlite"], out: out, ["--as-of", "2026-11-30T00:00:00Z"]))
        expectFatal(result, 73, mentions: ["No space left"])
        #expect(snapshot(out) == before)
        expectNoLeftovers(disk.path)
    }

    @Test func secondRunOnTheSameOutRefusesWithTheHoldersPid() throws {
        let out = dir("out")
        let (history, _) = try previousReport(out)
        let flag = dir("paused")
        let first = try Child(reportArguments([history], out: out, ["--format", "json"]), environment: ["TALLY_TEST_PAUSE_AFTER_SCAN": flag])
        try waitUntil("the first run to pause") { exists(flag) }
        let second = try Tally.run(reportArguments([history], out: out, ["--format", "md"]))
        expectFatal(second, 73, mentions: ["pid \(first.pid)"])
        unlink(flag)
        let firstResult = first.wait()
        #expect(firstResult.status == 0, "\(firstResult.stderr)")
        let names = entries(out)
        #expect(names.contains("usage.json") && !names.contains("usage.md") && !names.contains("usage.html"), "files interleaved: \(names)")
        expectNoLeftovers(dir.path)
    }

    @Test func readersOfStatsNeverSeeAHalfWrittenFile() throws {
        // The previous stats files stay whole while a run is under way, and every file is whole after it.
        let out = dir("out")
        let (history, before) = try previousReport(out)
        let flag = dir("paused")
        let child = try Child(reportArguments([history], out: out, ["--as-of", "2026-11-30T00:00:00Z"]), environment: ["TALLY_TEST_PAUSE_AFTER_SCAN": flag])
        try waitUntil("the run to pause") { exists(flag) }
        let during = snapshot(out)
        #expect(during == before)
        unlink(flag)
        #expect(child.wait().status == 0)
        for (name, bytes) in snapshot(out) where name.hasPrefix("stats/") {
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil, "\(name) is not whole JSON")
        }
    }

    /// `--all-users` replaces its folder whole: a failed write keeps the previous folder byte-identical.
    @Test func statsAllUsersKeepsThePreviousFolderWhenAWriteFails() throws {
        let sample = try dir.sample(jobs: 100, formats: [.sqlite])
        let out = dir("stats")
        for _ in 0..<2 {
            let result = try Tally.run(["stats", sample + "/history.sqlite", "--all-users", "--out", out])
            #expect(result.status == 0)
        }
        #expect(entries(out).filter { $0.hasPrefix(".") } == [".tally-report"], "temporary files left: \(entries(out))")
        let before = snapshot(out)
        let failed = try Tally.run(["stats", sample + "/history.sqlite", "--all-users", "--out", out, "--pretty"], environment: ["TALLY_FAIL_WRITES": "index.json"])
        expectFatal(failed, 73, mentions: ["index.json"])
        #expect(snapshot(out) == before)
        expectNoLeftovers(dir.path)
    }

    @Test(.enabled(if: Mounts.permitted, "mounting a tmpfs is not permitted here (needs root)"))
    func fullTemporaryDirectoryWhileSpoolingStandardInput() throws {
        let history = try dir.sample(jobs: 300, formats: [.sqlite]) + "/history.sqlite"
        let disk = try #require(Mounts.tmpfs(at: dir("tmp"), options: "size=64k"))
        defer { disk.unmount() }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: history)))
        let result = try Tally.run(["stats", "-", "--user", "alice@example.com"], environment: ["TMPDIR": disk.path], stdin: bytes)
        expectFatal(result, 66, mentions: ["standard input"])
        #expect(entries(disk.path).isEmpty, "partial spool left: \(entries(disk.path))")
    }
}
