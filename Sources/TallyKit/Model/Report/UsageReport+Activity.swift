/// A job that is pending or processing at `asOf`.
public struct ActiveJob: Sendable, Equatable {
    public var id: String
    public var userID: String?
    public var email: String?
    public var jobType: String
    public var status: String
    public var createdAt: Instant
    public var startedAt: Instant?
    /// asOf - (startedAt ?? createdAt), microseconds.
    public var ageMicros: Int64

    /// Makes an active-job entry.
    public init(
        id: String, userID: String?, email: String? = nil, jobType: String, status: String,
        createdAt: Instant, startedAt: Instant? = nil, ageMicros: Int64
    ) {
        self.id = id
        self.userID = userID
        self.email = email
        self.jobType = jobType
        self.status = status
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.ageMicros = ageMicros
    }
}

/// A job that reached a terminal status, for the "newest completions" list.
public struct CompletedJob: Sendable, Equatable {
    public var id: String
    public var userID: String?
    public var email: String?
    public var jobType: String
    public var status: String
    public var completedAt: Instant
    /// completed - started, microseconds, when both are known.
    public var runTimeMicros: Int64?
    public var totalDocuments: Int64
    public var processed: Int64
    public var failed: Int64

    /// Makes a completed-job entry.
    public init(
        id: String, userID: String?, email: String? = nil, jobType: String, status: String,
        completedAt: Instant, runTimeMicros: Int64?, totalDocuments: Int64, processed: Int64, failed: Int64
    ) {
        self.id = id
        self.userID = userID
        self.email = email
        self.jobType = jobType
        self.status = status
        self.completedAt = completedAt
        self.runTimeMicros = runTimeMicros
        self.totalDocuments = totalDocuments
        self.processed = processed
        self.failed = failed
    }
}

/// Jobs active, stuck and recently completed at `asOf`; lists are capped, counts are not.
public struct Activity: Sendable, Equatable {
    public var pending: [ActiveJob]
    public var pendingCount: Int64
    public var processing: [ActiveJob]
    public var processingCount: Int64
    /// Active for longer than `stuckAfterMicros`, oldest first.
    public var stuck: [ActiveJob]
    public var stuckCount: Int64
    /// Newest first (about 10).
    public var newestCompletions: [CompletedJob]

    /// Makes an activity section.
    public init(
        pending: [ActiveJob] = [], pendingCount: Int64 = 0, processing: [ActiveJob] = [], processingCount: Int64 = 0,
        stuck: [ActiveJob] = [], stuckCount: Int64 = 0, newestCompletions: [CompletedJob] = []
    ) {
        self.pending = pending
        self.pendingCount = pendingCount
        self.processing = processing
        self.processingCount = processingCount
        self.stuck = stuck
        self.stuckCount = stuckCount
        self.newestCompletions = newestCompletions
    }
}

/// One customer's usage in the period; `userID == nil` is the anonymous customer.
public struct CustomerRow: Sendable, Equatable {
    public var userID: String?
    public var email: String?
    public var name: String?
    public var jobs: Int64
    public var documents: Int64
    public var processed: Int64
    public var failed: Int64
    /// Sum of document processing_time, microseconds.
    public var processingMicros: Int64
    public var tokens: Int64
    public var firstActivity: Instant?
    public var lastActivity: Instant?

    /// Makes a customer row.
    public init(
        userID: String?, email: String?, name: String?, jobs: Int64, documents: Int64, processed: Int64,
        failed: Int64, processingMicros: Int64, tokens: Int64, firstActivity: Instant?, lastActivity: Instant?
    ) {
        self.userID = userID
        self.email = email
        self.name = name
        self.jobs = jobs
        self.documents = documents
        self.processed = processed
        self.failed = failed
        self.processingMicros = processingMicros
        self.tokens = tokens
        self.firstActivity = firstActivity
        self.lastActivity = lastActivity
    }

    /// processed / (processed + failed).
    public var successRate: Ratio { Ratio(processed, of: processed + failed) }
}

/// One bucket of the time series.
public struct TimeBucket: Sendable, Equatable {
    public var start: Instant
    /// Label in the report zone, e.g. `2026-03-01` or `2026-03-01 14:00`.
    public var label: String
    public var jobsCreated: Int64
    public var documentsProcessed: Int64
    public var documentsFailed: Int64

    /// Makes a bucket.
    public init(start: Instant, label: String, jobsCreated: Int64, documentsProcessed: Int64, documentsFailed: Int64) {
        self.start = start
        self.label = label
        self.jobsCreated = jobsCreated
        self.documentsProcessed = documentsProcessed
        self.documentsFailed = documentsFailed
    }
}

/// Jobs and documents per day, or per hour for periods of 3 days or less.
public struct TimeSeries: Sendable, Equatable {
    /// Bucket size.
    public enum Granularity: String, Sendable, Equatable {
        case day, hour
    }

    public var granularity: Granularity
    /// Every bucket of the period, in order, empty ones included.
    public var buckets: [TimeBucket]

    /// Makes a time series.
    public init(granularity: Granularity = .day, buckets: [TimeBucket] = []) {
        self.granularity = granularity
        self.buckets = buckets
    }
}
