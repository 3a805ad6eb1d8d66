/// A job in flight at `asOf` (`Activity`).
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

/// Jobs in flight, stuck and recently completed at `asOf`; lists are capped, counts are not.
///
/// A job is in flight when `pending` or `processing`, or in any other status but the
/// terminal `completed`, `failed` and `cancelled` (`queued`...) while it has no
/// completed_at; stuck when in flight for longer than `stuckAfterMicros` (since
/// started_at when processing, else created_at).
package struct Activity: Sendable, Equatable {
    /// Status `pending`, oldest first.
    package var pending: [ActiveJob] = []
    package var pendingCount: Int64 = 0
    /// Status `processing`, oldest first.
    package var processing: [ActiveJob] = []
    package var processingCount: Int64 = 0
    /// Every job in flight.
    package var inFlightCount: Int64 = 0
    /// Jobs in flight per status, most first.
    package var inFlightByStatus: [NamedCount] = []
    /// In flight and not stuck, oldest first.
    package var active: [ActiveJob] = []
    package var activeCount: Int64 = 0
    /// In flight for longer than `stuckAfterMicros`, oldest first.
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
    package var successRate: Ratio { Ratio(processed, of: saturatingAdd(processed, failed)) }
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

/// Jobs and documents per hour, day, week, month or year, as the period's length asks
/// (hours for periods of 3 days or less, days up to 400 days; at most 400 buckets).
package struct TimeSeries: Sendable, Equatable {
    /// Bucket size (`year` buckets may span several years past 400 years).
    package enum Granularity: String, Sendable, Equatable {
        case hour, day, week, month, year
    }

    package var granularity: Granularity = .day
    /// Every bucket of the period, in order, empty ones included.
    package var buckets: [TimeBucket] = []
}
