/// A job that is pending or processing at `asOf`.
package struct ActiveJob: Sendable, Equatable {
    package var id: String
    package var userID: String?
    package var email: String?
    package var jobType: String
    package var status: String
    package var createdAt: Instant
    package var startedAt: Instant?
    /// asOf - (startedAt ?? createdAt), microseconds.
    package var ageMicros: Int64
}

/// A job that reached a terminal status, for the "newest completions" list.
package struct CompletedJob: Sendable, Equatable {
    package var id: String
    package var userID: String?
    package var email: String?
    package var jobType: String
    package var status: String
    package var completedAt: Instant
    /// completed - started, microseconds, when both are known.
    package var runTimeMicros: Int64?
    package var totalDocuments: Int64
    package var processed: Int64
    package var failed: Int64
}

/// Jobs active, stuck and recently completed at `asOf`; lists are capped, counts are not.
package struct Activity: Sendable, Equatable {
    package var pending: [ActiveJob] = []
    package var pendingCount: Int64 = 0
    package var processing: [ActiveJob] = []
    package var processingCount: Int64 = 0
    /// Active for longer than `stuckAfterMicros`, oldest first.
    package var stuck: [ActiveJob] = []
    package var stuckCount: Int64 = 0
    /// Newest first (about 10).
    package var newestCompletions: [CompletedJob] = []
}

/// One customer's usage in the period; `userID == nil` is the anonymous customer.
package struct CustomerRow: Sendable, Equatable {
    package var userID: String?
    package var email: String?
    package var name: String?
    package var jobs: Int64
    package var documents: Int64
    package var processed: Int64
    package var failed: Int64
    /// Sum of document processing_time, microseconds.
    package var processingMicros: Int64
    package var tokens: Int64
    package var firstActivity: Instant?
    package var lastActivity: Instant?

    /// processed / (processed + failed).
    package var successRate: Ratio { Ratio(processed, of: processed + failed) }
}

/// One bucket of the time series.
package struct TimeBucket: Sendable, Equatable {
    package var start: Instant
    /// Label in the report zone, e.g. `2026-03-01` or `2026-03-01 14:00`.
    package var label: String
    package var jobsCreated: Int64
    package var documentsProcessed: Int64
    package var documentsFailed: Int64
}

/// Jobs and documents per day, or per hour for periods of 3 days or less.
package struct TimeSeries: Sendable, Equatable {
    /// Bucket size.
    package enum Granularity: String, Sendable, Equatable {
        case day, hour
    }

    package var granularity: Granularity = .day
    /// Every bucket of the period, in order, empty ones included.
    package var buckets: [TimeBucket] = []
}
