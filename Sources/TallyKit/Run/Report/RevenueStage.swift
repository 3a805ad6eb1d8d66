/// The revenue trend: per trend period, the invoice totals of the plan's billing periods that
/// start in it. The report's own billing periods come from the billing run (so the report's
/// point equals `billing.html`); the earlier ones are priced from the same scan's usage
/// (`BillingUsageTally.earlier`) as drafts or unrecorded finals are, with no ledger and
/// nothing written.
enum RevenueStage {
    /// The plan's billing periods that start in the trend (`bounds`: starts, then the end)
    /// before the first of the report's billing periods, and have begun by `asOf`.
    static func earlierPeriods(calendar: BillingCalendar, report: [BillingPeriod], bounds: [Instant], asOf: Instant) -> [BillingPeriod] {
        guard let first = bounds.first, let end = bounds.last else { return [] }
        let before = min(report.first?.start ?? end, end)
        guard first < before else { return [] }
        return calendar.periods(overlapping: first, before, asOf: asOf).filter { $0.start >= first && $0.start < before }
    }

    /// Prices the earlier billing periods' usage with `pass` (which must have no ledger); `nil`
    /// with the reason when the usage was dropped past its cap or cannot be priced.
    static func earlierTotals(
        _ periods: [BillingPeriod], tally: BillingUsageTally, pass: BillingPass
    ) -> (totals: [(period: BillingPeriod, total: ExactDecimal)]?, omitted: String?) {
        if tally.earlierDropped {
            return (nil, "revenue trend left out: the billing periods before the report's hold more than "
                + "\(BillingUsageTally.earlierCap) customer-period usages (100,000 customers in each of 13 monthly periods), "
                + "more than its memory cap")
        }
        guard periods.count == tally.earlier.count else {
            return (nil, "revenue trend left out: the scan counted \(tally.earlier.count) earlier billing periods, not \(periods.count)")
        }
        var pass = pass
        var sink = RevenueTotals()
        do {
            try pass.run(zip(periods, tally.earlier).map { PeriodInput(period: $0, window: $1) }, into: &sink)
        } catch {
            return (nil, "revenue trend left out: an earlier billing period cannot be priced (\(error))")
        }
        return (sink.totals, nil)
    }

    /// Sets each point's revenue from the billing periods' totals (earlier and the report's),
    /// or says why there is none.
    static func apply(
        _ totals: [(period: BillingPeriod, total: ExactDecimal)]?, omitted: String?, currency: Currency, cycle: BillingCycle,
        to trends: inout Trends
    ) {
        trends.revenue = RevenueTrend(currency: currency, billingCycle: cycle.rawValue, omitted: omitted)
        for i in trends.points.indices {
            trends.points[i].revenue = nil
            trends.points[i].revenueDraft = false
        }
        guard let totals, omitted == nil else { return }
        for i in trends.points.indices {
            let point = trends.points[i]
            let starting = totals.filter { $0.period.start >= point.from && $0.period.start < point.to }
            trends.points[i].revenue = starting.reduce(ExactDecimal.zero) { $0 + $1.total }
            trends.points[i].revenueDraft = starting.contains { $0.period.status == .draft }
        }
    }
}
