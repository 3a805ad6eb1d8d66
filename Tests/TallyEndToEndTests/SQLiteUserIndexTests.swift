import Foundation
import Testing

/// `tally stats --user` on SQLite reads the user's jobs through the
/// `jobs(user_id)` index and prints exactly what a scan of every job prints.
@Suite struct SQLiteUserIndexTests {
    let dir = TempDir()

    /// The edge history with some ids stored as BLOBs, a bad row of another user,
    /// and a copy without the index (which tally reads by scanning).
    private func histories() throws -> (indexed: String, scanned: String) {
        let indexed = try EdgeHistory.write(into: dir)
        try sqlite(indexed, """
            UPDATE jobs SET user_id = CAST(user_id AS BLOB) WHERE rowid % 11 = 0 AND user_id IS NOT NULL;
            UPDATE jobs SET created_at = 'not a time' WHERE rowid = (SELECT max(rowid) FROM jobs
              WHERE user_id = (SELECT id FROM users WHERE email = 'bob@example.com'));
            """)
        let scanned = dir("scanned.sqlite")
        try FileManager.default.copyItem(atPath: indexed, toPath: scanned)
        try sqlite(scanned, "DROP INDEX idx_jobs_user_id;")
        return (indexed, scanned)
    }

    @Test func indexLookupEqualsTheScanForEveryUserAndMode() throws {
        let (indexed, scanned) = try histories()
        let alice = try EdgeHistory.aliceID(indexed)
        let users = ["alice@example.com", alice, alice.uppercased(), "bob@example.com", "carol@example.com", "nobody@example.com",
                     "99999999-9999-4999-8999-999999999999", "not-a-uuid"]
        for user in users {
            for mode in [[], ["--api-compat"]] {
                let expected = try Tally.run(["stats", scanned, "--user", user] + mode)
                for jobs in ["1", "3"] {
                    let got = try Tally.run(["stats", indexed, "--user", user, "--jobs", jobs] + mode)
                    #expect(got.status == expected.status, "\(user) \(mode): \(got.stderr)")
                    #expect(got.stdout == expected.stdout, "\(user) \(mode) --jobs \(jobs)")
                }
            }
        }
    }

    @Test func theLookupReadsOnlyTheUsersAndAnonymousJobs() throws {
        let (indexed, scanned) = try histories()
        // Alice's lookup never meets the bad row of another user; the scan does and warns.
        let scan = try Tally.run(["stats", scanned, "--user", "alice@example.com", "--log-level", "warning"])
        let lookup = try Tally.run(["stats", indexed, "--user", "alice@example.com", "--log-level", "warning"])
        #expect(scan.stderr.contains("skipped"))
        #expect(!lookup.stderr.contains("skipped"), "\(lookup.stderr)")
        #expect(lookup.stdout == scan.stdout)
    }
}
