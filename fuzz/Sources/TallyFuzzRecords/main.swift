import Foundation
@testable import TallyKit

// Feeds arbitrary records, not bytes, through everything that does arithmetic on data:
// every accumulator (usage, endpoint stats capped and uncapped), the report model, every
// report format, `stats/` and `jobs.csv` rows, and billing priced with the sample plan and
// rendered. Counters, sizes and tokens come from a table of extremes (Int64 and Int32 limits,
// the bounds, 5e18) or the input; instants from the ends of time sources can produce
// (years 0001 to 9999 and Unix seconds up to 253,402,300,799 either side), the period's
// edges, or the input. Errors are fine; a trap (arithmetic overflow, index out of range)
// is the crash libFuzzer reports.

/// Reads values off the fuzzer's bytes; past the end, zeros.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    mutating func byte() -> UInt8 {
        defer { at += 1 }
        return at < bytes.count ? bytes[at] : 0
    }

    mutating func int64() -> Int64 {
        var v: UInt64 = 0
        for _ in 0..<8 { v = v << 8 | UInt64(byte()) }
        return Int64(bitPattern: v)
    }

    var isAtEnd: Bool { at >= bytes.count }
}

/// Instants sources can deliver: `TimestampParser` years 0000-9999 and Unix seconds below 253,402,300,800.
let instantLimit: Int64 = 253_402_300_799_999_999
let counters: [Int64] = [
    0, 1, -1, 2, 3, 7, 100, 99_999, 100_000, 1_000_000_000, Int64(Int32.max), Int64(Int32.min), Int64(Int32.max) + 1,
    5_000_000_000_000_000_000, Int64.max, Int64.min, Int64.max - 1, 1_000_000_000_000_000, 1_000_000_000_000_001,
    4_000_000_000, -5_000_000_000_000_000_000,
]
let texts: [String] = [
    "", "completed", "failed", "cancelled", "pending", "processing", "queued", "partial", "batch", "single", "webhook",
    "openai/gpt-4o-mini", "llama-2-70b-chat", "Timeout after 30s processing https://x.example/a/1.pdf",
    "LLM rate limit exceeded (429) for request 768cb0d920f9", "<script>alert(1)</script>", "=1+1", "\u{0}\u{7F}\u{FEFF}",
    "é\u{301}\u{301}\u{301}", String(repeating: "x9 ", count: 40_000), "(other statuses)", "(other messages)", "s3://b/k",
]
let users: [String?] = [
    nil, "9974d75b-3338-44fe-a179-0134676b1b69", "221c4e00-3f99-41ee-baf2-7f802dc5fd3d", "", "../../etc/passwd", "alice@example.com",
]

extension ByteCursor {
    mutating func counter() -> Int64 {
        let b = byte()
        return b < 200 ? counters[Int(b) % counters.count] : int64()
    }

    mutating func instant(_ period: ReportPeriod) -> Instant {
        let edges: [Int64] = [
            -instantLimit, instantLimit, 0, -62_135_596_800_000_000, 253_402_300_799_999_999, period.from.microseconds,
            period.to.microseconds - 1, period.to.microseconds, period.asOf.microseconds, period.previousFrom.microseconds,
            period.from.microseconds + 3_600_000_000, period.asOf.microseconds - 86_400_000_000 * 100,
        ]
        let b = byte()
        if b < 200 { return Instant(microseconds: edges[Int(b) % edges.count]) }
        let v = int64() % instantLimit
        return Instant(microseconds: v)
    }

    mutating func optionalInstant(_ period: ReportPeriod) -> Instant? {
        byte() & 3 == 0 ? nil : instant(period)
    }

    mutating func text() -> String {
        let b = byte()
        if b < 220 { return texts[Int(b) % texts.count] }
        let n = Int(byte() % 40)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<n { scalars.append(Unicode.Scalar(UInt32(byte()) | (byte() & 1 == 0 ? 0 : 0x100)) ?? "?") }
        return String(scalars)
    }

    mutating func optionalText() -> String? { byte() & 3 == 0 ? nil : text() }
    mutating func user() -> String? { users[Int(byte()) % users.count] }
    mutating func id() -> String { "00000000-0000-4000-8000-\(String(format: "%012x", Int(byte() % 64)))" }
}

/// A history source of records in memory, in two shards.
struct Records: HistorySource {
    let name = "fuzz"
    let records: [HistoryRecord]
    var formatName: String { "records" }
    var idsMayRepeat: Bool { true }

