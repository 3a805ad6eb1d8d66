/// Jobs active at "now", stuck ones, and the newest completions, in bounded lists.
struct ActivityTally: Sendable {
    /// Oldest first: `Reversed` keeps the smallest keys.
    typealias Oldest = BoundedTop<Reversed<RecencyKey>, ActiveJob>

    var pending: Oldest
    var processing: Oldest
    var stuck: Oldest
    var pendingCount: Int64 = 0
    var processingCount: Int64 = 0
    var stuckCount: Int64 = 0
    var completions = BoundedTop<RecencyKey, CompletedJob>(limit: 10)

    init(limit: Int) {
        pending = Oldest(limit: limit)
        processing = Oldest(limit: limit)
        stuck = Oldest(limit: limit)
    }

    mutating func add(_ job: JobRecord, scope: ReportScope) {
        let asOf = scope.period.asOf
        guard job.createdAt <= asOf else { return }
        if JobLifecycle.isActive(job.status) {
            let since = job.status == "processing" ? (job.startedAt ?? job.createdAt) : job.createdAt
            let entry = ActiveJob(
                id: job.id, userID: job.userID, jobType: job.jobType, status: job.status, createdAt: job.createdAt,
                startedAt: job.startedAt, ageMicros: asOf.microseconds - since.microseconds)
            let key = Reversed(RecencyKey(createdAt: since, id: job.id))
            if job.status == "pending" {
                pendingCount += 1
                pending.add(entry, key: key)
            } else {
                processingCount += 1
                processing.add(entry, key: key)
            }
            if entry.ageMicros > scope.period.stuckAfterMicros {
                stuckCount += 1
                stuck.add(entry, key: key)
            }
        } else if let completed = job.completedAt, completed <= asOf,
                  completions.accepts(RecencyKey(createdAt: completed, id: job.id)) {
            let run = job.startedAt.map { completed.microseconds - $0.microseconds }
            completions.add(
                CompletedJob(
                    id: job.id, userID: job.userID, jobType: job.jobType, status: job.status, completedAt: completed,
                    runTimeMicros: run, totalDocuments: job.totalDocuments, processed: job.processedCount,
                    failed: job.failedCount),
                key: RecencyKey(createdAt: completed, id: job.id))
        }
    }

    mutating func merge(_ o: ActivityTally) {
        pending.merge(o.pending)
        processing.merge(o.processing)
        stuck.merge(o.stuck)
        pendingCount += o.pendingCount
        processingCount += o.processingCount
        stuckCount += o.stuckCount
        completions.merge(o.completions)
    }

    func section(emails: (String?) -> String?) -> Activity {
        func list(_ top: Oldest) -> [ActiveJob] {
            top.newestFirst.map { var j = $0.element; j.email = emails(j.userID); return j }
        }
        return Activity(
            pending: list(pending), pendingCount: pendingCount, processing: list(processing),
            processingCount: processingCount, stuck: list(stuck), stuckCount: stuckCount,
            newestCompletions: completions.newestFirst.map { var j = $0.element; j.email = emails(j.userID); return j })
    }
}
