/// Jobs in flight at "now", stuck ones, and the newest completions, in bounded lists.
///
/// In flight: `JobLifecycle.isInFlight` (`queued` and statuses tally does not know
/// included while they have no completed_at). Stuck: in flight for longer than the
/// period's `stuckAfterMicros`; the other jobs in flight are "active".
struct ActivityTally: Sendable {
    /// Oldest first: `Reversed` keeps the smallest keys.
    typealias Oldest = BoundedTop<Reversed<RecencyKey>, ActiveJob>

    var pending: Oldest
    var processing: Oldest
    var active: Oldest
    var stuck: Oldest
    var pendingCount: Int64 = 0
    var processingCount: Int64 = 0
    var activeCount: Int64 = 0
    var stuckCount: Int64 = 0
    var inFlightByStatus = FewKeyDictionary<String, Int64>.counts(other: "(other statuses)")
    var completions = BoundedTop<RecencyKey, CompletedJob>(limit: 10)

    init(limit: Int) {
        pending = Oldest(limit: limit)
        processing = Oldest(limit: limit)
        active = Oldest(limit: limit)
        stuck = Oldest(limit: limit)
    }

    mutating func add(_ job: JobRecord, scope: ReportScope) {
        let asOf = scope.period.asOf
        guard job.createdAt <= asOf else { return }
        if JobLifecycle.isInFlight(job) {
            let since = job.status == "processing" ? (job.startedAt ?? job.createdAt) : job.createdAt
            let age = saturatingSubtract(asOf.microseconds, since.microseconds)
            let key = Reversed(RecencyKey(createdAt: since, id: job.id))
            let entry = {
                ActiveJob(
                    id: job.id, userID: job.userID, jobType: job.jobType, status: job.status, createdAt: job.createdAt,
                    startedAt: job.startedAt, ageMicros: age)
            }
            inFlightByStatus.update(job.status, default: 0) { $0 += 1 }
            if job.status == "pending" {
                pendingCount += 1
                if pending.accepts(key) { pending.add(entry(), key: key) }
            } else if job.status == "processing" {
                processingCount += 1
                if processing.accepts(key) { processing.add(entry(), key: key) }
            }
            if age > scope.period.stuckAfterMicros {
                stuckCount += 1
                if stuck.accepts(key) { stuck.add(entry(), key: key) }
            } else {
                activeCount += 1
                if active.accepts(key) { active.add(entry(), key: key) }
            }
        } else if let completed = job.completedAt, completed <= asOf,
                  completions.accepts(RecencyKey(createdAt: completed, id: job.id)) {
            let run = job.startedAt.map { saturatingSubtract(completed.microseconds, $0.microseconds) }
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
        active.merge(o.active)
        stuck.merge(o.stuck)
        pendingCount += o.pendingCount
        processingCount += o.processingCount
        activeCount += o.activeCount
        stuckCount += o.stuckCount
        inFlightByStatus.merge(o.inFlightByStatus, default: 0)
        completions.merge(o.completions)
    }

    func section(emails: (String?) -> String?) -> Activity {
        func list(_ top: Oldest) -> [ActiveJob] {
            top.newestFirst.map { var j = $0.element; j.email = emails(j.userID); return j }
        }
        return Activity(
            pending: list(pending), pendingCount: pendingCount, processing: list(processing),
            processingCount: processingCount, inFlightCount: activeCount + stuckCount,
            inFlightByStatus: PeriodTally.ranked(inFlightByStatus.dictionary), active: list(active), activeCount: activeCount,
            stuck: list(stuck), stuckCount: stuckCount,
            newestCompletions: completions.newestFirst.map { var j = $0.element; j.email = emails(j.userID); return j })
    }
}
