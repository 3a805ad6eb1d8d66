import Foundation
import Testing

@testable import TallyKit

/// A small hand-built report used by the rendering tests: March 2026 in Berlin
/// (the month has the spring DST change), three customers including the anonymous one.
enum RenderFixture {
    static let zone = TimeZone(identifier: "Europe/Berlin")!

    static func at(_ text: String) -> Instant {
        TimestampParser.parse(text)!
    }

    /// The fixture; `text` replaces every free text field when given (for escaping tests).
    static func report(text: String? = nil, customers extra: Int = 0) -> UsageReport {
        func t(_ s: String) -> String { text ?? s }
        let period = ReportPeriod(
            from: at("2026-02-28T23:00:00Z"), to: at("2026-03-31T22:00:00Z"), label: t("2026-03"),
            zoneID: "Europe/Berlin", asOf: at("2026-04-01T06:30:00Z"),
            previousFrom: at("2026-01-28T23:00:00Z"), previousTo: at("2026-02-28T23:00:00Z"))
        let totals = PeriodTotals(
            jobs: 1240, documents: 18_503, processed: 17_950, failed: 553,
            successRate: Ratio(17_950, of: 18_503), jobCompletionRate: Ratio(1180, of: 1240),
            jobsByStatus: [
                NamedCount(name: "completed", count: 1180), NamedCount(name: t("failed"), count: 48),
                NamedCount(name: "processing", count: 7), NamedCount(name: "pending", count: 5),
            ],
            jobsByType: [
                NamedCount(name: "batch", count: 900), NamedCount(name: t("single"), count: 300),
                NamedCount(name: "webhook", count: 40),
            ],
            implausibleJobs: 1)
        let previous = PeriodTotals(
            jobs: 1100, documents: 16_000, processed: 15_800, failed: 200,
            successRate: Ratio(15_800, of: 16_000), jobCompletionRate: Ratio(1090, of: 1100),
            jobsByStatus: [NamedCount(name: "completed", count: 1090), NamedCount(name: "failed", count: 10)],
            jobsByType: [NamedCount(name: "batch", count: 800), NamedCount(name: "single", count: 300)])
        var hours = [Int64](repeating: 0, count: 24)
        for h in 0..<24 { hours[h] = Int64((h * 37 + 11) % 97) * 10 + (h >= 8 && h <= 18 ? 900 : 40) }
        let days = (0..<31).map { DayCount(date: CivilDate(year: 2026, month: 3, day: $0 + 1), count: Int64(400 + ($0 * 53) % 300)) }
        let throughput = Throughput(
            documentsPerDay: days, documentsByHourOfDay: hours, jobWallTimeMicros: 7_523_000_000,
            documentProcessingMicros: 36_123_456_789, tokens: 12_345_678, bytes: 9_876_543_210)
        let durations = DurationSection(
            method: "exact",
            overall: DurationRow(
                jobType: nil,
                queueWait: DurationStats(
                    count: 1235, p50Micros: 350_000, p90Micros: 4_200_000, p99Micros: 65_000_000, maxMicros: 7_530_000_000),
                runTime: DurationStats(
                    count: 1228, p50Micros: 12_500_000, p90Micros: 245_000_000, p99Micros: 3_700_000_000,
                    maxMicros: 90_061_000_000)),
            byJobType: [
                DurationRow(
                    jobType: "batch",
                    queueWait: DurationStats(
                        count: 900, p50Micros: 400_000, p90Micros: 5_000_000, p99Micros: 70_000_000, maxMicros: 7_530_000_000),
                    runTime: DurationStats(
                        count: 895, p50Micros: 30_000_000, p90Micros: 300_000_000, p99Micros: 3_700_000_000,
                        maxMicros: 90_061_000_000)),
                DurationRow(jobType: t("single")),
            ])
        let errors = ErrorSection(
            clusters: [
                ErrorCluster(
                    normalizedMessage: t("Timeout after <n> seconds fetching <url>"),
                    exampleMessage: t("Timeout after 30 seconds fetching https://example.com/a.pdf"),
                    count: 320, jobs: 20, documents: 300, firstSeen: at("2026-03-01T08:00:00Z"),
                    lastSeen: at("2026-03-31T17:45:12Z"), shareOfFailures: Ratio(320, of: 601)),
                ErrorCluster(
                    normalizedMessage: t("Unsupported file type <s>"), exampleMessage: t("Unsupported file type image/heic"),
                    count: 281, jobs: 28, documents: 253, firstSeen: at("2026-03-02T10:00:00Z"),
                    lastSeen: at("2026-03-30T09:00:00Z"), shareOfFailures: Ratio(281, of: 601)),
            ],
            clusterCount: 2, totalFailures: 601, failedJobs: 48, failedDocuments: 553,
            byJobType: [
                FailureRateRow(name: "batch", total: 900, failed: 40),
                FailureRateRow(name: t("single"), total: 300, failed: 8),
            ],
            byModel: [
                FailureRateRow(name: t("gpt-4o"), total: 1000, failed: 30),
                FailureRateRow(name: nil, total: 240, failed: 18),
            ],
            byFileSourceType: [
                FailureRateRow(name: "url", total: 12_000, failed: 400),
                FailureRateRow(name: "upload", total: 6503, failed: 153),
            ],
            byExtractionMethod: [FailureRateRow(name: t("ocr"), total: 8000, failed: 500)])
        let activity = Activity(
            pending: [ActiveJob(id: "j-pending-1", userID: "u1", email: t("ana@example.com"), jobType: "batch", status: "pending",
                                createdAt: at("2026-04-01T06:20:00Z"), ageMicros: 600_000_000)],
            pendingCount: 5,
            processing: [ActiveJob(id: t("j-proc-1"), userID: nil, jobType: t("single"), status: t("processing"),
                                   createdAt: at("2026-03-31T20:00:00Z"), startedAt: at("2026-03-31T20:01:00Z"), ageMicros: 37_740_000_000)],
            processingCount: 7, inFlightCount: 12,
            inFlightByStatus: [NamedCount(name: "processing", count: 7), NamedCount(name: "pending", count: 5)],
            active: [ActiveJob(id: "j-pending-1", userID: "u1", email: t("ana@example.com"), jobType: "batch", status: "pending",
                               createdAt: at("2026-04-01T06:20:00Z"), ageMicros: 600_000_000)],
            activeCount: 11,
            stuck: [ActiveJob(id: t("j-proc-1"), userID: nil, jobType: t("single"), status: t("processing"),
                              createdAt: at("2026-03-31T20:00:00Z"), startedAt: at("2026-03-31T20:01:00Z"), ageMicros: 37_740_000_000)],
            stuckCount: 1,
            newestCompletions: [CompletedJob(
                id: "j-done-1", userID: "u2", email: t("bo@example.org"), jobType: "batch", status: "completed",
                completedAt: at("2026-03-31T21:59:59.5Z"), runTimeMicros: 125_000_000, totalDocuments: 12, processed: 11, failed: 1)])
        var customers = [
            CustomerRow(userID: "u1", email: t("ana@example.com"), name: t("Ana Lima"), jobs: 700, documents: 10_000, processed: 9800,
                        failed: 200, processingMicros: 20_000_000_000, tokens: 7_000_000,
                        firstActivity: at("2026-03-01T00:10:00Z"), lastActivity: at("2026-03-31T21:00:00Z")),
            CustomerRow(userID: "u2", email: t("bo@example.org"), name: nil, jobs: 500, documents: 8000, processed: 7800,
                        failed: 200, processingMicros: 15_000_000_000, tokens: 5_000_000,
                        firstActivity: at("2026-03-02T00:10:00Z"), lastActivity: at("2026-03-31T21:59:59.5Z")),
            CustomerRow(userID: nil, email: nil, name: nil, jobs: 40, documents: 503, processed: 350, failed: 153,
                        processingMicros: 1_123_456_789, tokens: 345_678, firstActivity: at("2026-03-05T12:00:00Z"),
                        lastActivity: at("2026-03-06T12:00:00Z")),
        ]
        for i in 0..<extra {
            customers.append(CustomerRow(userID: "x\(i)", email: "c\(i)@example.com", name: nil, jobs: 1, documents: 1, processed: 1,
                                         failed: 0, processingMicros: 0, tokens: 0, firstActivity: nil, lastActivity: nil))
        }
        let buckets = (0..<31).map { d -> TimeBucket in
            let start = Instant(seconds: at("2026-03-01T00:00:00Z").seconds + Int64(d) * 86_400 - (d < 28 ? 3600 : 7200))
            return TimeBucket(start: start, label: CivilDate(year: 2026, month: 3, day: d + 1).description,
                              jobsCreated: Int64(30 + d % 11), documentsProcessed: Int64(500 + (d * 53) % 300), documentsFailed: Int64(d % 7 * 5))
        }
        let quality = DataQuality(
            skipped: [SkipGroup(source: t("history.db"), reason: "unparseable created_at", count: 2,
                                examples: [t("history.db: row 17: skipped job: unparseable created_at (created_at: \"yesterday\")")])],
            duplicatesMerged: 3, countersExceedTotal: QualityCheck(count: 1, exampleJobIDs: [t("j-odd-1")]),
            completedBeforeStarted: QualityCheck(count: 2, exampleJobIDs: ["j-odd-2", "j-odd-3"]),
            implausibleCounters: QualityCheck(count: 1, exampleJobIDs: [t("j-huge-1")]),
            cappedGroups: [CappedGroup(what: t("job types"), kept: 100, otherName: t("(other job types)"))])
        return UsageReport(
            period: period, totals: totals, previousTotals: previous, throughput: throughput, durations: durations,
            errors: errors, activity: activity, customers: customers, timeSeries: TimeSeries(granularity: .day, buckets: buckets),
            dataQuality: quality, sources: [SourceRead(name: t("history.db"), format: "sqlite", rows: 19_800)],
            userFilter: text.map { [$0] } ?? [],
            billing: BillingSummaryView(invoices: 2, totals: [.init(currency: t("EUR"), amount: "1234.50")]))
    }

    /// Renders with the built-in templates.
    static func render(_ report: UsageReport, bom: Bool = false) throws -> [String: String] {
        let renderer = ReportRenderer(templates: try TemplateSet.builtIn(), zone: zone, csvBOM: bom)
        var out: [String: String] = [:]
        for file in try renderer.render(report) { out[file.name] = String(decoding: file.bytes, as: UTF8.self) }
        return out
    }
}

@Test func fixtureRendersEveryOutput() throws {
    let files = try RenderFixture.render(RenderFixture.report())
    #expect(files.keys.sorted() == ["errors.csv", "usage.html", "usage.json", "usage.md", "usage_by_customer.csv", "usage_daily.csv"])
}
