/// The buckets of a report's time series: where each starts, how long it is, its label.
///
/// The bucket size follows the period's length, so that any period costs at most
/// `limit` buckets: hours for periods of up to 3 days, days up to `limit` days, then
/// weeks (from Monday), months, years, and past `limit` years several years a
/// bucket. The first bucket starts with the period, the others at local midnights
/// of the zone; the last ends with the period.
struct TimeBuckets: Sendable {
    /// The most buckets a period has.
    static let limit = 400

    /// The size of a bucket.
    let granularity: TimeSeries.Granularity
    /// Years in one bucket (for `.year`; 1 otherwise).
    let yearsPerBucket: Int
    /// The local year of the period's last day.
    private let lastYear: Int
    /// Bucket starts, in order.
    let starts: [Instant]
    /// The local date each bucket starts on (empty for hours): labels come from these,
    /// not from `starts`, so dates before 1582 (where Foundation's calendar is Julian)
    /// are labelled as the proleptic Gregorian dates asked for.
    private let dates: [CivilDate]

    /// The buckets of `[from, to)` in `calendar`'s zone.
    init(from: Instant, to: Instant, calendar: ZonedCalendar) {
        let first = calendar.date(of: from), end = calendar.date(of: to)
        let days = end.daysSinceEpoch - first.daysSinceEpoch
        var starts = [from], dates = [first]
        func add(_ date: CivilDate) {
            let s = calendar.startOfDay(date)
            if s > from, s < to {
                starts.append(s)
                dates.append(date)
            }
        }
        let months = (end.year - first.year) * 12 + end.month - first.month
        let years = end.year - first.year + 1
        if days <= 3 {
            granularity = .hour
            starts = []
            dates = []
            var t = from
            while t < to {
                starts.append(t)
                t = t.adding(microseconds: 3_600_000_000)
            }
        } else if days <= Int64(Self.limit) {
            granularity = .day
            starts = []
            dates = []
            var date = first
            while true {
                let start = calendar.startOfDay(date)
                if start >= to { break }
                starts.append(start)
                dates.append(date)
                date = date.adding(days: 1)
            }
        } else if days <= 7 * Int64(Self.limit - 1) {
            granularity = .week
            var monday = first.adding(days: 8 - first.isoWeekday)
            while monday < end { add(monday); monday = monday.adding(days: 7) }
        } else if months < Self.limit {
            granularity = .month
            var month = first.firstOfMonth(addingMonths: 1)
            while month < end { add(month); month = month.firstOfMonth(addingMonths: 1) }
        } else {
            granularity = .year
            let step = (years + Self.limit - 1) / Self.limit
            var year = first.year + step
            while year <= end.year { add(CivilDate(year: year, month: 1, day: 1)); year += step }
        }
        yearsPerBucket = granularity == .year ? (years + Self.limit - 1) / Self.limit : 1
        lastYear = end.adding(days: -1).year
        self.starts = starts
        self.dates = dates
    }

    /// How many buckets there are.
    var count: Int { starts.count }

    /// The bucket holding `instant` (which must be in the period).
    @inline(__always)
    func index(of instant: Instant) -> Int {
        switch granularity {
        case .hour: Self.index(of: instant, in: starts, step: 3_600_000_000)
        case .day: Self.index(of: instant, in: starts, step: 86_400_000_000)
        default: Self.index(of: instant, in: starts)
        }
    }

    /// The label of bucket `i` in the report zone: `2026-03-01 14:00` (hour), `2026-03-01`
    /// (day, and week by its first day), `2026-03` (month), `2026` or `2001–2025` (years).
    func label(_ i: Int, clock: ZoneClock) -> String {
        guard granularity != .hour else {
            let hour = clock.localHour(starts[i])
            return "\(clock.localDate(starts[i])) \(hour < 10 ? "0" : "")\(hour):00"
        }
        let local = dates[i]
        switch granularity {
        case .hour, .day, .week:
            return local.description
        case .month:
            return String(local.description.prefix(local.description.count - 3))
        case .year:
            let year = CivilDate.pad(local.year, 4)
            guard yearsPerBucket > 1 else { return year }
            let last = i + 1 < dates.count ? dates[i + 1].year - 1 : lastYear
            return "\(year)–\(CivilDate.pad(last, 4))"
        }
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
