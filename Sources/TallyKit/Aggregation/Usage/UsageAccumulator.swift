/// Everything `tally report` counts, in one mergeable value.
///
/// Jobs belong to the period containing their created_at, documents to the one
/// containing their processed_at (else their job's created_at); billing usage to
/// the period containing the job's completed_at. Memory grows with users, job
/// types, models and distinct error clusters (capped), never with jobs.
package struct UsageAccumulator: Accumulator {
    package let scope: ReportScope
    var current = PeriodTally()
    var previous = PeriodTally()
    var time: TimeTally
    var durations = DurationTally()
    var errors = ErrorTally()
    var activity: ActivityTally
    /// Every owner seen in a job or document (`nil`: anonymous), with their usage
    /// in the period; an owner outside the period or user filter keeps an untouched
    /// tally, so one look-up per record serves both.
    var customers = RecentKeyDictionary<String?, CustomerTally>()
    var quality = QualityTally()
    /// Usage for invoices.
    package internal(set) var billing: BillingUsageTally
    /// Every user id seen in a job or document, so the report knows who exists.
    var usersSeen: Dictionary<String?, CustomerTally>.Keys { customers.storage.keys }

    /// An empty accumulator for `scope`.
    package init(scope: ReportScope) {
        self.scope = scope
        time = TimeTally(buckets: scope.bucketStarts.count, days: scope.dayStarts.count)
        activity = ActivityTally(limit: scope.listLimit)
        billing = BillingUsageTally(windows: scope.billingWindows.count)
    }

    /// Counts a job: quality always; billing and activity by their own instants; the rest when created in the period.
    package mutating func add(_ job: JobRecord) {
        quality.add(job)
        customers.touch(job.userID, default: CustomerTally())
        guard scope.includes(job.userID) else { return }
        billing.add(job, scope: scope)
        activity.add(job, scope: scope)
        if scope.inPeriod(job.createdAt) {
            current.add(job)
            time.add(job, scope: scope)
            durations.add(job)
            errors.add(job)
            customers.update(job.userID, default: CustomerTally()) { $0.add(job) }
        } else if scope.inPreviousPeriod(job.createdAt) {
            previous.add(job)
        }
    }

    /// Counts a document in the period of its processed_at (else its job's created_at).
    package mutating func add(_ document: DocumentRecord) {
        let owner = DocumentMetrics.owner(document)
        customers.touch(owner, default: CustomerTally())
        guard scope.includes(owner) else { return }
        billing.add(document, scope: scope)
        guard let instant = document.processedAt ?? document.job?.createdAt ?? document.createdAt,
              scope.inPeriod(instant) else { return }
        time.add(document)
        errors.add(document, at: instant)
        customers.update(owner, default: CustomerTally()) { $0.add(document, at: instant) }
    }

    /// Frees the per-customer billing usage once the invoices are written (a million customers
    /// are a hundred megabytes, not needed for the usage files rendered after).
    package mutating func releaseBilling() {
        billing = BillingUsageTally(windows: 0)
    }

    /// Folds in a later shard's counts.
    package mutating func merge(_ later: UsageAccumulator) {
        current.merge(later.current)
        previous.merge(later.previous)
        time.merge(later.time)
        durations.merge(later.durations)
        errors.merge(later.errors)
        activity.merge(later.activity)
        for (user, tally) in later.customers.storage { customers.update(user, default: CustomerTally()) { $0.merge(tally) } }
        quality.merge(later.quality)
        billing.merge(later.billing)
    }
}
