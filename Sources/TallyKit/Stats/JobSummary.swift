/// A job as the endpoint's `recent_activity` shows it, plus what its stats need.
package struct JobSummary: Sendable, Equatable {
    package var id: String
    package var jobType: String
    package var status: String
    package var totalDocuments: Int64
    package var processedCount: Int64
    package var failedCount: Int64
    package var startedAt: Instant?
    package var completedAt: Instant?
    package var createdAt: Instant

    /// The summary of a job record.
    package init(_ job: JobRecord) {
        id = job.id
        jobType = job.jobType
        status = job.status
        totalDocuments = job.totalDocuments
        processedCount = job.processedCount
        failedCount = job.failedCount
        startedAt = job.startedAt
        completedAt = job.completedAt
        createdAt = job.createdAt
    }

    /// Its place in newest-first order.
    package var recencyKey: RecencyKey { RecencyKey(createdAt: createdAt, id: id) }
}

/// Adds without trapping: counters from bad rows can be huge, sums saturate at the Int64 limits.
@inline(__always)
func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? .max : .min) : sum
}
