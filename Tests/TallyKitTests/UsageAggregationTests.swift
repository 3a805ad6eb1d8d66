import Foundation
import Testing
@testable import TallyKit

@Suite struct UsageAggregationTests {
    static let utc = ZonedCalendar(zone: TimeZone(identifier: "UTC")!)
    static let asOf = Fixture.at("2026-11-20T12:00:00Z")

    static func scope(users: Set<String>? = nil) throws -> ReportScope {
        let period = try PeriodResolver.resolve(
            .month(year: 2026, month: 11), calendar: utc, asOf: asOf, stuckAfterMicros: 6 * 3_600_000_000)
        var scope = ReportScope(period: period, calendar: utc, users: users)
        scope.billingWindows = [BillingWindow(start: period.from, end: period.to)]
        return scope
    }

    static func document(_ n: Int, job: JobRecord, status: String, tokens: Int64, error: String? = nil) -> DocumentRecord {
        DocumentRecord(
            id: "doc-\(n)", jobID: job.id, userID: job.userID, fileSourceType: n % 2 == 0 ? "url" : "upload",
            fileSize: 1_000_000, status: status, processingTime: 1.5, tokensUsed: tokens,
            extractionMethod: "ocr", errorMessage: error, processedAt: job.completedAt, job: JobContext(job))
    }

    static var records: [HistoryRecord] {
        var jobs = [
            Fixture.job(1, user: Fixture.alice, status: "completed", created: "2026-11-02T10:00:00Z", total: 2, processed: 2, failed: 0),
            Fixture.job(2, user: Fixture.alice, status: "failed", created: "2026-11-03T10:00:00Z", total: 2, processed: 1, failed: 1),
            Fixture.job(3, user: nil, status: "completed", created: "2026-11-04T10:00:00Z", total: 1, processed: 1, failed: 0),
            Fixture.job(4, user: Fixture.bob, status: "processing", created: "2026-11-20T01:00:00Z", total: 5, processed: 0, failed: 0),
            Fixture.job(5, user: Fixture.bob, status: "pending", created: "2026-11-20T11:00:00Z", total: 1, processed: 0, failed: 0),
            Fixture.job(6, user: Fixture.bob, status: "completed", created: "2026-10-30T10:00:00Z", total: 4, processed: 4, failed: 0),
            Fixture.job(7, user: Fixture.bob, status: "cancelled", created: "2026-11-05T10:00:00Z", total: 9, processed: 9, failed: 3),
        ]
        jobs[1].errorMessage = "Timeout after 30s processing https://x.example/a/123.pdf"
        jobs[3].startedAt = Fixture.at("2026-11-20T02:00:00Z")
        jobs[5].completedAt = Fixture.at("2026-11-01T00:30:00Z")  // created in October, billed in November
        jobs[6].completedAt = nil  // terminal without completed_at: unbillable
        var records = jobs.map(HistoryRecord.job)
        records.append(.document(document(1, job: jobs[0], status: "success", tokens: 100)))
        records.append(.document(document(2, job: jobs[0], status: "success", tokens: 50)))
        records.append(.document(document(3, job: jobs[1], status: "failed", tokens: 0, error: "Timeout after 45s processing https://y.example/b/9.pdf")))
        records.append(.document(document(4, job: jobs[5], status: "success", tokens: 7)))
        records.append(.user(UserRecord(id: Fixture.alice, email: "alice@example.com", fullName: "Alice")))
        return records
    }

    func run(_ records: [HistoryRecord], parallelism: Int = 1, users: Set<String>? = nil) throws -> (UsageAccumulator, UsageReport) {
        let scope = try Self.scope(users: users)
        let result = try HistoryScan.run(
            [RecordArraySource(name: "fixture", records: records)], options: ScanOptions(parallelism: parallelism, deduplicate: false)
        ) { UsageAccumulator(scope: scope) }
        return (result.aggregate, result.aggregate.report(users: result.users, diagnostics: result.diagnostics, sources: [], userFilter: []))
    }

