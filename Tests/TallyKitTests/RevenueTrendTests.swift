import Foundation
import Testing
@testable import TallyKit

/// The revenue trend's parts: the earlier billing periods, their capped usage, and the sum per trend period.
@Suite struct RevenueTrendTests {
    static let utc = ZonedCalendar(zone: TimeZone(identifier: "UTC")!)
    static let asOf = Fixture.at("2026-11-20T00:00:00Z")

    static func calendar(_ cycle: BillingCycle) -> BillingCalendar {
        BillingCalendar(cycle: cycle, calendar: utc, graceMicros: 0)
    }

    static func scope(_ cycle: BillingCycle = .month) throws -> (ReportScope, earlier: [BillingPeriod], report: [BillingPeriod]) {
        let period = try PeriodResolver.resolve(.month(year: 2026, month: 11), calendar: utc, asOf: asOf, stuckAfterMicros: 0)
        let billing = calendar(cycle)
        let report = billing.periods(overlapping: period.from, period.to, asOf: asOf)
        var scope = ReportScope(period: period, calendar: utc, users: nil)
        let earlier = RevenueStage.earlierPeriods(calendar: billing, report: report, bounds: scope.trendBounds, asOf: asOf)
        scope.billingWindows = report.map(\.window)
        scope.trendBillingWindows = earlier.map(\.window)
        return (scope, earlier, report)
    }

    @Test func earlierPeriodsStartInTheTrendBeforeTheReportsBillingPeriods() throws {
        let (_, months, report) = try Self.scope()
        #expect(months.count == 12 && months.first?.label == "2025-11" && months.last?.label == "2026-10")
        #expect(report.map(\.label) == ["2026-11"])
        let (_, weeks, weekReport) = try Self.scope(.week)
        // The billing week of 2026-10-26 overlaps November: it is the report's, not an earlier one.
        #expect(weekReport.first?.label == "2026-W44" && weeks.last.map { $0.end == weekReport.first?.start } == true)
        #expect(weeks.first.map { $0.start >= Fixture.at("2025-11-01T00:00:00Z") } == true)
        let (_, quarters, _) = try Self.scope(.quarter)
        #expect(quarters.map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3"], "2025-Q4 began before the trend")
    }

    @Test func earlierUsageIsPerCustomerAndMergesAcrossShards() throws {
        let (scope, earlier, _) = try Self.scope()
        var a = BillingUsageTally(windows: scope.billingWindows.count, earlier: earlier.count)
        var b = a
        a.add(Fixture.job(1, user: Fixture.alice, created: "2026-03-10T10:00:00Z", processed: 4, failed: 1), scope: scope)
        b.add(Fixture.job(2, user: Fixture.alice, created: "2026-03-20T10:00:00Z", processed: 6, failed: 0), scope: scope)
        b.add(Fixture.job(3, user: nil, created: "2026-03-20T10:00:00Z"), scope: scope)
        b.add(Fixture.job(4, user: Fixture.bob, status: "processing", created: "2026-03-20T10:00:00Z"), scope: scope)
        a.add(Fixture.job(5, user: Fixture.bob, created: "2026-11-02T10:00:00Z", processed: 9), scope: scope)
        a.merge(b)
        let march = try #require(earlier.firstIndex { $0.label == "2026-03" })
        #expect(a.earlier[march].byUser[Fixture.alice]?.documents == 10 && a.earlier[march].byUser[Fixture.alice]?.jobs == 2)
        #expect(a.earlier[march].byUser.count == 1, "anonymous and in-flight jobs are not billed")
        #expect(a.windows[0].byUser[Fixture.bob]?.documents == 9, "the report's window as before")
        #expect(a.earlier.allSatisfy { $0.byUser[Fixture.bob] == nil })
    }

