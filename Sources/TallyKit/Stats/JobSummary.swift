/// A job as the endpoint's `recent_activity` shows it, plus what its stats need.
public struct JobSummary: Sendable, Equatable {
    public var id: String
    public var jobType: String
    public var status: String
    public var totalDocuments: Int64
    public var processedCount: Int64
    public var failedCount: Int64
    public var startedAt: Instant?
    public var completedAt: Instant?
    public var createdAt: Instant

    /// The summary of a job record.
    public init(_ job: JobRecord) {
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
    public var recencyKey: RecencyKey { RecencyKey(createdAt: createdAt, id: id) }
}

/// Adds without trapping: counters from bad rows can be huge, sums saturate at the Int64 limits.
@inline(__always)
func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? .max : .min) : sum
}
