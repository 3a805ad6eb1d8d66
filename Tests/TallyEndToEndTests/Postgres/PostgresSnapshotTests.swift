import Foundation
import Testing

/// A service writing while tally reads never changes a run's numbers: every
/// reader (`--jobs 3`, each its own connection and block range) imports the
/// snapshot the run exported before the writes committed.
@Suite(.enabled(if: PostgresServer.enabled, "no PostgreSQL server programs (apt-get install postgresql)"))
struct PostgresSnapshotTests {
    let dir = TempDir()

    /// Inserts, updates and deletes jobs and documents the way the live service does, committed at once.
    private static let writes = """
        BEGIN;
        INSERT INTO jobs (id, user_id, job_type, status, total_documents, processed_count, failed_count, config, created_at, completed_at)
          SELECT gen_random_uuid(), NULL, 'batch', 'completed', 7, 7, 0, '{"model_name":"writer/model"}',
                 timestamptz '2026-11-28 12:00:00+00' + n * interval '1 second', timestamptz '2026-11-28 13:00:00+00'
          FROM generate_series(1, 50) AS n;
        UPDATE jobs SET status = 'failed', failed_count = failed_count + 1 WHERE status = 'completed' AND created_at >= '2026-11-01';
        DELETE FROM documents WHERE status = 'success' AND ctid IN (SELECT ctid FROM documents WHERE status = 'success' LIMIT 40);
        DELETE FROM jobs WHERE status = 'cancelled';
        COMMIT;
        """

    /// Runs `arguments` paused after the snapshot, commits `writes` meanwhile, and returns the result.
    private func runWhileWriting(_ arguments: [String], server: PostgresServer, database: String) throws -> RunResult {
        let flag = dir("paused-\(UUID().uuidString)")
        let child = try Child(arguments, environment: ["TALLY_TEST_PAUSE_AFTER_SNAPSHOT": flag])
        try waitUntil("the run to take its snapshot") { FileManager.default.fileExists(atPath: flag) }
        try server.psql(database, Self.writes)
        try FileManager.default.removeItem(atPath: flag)
        return child.wait()
    }

    @Test func aWriterDuringTheRunDoesNotChangeTheReport() throws {
        let server = try PostgresServer.require()
        let sqlite = try dir.sample(jobs: 1200, users: 6, formats: [.sqlite]) + "/history.sqlite"
        let database = try server.load(sqlite, prefix: "writer")
        let uri = server.uri(database)
        let arguments = ["report", uri, "--period", "2026-11", "--as-of", "2026-11-29T00:00:00Z", "--jobs", "3", "--quiet"]
        #expect(try Tally.run(arguments + ["--out", dir("before")]).status == 0)
        let during = try runWhileWriting(arguments + ["--out", dir("during")], server: server, database: database)
        #expect(during.status == 0, "\(during.stderr)")
        #expect(try directoryBytes(dir("during")) == directoryBytes(dir("before")))
        // The writes did land: a run started after them sees other numbers.
        #expect(try Tally.run(arguments + ["--out", dir("after")]).status == 0)
        #expect(try directoryBytes(dir("after"))["usage.json"] != directoryBytes(dir("before"))["usage.json"])
    }

    @Test func aServerThatGoesAwayMidRunIsExit66AndWritesNothing() throws {
        let server = try PostgresServer.require()
        let sqlite = try dir.sample(jobs: 300, users: 4, formats: [.sqlite]) + "/history.sqlite"
        let database = try server.load(sqlite, prefix: "gone")
        let flag = dir("paused")
        let child = try Child(
            ["report", server.uri(database), "--out", dir("out"), "--period", "2026-11", "--jobs", "2"],
            environment: ["TALLY_TEST_PAUSE_AFTER_SNAPSHOT": flag])
        try waitUntil("the run to take its snapshot") { FileManager.default.fileExists(atPath: flag) }
        // This database's connections only: the server is shared with the tests running alongside.
        try server.psql(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tally' AND datname = current_database()")
        try FileManager.default.removeItem(atPath: flag)
        let run = child.wait()
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.errorLines.count == 1, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir("out")))
    }

    @Test func aWriterDuringTheRunDoesNotChangeStats() throws {
        let server = try PostgresServer.require()
        let sqlite = try dir.sample(jobs: 1200, users: 6, formats: [.sqlite]) + "/history.sqlite"
        let database = try server.load(sqlite, prefix: "writer")
        let uri = server.uri(database)
        let users = ["stats", uri, "--all-users", "--jobs", "3"]
        #expect(try Tally.run(users + ["--out", dir("before")]).status == 0)
        let during = try runWhileWriting(users + ["--out", dir("during")], server: server, database: database)
        #expect(during.status == 0, "\(during.stderr)")
        #expect(try directoryBytes(dir("during")) == directoryBytes(dir("before")))
        let one = ["stats", uri, "--user", "alice@example.com", "--api-compat"]
        let before = try Tally.run(one)
        let duringOne = try runWhileWriting(one, server: server, database: database)
        #expect(duringOne.status == 0, "\(duringOne.stderr)")
        #expect(duringOne.stdout == before.stdout)
        #expect(try Tally.run(one).stdout != before.stdout)
    }
}
