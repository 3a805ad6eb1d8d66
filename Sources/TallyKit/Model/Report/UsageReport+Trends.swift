/// The last periods before the report's, each of the report's own length, with the
/// report's period last: the trend an analyst reads next to the headline.
package struct Trends: Sendable, Equatable {
    /// How many periods come before the current one.
    package static let previousCount = 12

    /// `month`, `week`, `day` or `N days`: the length of every period.
    package var unit: String = "month"
    /// Oldest first; the last one is the report's period (its figures equal the headline's).
    package var points: [TrendPoint] = []
    /// Revenue per point, with a plan (`nil` without one): priced, or why it was left out.
    package var revenue: RevenueTrend?
}

/// What the revenue of a trend means: invoice totals of the plan's billing periods starting in each trend period.
package struct RevenueTrend: Sendable, Equatable {
    /// The plan's currency.
    package var currency: Currency
    /// The plan's billing period: `month`, `week` or `quarter`.
    package var billingCycle: String
    /// Why the revenue trend was left out (`TrendPoint.revenue` is then `nil` everywhere); `nil` when priced.
    package var omitted: String?

    /// One line saying what a point's revenue is (and that it is per billing period when the units differ).
    package func label(unit: String) -> String {
        let each = unit.contains(" ") ? "period of \(unit)" : unit
        let rule = "invoice totals (adjustment notes excluded) of the \(billingCycle)ly billing periods starting in each \(each)"
        return billingCycle == unit ? "Revenue: \(rule)" : "Revenue per \(each), by billing \(billingCycle): \(rule)"
    }
}

/// One period of the trend: jobs created in it and their documents, counted as the headline counts them.
package struct TrendPoint: Sendable, Equatable {
    /// `2026-10` for a month, else the period's first day.
    package var label: String
    package var from: Instant
    package var to: Instant
    package var jobs: Int64 = 0
    /// The jobs' `total_documents`, as the headline's Documents.
    package var documents: Int64 = 0
    package var processed: Int64 = 0
    package var failed: Int64 = 0
    /// With a plan: the invoice totals of the billing periods starting in this period (zero when none starts in it).
    package var revenue: ExactDecimal?
    /// Whether one of those billing periods is still open at `--as-of` (its invoices are drafts).
    package var revenueDraft = false

    /// Failed documents over processed plus failed (the headline's success rate, turned round).
    package var failureRate: Ratio { Ratio(failed, of: processed &+ failed) }
}

extension PeriodResolver {
    /// The trend's periods: `Trends.previousCount` before `period` and `period` itself, as
    /// local-midnight starts plus the end (one more instant than periods), with labels and unit.
    ///
    /// A calendar month steps back by months; any other period by its own number of days
    /// (a week by weeks, a day by days).
    package static func trendPeriods(of period: ReportPeriod, calendar: ZonedCalendar) -> (bounds: [Instant], labels: [String], unit: String) {
        let first = calendar.date(of: period.from), end = calendar.date(of: period.to)
        let count = Trends.previousCount
        if first.day == 1, end == first.firstOfMonth(addingMonths: 1) {
            let months = (0...count + 1).map { first.firstOfMonth(addingMonths: $0 - count) }
            let labels = months.dropLast().map { "\($0.year)-\($0.month < 10 ? "0" : "")\($0.month)" }
            return (months.map(calendar.startOfDay), labels, "month")
        }
        let days = max(1, Int(end.daysSinceEpoch - first.daysSinceEpoch))
        let starts = (0...count + 1).map { first.adding(days: ($0 - count) * days) }
        let unit = days == 1 ? "day" : days == 7 ? "week" : "\(days) days"
        return (starts.map(calendar.startOfDay), starts.dropLast().map(\.description), unit)
    }
}
