/// Percentiles of one duration population; `nil` values when `count` is zero.
public struct DurationStats: Sendable, Equatable {
    public var count: Int64
    public var p50Micros: Int64?
    public var p90Micros: Int64?
    public var p99Micros: Int64?
    public var maxMicros: Int64?

    /// Makes duration statistics (microseconds).
    public init(count: Int64 = 0, p50: Int64? = nil, p90: Int64? = nil, p99: Int64? = nil, max: Int64? = nil) {
        self.count = count
        self.p50Micros = p50
        self.p90Micros = p90
        self.p99Micros = p99
        self.maxMicros = max
    }
}

/// Queue wait (started - created) and run time (completed - started) of a group of jobs.
public struct DurationRow: Sendable, Equatable {
    /// Job type; `nil` for the overall row.
    public var jobType: String?
    public var queueWait: DurationStats
    public var runTime: DurationStats

    /// Makes a duration row.
    public init(jobType: String?, queueWait: DurationStats = DurationStats(), runTime: DurationStats = DurationStats()) {
        self.jobType = jobType
        self.queueWait = queueWait
        self.runTime = runTime
    }
}

/// Durations overall and per job type, with the percentile method used.
public struct DurationSection: Sendable, Equatable {
    /// How percentiles were computed, shown verbatim, e.g. `exact` or `t-digest (δ=100)`.
    public var method: String
    public var overall: DurationRow
    public var byJobType: [DurationRow]

    /// Makes a duration section.
    public init(method: String = "exact", overall: DurationRow = DurationRow(jobType: nil), byJobType: [DurationRow] = []) {
        self.method = method
        self.overall = overall
        self.byJobType = byJobType
    }
}

/// Failed jobs and documents sharing one normalised error message.
public struct ErrorCluster: Sendable, Equatable {
    /// The message with numbers, ids and URLs masked.
    public var normalizedMessage: String
    /// One raw message of the cluster (the first seen).
    public var exampleMessage: String
    /// jobs + documents.
    public var count: Int64
    public var jobs: Int64
    public var documents: Int64
    public var firstSeen: Instant?
    public var lastSeen: Instant?
    /// count / all failures of the period.
    public var shareOfFailures: Ratio

    /// Makes an error cluster.
    public init(
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
public struct FailureRateRow: Sendable, Equatable {
    public var name: String?
    public var total: Int64
    public var failed: Int64

    /// Makes a failure-rate row.
    public init(_ name: String?, total: Int64, failed: Int64) {
        self.name = name
        self.total = total
        self.failed = failed
    }

    /// failed / total.
    public var rate: Ratio { Ratio(failed, of: total) }
}

/// Error clusters and failure rates.
public struct ErrorSection: Sendable, Equatable {
    /// Top clusters (at most 20), largest first.
    public var clusters: [ErrorCluster]
    /// Number of clusters in all (before taking the top ones).
    public var clusterCount: Int64
    /// All failures of the period (failed jobs + failed documents).
    public var totalFailures: Int64
    /// Failure rate of jobs per job type.
    public var byJobType: [FailureRateRow]
    /// Failure rate of jobs per `config.model_name`.
    public var byModel: [FailureRateRow]
    /// Failure rate of documents per file source type.
    public var byFileSourceType: [FailureRateRow]
    /// Failure rate of documents per extraction method.
    public var byExtractionMethod: [FailureRateRow]

    /// Makes an error section.
    public init(
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