    @Test(arguments: [1, 2])
    func pastTheCapTheEarlierUsageIsDropped(shards: Int) throws {
        let (scope, earlier, _) = try Self.scope()
        var tallies = (0..<shards).map { _ in BillingUsageTally(windows: 1, earlier: earlier.count, limit: 3) }
        for n in 0..<4 {
            tallies[n % shards].add(Fixture.job(n, user: Fixture.id(100 + n), created: "2026-0\(1 + n % 2)-10T10:00:00Z"), scope: scope)
        }
        var tally = tallies[0]
        for other in tallies.dropFirst() { tally.merge(other) }
        #expect(tally.earlierDropped && tally.earlier.isEmpty, "4 customer-periods > 3")
        tally.add(Fixture.job(9, user: Fixture.alice, created: "2026-04-10T10:00:00Z"), scope: scope)
        #expect(tally.earlier.isEmpty, "stays dropped")
        let (totals, omitted) = RevenueStage.earlierTotals(earlier, tally: tally, pass: try Self.pass())
        #expect(totals == nil && omitted?.contains("1300000") == true)
        var under = BillingUsageTally(windows: 1, earlier: earlier.count, limit: 3)
        for n in 0..<3 { under.add(Fixture.job(n, user: Fixture.alice, created: "2026-0\(1 + n)-10T10:00:00Z"), scope: scope) }
        #expect(!under.earlierDropped && under.earlier.map(\.byUser.count).reduce(0, +) == 3, "3 entries, at the cap")
    }

    static func pass() throws -> BillingPass {
        let plan = try PlanLoader.parse(
            "currency: EUR\ndefault_plan: basic\nplans:\n  basic:\n    charges:\n      - metric: documents\n        model: per_unit\n        unit_price: \"0.333\"\n",
            file: "plan.yaml")
        return BillingPass(
            builder: InvoiceBuilder(plan: plan), calendar: calendar(.month), asOf: asOf, ledger: nil, failOnRestatement: false,
            customer: { BillingCustomer(id: $0, email: nil, name: nil) }, knownIDs: [], inScope: { _ in true })
    }

    @Test func eachPointSumsTheInvoiceTotalsOfTheBillingPeriodsStartingInIt() throws {
        let (scope, earlier, report) = try Self.scope(.week)
        var tally = BillingUsageTally(windows: report.count, earlier: earlier.count)
        // Two customers in the week of 2026-03-02 and one in the week of 2026-03-09: 0.333 a document, rounded per invoice.
        tally.add(Fixture.job(1, user: Fixture.alice, created: "2026-03-03T10:00:00Z", processed: 1), scope: scope)
        tally.add(Fixture.job(2, user: Fixture.bob, created: "2026-03-04T10:00:00Z", processed: 1), scope: scope)
        tally.add(Fixture.job(3, user: Fixture.alice, created: "2026-03-10T10:00:00Z", processed: 3), scope: scope)
        let (priced, omitted) = RevenueStage.earlierTotals(earlier, tally: tally, pass: try Self.pass())
        #expect(omitted == nil)
        let totals = try #require(priced) + report.map { ($0, ExactDecimal(7)) }
        var trends = UsageAccumulator(scope: scope).report(users: UserDirectory(), diagnostics: ScanDiagnostics(), sources: [], userFilter: []).trends
        RevenueStage.apply(totals, omitted: nil, currency: Currency(code: "EUR")!, cycle: .week, to: &trends)
        let march = try #require(trends.points.first { $0.label == "2026-03" })
        #expect(march.revenue == ExactDecimal(parsing: "1.66"), "0.33 + 0.33 + 1.00: each invoice rounded, then summed")
        #expect(!march.revenueDraft)
        let november = try #require(trends.points.last)
        // Billing weeks starting in November by --as-of 2026-11-20: 2, 9, 16 (the one of 26 October is October's).
        #expect(november.revenue == ExactDecimal(21) && november.revenueDraft)
        #expect(trends.points.first { $0.label == "2026-10" }?.revenue == ExactDecimal(7))
        #expect(trends.revenue?.label(unit: trends.unit).hasPrefix("Revenue per month, by billing week") == true)
        var left = trends
        RevenueStage.apply(nil, omitted: "too many", currency: Currency(code: "EUR")!, cycle: .week, to: &left)
        #expect(left.revenue?.omitted == "too many")
    }
}
