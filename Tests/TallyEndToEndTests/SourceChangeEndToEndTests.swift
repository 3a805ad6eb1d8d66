import Foundation
import Testing

/// Issue 12 items 4, 5 and 7 (corrupt SQLite): sources that change under the read, that are
/// cut short, that are pipes, and SQLite files broken after they were recognised.
///
/// A change during the read is made at a known point: `TALLY_TEST_PAUSE_IN_READ=PATH`
/// (debug builds) stops the first read once it has begun, until the test removes PATH.
@Suite struct SourceChangeEndToEndTests {
    let dir = TempDir()

    /// An NDJSON history of `jobs` jobs (about 420 bytes each), one user.
    func ndjsonHistory(_ name: String, jobs: Int) -> String {
        var text = ""
        text.reserveCapacity(jobs * 420)
        for n in 0..<jobs {
            text += jobJSON(id: String(format: "00000000-0000-4000-8000-%012d", n)) + "\n"
        }
        return dir.write(name, text)
    }

    /// Starts `tally stats PATH --all-users`, paused in its read; runs `change` there, then lets it go on.
    func changedDuringTheRead(_ path: String, jobs: Int = 1, _ change: () throws -> Void) throws -> RunResult {
        let flag = dir("paused-\(UUID().uuidString)")
        let child = try Child(
            ["stats", path, "--all-users", "--out", dir("out-\(UUID().uuidString)"), "--jobs", "\(jobs)"],
            environment: ["TALLY_TEST_PAUSE_IN_READ": flag])
        try waitUntil("the read to pause") { exists(flag) }
        try change()
        unlink(flag)
        return child.wait()
    }

    // MARK: Item 4: a source that changes under the read

    @Test(arguments: [1, 2])
    func ndjsonTruncatedDuringTheReadIsExit66(jobs: Int) throws {
        let path = ndjsonHistory("cut.ndjson", jobs: 30_000)
        let result = try changedDuringTheRead(path, jobs: jobs) { truncate(path, 1_000_000) }
        expectFatal(result, 66, mentions: ["cut.ndjson", "changed while being read", "shrank"])
    }

    @Test func ndjsonRewrittenInPlaceDuringTheReadIsExit66() throws {
        let path = ndjsonHistory("rewritten.ndjson", jobs: 30_000)
        let result = try changedDuringTheRead(path) {
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            try handle.seek(toOffset: 100)
            handle.write(Data("0".utf8))
            try handle.close()
        }
        expectFatal(result, 66, mentions: ["rewritten.ndjson", "changed while being read", "rewritten"])
    }

    @Test func jsonArrayReplacedDuringAParallelReadIsExit66() throws {
        let lines = try String(contentsOfFile: ndjsonHistory("lines.ndjson", jobs: 30_000), encoding: .utf8)
        let array = "[" + lines.split(separator: "\n").joined(separator: ",\n") + "]"
        let path = dir.write("array.json", array)
        let result = try changedDuringTheRead(path, jobs: 2) {
            let fresh = dir.write("fresh.json", array)
            rename(fresh, path)
        }
        expectFatal(result, 66, mentions: ["array.json", "changed while being read", "replaced"])
    }