    @Test func totalsCountJobsCreatedInThePeriod() throws {
        let (_, report) = try run(Self.records)
        #expect(report.totals.jobs == 6)
        #expect(report.totals.documents == 20)
        #expect(report.totals.processed == 13)
        #expect(report.totals.jobCompletionRate == Ratio(2, of: 6))
        #expect(report.totals.jobsByStatus.first == NamedCount(name: "completed", count: 2))
        #expect(report.previousTotals?.jobs == 1)
    }

    @Test func customersIncludeAnonymousAsItsOwnLastRow() throws {
        let (_, report) = try run(Self.records)
        #expect(report.customers.map(\.userID) == [Fixture.bob, Fixture.alice, nil])
        let alice = try #require(report.customers.first { $0.userID == Fixture.alice })
        #expect(alice.email == "alice@example.com")
        #expect(alice.tokens == 150)
        #expect(alice.processingMicros == 4_500_000)
    }

    @Test func errorsClusterByNormalisedMessage() throws {
        let (_, report) = try run(Self.records)
        #expect(report.errors.totalFailures == 2)
        let cluster = try #require(report.errors.clusters.first)
        #expect(cluster.count == 2)
        #expect(cluster.normalizedMessage == "Timeout after <n>s processing <url>")
        #expect(report.errors.byJobType.first { $0.name == "batch" }?.failed == 1)
    }

    @Test func activityListsActiveAndStuckJobsAtAsOf() throws {
        let (_, report) = try run(Self.records)
        #expect(report.activity.processingCount == 1)
        #expect(report.activity.pendingCount == 1)
        #expect(report.activity.stuckCount == 1)  // processing since 02:00, 10 h before as-of
        #expect(report.activity.stuck.first?.id == Fixture.id(4))
    }

    @Test func billingUsageFollowsCompletedAtAndKeepsUnbilledApart() throws {
        let (aggregate, report) = try run(Self.records)
        let billing = try #require(aggregate.billing.windows.first)
        #expect(billing.byUser[Fixture.bob]?.documents == 4)  // job 6: created in October, completed in November
        #expect(billing.byUser[Fixture.bob]?.tokens == 7)
        #expect(billing.byUser[Fixture.alice]?.documents == 3)
        #expect(billing.anonymous.documents == 1)
        #expect(billing.notFinished == .init(jobs: 2, documents: 0))
        #expect(billing.unbillable == .init(jobs: 1, documents: 9))
        #expect(billing.createdOutside == .init(jobs: 1, documents: 4))
        // The bridge starts at the usage report's Processed and arrives at what is billed.
        #expect(billing.created.documents == report.totals.processed)
        #expect(billing.bridgedDocuments == 3 + 4)
        #expect(BillingBridge(billing).bridged == 7)
    }

    @Test func billingWindowsSplitUsageByCompletedAt() throws {
        var split = try Self.scope()
        let mid = Fixture.at("2026-11-04T00:00:00Z")
        split.billingWindows = [BillingWindow(start: split.period.from, end: mid), BillingWindow(start: mid, end: split.period.to)]
        let scope = split
        let result = try HistoryScan.run(
            [RecordArraySource(name: "fixture", records: Self.records)], options: ScanOptions(parallelism: 2, deduplicate: false)
        ) { UsageAccumulator(scope: scope) }
        let windows = result.aggregate.billing.windows
        #expect(windows.count == 2)
        // Jobs 1 and 2 (alice) complete before the 4th in the fixture; job 6 (bob) on the 1st.
        #expect(windows[0].byUser[Fixture.bob]?.documents == 4)
        #expect(windows.map { $0.bridgedDocuments } == windows.map { $0.byUser.values.reduce(0) { $0 + $1.documents } })
    }

    @Test func anUnknownStatusWithoutCompletedAtIsInFlightNotUnbillable() throws {
        let queued = Fixture.job(9, user: Fixture.bob, status: "queued", created: "2026-11-06T10:00:00Z", total: 1, processed: 0, failed: 0)
        let (aggregate, _) = try run(Self.records + [.job(queued)])
        let window = try #require(aggregate.billing.windows.first)
        #expect(window.notFinished.jobs == 3)
        #expect(window.unbillable.jobs == 1)
        #expect(window.inFlightJobs.map(\.id).contains(Fixture.id(9)))
    }