    func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        for (i, record) in records.enumerated() { try visitor.visit(record, at: RecordLocation(source: name, position: .line(i + 1))) }
    }

    func shards(_ count: Int) throws -> [any HistorySource] {
        guard count > 1, records.count > 1 else { return [self] }
        let half = records.count / 2
        return [Records(records: Array(records[..<half])), Records(records: Array(records[half...]))]
    }
}

/// Builds the records one input describes.
func records(_ cursor: inout ByteCursor, period: ReportPeriod) -> [HistoryRecord] {
    var out: [HistoryRecord] = []
    while !cursor.isAtEnd, out.count < 64 {
        switch cursor.byte() % 3 {
        case 0:
            out.append(.job(JobRecord(
                id: cursor.id(), userID: cursor.user(), jobType: cursor.text(), status: cursor.text(),
                totalDocuments: cursor.counter(), processedCount: cursor.counter(), failedCount: cursor.counter(),
                modelName: cursor.optionalText(), errorMessage: cursor.optionalText(), startedAt: cursor.optionalInstant(period),
                completedAt: cursor.optionalInstant(period), createdAt: cursor.instant(period), updatedAt: cursor.optionalInstant(period))))
        case 1:
            let job = JobContext(
                userID: cursor.user(), status: cursor.text(), createdAt: cursor.optionalInstant(period),
                startedAt: cursor.optionalInstant(period), completedAt: cursor.optionalInstant(period))
            let seconds: [Double] = [0, -1, 1.5, .nan, .infinity, -.infinity, 1e300, 1e11, 9.2e12, 5e-7]
            out.append(.document(DocumentRecord(
                id: cursor.id(), jobID: cursor.byte() & 1 == 0 ? nil : cursor.id(), userID: cursor.user(), title: cursor.optionalText(),
                fileSourceType: cursor.optionalText(), fileSize: cursor.byte() & 1 == 0 ? nil : cursor.counter(),
                mimeType: cursor.optionalText(), status: cursor.text(), processingTime: seconds[Int(cursor.byte()) % seconds.count],
                tokensUsed: cursor.byte() & 1 == 0 ? nil : cursor.counter(), extractionMethod: cursor.optionalText(),
                errorMessage: cursor.optionalText(), processedAt: cursor.optionalInstant(period), createdAt: cursor.optionalInstant(period),
                job: cursor.byte() & 1 == 0 ? nil : job)))
        default:
            guard let id = cursor.user() else { continue }
            out.append(.user(UserRecord(id: id, email: cursor.optionalText(), fullName: cursor.optionalText(), isActive: cursor.byte() & 1 == 0)))
        }
    }
    return out
}

/// What stays the same for every input: periods (a month, three days, 10,000 years), zones, templates, the plan.
struct Fixtures: @unchecked Sendable {
    let scopes: [(ReportScope, ZonedCalendar, [BillingPeriod])]
    let templates: TemplateSet
    let plan: Plan

    init() {
        templates = try! TemplateSet.builtIn()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        plan = try! PlanLoader.load(path: root.appendingPathComponent("sample-data/plan.yaml").path)
        var scopes: [(ReportScope, ZonedCalendar, [BillingPeriod])] = []
        let asOf = TimestampParser.parse("2026-11-29T00:00:00Z")!
        for (zone, spec) in [("UTC", "2026-11"), ("Europe/Berlin", "2026-03-28..2026-03-31"), ("Pacific/Chatham", "0001-01-01..9999-12-31")] {
            let calendar = ZonedCalendar(zone: TimeZone(identifier: zone)!)
            let parts = spec.components(separatedBy: "..")
            let period: PeriodSpec = parts.count == 2
                ? .range(from: PeriodSpec.parseDate(parts[0])!, to: PeriodSpec.parseDate(parts[1])!) : .month(year: 2026, month: 11)
            let resolved = try! PeriodResolver.resolve(period, calendar: calendar, asOf: asOf, stuckAfterMicros: 6 * 3_600_000_000, zoneName: zone)
            var scope = ReportScope(period: resolved, calendar: calendar, users: nil)
            // Billing for the short periods only (10,000 years are 120,000 monthly billing periods).
            let periods = try! BillingStage.periods(plan: plan, period: resolved).1
            let billed = periods.count <= 24 ? periods : []
            scope.billingWindows = billed.map(\.window)
            scopes.append((scope, calendar, billed))
        }
        self.scopes = scopes
    }
}

