/// Percentiles of one duration population; `nil` values when `count` is zero.
package struct DurationStats: Sendable, Equatable {
    package var count: Int64 = 0
    package var p50Micros: Int64?
    package var p90Micros: Int64?
    package var p99Micros: Int64?
    package var maxMicros: Int64?
}

/// Queue wait (started - created) and run time (completed - started) of a group of jobs.
package struct DurationRow: Sendable, Equatable {
    /// Job type; `nil` for the overall row.
    package var jobType: String?
    package var queueWait: DurationStats = DurationStats()
    package var runTime: DurationStats = DurationStats()
}

/// Durations overall and per job type, with the percentile method used.
package struct DurationSection: Sendable, Equatable {
    /// How percentiles were computed, shown verbatim, e.g. `exact` or `t-digest (δ=100)`.
    package var method: String = "exact"
    package var overall: DurationRow = DurationRow(jobType: nil)
    package var byJobType: [DurationRow] = []
}

/// Failed jobs and documents sharing one normalised error message.
package struct ErrorCluster: Sendable, Equatable {
    /// The message with numbers, ids and URLs masked.
    package var normalizedMessage: String
    /// One raw message of the cluster (the first seen).
    package var exampleMessage: String
    /// jobs + documents.
    package var count: Int64
    package var jobs: Int64
    package var documents: Int64
    package var firstSeen: Instant?
    package var lastSeen: Instant?
    /// count / all failures of the period.
    package var shareOfFailures: Ratio
}

/// A failure-rate table row; `name` is `nil` when the value was absent.
package struct FailureRateRow: Sendable, Equatable {
    package var name: String?
    package var total: Int64
    package var failed: Int64

    /// failed / total.
    package var rate: Ratio { Ratio(failed, of: total) }
}

/// Error clusters and failure rates.
package struct ErrorSection: Sendable, Equatable {
    /// Every cluster (at most `ErrorTally.clusterLimit` and "(other messages)"), largest
    /// first; the pages show the first few, `errors.csv` all.
    package var clusters: [ErrorCluster] = []
    /// Number of clusters in all (before taking the top ones).
    package var clusterCount: Int64 = 0
    /// All failures of the period (failed jobs + failed documents).
    package var totalFailures: Int64 = 0
    /// Jobs of the period with status `failed`.
    package var failedJobs: Int64 = 0
    /// Document rows of the period with status `failed` (not the jobs' `failed_count`).
    package var failedDocuments: Int64 = 0
    /// Failure rate of jobs per job type.
    package var byJobType: [FailureRateRow] = []
    /// Failure rate of jobs per `config.model_name`.
    package var byModel: [FailureRateRow] = []
    /// Failure rate of documents per file source type.
    package var byFileSourceType: [FailureRateRow] = []
    /// Failure rate of documents per extraction method.
    package var byExtractionMethod: [FailureRateRow] = []
}
