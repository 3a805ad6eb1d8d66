/// `tally report --push-down`: the report's tallies computed by PostgreSQL.
///
/// GROUP BY queries count the period's jobs per time segment, status, type and
/// model, per customer, per trend period and per duration-sketch bucket;
/// each result row becomes a partial tally (`PeriodTally`, `TimeTally`,
/// `FailureTally`, `CustomerTally`, `TrendTally`, `QuantileSketch`) folded in
/// with the tally's own `merge`. What needs single jobs streams, narrowed by a
/// WHERE: the data-quality findings, the active jobs and newest completions,
/// the rows of `jobs.csv` (in reading order, by `ctid`), and the failures and
/// detailed customers' jobs (`ReportPushDown+Details`). Documents:
/// `ReportPushDown+Documents`.
enum ReportPushDown {
    /// Adds the usable rows of `source` to `aggregate` as a streaming read would, and their counts to `diagnostics`.
    ///
    /// - Throws: `TallyError.usage` when the schema is not the service's types; `cannotOpen` when a query fails.
    static func add(
        _ source: PostgresSource, to aggregate: inout ReportAccumulator, diagnostics: inout ScanDiagnostics, listJobs: Bool,
        cancellation: Cancellation?
    ) throws {
        let sql = try ReportPushDownSQL(scope: aggregate.usage.scope)
        let jobs = try source.pushDownJobs()
        let every = try touchOwners(source, jobs, &aggregate.usage)
        diagnostics.rowsRead[source.name, default: [:]][.job, default: 0] += every.count
        try cancellation?.check()
        try periodJobs(source, jobs, sql, &aggregate.usage)
        let active = try customers(source, jobs, sql, &aggregate.usage)
        try trends(source, jobs, sql, &aggregate.usage)
        try durations(source, jobs, sql, &aggregate.usage)
        try cancellation?.check()
        try quality(source, jobs, sizes: every.sizes, &aggregate.usage)
        try singleJobs(source, jobs, sql, &aggregate, listJobs: listJobs)
        for (user, tally) in try StatsPushDown.userTallies(source, cancellation: cancellation) {
            aggregate.stats.merge(tally, of: user)
        }
        try cancellation?.check()
        let documents = try source.pushDownDocuments()
        if let documents {
            let read = try addDocuments(source, documents, sql, &aggregate.usage, cancellation: cancellation)
            diagnostics.rowsRead[source.name, default: [:]][.document, default: 0] += read
        }
        try cancellation?.check()
        try failuresAndDetails(source, jobs, documents, sql, active: active, &aggregate.usage)
    }

    /// Every job's owner is known to the report (`customers.touch`), and every job's size
    /// (data quality); returns the usable jobs' count and their sizes.
    private static func touchOwners(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ usage: inout UsageAccumulator
    ) throws -> (count: Int64, sizes: JobSizes) {
        var count: Int64 = 0
        var sizes = JobSizes()
        let query = "SELECT j.user_id, \(jobs.sizeDigits), count(*) FROM \(source.jobsTable) AS j WHERE \(jobs.usable) GROUP BY 1, 2"
        try source.pushDownRows(query, wires: [.uuid, .integer, .integer]) { row in
            usage.customers.touch(row.uuid(0), default: CustomerTally())
            count += row.integer(2)
            sizes.merge(JobSizes(digits: Int(row.integer(1)), count: row.integer(2)))
        }
        return (count, sizes)
    }

