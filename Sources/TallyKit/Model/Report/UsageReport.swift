/// Everything `tally report` shows, as raw typed values; the renderers format it.
///
/// Conventions (every renderer relies on them):
/// - counts are `Int64`; instants are `Instant` (UTC microseconds);
/// - durations are microseconds (`Int64`), named `...Micros`;
/// - rates are `Ratio`s of two integer counts, so nothing is rounded twice;
/// - lists arrive already sorted as they should be shown (the aggregation decides
///   the order; renderers never re-sort, so output is deterministic);
/// - a `nil` user id is the anonymous (legacy) customer, shown as its own row.
package struct UsageReport: Sendable, Equatable {
    /// The period, its zone and "now".
    package var period: ReportPeriod
    /// Totals for the period.
    package var totals: PeriodTotals = PeriodTotals()
    /// Totals for the previous period of the same length, for comparison.
    package var previousTotals: PeriodTotals?
    /// Documents over time and resources consumed.
    package var throughput: Throughput = Throughput()
    /// Queue wait and run time percentiles.
    package var durations: DurationSection = DurationSection()
    /// Error clusters and failure rates.
    package var errors: ErrorSection = ErrorSection()
    /// Jobs active, stuck and recently completed at `period.asOf`.
    package var activity: Activity = Activity()
    /// One row per customer (anonymous included), in display order.
    package var customers: [CustomerRow] = []
    /// Jobs and documents per day (per hour for short periods).
    package var timeSeries: TimeSeries = TimeSeries()
    /// Rows skipped, duplicates and inconsistencies found.
    package var dataQuality: DataQuality = DataQuality()
    /// The sources read, in command-line order.
    package var sources: [SourceRead] = []
    /// `--user` filters as given (empty: all customers).
    package var userFilter: [String] = []
    /// A summary of invoices when billing ran; `nil` otherwise.
    package var billing: BillingSummaryView?

    /// The generated-at instant: always `period.asOf`, so reruns are byte-identical.
    package var generatedAt: Instant { period.asOf }
}

/// A rate as two integer counts; `fraction` is `nil` when the denominator is zero.
package struct Ratio: Sendable, Equatable {
    package var numerator: Int64
    package var denominator: Int64

    /// Makes a ratio `numerator / denominator`.
    package init(_ numerator: Int64, of denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value as a fraction in 0...1 (or more), `nil` for 0/0.
    package var fraction: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}

/// The report's period `[from, to)`, its zone and the fixed "now".
package struct ReportPeriod: Sendable, Equatable {
    /// First instant of the period (midnight in `zoneID`).
    package var from: Instant
    /// First instant after the period.
    package var to: Instant
    /// Human label, e.g. `2026-03`, `2026-W09`, `2026-03-01 – 2026-03-07`.
    package var label: String
    /// IANA zone id of the report, e.g. `Europe/Berlin`.
    package var zoneID: String
    /// `--as-of` (or the run's start): "now" for activity and the generated-at line.
    package var asOf: Instant
    /// The previous period of the same length: `[previousFrom, previousTo)`.
    package var previousFrom: Instant
    package var previousTo: Instant
    /// `--stuck-after`, microseconds.
    package var stuckAfterMicros: Int64 = 6 * 3_600_000_000
}

/// A name (status, job type, model...) with a count.
package struct NamedCount: Sendable, Equatable {
    package var name: String
    package var count: Int64
}

/// Headline totals of one period.
package struct PeriodTotals: Sendable, Equatable {
    /// Jobs created in the period.
    package var jobs: Int64 = 0
    /// `total_documents` of the jobs created in the period.
    package var documents: Int64 = 0
    /// `processed_count` of the jobs created in the period.
    package var processed: Int64 = 0
    /// `failed_count` of the jobs created in the period.
    package var failed: Int64 = 0
    /// processed / (processed + failed).
    package var successRate: Ratio = Ratio(0, of: 0)
    /// Jobs `completed` / jobs.
    package var jobCompletionRate: Ratio = Ratio(0, of: 0)
    /// Jobs by status, in display order.
    package var jobsByStatus: [NamedCount] = []
    /// Jobs by job type, in display order.
    package var jobsByType: [NamedCount] = []
    /// Jobs of the period with implausibly many documents (`DataQuality.implausibleCounters`):
    /// counted in every figure, and said so next to the headline.
    package var implausibleJobs: Int64 = 0
}

/// A calendar day (in the report zone) with a count.
package struct DayCount: Sendable, Equatable {
    package var date: CivilDate
    package var count: Int64
}

/// Documents over time and resources consumed in the period.
package struct Throughput: Sendable, Equatable {
    /// `total_documents` of the period's jobs per day of their created_at (report zone),
    /// every day present, in order; per time-series bucket when buckets are longer than a day.
    package var documentsPerDay: [DayCount] = []
    /// `total_documents` of the period's jobs per hour of day 0...23 of their created_at
    /// in the report zone; always 24 entries.
    package var documentsByHourOfDay: [Int64] = Array(repeating: 0, count: 24)
    /// Sum of job wall time (completed_at - started_at), microseconds.
    package var jobWallTimeMicros: Int64 = 0
    /// Sum of the documents' `processing_time`, microseconds.
    package var documentProcessingMicros: Int64 = 0
    /// Sum of `tokens_used`.
    package var tokens: Int64 = 0
    /// Sum of `file_size`, bytes.
    package var bytes: Int64 = 0
}
