/// Usage attributed for billing, one `Window` per billing window of the report
/// (`ReportScope.billingWindows`): each job's usage to the window holding its completed_at.
///
/// Metrics per user: documents (processed_count), failed documents, jobs, tokens
/// and bytes (of the job's documents), processing time (completed - started).
/// Each window also keeps the bridge from the usage report's count (processed
/// documents of the jobs created in the window) to what it bills: jobs created
/// there that did not finish there (in flight at the end, or finished later;
/// or in a terminal status without completed_at), anonymous usage, and jobs
/// finished there that were created outside it.
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

    /// Jobs and their processed documents.
    package struct JobCount: Sendable, Equatable {
        package var jobs: Int64 = 0
        package var documents: Int64 = 0

        mutating func add(_ processed: Int64) {
            jobs += 1
            documents = saturatingAdd(documents, processed)
        }

        mutating func merge(_ o: JobCount) {
            jobs += o.jobs
            documents = saturatingAdd(documents, o.documents)
        }
    }

    /// One billing window's usage and bridge.
    package struct Window: Sendable {
        /// Metered usage per user id.
        package var byUser: [String: Usage] { users.storage }
        var users = RecentKeyDictionary<String, Usage>()
        /// Usage of anonymous jobs that finished in the window (never billed).
        package internal(set) var anonymous = Usage()
        /// Jobs created in the window (the usage report's count when its period is the window).
        package internal(set) var created = JobCount()
        /// Jobs created in the window still in flight at its end, or finished after it.
        package internal(set) var notFinished = JobCount()
        /// Jobs created in the window in a terminal status without completed_at.
        package internal(set) var unbillable = JobCount()
        /// Jobs that finished in the window but were created outside it.
        package internal(set) var createdOutside = JobCount()
        var inFlightList = BoundedTop<Reversed<RecencyKey>, UnbilledJob>(limit: 200)
        var unbillableList = BoundedTop<Reversed<RecencyKey>, UnbilledJob>(limit: 200)

        /// The oldest jobs created in the window that did not finish in it (at most 200).
        package var inFlightJobs: [UnbilledJob] { inFlightList.newestFirst.map(\.element) }
        /// The oldest terminal jobs without completed_at created in the window (at most 200).
        package var unbillableJobs: [UnbilledJob] { unbillableList.newestFirst.map(\.element) }

        /// Documents the bridge says are billed: created - not finished - unbillable - anonymous + created outside.
        package var bridgedDocuments: Int64 {
            let finished = saturatingSubtract(saturatingSubtract(created.documents, notFinished.documents), unbillable.documents)
            return saturatingAdd(saturatingSubtract(finished, anonymous.documents), createdOutside.documents)
        }

        mutating func merge(_ o: Window) {
            for (user, usage) in o.users.storage { users.update(user, default: Usage()) { $0.merge(usage) } }
            anonymous.merge(o.anonymous)
            created.merge(o.created)
            notFinished.merge(o.notFinished)
            unbillable.merge(o.unbillable)
            createdOutside.merge(o.createdOutside)
            inFlightList.merge(o.inFlightList)
            unbillableList.merge(o.unbillableList)
        }
    }

    /// One per `ReportScope.billingWindows`, in the same order.
    package internal(set) var windows: [Window]

    /// An empty tally with `count` windows.
    init(windows count: Int) {
        windows = Array(repeating: Window(), count: count)
    }

    mutating func add(_ job: JobRecord, scope: ReportScope) {
        let bounds = scope.billingWindows
        guard !bounds.isEmpty else { return }
        let unfinished = JobLifecycle.isInFlight(job)
        let billedIn = unfinished ? nil : job.completedAt.flatMap { BillingWindow.index(of: $0, in: bounds) }
        let createdIn = BillingWindow.index(of: job.createdAt, in: bounds)
        if let w = billedIn, let completed = job.completedAt {
            var usage = Usage(documents: job.processedCount, failedDocuments: job.failedCount, jobs: 1)
            if let started = job.startedAt, completed >= started { usage.processingMicros = saturatingSubtract(completed.microseconds, started.microseconds) }
            if let user = job.userID {
                windows[w].users.update(user, default: Usage()) { $0.merge(usage) }
            } else {
                windows[w].anonymous.merge(usage)
            }
            if createdIn != w { windows[w].createdOutside.add(job.processedCount) }
        }
        guard let c = createdIn else { return }
        windows[c].created.add(job.processedCount)
        guard billedIn != c else { return }
        let key = Reversed(RecencyKey(createdAt: job.createdAt, id: job.id))
        let unbilled = { UnbilledJob(id: job.id, userID: job.userID, status: job.status, processed: job.processedCount, createdAt: job.createdAt) }
        if !unfinished, job.completedAt == nil {
            windows[c].unbillable.add(job.processedCount)
            if windows[c].unbillableList.accepts(key) { windows[c].unbillableList.add(unbilled(), key: key) }
        } else {
            windows[c].notFinished.add(job.processedCount)
            if windows[c].inFlightList.accepts(key) { windows[c].inFlightList.add(unbilled(), key: key) }
        }
    }

    mutating func add(_ document: DocumentRecord, scope: ReportScope) {
        guard !scope.billingWindows.isEmpty, let job = document.job, !JobLifecycle.isActive(job.status),
              let completed = job.completedAt, let w = BillingWindow.index(of: completed, in: scope.billingWindows)
        else { return }
        let usage = Usage(tokens: max(0, document.tokensUsed ?? 0), bytes: max(0, document.fileSize ?? 0))
        if let user = job.userID ?? document.userID {
            windows[w].users.update(user, default: Usage()) { $0.merge(usage) }
        } else {
            windows[w].anonymous.merge(usage)
        }
    }

    mutating func merge(_ o: BillingUsageTally) {
        for index in windows.indices where index < o.windows.count { windows[index].merge(o.windows[index]) }
    }
}
