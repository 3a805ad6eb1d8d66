/// Percentiles of one duration population; `nil` values when `count` is zero.
package struct DurationStats: Sendable, Equatable {
    package var count: Int64
    package var p50Micros: Int64?
    package var p90Micros: Int64?
    package var p99Micros: Int64?
    package var maxMicros: Int64?

    /// Makes duration statistics (microseconds).
    package init(count: Int64 = 0, p50: Int64? = nil, p90: Int64? = nil, p99: Int64? = nil, max: Int64? = nil) {
        self.count = count
        self.p50Micros = p50
        self.p90Micros = p90
        self.p99Micros = p99
        self.maxMicros = max
    }
}

/// Queue wait (started - created) and run time (completed - started) of a group of jobs.
package struct DurationRow: Sendable, Equatable {
    /// Job type; `nil` for the overall row.
    package var jobType: String?
    package var queueWait: DurationStats
    package var runTime: DurationStats

    /// Makes a duration row.
    package init(jobType: String?, queueWait: DurationStats = DurationStats(), runTime: DurationStats = DurationStats()) {
        self.jobType = jobType
        self.queueWait = queueWait
        self.runTime = runTime
    }
}

/// Durations overall and per job type, with the percentile method used.
package struct DurationSection: Sendable, Equatable {
    /// How percentiles were computed, shown verbatim, e.g. `exact` or `t-digest (δ=100)`.
    package var method: String
    package var overall: DurationRow
    package var byJobType: [DurationRow]

    /// Makes a duration section.
    package init(method: String = "exact", overall: DurationRow = DurationRow(jobType: nil), byJobType: [DurationRow] = []) {
        self.method = method
        self.overall = overall
        self.byJobType = byJobType
    }
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

    /// Makes an error cluster.
    package init(
        normalizedMessage: String, exampleMessage: String, count: Int64, jobs: Int64, documents: Int64,
        firstSeen: Instant?, lastSeen: Instant?, shareOfFailures: Ratio
    ) {
        self.normalizedMessage = normalizedMessage
        self.exampleMessage = exampleMessage
        self.count = count
        self.jobs = jobs
        self.documents = documents
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.shareOfFailures = shareOfFailures
    }
}

/// A failure-rate table row; `name` is `nil` when the value was absent.
package struct FailureRateRow: Sendable, Equatable {
    package var name: String?
    package var total: Int64
    package var failed: Int64

    /// Makes a failure-rate row.
    package init(_ name: String?, total: Int64, failed: Int64) {
        self.name = name
        self.total = total
        self.failed = failed
    }

    /// failed / total.
    package var rate: Ratio { Ratio(failed, of: total) }
}

/// Error clusters and failure rates.
package struct ErrorSection: Sendable, Equatable {
    /// Top clusters (at most 20), largest first.
    package var clusters: [ErrorCluster]
    /// Number of clusters in all (before taking the top ones).
    package var clusterCount: Int64
    /// All failures of the period (failed jobs + failed documents).
    package var totalFailures: Int64
    /// Failure rate of jobs per job type.
    package var byJobType: [FailureRateRow]
    /// Failure rate of jobs per `config.model_name`.
    package var byModel: [FailureRateRow]
    /// Failure rate of documents per file source type.
    package var byFileSourceType: [FailureRateRow]
    /// Failure rate of documents per extraction method.
    package var byExtractionMethod: [FailureRateRow]

    /// Makes an error section.
    package init(
        clusters: [ErrorCluster] = [], clusterCount: Int64 = 0, totalFailures: Int64 = 0,
        byJobType: [FailureRateRow] = [], byModel: [FailureRateRow] = [],
        byFileSourceType: [FailureRateRow] = [], byExtractionMethod: [FailureRateRow] = []
    ) {
        self.clusters = clusters
        self.clusterCount = clusterCount
        self.totalFailures = totalFailures
        self.byJobType = byJobType
        self.byModel = byModel
        self.byFileSourceType = byFileSourceType
        self.byExtractionMethod = byExtractionMethod
    }
}
