/// One user's endpoint statistics over all their jobs, in bounded memory.
///
/// Counters and sums, a count per status with the newest job that has it (which
/// gives the endpoint's first-seen key order), and the five newest jobs.
///
/// The per-job path allocates nothing: statuses are a short list matched by
/// `==` (interned strings compare by identity first), and a `JobSummary` is only
/// built for a job that enters the five newest. One is kept per user, so both lists
/// keep their first entry inline (`InlineList`): a user with one status and one job
/// costs no heap block besides its job id.
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
    var statuses = InlineList<StatusCount>()
    /// The five newest jobs, newest first.
    var recent = InlineList<JobSummary>()
    /// How many newest jobs are kept.
    static let recentLimit = 5

    /// Counts one job.
    package mutating func add(_ job: JobRecord) {
        totalJobs += 1
        totalDocuments = saturatingAdd(totalDocuments, job.totalDocuments)
        processed = saturatingAdd(processed, job.processedCount)
        failed = saturatingAdd(failed, job.failedCount)
        count(job.status, newest: job.createdAt, job.id)
        offerRecent(job)
    }

    /// Puts `summary` in its newest-first place among the kept jobs, dropping the oldest past the limit.
    private mutating func keepRecent(_ summary: JobSummary) {
        let key = summary.recencyKey
        var at = recent.count
        while at > 0, recent[at - 1].recencyKey < key { at -= 1 }
        guard at < Self.recentLimit else { return }
        recent.insert(summary, at: at)
        if recent.count > Self.recentLimit { recent.removeLast() }
    }

    private mutating func count(_ status: String, newest createdAt: Instant, _ id: String) {
        for i in statuses.indices where statuses[i].status == status {
            statuses[i].count += 1
            if statuses[i].newest.isOlder(than: createdAt, id) {
                statuses[i].newest = RecencyKey(createdAt: createdAt, id: id)
            }
            return
        }
        keep(StatusCount(status: status, count: 1, newest: RecencyKey(createdAt: createdAt, id: id)))
    }

    /// Adds a status not yet counted: at most `statusLimit` are kept, the first in
    /// code-point order (so shards agree); the others are counted together as
    /// `otherStatuses`, newest of them as its newest.
    private mutating func keep(_ entry: StatusCount) {
        if statuses.count < Self.statusLimit || entry.status == Self.otherStatuses {
            statuses.append(entry)
            return
        }
        var folded = entry
        if let last = statuses.indices.filter({ statuses[$0].status != Self.otherStatuses })
            .max(by: { statuses[$0].status < statuses[$1].status }),
           entry.status < statuses[last].status {
            folded = statuses[last]
            statuses[last] = entry
        }
        folded.status = Self.otherStatuses
        if let i = statuses.firstIndex(where: { $0.status == Self.otherStatuses }) {
            statuses[i].count += folded.count
            statuses[i].newest = max(statuses[i].newest, folded.newest)
        } else {
            statuses.append(folded)
        }
    }

    /// Distinct statuses one user's stats keep (the endpoint's own answer has at most
    /// 1,000 jobs, so `--api-compat` never reaches it).
    static let statusLimit = 100
    /// The status the others are counted under past `statusLimit`.
    static let otherStatuses = "(other statuses)"

    /// No jobs.
    package init() {}

    /// A tally counted elsewhere (a database's GROUP BY, `--push-down`): `count` jobs of
    /// `status` with these sums, the newest of them at `newest`; no recent jobs.
    init(status: String, count: Int64, documents: Int64, processed: Int64, failed: Int64, newest: RecencyKey) {
        totalJobs = count
        totalDocuments = documents
        self.processed = processed
        self.failed = failed
        statuses.append(StatusCount(status: status, count: count, newest: newest))
    }

    /// Offers a job counted elsewhere to the five newest only.
    mutating func offerRecent(_ job: JobRecord) {
        if recent.count < Self.recentLimit || recent[recent.count - 1].recencyKey.isOlder(than: job.createdAt, job.id) {
            keepRecent(JobSummary(job))
        }
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
                keep(entry)
            }
        }
        for summary in other.recent { keepRecent(summary) }
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
        result.recentActivity = Array(recent)
        return result
    }
}
