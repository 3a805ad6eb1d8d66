/// Headline counts of the jobs created in one period.
struct PeriodTally: Sendable {
    var jobs: Int64 = 0
    var documents: Int64 = 0
    var processed: Int64 = 0
    var failed: Int64 = 0
    var byStatus: [String: Int64] = [:]
    var byType: [String: Int64] = [:]

    mutating func add(_ job: JobRecord) {
        jobs += 1
        documents = saturatingAdd(documents, job.totalDocuments)
        processed = saturatingAdd(processed, job.processedCount)
        failed = saturatingAdd(failed, job.failedCount)
        byStatus[job.status, default: 0] += 1
        byType[job.jobType, default: 0] += 1
    }

    mutating func merge(_ other: PeriodTally) {
        jobs += other.jobs
        documents = saturatingAdd(documents, other.documents)
        processed = saturatingAdd(processed, other.processed)
        failed = saturatingAdd(failed, other.failed)
        byStatus.merge(other.byStatus, uniquingKeysWith: +)
        byType.merge(other.byType, uniquingKeysWith: +)
    }

    /// The report's totals: statuses and types by count, then name.
    var totals: PeriodTotals {
        PeriodTotals(
            jobs: jobs, documents: documents, processed: processed, failed: failed,
            successRate: Ratio(processed, of: processed + failed),
            jobCompletionRate: Ratio(byStatus["completed"] ?? 0, of: jobs),
            jobsByStatus: Self.ranked(byStatus), jobsByType: Self.ranked(byType))
    }

    /// Counts largest first, ties by name.
    static func ranked(_ counts: [String: Int64]) -> [NamedCount] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { NamedCount($0.key, $0.value) }
    }
}

/// Jobs and failures per name (job type, model, source type, extraction method).
struct FailureTally: Sendable {
    var counts: [String?: (total: Int64, failed: Int64)] = [:]

    mutating func add(_ name: String?, failed: Bool) {
        // One hash: the defaulted subscript is updated in place.
        Self.bump(&counts[name, default: (0, 0)], failed: failed)
    }

    private static func bump(_ c: inout (total: Int64, failed: Int64), failed: Bool) {
        c.total += 1
        if failed { c.failed += 1 }
    }

    mutating func merge(_ other: FailureTally) {
        for (name, c) in other.counts {
            let old = counts[name] ?? (0, 0)
            counts[name] = (old.total + c.total, old.failed + c.failed)
        }
    }

    /// Rows by total descending, then name (absent last).
    var rows: [FailureRateRow] {
        counts.sorted { a, b in
            if a.value.total != b.value.total { return a.value.total > b.value.total }
            switch (a.key, b.key) {
            case let (x?, y?): return x < y
            case (nil, _): return false
            case (_, nil): return true
            }
        }.map { FailureRateRow($0.key, total: $0.value.total, failed: $0.value.failed) }
    }
}
