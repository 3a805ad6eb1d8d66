import Foundation
import Testing

/// `--push-down` (GROUP BY in the database) writes exactly what streaming writes
/// from the same database, warnings included; it refuses anything but one PostgreSQL source.
@Suite(.enabled(if: PostgresServer.enabled, "no PostgreSQL server programs (apt-get install postgresql)"))
struct PostgresPushDownTests {
    let dir = TempDir()

    /// The edge history (ties at the endpoint's cap, sums past 2^32, upper-case ids) in a
    /// database, with rows a read skips and statuses and types NULL.
    private func edgeDatabase() throws -> (PostgresServer, String) {
        let server = try PostgresServer.require()
        let database = try server.load(try EdgeHistory.write(into: dir), prefix: "push")
        try server.psql(database, """
            ALTER TABLE jobs ALTER COLUMN status DROP NOT NULL, ALTER COLUMN job_type DROP NOT NULL;
            INSERT INTO jobs (id, user_id, job_type, status, created_at)
              SELECT gen_random_uuid(), user_id, 'batch', 'completed', 'infinity' FROM jobs WHERE user_id IS NOT NULL LIMIT 2;
            INSERT INTO jobs (id, user_id, job_type, status, created_at, started_at)
              SELECT gen_random_uuid(), user_id, 'x', 'y', '2026-11-02', '-infinity' FROM jobs WHERE user_id IS NOT NULL LIMIT 1;
            INSERT INTO jobs (id, user_id, job_type, status, created_at)
              SELECT gen_random_uuid(), user_id, NULL, NULL, '2026-11-01' FROM jobs WHERE user_id IS NOT NULL LIMIT 3;
            """)
        return (server, server.uri(database))
    }

    @Test func statsAllUsersEqualsStreamingInBothModes() throws {
        let (_, uri) = try edgeDatabase()
        for mode in [[], ["--api-compat"], ["--pretty"]] {
            let streamed = try Tally.run(["stats", uri, "--all-users", "--out", dir("s\(mode)")] + mode)
            #expect(streamed.status == 0, "\(streamed.stderr)")
            for jobs in ["1", "3"] {
                let pushed = try Tally.run(["stats", uri, "--all-users", "--push-down", "--jobs", jobs, "--out", dir("p\(mode)\(jobs)")] + mode)
                #expect(pushed.status == 0, "\(pushed.stderr)")
                #expect(try directoryBytes(dir("p\(mode)\(jobs)")) == directoryBytes(dir("s\(mode)")), "\(mode) --jobs \(jobs)")
                #expect(pushed.messages == streamed.messages)
            }
            #expect(streamed.messages.count == 3, "the skipped rows are warned about: \(streamed.stderr)")
        }
    }

    @Test func refusesAnythingButOnePostgresSource() throws {
        let (_, uri) = try edgeDatabase()
        let sqlite = try dir.sample(jobs: 50, users: 2, formats: [.sqlite]) + "/history.sqlite"
        let cases: [([String], String)] = [
            (["stats", sqlite, "--all-users", "--out", dir("x1")], "needs a PostgreSQL source"),
            (["stats", uri, sqlite, "--all-users", "--out", dir("x2")], "one PostgreSQL source, not 2"),
            (["stats", uri, "--user", "alice@example.com"], "is for --all-users"),
        ]
        for (arguments, message) in cases {
            let run = try Tally.run(arguments + ["--push-down"])
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
    }
}
