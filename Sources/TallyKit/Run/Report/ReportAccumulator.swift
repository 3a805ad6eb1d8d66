/// The one pass of `tally report`: usage analytics, per-user endpoint stats, and the rows of `jobs.csv`.
///
/// The report's aggregates count; the `jobs.csv` rows are not an aggregate but a
/// sink the run owns (spools made by its `SpoolFactory`), fed here with the jobs
/// the period lists, in reading order.
package struct ReportAccumulator: Accumulator {
    package var usage: UsageAccumulator
    package var stats: EndpointStatsAccumulator
    /// The rows of `jobs.csv` (no spools when CSV is not written).
    var jobs: JobsCSVRows

    /// Both aggregates, empty, with `jobs.csv` rows going to `spool` when given.
    init(usage: UsageAccumulator, stats: EndpointStatsAccumulator, spool: JobsSpool?) {
        self.usage = usage
        self.stats = stats
        self.jobs = JobsCSVRows(spool)
    }

    /// Gives a job to both aggregates, and its row to `jobs.csv` when the period lists it.
    package mutating func add(_ job: JobRecord) {
        usage.add(job)
        stats.add(job)
        if usage.scope.lists(job) { jobs.add(job) }
    }

    /// Gives a document to the usage aggregate (stats count jobs only).
    package mutating func add(_ document: DocumentRecord) {
        usage.add(document)
    }

    /// Folds in a later shard.
    package mutating func merge(_ later: ReportAccumulator) {
        usage.merge(later.usage)
        stats.merge(later.stats)
        jobs.merge(later.jobs)
    }
}
