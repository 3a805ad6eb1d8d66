/// One user's endpoint statistics over all their jobs, in bounded memory.
///
/// Counters and sums, a count per status with the newest job that has it (which
/// gives the endpoint's first-seen key order), and the five newest jobs.
///
/// The per-job path allocates nothing: statuses are a short array matched by
/// `==` (interned strings compare by identity first), and a `JobSummary` is only
/// built for a job that enters the five newest.
package struct UserJobTally: Sendable {
    /// One status: how many jobs have it and the newest of them.
    struct StatusCount: Sendable {
        var status: String
        var count: Int64
        var newest: RecencyKey
    }

    var totalJobs: Int64 = 0
    var totalDocuments: Int64 = 0
    var processed: Int64 = 0
    var failed: Int64 = 0
    var statuses: [StatusCount] = []
    var recent = NewestHeap<JobSummary>(limit: 5)

    /// Counts one job.
    package mutating func add(_ job: JobRecord) {
        totalJobs += 1
        totalDocuments = saturatingAdd(totalDocuments, job.totalDocuments)
        processed = saturatingAdd(processed, job.processedCount)
        failed = saturatingAdd(failed, job.failedCount)
        count(job.status, newest: job.createdAt, job.id)
        recent.offer(job)
    }

    private mutating func count(_ status: String, newest createdAt: Instant, _ id: String) {
        for i in statuses.indices where statuses[i].status == status {
            statuses[i].count += 1
            if statuses[i].newest.isOlder(than: createdAt, id) {
                statuses[i].newest = RecencyKey(createdAt: createdAt, id: id)
            }
            return
        }
        statuses.append(StatusCount(status: status, count: 1, newest: RecencyKey(createdAt: createdAt, id: id)))
    }

    /// No jobs.
    package init() {}

    /// A tally counted elsewhere (a database's GROUP BY, `--push-down`): `count` jobs of
    /// `status` with these sums, the newest of them at `newest`; no recent jobs.
    init(status: String, count: Int64, documents: Int64, processed: Int64, failed: Int64, newest: RecencyKey) {
        totalJobs = count
        totalDocuments = documents
        self.processed = processed
        self.failed = failed
        statuses = [StatusCount(status: status, count: count, newest: newest)]
    }

    /// Offers a job counted elsewhere to the five newest only.
    mutating func offerRecent(_ job: JobRecord) {
        recent.offer(job)
    }

    /// Folds in another tally of the same user.
    package mutating func merge(_ other: UserJobTally) {
        totalJobs += other.totalJobs
        totalDocuments = saturatingAdd(totalDocuments, other.totalDocuments)
        processed = saturatingAdd(processed, other.processed)
        failed = saturatingAdd(failed, other.failed)
        for entry in other.statuses {
            if let i = statuses.firstIndex(where: { $0.status == entry.status }) {
                statuses[i].count += entry.count
                statuses[i].newest = max(statuses[i].newest, entry.newest)
            } else {
                statuses.append(entry)
            }
        }
        recent.merge(other.recent)
    }

    /// The endpoint object for these jobs (uncapped).
    package var stats: EndpointStats {
        var result = EndpointStats()
        result.totalJobs = totalJobs
        result.totalDocuments = totalDocuments
        result.documentsProcessed = processed
        result.documentsFailed = failed
        result.jobsByStatus = statuses
            .sorted { $1.newest < $0.newest }
            .map { ($0.status, $0.count) }
        result.recentActivity = recent.newestFirst.map(\.element)
        return result
    }
}
