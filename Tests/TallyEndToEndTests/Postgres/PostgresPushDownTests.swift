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

    /// A sample history in a database, with documents whose metadata and messages test the SQL's reading of them.
    private func reportDatabase() throws -> String {
        let server = try PostgresServer.require()
        let sqlite = try dir.sample(jobs: 1500, users: 9, formats: [.sqlite]) + "/history.sqlite"
        let database = try server.load(sqlite, prefix: "pushreport")
        let long = String(repeating: "é timeout after 30 s on node-17 ", count: 40)
        try server.psql(database, """
            ALTER TABLE documents ALTER COLUMN status DROP NOT NULL;
            WITH picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM documents)
            UPDATE documents d SET processing_metadata = (ARRAY[
                '{"processing_time": 0.0000005, "tokens_used": -5}', '{"processing_time": 2.5e-6, "tokens_used": 1.0}',
                '{"processing_time": 1e13, "tokens_used": 99999999999999999999}', '{"processing_time": "3", "tokens_used": "7"}',
                '{"processing_time": 0.1234565, "tokens_used": 9223372036854775807, "extraction_method": 4}',
                '[1, 2]', 'null', '{"processing_time": -1, "extraction_method": "ocr"}'
              ]::jsonb[])[1 + p.n % 8],
              status = CASE WHEN p.n % 11 = 0 THEN NULL WHEN p.n % 5 = 0 THEN 'failed' ELSE d.status END,
              error_message = CASE WHEN p.n % 3 = 0 THEN '\(long)' || p.n ELSE d.error_message END,
              processed_at = CASE WHEN p.n % 13 = 0 THEN NULL ELSE d.processed_at END
            FROM picked p WHERE p.id = d.id;
            UPDATE jobs SET error_message = '\(long)' || (ctid::text) WHERE status = 'failed' AND random() < 0.5;
            UPDATE jobs SET started_at = created_at WHERE status = 'processing' AND random() < 0.3;
            UPDATE jobs SET status = 'queued', completed_at = NULL WHERE id IN (SELECT id FROM jobs ORDER BY id LIMIT 7);
            UPDATE jobs SET total_documents = 2000000000 WHERE id IN (SELECT id FROM jobs ORDER BY id DESC LIMIT 3);
            UPDATE documents SET file_size = 2000000000000000 WHERE id IN (SELECT id FROM documents ORDER BY id LIMIT 2);
            UPDATE documents SET processing_metadata = '{"tokens_used": 5000000000000000}'
              WHERE id IN (SELECT id FROM documents ORDER BY id DESC LIMIT 2);
            """)
        return server.uri(database)
    }

    @Test func reportEqualsStreamingInEveryZoneGranularityAndFilter() throws {
        let uri = try reportDatabase()
        let alice = try #require(try PostgresServer.shell(["psql", "-X", "-A", "-t", "-d", uri, "-c", "SELECT id FROM users ORDER BY email LIMIT 1"])
            .split(separator: "\n").first.map(String.init))
        let cases: [[String]] = [
            ["--from", "2026-08-01", "--to", "2026-12-01", "--tz", "Europe/Berlin"],
            ["--from", "2026-10-01", "--to", "2026-11-29", "--tz", "Australia/Adelaide", "--user", alice, "--user", "bob@example.com"],
            ["--from", "2026-11-26", "--to", "2026-11-28", "--tz", "Australia/Eucla"],
            ["--from", "2026-03-01", "--to", "2026-04-01", "--tz", "America/New_York"],
        ]
        for (i, window) in cases.enumerated() {
            let arguments = ["report", uri, "--as-of", "2026-11-29T00:00:00Z"] + window
            let streamed = try Tally.run(arguments + ["--out", dir("rs\(i)")])
            #expect(streamed.status == 0, "\(streamed.stderr)")
            #expect(streamed.messages.contains { $0.contains("over 10^15") }, "documents out of bounds are skipped: \(streamed.stderr)")
            for jobs in ["1", "3"] {
                let pushed = try Tally.run(arguments + ["--out", dir("rp\(i)-\(jobs)"), "--push-down", "--jobs", jobs])
                #expect(pushed.status == 0, "\(pushed.stderr)")
                #expect(pushed.messages == streamed.messages, "the same warnings: \(window)")
                let expected = try directoryBytes(dir("rs\(i)")), got = try directoryBytes(dir("rp\(i)-\(jobs)"))
                #expect(got.keys.sorted() == expected.keys.sorted())
                for (file, bytes) in expected.sorted(by: { $0.key < $1.key }) {
                    #expect(got[file] == bytes, "\(file) differs: \(window) --jobs \(jobs)")
                }
            }
        }
    }

    /// Past `CustomerDetail.limit` customers only the smallest ids keep their detail: push-down picks
    /// the same ones (customers with a job or a failed document of the period) and streams their jobs.
    @Test func customerDetailsPastTheLimitEqualStreaming() throws {
        let server = try PostgresServer.require()
        let sqlite = try dir.sample("many", jobs: 300, users: 6, formats: [.sqlite]) + "/history.sqlite"
        let database = try server.load(sqlite, prefix: "pushmany")
        // 2,100 more customers with a job of the period, 300 with only a failed document (owners not in users).
        try server.psql(database, """
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT conrelid::regclass AS t, conname FROM pg_constraint WHERE contype = 'f' LOOP
                EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname);
              END LOOP;
            END $$;
            INSERT INTO jobs (id, user_id, job_type, status, total_documents, processed_count, failed_count, config, error_message,
                              created_at, started_at, completed_at)
              SELECT gen_random_uuid(), gen_random_uuid(), 'batch', CASE WHEN n % 4 = 0 THEN 'failed' ELSE 'completed' END, 3, 2, 1,
                     '{"model_name": "gpt-4o"}', 'Timeout after ' || n || ' s', t, t + interval '1 minute', t + interval '5 minutes'
              FROM generate_series(1, 2100) AS n, LATERAL (SELECT '2026-11-10'::timestamptz + n * interval '7 minutes' AS t) AS s;
            INSERT INTO documents (id, user_id, title, file_path, file_source_type, status, error_message, processed_at, created_at)
              SELECT gen_random_uuid(), gen_random_uuid(), 't', 'p', 'upload', 'failed', 'Parse error on page ' || n,
                     '2026-11-12'::timestamptz + n * interval '3 minutes', '2026-11-12'::timestamptz
              FROM generate_series(1, 300) AS n;
            """)
        let uri = server.uri(database)
        let arguments = ["report", uri, "--as-of", "2026-11-29T00:00:00Z", "--from", "2026-11-01", "--to", "2026-12-01", "--format", "html"]
        let streamed = try Tally.run(arguments + ["--out", dir("ms")])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        let expected = try directoryBytes(dir("ms"))
        #expect(expected.keys.filter { $0.hasPrefix("customers/") }.count > 2001, "more customers than keep their detail")
        let pushed = try Tally.run(arguments + ["--out", dir("mp"), "--push-down", "--jobs", "3"])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let got = try directoryBytes(dir("mp"))
        #expect(got.keys.sorted() == expected.keys.sorted())
        for (file, bytes) in expected.sorted(by: { $0.key < $1.key }) where got[file] != bytes {
            Issue.record("\(file) differs")
        }
    }

    @Test func refusesAnythingButOnePostgresSource() throws {
        let (_, uri) = try edgeDatabase()
        let sqlite = try dir.sample(jobs: 50, users: 2, formats: [.sqlite]) + "/history.sqlite"
        let cases: [([String], String)] = [
            (["stats", sqlite, "--all-users", "--out", dir("x1")], "needs a PostgreSQL source"),
            (["stats", uri, sqlite, "--all-users", "--out", dir("x2")], "one PostgreSQL source, not 2"),
            (["stats", uri, "--user", "alice@example.com"], "is for --all-users"),
            (["report", uri, "--out", dir("x3"), "--plan", Tally.packageRoot.path + "/sample-data/plan.yaml"], "does not bill yet"),
            (["report", sqlite, "--out", dir("x4")], "needs a PostgreSQL source"),
        ]
        for (arguments, message) in cases {
            let run = try Tally.run(arguments + ["--push-down"])
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
    }
}
