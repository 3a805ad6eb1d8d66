/// Headline counts per trend period (`Trends`): a fixed handful of counters, whatever the history's size.
struct TrendTally: Sendable {
    /// Per period, oldest first: jobs, documents, processed, failed.
    private(set) var counts: [(jobs: Int64, documents: Int64, processed: Int64, failed: Int64)]

    /// Zero counts for `periods` periods.
    init(periods: Int) {
        counts = Array(repeating: (0, 0, 0, 0), count: periods)
    }

    /// Counts a job created in period `index`, as `PeriodTally` counts it.
    mutating func add(_ job: JobRecord, at index: Int) {
        add(jobs: 1, documents: job.totalDocuments, processed: job.processedCount, failed: job.failedCount, at: index)
    }

    /// Counts `jobs` jobs of period `index` with their counters' sums at once (`--push-down`).
    mutating func add(jobs: Int64, documents: Int64, processed: Int64, failed: Int64, at index: Int) {
        guard counts.indices.contains(index) else { return }
        counts[index].jobs += jobs
        counts[index].documents = saturatingAdd(counts[index].documents, documents)
        counts[index].processed = saturatingAdd(counts[index].processed, processed)
        counts[index].failed = saturatingAdd(counts[index].failed, failed)
    }

    mutating func merge(_ other: TrendTally) {
        for i in counts.indices where other.counts.indices.contains(i) {
            counts[i].jobs += other.counts[i].jobs
            counts[i].documents = saturatingAdd(counts[i].documents, other.counts[i].documents)
            counts[i].processed = saturatingAdd(counts[i].processed, other.counts[i].processed)
            counts[i].failed = saturatingAdd(counts[i].failed, other.counts[i].failed)
        }
    }

    /// The report's trend: one point per period of `scope`.
    func trends(scope: ReportScope) -> Trends {
        var points: [TrendPoint] = []
        for (i, label) in scope.trendLabels.enumerated() {
            let c = counts.indices.contains(i) ? counts[i] : (jobs: 0, documents: 0, processed: 0, failed: 0)
            points.append(TrendPoint(
                label: label, from: scope.trendBounds[i], to: scope.trendBounds[i + 1],
                jobs: c.jobs, documents: c.documents, processed: c.processed, failed: c.failed))
        }
        return Trends(unit: scope.trendUnit, points: points)
    }
}