    /// Headline counts of this and the previous period, the jobs' time series, and failures per type and model.
    private static func periodJobs(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ sql: ReportPushDownSQL, _ usage: inout UsageAccumulator
    ) throws {
        let wall = "CASE WHEN j.completed_at >= j.started_at THEN \(ReportPushDownSQL.micros(from: "j.started_at", to: "j.completed_at")) END"
        let query = """
            SELECT CASE WHEN \(sql.inPeriod("j.created_at")) THEN \(sql.segment("j.created_at")) ELSE 0 END, \(jobs.status),
              \(jobs.jobType), \(jobs.model), \(jobs.sizeDigits), count(*), \(jobs.sum("total_documents")), \(jobs.sum("processed_count")),
              \(jobs.sum("failed_count")), \(ReportPushDownSQL.sum(wall))
            FROM \(source.jobsTable) AS j
            WHERE \(jobs.usable) AND \(sql.includes("j.user_id"))
              AND (\(sql.inPeriod("j.created_at")) OR \(sql.inPreviousPeriod("j.created_at")))
            GROUP BY 1, 2, 3, 4, 5
            """
        let wires: [PushDownWire] = [.integer, .text, .text, .text] + Array(repeating: .integer, count: 6)
        // One partial per tally, merged once: a time series may have thousands of buckets.
        var current = PeriodTally(), previous = PeriodTally(), errors = ErrorTally()
        var time = TimeTally(buckets: sql.scope.bucketStarts.count, days: sql.scope.dayStarts.count)
        try source.pushDownRows(query, wires: wires) { row in
            let segment = row.integer(0), status = row.text(1) ?? "pending", type = row.text(2) ?? "batch", count = row.integer(5)
            var group = PeriodTally()
            group.jobs = count
            group.documents = row.integer(6)
            group.processed = row.integer(7)
            group.failed = row.integer(8)
            group.byStatus.update(status, default: 0) { $0 += count }
            group.byType.update(type, default: 0) { $0 += count }
            group.sizes = JobSizes(digits: Int(row.integer(4)), count: count)
            guard segment > 0 else { return previous.merge(group) }
            current.merge(group)
            let place = sql.place(segment: segment)
            time.jobsCreated[place.bucket] += count
            time.processed[place.bucket] = saturatingAdd(time.processed[place.bucket], group.processed)
            time.failed[place.bucket] = saturatingAdd(time.failed[place.bucket], group.failed)
            time.documentsPerDay[place.day] = saturatingAdd(time.documentsPerDay[place.day], group.documents)
            time.documentsByHour[place.hour] = saturatingAdd(time.documentsByHour[place.hour], group.documents)
            time.jobWallMicros = saturatingAdd(time.jobWallMicros, row.integer(9))
            errors.byJobType.add(type, failed: status == "failed", count: count)
            errors.byModel.add(row.text(3), failed: status == "failed", count: count)
        }
        usage.current.merge(current)
        usage.previous.merge(previous)
        usage.time.merge(time)
        usage.errors.merge(errors)
    }

    /// Each customer's jobs of the period; returns the customers with a job of the period.
    private static func customers(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ sql: ReportPushDownSQL, _ usage: inout UsageAccumulator
    ) throws -> Set<String?> {
        var active: Set<String?> = []
        let query = """
            SELECT j.user_id, count(*), \(jobs.sum("total_documents")), \(jobs.sum("processed_count")), \(jobs.sum("failed_count")),
              min(j.created_at), max(GREATEST(j.created_at, j.completed_at))
            FROM \(source.jobsTable) AS j
            WHERE \(jobs.usable) AND \(sql.includes("j.user_id")) AND \(sql.inPeriod("j.created_at"))
            GROUP BY 1
            """
        try source.pushDownRows(query, wires: [.uuid, .integer, .integer, .integer, .integer, .timestamp, .timestamp]) { row in
            var customer = CustomerTally()
            customer.jobs = row.integer(1)
            customer.documents = row.integer(2)
            customer.processed = row.integer(3)
            customer.failed = row.integer(4)
            if let first = row.instant(5) { customer.see(first) }
            if let last = row.instant(6) { customer.see(last) }
            usage.customers.update(row.uuid(0), default: CustomerTally()) { $0.merge(customer) }
            active.insert(row.uuid(0))
        }
        return active
    }

