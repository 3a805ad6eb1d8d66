import Foundation
import Testing

/// Issue 5's bad SQLite inputs and concurrent writers, through the binary.
@Suite struct SQLiteInputEndToEndTests {
    let dir = TempDir()

    @Test func notASQLiteFile() throws {
        let path = dir.write("notes.sqlite", "hello, this is text\n")
        try expectReportFails([path], in: dir, 66, mentions: ["notes.sqlite", "not a history"])
    }

    @Test func noJobsTable() throws {
        let path = dir("nojobs.sqlite")
        try sqlite(path, "CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT);")
        try expectReportFails([path], in: dir, 66, mentions: ["nojobs.sqlite", "no jobs table"])
    }

    @Test func missingRequiredColumn() throws {
        let path = dir("missing.sqlite")
        try sqlite(path, "CREATE TABLE jobs (id TEXT, status TEXT); INSERT INTO jobs VALUES ('a', 'completed');")
        try expectReportFails([path], in: dir, 66, mentions: ["missing.sqlite", "created_at"])
    }

    @Test func missingOptionalColumnsTakeDefaults() throws {
        let path = dir("few.sqlite")
        try sqlite(path, "CREATE TABLE jobs (id TEXT, user_id TEXT, created_at TEXT); INSERT INTO jobs VALUES ('00000000-0000-4000-8000-000000000001', NULL, '2026-11-02T00:00:00Z');")
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 1)
    }

    @Test func extraColumnsAreIgnored() throws {
        let path = dir("extra.sqlite")
        try sqlite(path, jobsTableSQL.replacingOccurrences(of: "updated_at TEXT)", with: "updated_at TEXT, priority INTEGER, blob BLOB)")
            + "INSERT INTO jobs (id, user_id, status, total_documents, processed_count, created_at, priority, blob) VALUES ('00000000-0000-4000-8000-000000000001', NULL, 'completed', 2, 2, '2026-11-02T00:00:00Z', 5, x'00ff');")
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 1)
    }

    @Test func corruptedPageInTheMiddle() throws {
        let sample = try dir.sample(jobs: 3000, formats: [.sqlite])
        let path = sample + "/history.sqlite"
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 4096 / 2 * 4096)
        var generator = SystemRandomNumberGenerator()
        handle.write(Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()
        try expectReportFails([path], in: dir, 65, mentions: ["history.sqlite", "corrupt"])
    }

    @Test func lockedByAWriterFailsAfterTheBusyTimeout() throws {
        let path = dir("locked.sqlite")
        try sqlite(path, jobsTableSQL + insertJobSQL(1))
        let holder = try SQLiteHolder(path, write: insertJobSQL(2))
        defer { holder.finish(commit: false) }
        try expectReportFails([path], in: dir, 66, mentions: ["locked.sqlite", "locked"])
    }

    @Test func walModeReadsTheLastCommittedSnapshotWithoutWaiting() throws {
        let path = dir("wal.sqlite")
        try sqlite(path, "PRAGMA journal_mode=WAL;" + jobsTableSQL + insertJobSQL(1))
        let holder = try SQLiteHolder(path, mode: "IMMEDIATE", write: insertJobSQL(2) + insertJobSQL(3))
        defer { holder.finish(commit: false) }
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 1, "uncommitted rows must not be read")
    }

    @Test func fileDeletedDuringTheRunIsReadFromItsOpenDescriptor() throws {
        // A file unlinked after tally opened it stays readable (POSIX); one gone before is exit 66.
        let path = dir("gone.sqlite")
        try sqlite(path, jobsTableSQL + insertJobSQL(1))
        let flag = dir("paused")
        let child = try Child(reportArguments([path], out: dir("out")), environment: ["TALLY_TEST_PAUSE_AFTER_SCAN": flag])
        try waitUntil("the run to pause") { exists(flag) }
        unlink(path)
        unlink(flag)
        let result = child.wait()
        #expect(result.status == 0, "\(result.stderr)")
        try expectReportFails([path], in: TempDir(), 66, mentions: ["gone.sqlite"])
    }
}