/// Renders every invoice page the pass prices, in memory.
struct RenderingSink: BillingSink {
    let renderer: BillingRenderer

    mutating func begin(_ period: BillingPeriod, issuer: BillingParty?) throws {}

    mutating func add(_ invoice: Invoice, notes: [AdjustmentNote]) throws {
        _ = renderer.page(InvoiceView(invoice, file: "invoice.html", notes: [], format: renderer.format), issuer: nil, currency: invoice.currency.code)
    }

    mutating func end(_ period: BillingPeriod, bridge: BillingBridge, unbilled: UnbilledUsage) throws {}
}

@_silgen_name("__lsan_disable") func lsanDisable()
@_silgen_name("__lsan_enable") func lsanEnable()

/// The fixtures live as long as the process. Their allocations are not leak-checked:
/// LeakSanitizer cannot follow pointers Swift stores with tag bits in enum payloads (the
/// parsed templates), so it would call the templates' nodes leaked.
let fixtures = {
    lsanDisable()
    defer { lsanEnable() }
    return Fixtures()
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var cursor = ByteCursor(bytes: UnsafeBufferPointer(start: data, count: size))
    let (scope, calendar, periods) = fixtures.scopes[Int(cursor.byte()) % fixtures.scopes.count]
    let source = Records(records: records(&cursor, period: scope.period))
    // Straight into the accumulators, bounds not applied: they must not trap on any value.
    var usage = UsageAccumulator(scope: scope)
    var stats = EndpointStatsAccumulator(capped: false)
    var compat = EndpointStatsAccumulator(capped: true)
    var users = UserDirectory()
    for record in source.records {
        switch record {
        case .job(let job): usage.add(job); stats.add(job); compat.add(job); _ = JobsCSVWriter().row(job)
        case .document(let document): usage.add(document)
        case .user(let user): users.add(user)
        }
    }
    var merged = UsageAccumulator(scope: scope)
    merged.merge(usage)
    merged.merge(usage)
    produce(merged, stats: stats, compat: compat, users: users, scope: scope, calendar: calendar, periods: periods)
    // Through the scan, in two shards, with the bounds.
    if let result = try? HistoryScan.run([source], options: ScanOptions(parallelism: 2), makeAccumulator: {
        ReportAccumulator(usage: UsageAccumulator(scope: scope), stats: EndpointStatsAccumulator(capped: false), spool: nil)
    }) {
        produce(result.aggregate.usage, stats: result.aggregate.stats, compat: compat, users: result.users, scope: scope, calendar: calendar, periods: periods)
    }
    return 0
}

/// The report, every format, stats files, and billing priced and its invoices rendered.
func produce(
    _ usage: UsageAccumulator, stats: EndpointStatsAccumulator, compat: EndpointStatsAccumulator, users: UserDirectory,
    scope: ReportScope, calendar: ZonedCalendar, periods: [BillingPeriod]
) {
    let report = usage.report(users: users, diagnostics: ScanDiagnostics(), sources: [], userFilter: [])
    _ = try? ReportRenderer(templates: fixtures.templates, zone: calendar.zone, csvBOM: false).render(report)
    _ = StatsFiles.render(stats, users: users)
    _ = StatsFiles.render(compat, users: users, apiCompat: true)
    guard !periods.isEmpty, let billingCalendar = try? BillingCalendar(plan: fixtures.plan) else { return }
    var pass = BillingPass(
        builder: InvoiceBuilder(plan: fixtures.plan), calendar: billingCalendar, asOf: scope.period.asOf, ledger: nil,
        failOnRestatement: false, customer: { BillingCustomer(id: $0, email: users[$0]?.email, name: users[$0]?.fullName) },
        knownIDs: users.byID.keys.sorted(), inScope: { _ in true })
    var sink = RenderingSink(
        renderer: BillingRenderer(templates: fixtures.templates, zone: calendar.zone, zoneName: fixtures.plan.timeZone ?? "UTC"))
    _ = try? pass.run(zip(periods, usage.billing.windows).map { PeriodInput(period: $0, window: $1) }, into: &sink)
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The entry point SwiftPM links as `main` (built with -parse-as-library): hands over to libFuzzer.
@_cdecl("TallyFuzzRecords_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector) { fuzzRecords($0, $1) }
}
