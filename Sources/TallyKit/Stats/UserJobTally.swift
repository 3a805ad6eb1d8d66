/// One user's endpoint statistics over all their jobs, in bounded memory.
///
/// Counters and sums, a count per status with the newest job that has it (which
/// gives the endpoint's first-seen key order), and the five newest jobs.
public struct UserJobTally: Sendable {
    var totalJobs: Int64 = 0
    var totalDocuments: Int64 = 0
    var processed: Int64 = 0
    var failed: Int64 = 0
    var statuses: [String: (count: Int64, newest: RecencyKey)] = [:]
    var recent = NewestHeap<JobSummary>(limit: 5)

    /// An empty tally.
    public init() {}

    /// Counts one job.
    public mutating func add(_ job: JobSummary) {
        let key = job.recencyKey
        totalJobs += 1
        totalDocuments = saturatingAdd(totalDocuments, job.totalDocuments)
        processed = saturatingAdd(processed, job.processedCount)
        failed = saturatingAdd(failed, job.failedCount)
        if let entry = statuses[job.status] {
            statuses[job.status] = (entry.count + 1, max(entry.newest, key))
        } else {
            statuses[job.status] = (1, key)
        }
        recent.add(job, key: key)
    }

    /// Folds in another tally of the same user.
    public mutating func merge(_ other: UserJobTally) {
        totalJobs += other.totalJobs
        totalDocuments = saturatingAdd(totalDocuments, other.totalDocuments)
        processed = saturatingAdd(processed, other.processed)
        failed = saturatingAdd(failed, other.failed)
        for (status, entry) in other.statuses {
            if let mine = statuses[status] {
                statuses[status] = (mine.count + entry.count, max(mine.newest, entry.newest))
            } else {
                statuses[status] = entry
            }
        }
        recent.merge(other.recent)
    }

    /// The endpoint object for these jobs (uncapped).
    public var stats: EndpointStats {
        var result = EndpointStats()
        result.totalJobs = totalJobs
        result.totalDocuments = totalDocuments
        result.documentsProcessed = processed
        result.documentsFailed = failed
        result.jobsByStatus = statuses
            .sorted { $1.value.newest < $0.value.newest }
            .map { ($0.key, $0.value.count) }
        result.recentActivity = recent.newestFirst.map(\.element)
        return result
    }
}
