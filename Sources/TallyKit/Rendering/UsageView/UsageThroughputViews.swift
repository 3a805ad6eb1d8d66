/// Throughput totals and documents per day and per hour of day.
struct ThroughputView: TemplateModel {
    /// Durations.
    let jobWallTime: String
    let documentProcessingTime: String
    let tokens: String
    /// `1 token`, `12,345 tokens`.
    let tokensText: String
    /// `9.9 GB` (decimal units).
    let bytes: String
    /// `total_documents` of the period's jobs per day (or per `unit`) of their created_at.
    let documentsPerDay: [DayCountView]
    /// `day`, or the time series' `week`, `month` or `year` for long periods.
    let unit: String
    /// 24 rows, `00` to `23`, in the report zone.
    let hours: [HourCountView]

    func child(named name: String) -> Any? {
        switch name {
        case "jobWallTime": jobWallTime
        case "documentProcessingTime": documentProcessingTime
        case "tokens": tokens
        case "tokensText": tokensText
        case "bytes": bytes
        case "documentsPerDay": documentsPerDay
        case "unit": unit
        case "hours": hours
        default: nil
        }
    }
}

extension ThroughputView {
    /// The view of the throughput section; `granularity` is the time series' bucket size.
    init(_ t: Throughput, granularity: TimeSeries.Granularity, format f: DisplayFormat) {
        self.init(
            jobWallTime: f.duration(micros: t.jobWallTimeMicros),
            documentProcessingTime: f.duration(micros: t.documentProcessingMicros),
            tokens: f.count(t.tokens), tokensText: f.count(t.tokens, "token"), bytes: f.bytes(t.bytes),
            documentsPerDay: t.documentsPerDay.map { DayCountView(date: $0.date.description, count: f.count($0.count)) },
            unit: granularity == .hour ? "day" : granularity.rawValue,
            hours: t.documentsByHourOfDay.enumerated().map {
                HourCountView(hour: DisplayFormat.pad2(Int64($0.offset)), count: f.count($0.element))
            })
    }
}

/// Documents on one day.
struct DayCountView: TemplateModel {
    /// `2026-03-01`.
    let date: String
    let count: String

    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "count": count
        default: nil
        }
    }
}

/// Documents in one hour of the day.
struct HourCountView: TemplateModel {
    /// `00` to `23`.
    let hour: String
    let count: String

    func child(named name: String) -> Any? {
        switch name {
        case "hour": hour
        case "count": count
        default: nil
        }
    }
}

/// Queue wait and run time percentiles, overall then per job type.
struct DurationsView: TemplateModel {
    /// How percentiles were computed, e.g. `exact`.
    let method: String
    /// The overall row first.
    let rows: [DurationRowView]

    func child(named name: String) -> Any? {
        switch name {
        case "method": method
        case "rows": rows
        default: nil
        }
    }
}

extension DurationsView {
    /// The overall row, then one per job type.
    init(_ d: DurationSection, format f: DisplayFormat) {
        func stats(_ s: DurationStats) -> DurationStatsView {
            DurationStatsView(
                count: f.count(s.count), p50: f.duration(s.p50Micros), p90: f.duration(s.p90Micros),
                p99: f.duration(s.p99Micros), max: f.duration(s.maxMicros))
        }
        func row(_ r: DurationRow) -> DurationRowView {
            DurationRowView(
                jobType: r.jobType ?? "All job types", overall: r.jobType == nil, queueWait: stats(r.queueWait),
                runTime: stats(r.runTime))
        }
        self.init(method: d.method, rows: [row(d.overall)] + d.byJobType.map(row))
    }
}

/// The durations of one job type (or of all, `overall`).
struct DurationRowView: TemplateModel {
    /// `All job types` on the overall row.
    let jobType: String
    let overall: Bool
    let queueWait: DurationStatsView
    let runTime: DurationStatsView

    func child(named name: String) -> Any? {
        switch name {
        case "jobType": jobType
        case "overall": overall
        case "queueWait": queueWait
        case "runTime": runTime
        default: nil
        }
    }
}

/// A count and percentiles of one duration.
struct DurationStatsView: TemplateModel {
    let count: String
    let p50: String
    let p90: String
    let p99: String
    let max: String

    func child(named name: String) -> Any? {
        switch name {
        case "count": count
        case "p50": p50
        case "p90": p90
        case "p99": p99
        case "max": max
        default: nil
        }
    }
}

/// Jobs and documents per hour, day, week, month or year.
struct TimeSeriesView: TemplateModel {
    /// `hour`, `day`, `week`, `month` or `year`.
    let granularity: String
    let hasBuckets: Bool
    let buckets: [BucketView]

    func child(named name: String) -> Any? {
        switch name {
        case "granularity": granularity
        case "hasBuckets": hasBuckets
        case "buckets": buckets
        default: nil
        }
    }
}

extension TimeSeriesView {
    /// The view of the time series.
    ///
    /// - Parameter instants: bucket starts already made views of (a customer page's series
    ///   has the report's buckets: 2,000 pages need their 155 starts made once).
    init(_ s: TimeSeries, format f: DisplayFormat, instants: [Instant: InstantView] = [:]) {
        self.init(
            granularity: s.granularity.rawValue, hasBuckets: !s.buckets.isEmpty,
            buckets: s.buckets.map {
                BucketView(
                    label: $0.label, start: instants[$0.start] ?? InstantView($0.start, format: f), jobs: f.count($0.jobsCreated),
                    processed: f.count($0.documentsProcessed), failed: f.count($0.documentsFailed))
            })
    }
}

/// One bucket of the time series.
///
/// A class, as `InstantView`: a customer page's table reads 155 of them, each as an `Any`.
final class BucketView: TemplateModel {
    let label: String
    let start: InstantView
    /// Jobs created.
    let jobs: String
    /// Documents processed and failed.
    let processed: String
    let failed: String

    /// A bucket's label, start and counts.
    init(label: String, start: InstantView, jobs: String, processed: String, failed: String) {
        self.label = label
        self.start = start
        self.jobs = jobs
        self.processed = processed
        self.failed = failed
    }

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "start": start
        case "jobs": jobs
        case "processed": processed
        case "failed": failed
        default: nil
        }
    }
}
