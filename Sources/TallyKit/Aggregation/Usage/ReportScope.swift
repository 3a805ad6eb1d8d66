/// What the usage aggregates need to know about the report while they count.
package struct ReportScope: Sendable {
    /// The period, its previous period, the zone and "now".
    package var period: ReportPeriod
    /// Local time of instants in the report zone.
    package var clock: ZoneClock
    /// Starts of the time-series buckets (days, or hours for periods of 3 days or less).
    package var bucketStarts: [Instant]
    package var granularity: TimeSeries.Granularity
    /// Starts of the local days of the period.
    package var dayStarts: [Instant]
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
        var days: [Instant] = []
        var date = calendar.date(of: period.from)
        while true {
            let start = calendar.startOfDay(date)
            if start >= period.to { break }
            days.append(start)
            date = date.adding(days: 1)
        }
        dayStarts = days
        if days.count <= 3 {
            granularity = .hour
            var hours: [Instant] = []
            var t = period.from
            while t < period.to {
                hours.append(t)
                t = t.adding(microseconds: 3_600_000_000)
            }
            bucketStarts = hours
        } else {
            granularity = .day
            bucketStarts = days
        }
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
    func bucketIndex(_ instant: Instant) -> Int {
        Self.index(of: instant, in: bucketStarts, step: granularity == .day ? 86_400_000_000 : 3_600_000_000)
    }

    /// The local day of the period holding `instant` (which must be in the period).
    func dayIndex(_ instant: Instant) -> Int {
        Self.index(of: instant, in: dayStarts, step: 86_400_000_000)
    }

    /// `index(of:in:)` for starts about `step` apart: guesses by division, then walks
    /// to the exact bucket (a day is 23 to 25 hours, so the guess is at most a step off).
    static func index(of instant: Instant, in starts: [Instant], step: Int64) -> Int {
        guard let first = starts.first, instant > first else { return 0 }
        let last = starts.count - 1
        var i = Int(min(Int64(last), (instant.microseconds - first.microseconds) / step))
        while i > 0, starts[i] > instant { i -= 1 }
        while i < last, starts[i + 1] <= instant { i += 1 }
        return i
    }

    /// The index of the bucket in `starts` holding `instant` (which must be in the period).
    static func index(of instant: Instant, in starts: [Instant]) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= instant { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// The statuses after which a job does not change any more.
enum JobLifecycle {
    /// `pending` and `processing`: everything else has ended (unknown statuses included).
    static func isActive(_ status: String) -> Bool { status == "pending" || status == "processing" }

    /// `completed`, `failed`, `cancelled`: the statuses that set completed_at upstream.
    static func setsCompletedAt(_ status: String) -> Bool {
        status == "completed" || status == "failed" || status == "cancelled"
    }
}
