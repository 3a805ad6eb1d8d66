/// Usage attributed for billing: to the period containing each job's completed_at.
///
/// Metrics per user: documents (processed_count), failed documents, jobs, tokens
/// and bytes (of the job's documents), processing time (completed - started).
/// Anonymous usage, jobs still in flight at the period's end (pending, processing,
/// or an unknown status without completed_at), and jobs in a terminal status
/// (completed, failed, cancelled) without completed_at are kept apart as unbilled.
package struct BillingUsageTally: Sendable {
    /// One customer's (or the anonymous customer's) metered usage.
    package struct Usage: Sendable, Equatable {
        package var documents: Int64 = 0
        package var failedDocuments: Int64 = 0
        package var jobs: Int64 = 0
        package var tokens: Int64 = 0
        package var processingMicros: Int64 = 0
        package var bytes: Int64 = 0

        mutating func merge(_ o: Usage) {
            documents = saturatingAdd(documents, o.documents)
            failedDocuments = saturatingAdd(failedDocuments, o.failedDocuments)
            jobs += o.jobs
            tokens = saturatingAdd(tokens, o.tokens)
            processingMicros = saturatingAdd(processingMicros, o.processingMicros)
            bytes = saturatingAdd(bytes, o.bytes)
        }
    }

    /// A job left out of the bill, with why.
    package struct UnbilledJob: Sendable, Equatable {
        package var id: String
        package var userID: String?
        package var status: String
        package var processed: Int64
        package var createdAt: Instant
    }

    /// Metered usage per user id.
    package var byUser: [String: Usage] { users.storage }
    private var users = RecentKeyDictionary<String, Usage>()
    package internal(set) var anonymous = Usage()
    package internal(set) var inFlightCount: Int64 = 0
    package internal(set) var inFlightDocuments: Int64 = 0
    package internal(set) var unbillableCount: Int64 = 0
    package internal(set) var unbillableDocuments: Int64 = 0
    var inFlight = BoundedTop<Reversed<RecencyKey>, UnbilledJob>(limit: 200)
    var unbillable = BoundedTop<Reversed<RecencyKey>, UnbilledJob>(limit: 200)

    /// The oldest jobs in flight at the period's end (at most 200).
    package var inFlightJobs: [UnbilledJob] { inFlight.newestFirst.map(\.element) }
    /// The oldest terminal jobs without completed_at created in the period (at most 200).
    package var unbillableJobs: [UnbilledJob] { unbillable.newestFirst.map(\.element) }

    /// Processed documents the period accounts for: billed, anonymous, in flight and unbillable.
    package var processedDocumentsInPeriod: Int64 {
        saturatingAdd(
            byUser.values.reduce(anonymous.documents) { saturatingAdd($0, $1.documents) },
            saturatingAdd(inFlightDocuments, unbillableDocuments))
    }

    mutating func add(_ job: JobRecord, scope: ReportScope) {
        let period = scope.period
        func keep(_ list: inout BoundedTop<Reversed<RecencyKey>, UnbilledJob>) {
            let key = Reversed(RecencyKey(createdAt: job.createdAt, id: job.id))
            guard list.accepts(key) else { return }
            list.add(
                UnbilledJob(id: job.id, userID: job.userID, status: job.status, processed: job.processedCount, createdAt: job.createdAt),
                key: key)
        }
        if JobLifecycle.isInFlight(job) {
            // pending, processing, or a status tally does not know (e.g. `queued`) with no completed_at yet.
            guard job.createdAt < period.to else { return }
            inFlightCount += 1
            inFlightDocuments = saturatingAdd(inFlightDocuments, job.processedCount)
            keep(&inFlight)
            return
        }
        guard let completed = job.completedAt else {
            guard scope.inPeriod(job.createdAt) else { return }
            unbillableCount += 1
            unbillableDocuments = saturatingAdd(unbillableDocuments, job.processedCount)
            keep(&unbillable)
            return
        }
        guard scope.inPeriod(completed) else { return }
        var usage = Usage(documents: job.processedCount, failedDocuments: job.failedCount, jobs: 1)
        if let started = job.startedAt, completed >= started {
            usage.processingMicros = saturatingSubtract(completed.microseconds, started.microseconds)
        }
        if let user = job.userID { users.update(user, default: Usage()) { $0.merge(usage) } } else { anonymous.merge(usage) }
    }

    mutating func add(_ document: DocumentRecord, scope: ReportScope) {
        guard let job = document.job, !JobLifecycle.isActive(job.status),
              let completed = job.completedAt, scope.inPeriod(completed) else { return }
        let usage = Usage(tokens: max(0, document.tokensUsed ?? 0), bytes: max(0, document.fileSize ?? 0))
        if let user = job.userID ?? document.userID { users.update(user, default: Usage()) { $0.merge(usage) } } else { anonymous.merge(usage) }
    }

    mutating func merge(_ o: BillingUsageTally) {
        for (user, usage) in o.users.storage { users.update(user, default: Usage()) { $0.merge(usage) } }
        anonymous.merge(o.anonymous)
        inFlightCount += o.inFlightCount
        inFlightDocuments = saturatingAdd(inFlightDocuments, o.inFlightDocuments)
        unbillableCount += o.unbillableCount
        unbillableDocuments = saturatingAdd(unbillableDocuments, o.unbillableDocuments)
        inFlight.merge(o.inFlight)
        unbillable.merge(o.unbillable)
    }
}