    @Test func dataQualityFindsTerminalJobsWithoutCompletion() throws {
        let (_, report) = try run(Self.records)
        #expect(report.dataQuality.terminalWithoutCompletedAt.count == 1)
        #expect(report.dataQuality.terminalWithoutCompletedAt.exampleJobIDs == [Fixture.id(7)])
        #expect(report.dataQuality.countersExceedTotal.count == 1)
    }

    @Test func userFilterLimitsEverySection() throws {
        let (_, report) = try run(Self.records, users: [Fixture.alice])
        #expect(report.totals.jobs == 2)
        #expect(report.customers.map(\.userID) == [Fixture.alice])
        #expect(report.activity.processingCount == 0)
    }

    @Test func parallelAndShuffledScansGiveTheSameReport() throws {
        var generator = SampleRandom(seed: 11)
        var records: [HistoryRecord] = []
        let statuses = ["pending", "processing", "completed", "failed", "cancelled", "partial"]
        for n in 0..<2000 {
            let created = Instant(seconds: 1_761_000_000 + Int64(generator.next() % 3_000_000))
            var job = Fixture.job(
                n, user: [Fixture.alice, Fixture.bob, nil][Int(generator.next() % 3)],
                status: statuses[Int(generator.next() % 6)], created: created.apiString,
                total: Int64(generator.next() % 9), processed: Int64(generator.next() % 5), failed: Int64(generator.next() % 2))
            job.errorMessage = job.status == "failed" ? "error \(generator.next() % 7) at https://h/\(n)" : nil
            records.append(.job(job))
            if n % 3 == 0 {
                records.append(.document(Self.document(n, job: job, status: n % 2 == 0 ? "success" : "failed", tokens: Int64(n))))
            }
        }
        let (_, one) = try run(records, parallelism: 1)
        let (_, four) = try run(records, parallelism: 4)
        #expect(one == four)
        let (_, shuffled) = try run(records.shuffled(using: &generator), parallelism: 3)
        #expect(one.totals == shuffled.totals)
        #expect(one.customers == shuffled.customers)
        #expect(one.errors == shuffled.errors)
        #expect(one.durations == shuffled.durations)
        #expect(one.activity == shuffled.activity)
        #expect(one.timeSeries == shuffled.timeSeries)
    }
}

@Suite struct SketchAndNormalizerTests {
    @Test func sketchQuantilesAreWithinOnePercent() throws {
        var sketch = QuantileSketch()
        for v in 1...100_000 { sketch.add(Int64(v) * 1000) }
        let p50 = try #require(sketch.quantile(0.5)), p99 = try #require(sketch.quantile(0.99))
        #expect(abs(Double(p50) - 50_000_000) / 50_000_000 < 0.01)
        #expect(abs(Double(p99) - 99_000_000) / 99_000_000 < 0.01)
        #expect(sketch.max == 100_000_000)
        var a = QuantileSketch(), b = QuantileSketch()
        for v in 1...50_000 { a.add(Int64(v) * 1000) }
        for v in 50_001...100_000 { b.add(Int64(v) * 1000) }
        a.merge(b)
        #expect(a == sketch)
        #expect(QuantileSketch().quantile(0.5) == nil)
    }

    @Test(arguments: [
        ("LLM rate limit exceeded (429) for request 8f3a9c2e-1b2d-4c5e-9f00-123456789abc", "LLM rate limit exceeded (<n>) for request <id>"),
        ("OCR failed on page 7", "OCR failed on page <n>"),
        ("File too large: 52428800 bytes", "File too large: <n> bytes"),
        ("Timeout  after 30.5s\nfetching HTTPS://Example.com/x?y=1", "Timeout after <n>s fetching <url>"),
        ("", "(no error message)"),
        ("<script>alert(1)</script>", "<script>alert(<n>)</script>"),
        ("deadbeefcafe0123 failed", "<n> failed"),
    ])
    func errorMessagesNormalise(raw: String, expected: String) {
        #expect(ErrorNormalizer.normalize(raw) == expected)
    }
}
