import Foundation
import TallyKit
import Testing

/// A SQLite history built to break a one-user lookup: a user with more than
/// 1000 jobs, a tie of equal `created_at` instants (spelled differently) across
/// position 1000 of the endpoint's selection, anonymous jobs inside the tie,
/// counters at 2^31 - 1 so sums pass 2^32, and ids stored in upper case.
enum EdgeHistory {
    /// alice's id in every edge history (the sample generator's first user).
    static func aliceID(_ database: String) throws -> String {
        var users = UserCollector()
        try SQLiteSource(path: database, name: database).read(ReadOptions(kinds: [.user]), into: &users)
        return try #require(users.users.first { $0.email == "alice@example.com" }?.id)
    }

    /// Writes the history into `directory` and returns the SQLite path.
    static func write(into directory: TempDir) throws -> String {
        let sample = try directory.sample("edge", jobs: 3600, users: 3, formats: [.sqlite])
        let database = sample + "/history.sqlite"
        let alice = try aliceID(database)
        let tie = try instant(ofNewest: 998, user: alice, in: database)
        let spellings = [tie.isoString, spell(tie, offset: "+05:30", hours: 5, minutes: 30), spell(tie, offset: "+00:00", hours: 0, minutes: 0)]
        var sql = "BEGIN;\n"
        for k in 0..<6 {
            let id = String(format: "%08x-0000-4000-8000-%012d", 0x7fff_fff0 + k * 3, k)
            let user = k % 3 == 2 ? "NULL" : "'\(alice.uppercased())'"
            sql += """
                INSERT INTO jobs (id, user_id, job_type, status, total_documents, processed_count, failed_count, config,
                  started_at, completed_at, created_at, updated_at)
                VALUES ('\(k % 2 == 0 ? id.uppercased() : id)', \(user), 'batch', '\(k % 2 == 0 ? "completed" : "tie-status")',
                  \(k + 1), \(k), 1, '{"model_name": "tie/model"}', NULL, NULL, '\(spellings[k % 3])', NULL);

                """
        }
        sql += """
            UPDATE jobs SET total_documents = 2147483647, processed_count = 2147483000 WHERE rowid IN
              (SELECT rowid FROM jobs WHERE user_id = '\(alice)' ORDER BY rowid LIMIT 5);
            UPDATE jobs SET user_id = upper(user_id) WHERE rowid % 7 = 0 AND user_id IS NOT NULL;
            UPDATE jobs SET id = upper(id) WHERE rowid % 5 = 0;
            COMMIT;
            """
        try sqlite(database, sql)
        return database
    }

    /// The `created_at` of the `n`-th newest job among `user`'s and the anonymous ones.
    private static func instant(ofNewest n: Int, user: String, in database: String) throws -> Instant {
        var jobs = JobCollector(user: user)
        try SQLiteSource(path: database, name: database).read(ReadOptions(kinds: [.job]), into: &jobs)
        let sorted = jobs.instants.sorted(by: >)
        return try #require(sorted.count > n ? sorted[n - 1] : nil, "the sample has too few jobs for a tie at \(n)")
    }

    /// `instant` written in local time at a positive offset: `YYYY-MM-DD HH:MM:SS.ffffff+05:30`.
    private static func spell(_ instant: Instant, offset: String, hours: Int64, minutes: Int64) -> String {
        let local = instant.adding(microseconds: (hours * 3600 + minutes * 60) * 1_000_000).isoString
        return String(local.replacingOccurrences(of: "T", with: " ").dropLast()) + offset
    }

    private struct UserCollector: RecordVisitor {
        var users: [UserRecord] = []
        mutating func visit(_ record: consuming HistoryRecord, at location: RecordLocation) throws {
            if case .user(let user) = record { users.append(user) }
        }
        mutating func skip(_ skipped: SkippedRecord) throws {}
    }

    private struct JobCollector: RecordVisitor {
        let user: String
        var instants: [Instant] = []
        mutating func visit(_ record: consuming HistoryRecord, at location: RecordLocation) throws {
            if case .job(let job) = record, job.userID == nil || job.userID == user { instants.append(job.createdAt) }
        }
        mutating func skip(_ skipped: SkippedRecord) throws {}
    }
}
