extension ReportPushDown {
    /// The trend: the included owners' jobs counted per trend period (`width_bucket` over the
    /// periods' bounds), folded into `TrendTally` as a read counts them one by one.
    ///
    /// - Throws: `TallyError.cannotOpen` when the query fails.
    static func trends(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ sql: ReportPushDownSQL, _ usage: inout UsageAccumulator
    ) throws {
        let query = """
            SELECT \(sql.trendPeriod("j.created_at")), count(*), \(jobs.sum("total_documents")), \(jobs.sum("processed_count")),
              \(jobs.sum("failed_count"))
            FROM \(source.jobsTable) AS j
            WHERE \(jobs.usable) AND \(sql.includes("j.user_id")) AND \(sql.inTrend("j.created_at"))
            GROUP BY 1
            """
        var partial = TrendTally(periods: sql.scope.trendLabels.count)
        try source.pushDownRows(query, wires: Array(repeating: .integer, count: 5)) { row in
            partial.add(
                jobs: row.integer(1), documents: row.integer(2), processed: row.integer(3), failed: row.integer(4),
                at: Int(clamping: row.integer(0)) - 1)
        }
        usage.trend.merge(partial)
    }

    /// Error groups with their earliest rows, and the customer pages' detail. The period's failed
    /// jobs and documents stream into `ErrorTally` as a read adds them (narrowed by WHERE to the
    /// failures: a group needs its earliest rows and a message its clustering in Swift, which no
    /// GROUP BY hands over), their groups also into the detailed customers' (`detailedCustomers`).
    ///
    /// - Throws: `TallyError.cannotOpen` when a query fails.
    static func failuresAndDetails(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ documents: PostgresSource.PushDownDocuments?,
        _ sql: ReportPushDownSQL, active: Set<String?>, _ usage: inout UsageAccumulator
    ) throws {
        let failedDocuments = documents.map {
            "\(sql.includes($0.owner)) AND \(sql.inPeriod($0.instant)) AND \($0.status) = 'failed'"
        }
        var candidates = active
        if let documents, let failedDocuments {
            let owners = "SELECT \(documents.owner) FROM \(documents.from) WHERE \(documents.usable) AND \(failedDocuments) GROUP BY 1"
            try source.pushDownRows(owners, wires: [.uuid]) { candidates.insert($0.uuid(0)) }
        }
        let detailed = try detailedCustomers(source, jobs, sql, candidates: candidates, &usage)
        let period = "\(sql.includes("j.user_id")) AND \(sql.inPeriod("j.created_at"))"
        try source.streamJobs(where: "\(period) AND \(jobs.status) = 'failed'", details: true) { job in
            let key = usage.errors.addFailure(job)
            if detailed.contains(job.userID) { usage.details.update(job.userID) { $0.addFailure(key) } }
        }
        guard let failedDocuments else { return }
        try source.streamDocuments(where: failedDocuments) { document in
            guard let instant = document.processedAt ?? document.job?.createdAt ?? document.createdAt else { return }
            let key = usage.errors.addFailure(document, at: instant)
            let owner = DocumentMetrics.owner(document)
            if detailed.contains(owner) { usage.details.update(owner) { $0.addFailure(key) } }
        }
    }

    /// The customers whose detail is kept (the `CustomerDetail.limit` smallest `candidates`: those
    /// with a job or a failed document of the period), with their jobs' series, job types and
    /// models counted per customer by GROUP BYs (`= ANY` of their ids); returns them.
    private static func detailedCustomers(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ sql: ReportPushDownSQL, candidates: Set<String?>,
        _ usage: inout UsageAccumulator
    ) throws -> Set<String?> {
        // Smallest first (the anonymous customer before any id), so each update keeps or drops at once.
        for user in candidates.sorted(by: { ($0 ?? "") < ($1 ?? "") }) { usage.details.update(user) { _ in } }
        let detailed = Set(usage.details.byUser.keys)
        guard !detailed.isEmpty else { return detailed }
        let filter = "\(jobs.usable) AND \(sql.includes("j.user_id")) AND \(sql.inPeriod("j.created_at")) "
            + "AND \(ReportPushDownSQL.among("j.user_id", detailed))"
        let series = """
            SELECT j.user_id, \(sql.segment("j.created_at")), count(*), \(jobs.sum("processed_count")), \(jobs.sum("failed_count"))
            FROM \(source.jobsTable) AS j WHERE \(filter) GROUP BY 1, 2
            """
        try source.pushDownRows(series, wires: [.uuid, .integer, .integer, .integer, .integer]) { row in
            let bucket = sql.place(segment: row.integer(1)).bucket
            usage.details.update(row.uuid(0)) {
                $0.add(jobs: row.integer(2), processed: row.integer(3), failed: row.integer(4), bucket: bucket)
            }
        }
        let kinds = "SELECT j.user_id, \(jobs.jobType), \(jobs.model), count(*) FROM \(source.jobsTable) AS j WHERE \(filter) GROUP BY 1, 2, 3"
        try source.pushDownRows(kinds, wires: [.uuid, .text, .text, .integer]) { row in
            let count = row.integer(3)
            usage.details.update(row.uuid(0)) {
                $0.jobTypes.add(row.text(1) ?? "batch", count)
                $0.models.add(row.text(2) ?? "(none)", count)
            }
        }
        return detailed
    }
}
