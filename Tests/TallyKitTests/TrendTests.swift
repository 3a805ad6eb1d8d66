import Foundation
import Testing
@testable import TallyKit

/// The trend: the report's period and the 12 before it, of the period's own kind, counted in the same scan.
@Suite struct TrendTests {
    static let berlin = ZonedCalendar(zone: TimeZone(identifier: "Europe/Berlin")!)

    @Test func aMonthStepsBackByMonthsAcrossDaylightSaving() throws {
        let period = try PeriodResolver.resolve(
            .month(year: 2026, month: 11), calendar: Self.berlin, asOf: Fixture.at("2026-11-20T00:00:00Z"), stuckAfterMicros: 0)
        let trend = PeriodResolver.trendPeriods(of: period, calendar: Self.berlin)
        #expect(trend.unit == "month")
        #expect(trend.labels.count == 13 && trend.bounds.count == 14)
        #expect(trend.labels.first == "2025-11" && trend.labels.last == "2026-11")
        #expect(trend.bounds.last == period.to)
        #expect(trend.bounds[12] == period.from)
        #expect(trend.bounds[7] == Fixture.at("2026-05-31T22:00:00Z"))  // summer time: midnight is 22:00 UTC
    }

    @Test(arguments: [
        (PeriodSpec.isoWeek(year: 2026, week: 47), "week", "2026-08-24"),
        (PeriodSpec.day(CivilDate(year: 2026, month: 3, day: 1)), "day", "2026-02-17"),
        (PeriodSpec.range(from: CivilDate(year: 2026, month: 1, day: 1), to: CivilDate(year: 2026, month: 1, day: 11)), "10 days", "2025-09-03"),
    ])
    func otherPeriodsStepBackByTheirLength(spec: PeriodSpec, unit: String, firstLabel: String) throws {
        let period = try PeriodResolver.resolve(spec, calendar: Self.berlin, asOf: Fixture.at("2026-11-20T00:00:00Z"), stuckAfterMicros: 0)
        let trend = PeriodResolver.trendPeriods(of: period, calendar: Self.berlin)
        #expect(trend.unit == unit)
        #expect(trend.labels.first == firstLabel)
        #expect(trend.bounds[12] == period.from && trend.bounds[13] == period.to)
    }

    @Test func jobsFallInTheirPeriodAndTheLastEqualsTheHeadline() throws {
        var records = UsageAggregationTests.records
        records.append(.job(Fixture.job(20, user: Fixture.alice, status: "failed", created: "2026-06-15T10:00:00Z", total: 7, processed: 3, failed: 4)))
        records.append(.job(Fixture.job(21, user: Fixture.alice, status: "completed", created: "2025-11-30T23:59:59Z", total: 1, processed: 1, failed: 0)))
        records.append(.job(Fixture.job(22, user: Fixture.alice, status: "completed", created: "2025-10-31T23:59:59Z", total: 1, processed: 1, failed: 0)))
        for parallelism in [1, 3] {
            let (_, report) = try UsageAggregationTests().run(records, parallelism: parallelism)
            let points = report.trends.points
            #expect(points.count == 13)
            let last = try #require(points.last)
            #expect(last.jobs == report.totals.jobs && last.documents == report.totals.documents)
            #expect(last.processed == report.totals.processed && last.failed == report.totals.failed)
            let june = try #require(points.first { $0.label == "2026-06" })
            #expect(june.jobs == 1 && june.documents == 7 && june.failureRate == Ratio(4, of: 7))
            #expect(points.first { $0.label == "2025-11" }?.jobs == 1, "the first period's last second counts")
            #expect(points.reduce(0) { $0 + $1.jobs } == report.totals.jobs + 1 + 1 + 1, "October 2026 and June and Nov 2025; Oct 2025 is out")
        }
    }

    /// Negative counters (each within 32 bits) can make a failure rate of any size: the chart
    /// draws it bounded instead of trapping (found by TallyFuzzRecords).
    @Test func anAbsurdFailureRateIsDrawnNotTrapped() {
        let start = Instant(microseconds: 0), end = Instant(microseconds: 86_400_000_000)
        let point = TrendPoint(label: "x", from: start, to: end, jobs: 1, documents: 1, processed: -Int64(Int32.max) * 1_000_000_000, failed: Int64(Int32.max) * 1_000_000_000 - 1)
        #expect((point.failureRate.fraction ?? 0) < -1e15)
        let html = TrendCharts(format: DisplayFormat(zone: .gmt)).html(Trends(unit: "day", points: [point]))
        #expect(html.contains("trend-failure"))
    }
}