    /// Queue-wait and run-time sketches per job type, as bucket counts.
    private static func durations(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ sql: ReportPushDownSQL, _ usage: inout UsageAccumulator
    ) throws {
        let filter = "\(jobs.usable) AND \(sql.includes("j.user_id")) AND \(sql.inPeriod("j.created_at"))"
        let wait = ReportPushDownSQL.micros(from: "j.created_at", to: "j.started_at")
        let run = ReportPushDownSQL.micros(from: "j.started_at", to: "j.completed_at")
        let query = """
            SELECT t, k, \(ReportPushDownSQL.sketchBucket("v")), count(*), max(v) FROM (
              SELECT \(jobs.jobType) AS t, 0 AS k, \(wait) AS v FROM \(source.jobsTable) AS j
                WHERE \(filter) AND j.started_at >= j.created_at
              UNION ALL
              SELECT \(jobs.jobType), 1, \(run) FROM \(source.jobsTable) AS j
                WHERE \(filter) AND j.completed_at >= j.started_at
            ) AS d GROUP BY 1, 2, 3
            """
        var partial = DurationTally()
        try source.pushDownRows(query, wires: [.text, .integer, .integer, .integer, .integer]) { row in
            let bucket = row.integer(2), type = row.text(0) ?? "batch"
            let sketch = QuantileSketch(bucket: bucket < 0 ? nil : Int(bucket), count: row.integer(3), max: row.integer(4))
            if row.integer(1) == 0 {
                partial.queue.update(type, default: QuantileSketch()) { $0.merge(sketch) }
                partial.queueAll.merge(sketch)
            } else {
                partial.run.update(type, default: QuantileSketch()) { $0.merge(sketch) }
                partial.runAll.merge(sketch)
            }
        }
        usage.durations.merge(partial)
    }

    /// Data quality: the jobs with a finding and the five largest, one by one, into a
    /// partial whose job sizes are every job's (counted by `touchOwners`).
    private static func quality(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, sizes: JobSizes, _ usage: inout UsageAccumulator
    ) throws {
        let counters = ["total_documents", "processed_count", "failed_count"].map(jobs.counter)
        let findings = """
            (\(counters[1]) + \(counters[2]) > \(counters[0]) OR j.completed_at < j.started_at
             OR (\(jobs.status) IN ('completed', 'failed', 'cancelled') AND j.completed_at IS NULL)
             OR \(counters[0]) < 0 OR \(counters[1]) < 0 OR \(counters[2]) < 0)
            """
        var partial = QualityTally()
        var largest: Set<String> = []
        // `QualityTally.SizeKey`: size descending, the smallest id first among equal sizes.
        try source.streamJobs(where: nil, order: "\(jobs.size) DESC, j.id ASC LIMIT 5", details: false) { job in
            largest.insert(job.id)
            partial.add(job)
        }
        try source.streamJobs(where: findings, details: false) { job in
            if !largest.contains(job.id) { partial.add(job) }
        }
        partial.sizes = sizes
        usage.quality.merge(partial)
    }

    /// The jobs the report needs one by one: jobs in flight and the newest completions as of
    /// "now", and the period's `jobs.csv` rows in reading order.
    private static func singleJobs(
        _ source: PostgresSource, _ jobs: PostgresSource.PushDownJobs, _ sql: ReportPushDownSQL, _ aggregate: inout ReportAccumulator,
        listJobs: Bool
    ) throws {
        let scope = sql.scope
        let seen = "\(sql.includes("j.user_id")) AND j.created_at <= \(sql.asOf)"
        // `JobLifecycle.isInFlight`.
        let inFlight = "(\(jobs.status) IN ('pending', 'processing') "
            + "OR (j.completed_at IS NULL AND \(jobs.status) NOT IN ('completed', 'failed', 'cancelled')))"
        try source.streamJobs(where: "\(seen) AND \(inFlight)", details: false) { job in
            aggregate.usage.activity.add(job, scope: scope)
        }
        let completed = "\(seen) AND NOT \(inFlight) AND j.completed_at <= \(sql.asOf)"
        // A plain ORDER BY ... LIMIT (Citus pushes it to every worker and merges): the order of `RecencyKey`, as uuids order alike.
        try source.streamJobs(where: completed, order: "j.completed_at DESC, j.id DESC LIMIT 10", details: false) { job in
            aggregate.usage.activity.add(job, scope: scope)
        }
        guard listJobs else { return }
        let listed = "\(sql.includes("j.user_id")) AND \(sql.inPeriod("j.created_at"))"
        try source.streamJobs(where: listed, order: "1", details: true) { aggregate.jobs.add($0) }
    }
}

extension FailureTally {
    /// Counts `count` jobs (or documents) of `name` at once.
    mutating func add(_ name: String?, failed: Bool, count: Int64) {
        counts.update(name, default: (0, 0)) { c in
            c.total += count
            if failed { c.failed += count }
        }
    }
}
