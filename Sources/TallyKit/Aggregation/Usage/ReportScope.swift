/// What the usage aggregates need to know about the report while they count.
package struct ReportScope: Sendable {
    /// The period, its previous period, the zone and "now".
    package var period: ReportPeriod
    /// Local time of instants in the report zone.
    package var clock: ZoneClock
    /// The time-series buckets (hours, days, weeks, months or years: at most `TimeBuckets.limit`).
    let buckets: TimeBuckets
    /// Starts of the time-series buckets.
    package var bucketStarts: [Instant] { buckets.starts }
    /// The size of the time-series buckets.
    package var granularity: TimeSeries.Granularity { buckets.granularity }
    /// Starts of the local days of the period, or of the time-series buckets when those
    /// are longer than a day (documents per day become per week, month or year).
    package let dayStarts: [Instant]
    /// Only these user ids are counted when set.
    package var users: Set<String>?
    /// How many items the capped lists keep.
    package var listLimit = 50
    /// The windows whose usage billing prices (sorted, disjoint); none without a plan.
    package var billingWindows: [BillingWindow] = []

    /// A scope for `period`, bucketing in `calendar`'s zone.
    package init(period: ReportPeriod, calendar: ZonedCalendar, users: Set<String>?) {
        self.period = period
        self.users = users
        clock = ZoneClock(zone: calendar.zone, from: Instant(microseconds: min(period.previousFrom.microseconds, period.asOf.microseconds)), to: Instant(microseconds: max(period.to.microseconds, period.asOf.microseconds)))
        buckets = TimeBuckets(from: period.from, to: period.to, calendar: calendar)
        guard buckets.granularity == .hour else {
            dayStarts = buckets.starts
            return
        }
        var days: [Instant] = []
        var date = calendar.date(of: period.from)
        while true {
            let start = calendar.startOfDay(date)
            if start >= period.to { break }
            days.append(start)
            date = date.adding(days: 1)
        }
        dayStarts = days
    }

    /// Whether the scope counts this owner (anonymous jobs count unless users are chosen).
    package func includes(_ user: String?) -> Bool {
        guard let users else { return true }
        guard let user else { return false }
        return users.contains(user)
    }

    /// Whether `job` is one of the period's jobs listed one by one (`jobs.csv`):
    /// an included owner's, created in the period.
    package func lists(_ job: JobRecord) -> Bool { includes(job.userID) && inPeriod(job.createdAt) }

    /// Whether `instant` falls in the period.
    package func inPeriod(_ instant: Instant) -> Bool { instant >= period.from && instant < period.to }

    /// Whether `instant` falls in the previous period.
    package func inPreviousPeriod(_ instant: Instant) -> Bool { instant >= period.previousFrom && instant < period.previousTo }

    /// The time-series bucket holding `instant` (which must be in the period).
    @inline(__always)
    func bucketIndex(_ instant: Instant) -> Int { buckets.index(of: instant) }

    /// The entry of `dayStarts` holding `instant` (which must be in the period).
    @inline(__always)
    func dayIndex(_ instant: Instant) -> Int {
        buckets.granularity == .hour
            ? TimeBuckets.index(of: instant, in: dayStarts, step: 86_400_000_000) : buckets.index(of: instant)
    }

    /// `TimeBuckets.index(of:in:)`, for tests.
    static func index(of instant: Instant, in starts: [Instant]) -> Int { TimeBuckets.index(of: instant, in: starts) }
}

/// The statuses after which a job does not change any more.
enum JobLifecycle {
    /// `pending` and `processing`: in flight whatever their completed_at says.
    static func isActive(_ status: String) -> Bool { status == "pending" || status == "processing" }

    /// Whether a job has not ended: `pending` or `processing`, or any other status but the
    /// terminal `completed`, `failed` and `cancelled` (`queued`, statuses tally does not
    /// know) while it has no completed_at. A status tally does not know with a
    /// completed_at (`partial`) has ended. Activity lists these jobs; billing leaves them
    /// unbilled.
    static func isInFlight(_ job: JobRecord) -> Bool {
        isActive(job.status) || (job.completedAt == nil && !setsCompletedAt(job.status))
    }

    /// `completed`, `failed`, `cancelled`: the statuses that set completed_at upstream.
    static func setsCompletedAt(_ status: String) -> Bool {
        status == "completed" || status == "failed" || status == "cancelled"
    }
}
