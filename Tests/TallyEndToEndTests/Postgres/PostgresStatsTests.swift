import Foundation
import Testing

/// `tally stats` from PostgreSQL equals the same history read from SQLite, byte
/// for byte: one user (the index path) and every user, both modes, any `--jobs`.
@Suite(.enabled(if: PostgresServer.enabled, "no PostgreSQL server programs (apt-get install postgresql)"))
struct PostgresStatsTests {
    let dir = TempDir()

    /// The edge history in SQLite and loaded into a database; `scan` is the SQLite file without its user_id index.
    private func histories() throws -> (server: PostgresServer, sqlite: String, scan: String, database: String) {
        let server = try PostgresServer.require()
        let history = try EdgeHistory.write(into: dir)
        let scan = dir("scan.sqlite")
        try FileManager.default.copyItem(atPath: history, toPath: scan)
        try sqlite(scan, "DROP INDEX idx_jobs_user_id;")
        return (server, history, scan, try server.load(history, prefix: "stats"))
    }

    @Test func oneUserEqualsSQLiteInBothModesIncludingTiesAndAnonymousJobs() throws {
        let (server, sqlite, scan, database) = try histories()
        let alice = try EdgeHistory.aliceID(sqlite)
        let users = ["alice@example.com", "ALICE@example.com", alice, alice.uppercased(), "bob@example.com", "carol@example.com"]
        for user in users {
            for mode in [[], ["--api-compat"], ["--pretty"]] {
                let expected = try Tally.run(["stats", scan, "--user", user, "--jobs", "1"] + mode)
                #expect(expected.status == 0, "\(expected.stderr)")
                for source in [sqlite, server.uri(database)] {
                    for jobs in ["1", "3"] {
                        let got = try Tally.run(["stats", source, "--user", user, "--jobs", jobs] + mode)
                        #expect(got.status == 0, "\(got.stderr)")
                        #expect(got.stdout == expected.stdout, "\(source) --user \(user) \(mode) --jobs \(jobs)")
                    }
                }
            }
        }
        // The tie really crosses position 1000: alice's capped selection holds some of the tied jobs, not all.
        let capped = try Tally.run(["stats", server.uri(database), "--user", "alice@example.com", "--api-compat"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(capped.stdout)) as? [String: Any])
        let statuses = try #require(object["jobs_by_status"] as? [String: Int])
        #expect(object["total_jobs"] as? Int == 1000)
        #expect((1...2).contains(statuses["tie-status"] ?? 0), "\(statuses)")
        let full = try Tally.run(["stats", server.uri(database), "--user", "alice@example.com"])
        #expect((try JSONSerialization.jsonObject(with: Data(full.stdout)) as? [String: Any])?["documents_processed"] as? Int ?? 0 > 1 << 32)
    }

    /// `--api-compat` narrows the database's query to jobs created at or after a bound
    /// (`newestJobsBound`); from every depth the bound is looked for at (some too shallow,
    /// some landing in the tie across position 1000) the answer is the SQLite file's.
    @Test func oneUserCappedEqualsSQLiteFromEveryBoundDepth() throws {
        let (server, _, scan, database) = try histories()
        let alice = try EdgeHistory.aliceID(scan)
        for user in ["alice@example.com", "bob@example.com", alice] {
            let expected = try Tally.run(["stats", scan, "--user", user, "--api-compat", "--jobs", "1"])
            #expect(expected.status == 0, "\(expected.stderr)")
            for depth in [1, 999, 1000, 1001, 1100, 1300, 1600, 2000, 2500, 3000, 3500] {
                let got = try Tally.run(
                    ["stats", server.uri(database), "--user", user, "--api-compat"],
                    environment: ["TALLY_TEST_USER_JOBS_DEPTH": "\(depth)"])
                #expect(got.status == 0, "\(got.stderr)")
                #expect(got.stdout == expected.stdout, "--user \(user) --api-compat, bound looked for at depth \(depth)")
            }
        }
    }

    /// With a second source, an id's winner is picked among all its versions: an old
    /// anonymous job that a JSON export has as new (but updated earlier) must stay old.
    @Test func oneUserWithAnotherSourceMergesEveryVersionOfAnID() throws {
        let (server, sqlite, scan, database) = try histories()
        let rows = try PostgresServer.shell(["sqlite3", sqlite, """
            SELECT id FROM jobs WHERE user_id IS NULL AND updated_at IS NOT NULL ORDER BY created_at LIMIT 1
            """])
        let old = rows.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let export = dir.write("newer.ndjson", ndjson([jobJSON(id: old, user: "x", [
            "user_id": "null", "created_at": "\"2026-11-28T23:59:00Z\"", "updated_at": "\"2001-01-01T00:00:00Z\"",
            "status": "\"merged-away\"",
        ])]))
        for mode in [[], ["--api-compat"]] {
            let expected = try Tally.run(["stats", scan, export, "--user", "alice@example.com"] + mode)
            #expect(expected.status == 0, "\(expected.stderr)")
            #expect(!expected.out.contains("merged-away"))
            for source in [sqlite, server.uri(database)] {
                let got = try Tally.run(["stats", source, export, "--user", "alice@example.com"] + mode)
                #expect(got.stdout == expected.stdout, "\(source) + NDJSON \(mode)")
            }
        }
    }

    @Test func unknownUsersAreExit66FromEverySource() throws {
        let (server, sqlite, scan, database) = try histories()
        for user in ["nobody@example.com", "99999999-9999-4999-8999-999999999999", "not-a-uuid"] {
            for mode in [[], ["--api-compat"]] {
                let expected = try Tally.run(["stats", scan, "--user", user] + mode)
                #expect(expected.status == 66)
                for source in [sqlite, server.uri(database)] {
                    let got = try Tally.run(["stats", source, "--user", user] + mode)
                    #expect(got.status == 66, "\(source) \(user): \(got.stderr)")
                    #expect(got.stdout == expected.stdout)
                }
            }
        }
    }

    @Test func allUsersEqualSQLiteInBothModes() throws {
        let (server, sqlite, _, database) = try histories()
        for mode in [[], ["--api-compat"]] {
            let expected = dir("sqlite-\(mode.count)")
            #expect(try Tally.run(["stats", sqlite, "--all-users", "--out", expected] + mode).status == 0)
            for jobs in ["1", "3"] {
                let out = dir("pg-\(mode.count)-\(jobs)")
                let run = try Tally.run(["stats", server.uri(database), "--all-users", "--out", out, "--jobs", jobs] + mode)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(try directoryBytes(out) == directoryBytes(expected), "--all-users \(mode) --jobs \(jobs)")
            }
        }
    }
}

/// Every regular file under `directory` (relative path to bytes).
func directoryBytes(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path))
        }
    }
    return files
}
