import Foundation
import Testing

@testable import TallyKit

/// Issue 12 item 2: no arithmetic on data traps, whatever the counters, sizes, tokens and
/// instants. The records go straight into the accumulators (without the scan's bounds),
/// then through the report, every format, `stats/` and billing with the sample plan.
/// `fuzz/Sources/TallyFuzzRecords` does the same with the fuzzer's choices.
@Suite struct ExtremeRecordsTests {
    static let extremes: [Int64] = [.max, .min, .max - 1, 5_000_000_000_000_000_000, -5_000_000_000_000_000_000, Int64(Int32.max) + 1]
    /// The ends of time sources can produce (Unix seconds up to 253,402,300,799 either side).
    static let instants: [Int64] = [-253_402_300_799_999_999, 253_402_300_799_999_999, 0]

    func scope() throws -> (ReportScope, ZonedCalendar) {
        let calendar = ZonedCalendar(zone: try #require(TimeZone(identifier: "Europe/Berlin")))
        let period = try PeriodResolver.resolve(
            .month(year: 2026, month: 11), calendar: calendar, asOf: Fixture.at("2026-11-29T00:00:00Z"), stuckAfterMicros: 6 * 3_600_000_000)
        var scope = ReportScope(period: period, calendar: calendar, users: nil)
        scope.billingWindows = try BillingStage.periods(plan: try Self.plan(), period: period).1.map(\.window)
        return (scope, calendar)
    }

    func records(_ scope: ReportScope) -> [HistoryRecord] {
        var out: [HistoryRecord] = []
        let inPeriod = scope.period.from.adding(microseconds: 3_600_000_000)
        var n = 0
        for value in Self.extremes {
            for user in [Fixture.alice, Fixture.bob, nil] {
                n += 1
                for status in ["completed", "failed", "queued"] {
                    out.append(.job(JobRecord(
                        id: Fixture.id(n * 10 + status.count), userID: user, status: status, totalDocuments: value, processedCount: value,
                        failedCount: value, errorMessage: "boom \(value)", startedAt: Instant(microseconds: Self.instants[n % 3]),
                        completedAt: Instant(microseconds: Self.instants[(n + 1) % 3]), createdAt: inPeriod)))
                }
                out.append(.document(DocumentRecord(
                    id: Fixture.id(100_000 + n), jobID: Fixture.id(n * 10 + 9), userID: user, fileSize: value, status: "failed",
                    processingTime: 9.9e11, tokensUsed: value, processedAt: inPeriod,
                    job: JobContext(userID: user, status: "completed", createdAt: inPeriod, startedAt: inPeriod, completedAt: inPeriod))))
            }
        }
        for at in Self.instants {
            out.append(.job(JobRecord(id: Fixture.id(900 + out.count), userID: Fixture.alice, status: "pending", createdAt: Instant(microseconds: at))))
        }
        return out
    }

    @Test func extremeValuesThroughEveryAccumulatorFormatAndBilling() throws {
        let (scope, calendar) = try scope()
        var usage = UsageAccumulator(scope: scope)
        var stats = EndpointStatsAccumulator(capped: false)
        var compat = EndpointStatsAccumulator(capped: true)
        for record in records(scope) {
            switch record {
            case .job(let job):
                usage.add(job)
                stats.add(job)
                compat.add(job)
                _ = JobsCSVWriter().row(job)
            case .document(let document): usage.add(document)
            case .user: break
            }
        }
        var merged = usage
        merged.merge(usage)
        var users = UserDirectory()
        users.add(UserRecord(id: Fixture.alice, email: "alice@example.com"))
        let report = merged.report(users: users, diagnostics: ScanDiagnostics(), sources: [], userFilter: [])
        #expect(report.dataQuality.saturatedFigures.contains("documents") && report.dataQuality.saturatedFigures.contains("tokens"))
        let templates = try TemplateSet.builtIn()
        let files = try ReportRenderer(templates: templates, zone: calendar.zone, csvBOM: false).render(report)
        #expect(files.count == 6)
        let markdown = String(decoding: try #require(files.first { $0.name == "usage.md" }).bytes, as: UTF8.self)
        #expect(markdown.contains("At the 64-bit limit"))
        #expect(StatsFiles.render(stats, users: users).count == 3)
        _ = StatsFiles.render(compat, users: users, apiCompat: true)
        // Billing may refuse sums that do not reconcile (an error, not a trap); it must not crash.
        let plan = try Self.plan()
        let periods = try BillingStage.periods(plan: plan, period: scope.period).1
        #expect(periods.count == merged.billing.windows.count && !periods.isEmpty)
        let inputs = zip(periods, merged.billing.windows).map { PeriodInput(period: $0, window: $1) }
        _ = try? BillingHarness.files(plan, inputs, users: [BillingCustomer(id: Fixture.alice)], templates: templates)
    }

    static func plan() throws -> Plan {
        try PlanLoader.load(path: ArchitectureTests.packageRoot.appendingPathComponent("sample-data/plan.yaml").path)
    }

    /// The scan skips rows outside the bounds before any accumulator sees them.
    @Test func theScanSkipsRowsOutsideTheBounds() throws {
        let (scope, _) = try scope()
        let source = RecordArraySource(name: "extremes", records: records(scope))
        let result = try HistoryScan.run([source], options: ScanOptions(parallelism: 2)) { UsageAccumulator(scope: scope) }
        let report = result.aggregate.report(users: result.users, diagnostics: result.diagnostics, sources: [], userFilter: [])
        #expect(result.diagnostics.skipped["extremes"]?[.counterOutOfRange] == 63, "\(result.diagnostics.skipped)")
        #expect(report.totals.jobs == 0 && report.dataQuality.saturatedFigures.isEmpty)
    }
}
