/// Every user's endpoint statistics computed by PostgreSQL (`--push-down`).
///
/// Uncapped: one `GROUP BY user_id, status` gives each status group's count and
/// counter sums; one window ranks each group's jobs newest first and streams
/// those ranked at most 5 (ties included), which hold every user's five newest
/// jobs and each status's newest job (the key order of `jobs_by_status`). Each
/// group becomes a `UserJobTally` folded in with the tally's own `merge`.
///
/// Capped (`--api-compat`): the endpoint's selection needs each job of it, so
/// only those are streamed: per user (and for the anonymous jobs) the newest
/// 1000, ties at the boundary included, added as a streaming read adds them.
package enum StatsPushDown {
    /// Adds the usable jobs of `source` to `accumulator` as a streaming read would.
    ///
    /// - Throws: `TallyError.usage` when the schema is not the service's types;
    ///   `cannotOpen` when a query fails; `Interrupted` when cancelled.
    package static func add(_ source: PostgresSource, to accumulator: inout EndpointStatsAccumulator, cancellation: Cancellation?) throws {
        if accumulator.capped {
            let window = "PARTITION BY j.user_id ORDER BY j.created_at DESC"
            try source.streamJobs(where: nil, ranked: (window, EndpointStatsAccumulator.endpointLimit), details: false) { job in
                accumulator.add(job)
            }
            return
        }
        for (user, tally) in try userTallies(source, cancellation: cancellation) {
            accumulator.merge(tally, of: user)
        }
    }

    /// Each owned job's user and their tally.
    static func userTallies(_ source: PostgresSource, cancellation: Cancellation?) throws -> [String: UserJobTally] {
        let jobs = try source.pushDownJobs()
        var tallies: [String: UserJobTally] = [:]
        var newest: [GroupKey: RecencyKey] = [:]
        let window = "PARTITION BY j.user_id, \(jobs.status) ORDER BY j.created_at DESC"
        try source.streamJobs(where: "j.user_id IS NOT NULL", ranked: (window, 5), details: false) { job in
            guard let user = job.userID else { return }
            tallies[user, default: UserJobTally()].offerRecent(job)
            newest[GroupKey(user: user, status: job.status), default: job.recencyKey].raise(to: job.recencyKey)
        }
        try cancellation?.check()
        let sql = """
            SELECT j.user_id, \(jobs.status), count(*), \(jobs.sum("total_documents")), \(jobs.sum("processed_count")),
              \(jobs.sum("failed_count"))
            FROM \(source.jobsTable) AS j WHERE \(jobs.usable) AND j.user_id IS NOT NULL GROUP BY 1, 2
            """
        try source.pushDownRows(sql, wires: [.uuid, .text, .integer, .integer, .integer, .integer]) { row in
            guard let user = row.uuid(0), let status = row.text(1), let key = newest[GroupKey(user: user, status: status)] else {
                throw TallyError.internalInconsistency("push-down: a status group without its newest job")
            }
            let group = UserJobTally(
                status: status, count: row.integer(2), documents: row.integer(3), processed: row.integer(4),
                failed: row.integer(5), newest: key)
            tallies[user, default: UserJobTally()].merge(group)
        }
        return tallies
    }

    /// A user's status group.
    private struct GroupKey: Hashable {
        var user: String
        var status: String
    }
}

extension RecencyKey {
    /// Becomes `other` when that is newer.
    fileprivate mutating func raise(to other: RecencyKey) {
        if self < other { self = other }
    }
}

extension JobRecord {
    /// Its place in newest-first order.
    fileprivate var recencyKey: RecencyKey { RecencyKey(createdAt: createdAt, id: id) }
}
