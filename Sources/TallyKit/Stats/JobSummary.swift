/// A job as the endpoint's `recent_activity` shows it, plus what its stats need.
package struct JobSummary: Sendable, Equatable {
    package var id: String
    package var jobType: String
    package var status: String
    package var totalDocuments: Int64
    package var processedCount: Int64
    package var failedCount: Int64
    package var createdAt: Instant
    /// started_at and completed_at as microseconds, `Int64.min` for none: one summary is
    /// kept for each of a user's newest jobs, and an `Instant?` takes 16 bytes, these 8.
    private var startedMicros: Int64
    private var completedMicros: Int64

    package var startedAt: Instant? {
        get { startedMicros == .min ? nil : Instant(microseconds: startedMicros) }
        set { startedMicros = newValue?.microseconds ?? .min }
    }

    package var completedAt: Instant? {
        get { completedMicros == .min ? nil : Instant(microseconds: completedMicros) }
        set { completedMicros = newValue?.microseconds ?? .min }
    }

    /// The summary of a job record.
    package init(_ job: JobRecord) {
        id = job.id
        jobType = job.jobType
        status = job.status
        totalDocuments = job.totalDocuments
        processedCount = job.processedCount
        failedCount = job.failedCount
        startedMicros = job.startedAt?.microseconds ?? .min
        completedMicros = job.completedAt?.microseconds ?? .min
        createdAt = job.createdAt
    }

    /// Its place in newest-first order.
    package var recencyKey: RecencyKey { RecencyKey(createdAt: createdAt, id: id) }
}