    @Test func ndjsonCutInTheLastLineIsExit65UnlessLenient() throws {
        let whole = try String(contentsOfFile: ndjsonHistory("whole.ndjson", jobs: 50), encoding: .utf8)
        let path = dir.write("cut.ndjson", String(whole.dropLast(40)))
        let result = try Tally.run(["stats", path, "--all-users", "--out", dir("strict")])
        expectFatal(result, 65, mentions: ["cut.ndjson", "line 50", "the last line is cut short", "--lenient"])
        let lenient = try Tally.run(["stats", path, "--all-users", "--out", dir("lenient"), "--lenient"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("line 50: skipped job: malformed JSON line"), "\(lenient.stderr)")
        // A last line without a newline that is whole JSON is fine.
        let unterminated = dir.write("unterminated.ndjson", String(whole.dropLast()))
        let fine = try Tally.run(["stats", unterminated, "--all-users", "--out", dir("fine")])
        #expect(fine.status == 0 && fine.stderr.isEmpty, "\(fine.stderr)")
    }

    @Test func sqliteTruncatedDuringTheReadIsExit66() throws {
        let path = try dir.sample(jobs: 2000, formats: [.sqlite]) + "/history.sqlite"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let result = try changedDuringTheRead(path) { truncate(path, off_t(size / 2)) }
        expectFatal(result, 66, mentions: ["history.sqlite", "changed while being read", "shrank"])
    }

    @Test func sqliteCopiedOverDuringTheReadIsExit66() throws {
        let sample = try dir.sample(jobs: 2000, formats: [.sqlite])
        let path = sample + "/history.sqlite"
        let copy = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try changedDuringTheRead(path, jobs: 2) { try copy.write(to: URL(fileURLWithPath: path)) }
        expectFatal(result, 66, mentions: ["history.sqlite", "changed while being read"])
    }

    @Test func sqliteInWALModeCheckpointedDuringTheReadIsFine() throws {
        // In WAL mode a checkpoint writes the file during reads, and readers stay consistent.
        let path = dir("wal.sqlite")
        try sqlite(path, "PRAGMA journal_mode=WAL;" + jobsTableSQL + (1...50).map { insertJobSQL($0) }.joined())
        let result = try changedDuringTheRead(path) {
            try sqlite(path, insertJobSQL(51) + "PRAGMA wal_checkpoint(PASSIVE);")
        }
        #expect(result.status == 0, "\(result.stderr)")
    }

    // MARK: Item 5: pipes

    @Test func namedPipeIsReadAsAStream() throws {
        let source = try String(contentsOfFile: ndjsonHistory("source.ndjson", jobs: 3000), encoding: .utf8)
        let fifo = dir("history.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data(source.utf8))
            try? handle.close()
        }
        writer.start()
        let result = try Tally.run(["stats", fifo, "--all-users", "--out", dir("fifo-out")], timeout: 60)
        #expect(result.status == 0 && !result.timedOut, "\(result.stderr)")
        let direct = try Tally.run(["stats", dir("source.ndjson"), "--all-users", "--out", dir("file-out")])
        #expect(direct.status == 0)
        #expect(snapshot(dir("fifo-out")) == snapshot(dir("file-out")))
    }

    @Test func namedPipeNobodyWritesStopsOnSIGTERM() throws {
        let fifo = dir("silent.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let child = try Child(["stats", fifo, "--all-users", "--out", dir("never")])
        usleep(500_000)
        child.signal(SIGTERM)
        let result = child.wait(timeout: 20)
        #expect(result.status == 143 && !result.timedOut, "\(result.stderr)")
    }

    @Test func processSubstitutionIsReadAsAStream() throws {
        _ = ndjsonHistory("source.ndjson", jobs: 3000)
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/bin/sh")
        gz.arguments = ["-c", "gzip -c '\(dir("source.ndjson"))' > '\(dir("source.ndjson.gz"))'"]
        try gz.run()
        gz.waitUntilExit()
        // bash's `<(cmd)` is a /dev/fd path to a pipe; a gzip stream through it too.
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = [
            "-c", "\"$0\" stats <(cat \"$1\") --all-users --out \"$2\" && \"$0\" stats <(cat \"$3\") --all-users --out \"$4\"",
            Tally.binary, dir("source.ndjson"), dir("sub-out"), dir("source.ndjson.gz"), dir("gz-out"),
        ]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
        let direct = try Tally.run(["stats", dir("source.ndjson"), "--all-users", "--out", dir("file-out")])
        #expect(direct.status == 0)
        #expect(snapshot(dir("sub-out")) == snapshot(dir("file-out")) && !snapshot(dir("file-out")).isEmpty)
        #expect(snapshot(dir("gz-out")) == snapshot(dir("file-out")))
    }

    // MARK: Item 7: a corrupt SQLite file

    /// Flips `count` bytes at seeded positions past the first `skip` bytes.
    func flip(_ path: String, count: Int, after skip: Int, seed: UInt64) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        var state = seed
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let at = skip + Int((state >> 33) % UInt64(data.count - skip))
            data[at] ^= 0xFF
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func corruptSQLiteRecognisedAsAHistoryIsBadData() throws {
        let sample = try dir.sample(jobs: 3000, formats: [.sqlite])
        let path = sample + "/history.sqlite"
        let pristine = try Data(contentsOf: URL(fileURLWithPath: path))
        // Truncated: the schema names pages past the end.
        truncate(path, off_t(pristine.count / 2))
        try expectReportFails([path], in: dir, 65, mentions: ["history.sqlite", "corrupt"])
        // 200 flipped bytes past the schema page.
        try pristine.write(to: URL(fileURLWithPath: path))
        try flip(path, count: 200, after: 8192, seed: 5)
        try expectReportFails([path], in: dir, 65, mentions: ["history.sqlite", "corrupt"])
    }

    @Test func sqliteWhoseSchemaPageIsGarbageIsBadDataToo() throws {
        // Its first bytes said SQLite: the file was recognised, and it is broken.
        let path = dir("broken.sqlite")
        try sqlite(path, jobsTableSQL + insertJobSQL(1))
        // Page 1 holds the schema: garbage after its 100-byte file header.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 100)
        handle.write(Data(repeating: 0xA5, count: 3000))
        try handle.close()
        try expectReportFails([path], in: dir, 65, mentions: ["broken.sqlite", "corrupt"])
    }
}
