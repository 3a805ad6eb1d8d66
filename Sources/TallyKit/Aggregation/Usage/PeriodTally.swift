/// Headline counts of the jobs created in one period.
struct PeriodTally: Sendable {
    var jobs: Int64 = 0
    var documents: Int64 = 0
    var processed: Int64 = 0
    var failed: Int64 = 0
    var byStatus = FewKeyDictionary<String, Int64>.counts(other: "(other statuses)")
    var byType = FewKeyDictionary<String, Int64>.counts(other: "(other job types)")
    var sizes = JobSizes()

    mutating func add(_ job: JobRecord) {
        jobs += 1
        documents = saturatingAdd(documents, job.totalDocuments)
        processed = saturatingAdd(processed, job.processedCount)
        failed = saturatingAdd(failed, job.failedCount)
        byStatus.update(job.status, default: 0) { $0 += 1 }
        byType.update(job.jobType, default: 0) { $0 += 1 }
        sizes.add(job)
    }

    mutating func merge(_ other: PeriodTally) {
        jobs += other.jobs
        documents = saturatingAdd(documents, other.documents)
        processed = saturatingAdd(processed, other.processed)
        failed = saturatingAdd(failed, other.failed)
        byStatus.merge(other.byStatus, default: 0)
        byType.merge(other.byType, default: 0)
        sizes.merge(other.sizes)
    }

    /// The report's totals: statuses and types by count, then name; jobs whose size has
    /// at least `implausibleDigits` digits are counted apart.
    func totals(implausibleDigits: Int) -> PeriodTotals {
        PeriodTotals(
            jobs: jobs, documents: documents, processed: processed, failed: failed,
            successRate: Ratio(processed, of: saturatingAdd(processed, failed)),
            jobCompletionRate: Ratio(byStatus["completed"] ?? 0, of: jobs),
            jobsByStatus: Self.ranked(byStatus.dictionary), jobsByType: Self.ranked(byType.dictionary),
            implausibleJobs: sizes.count(atLeast: implausibleDigits))
    }

    /// Counts largest first, ties by name.
    static func ranked(_ counts: [String: Int64]) -> [NamedCount] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { NamedCount(name: $0.key, count: $0.value) }
    }
}

/// Jobs and failures per name (job type, model, source type, extraction method).
struct FailureTally: Sendable {
    var counts: FewKeyDictionary<String?, (total: Int64, failed: Int64)>

    /// An empty tally; past `FewKeyDictionary.nameLimit` names the rest count under `other`.
    init(other: String) {
        counts = FewKeyDictionary(
            limit: FewKeyDictionary<String?, (total: Int64, failed: Int64)>.nameLimit, otherKey: other,
            precedes: { a, b in b != nil && (a == nil || a! < b!) },
            fold: { $0 = ($0.total + $1.total, $0.failed + $1.failed) })
    }

    mutating func add(_ name: String?, failed: Bool) {
        counts.update(name, default: (0, 0)) { c in
            c.total += 1
            if failed { c.failed += 1 }
        }
    }

    mutating func merge(_ other: FailureTally) {
        counts.merge(other.counts, default: (0, 0))
    }

    /// Rows by total descending, then name (absent last).
    var rows: [FailureRateRow] {
        counts.dictionary.sorted { a, b in
            if a.value.total != b.value.total { return a.value.total > b.value.total }
            switch (a.key, b.key) {
            case let (x?, y?): return x < y
            case (nil, _): return false
            case (_, nil): return true
            }
        }.map { FailureRateRow(name: $0.key, total: $0.value.total, failed: $0.value.failed) }
    }
}
