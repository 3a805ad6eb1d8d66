import Foundation
@testable import TallyKit

/// November 2026 in Europe/Berlin as a final billing period.
let novemberPeriod = BillingPeriod(
    start: Instant(seconds: 1_793_487_600), end: Instant(seconds: 1_796_079_600), label: "2026-11",
    firstDay: CivilDate(year: 2026, month: 11, day: 1), lastDay: CivilDate(year: 2026, month: 11, day: 30), status: .final,
    closesAt: Instant(seconds: 1_796_079_600), usageUpTo: Instant(seconds: 1_796_079_600))

/// A sink that keeps every invoice: for tests of the pricing and the ledger, not for large runs.
struct CollectingSink: BillingSink {
    var periods: [(period: BillingPeriod, issuer: BillingParty?)] = []
    var invoices: [Invoice] = []
    var notes: [String: [AdjustmentNote]] = [:]
    var bridges: [BillingBridge] = []
    var unbilled: [UnbilledUsage] = []

    mutating func begin(_ period: BillingPeriod, issuer: BillingParty?) throws { periods.append((period, issuer)) }

    mutating func add(_ invoice: Invoice, notes: [AdjustmentNote]) throws {
        invoices.append(invoice)
        if !notes.isEmpty { self.notes[invoice.number] = notes }
    }

    mutating func end(_ period: BillingPeriod, bridge: BillingBridge, unbilled: UnbilledUsage) throws {
        bridges.append(bridge)
        self.unbilled.append(unbilled)
    }
}

/// Billing runs without a history: usage given per customer, run through `BillingPass`.
enum BillingHarness {
    /// A window holding `usage` per customer id, its bridge consistent (every job created before the period),
    /// plus the given unbilled usage.
    static func window(
        _ usage: [(String, BillingUsage)], anonymous: BillingUsage = BillingUsage(),
        inFlight: [BillingUsageTally.UnbilledJob] = [], unbillable: [BillingUsageTally.UnbilledJob] = []
    ) -> BillingUsageTally.Window {
        var w = BillingUsageTally.Window()
        for (id, u) in usage {
            w.users.update(id, default: .init()) { $0.merge(tally(u)) }
            w.createdOutside.add(u.documents)
        }
        w.anonymous = tally(anonymous)
        w.createdOutside.documents += anonymous.documents
        for job in inFlight {
            w.created.add(job.processed)
            w.notFinished.add(job.processed)
            w.inFlightList.add(job, key: Reversed(RecencyKey(createdAt: job.createdAt, id: job.id)))
        }
        for job in unbillable {
            w.created.add(job.processed)
            w.unbillable.add(job.processed)
            w.unbillableList.add(job, key: Reversed(RecencyKey(createdAt: job.createdAt, id: job.id)))
        }
        return w
    }

    static func tally(_ u: BillingUsage) -> BillingUsageTally.Usage {
        BillingUsageTally.Usage(
            documents: u.documents, failedDocuments: u.failedDocuments, jobs: u.jobs, tokens: u.tokens,
            processingMicros: u.processingMicroseconds, bytes: u.bytes)
    }

    /// A pass over `plan` at `asOf`; `users` are the customers the sources know (all in scope).
    static func pass(
        _ plan: Plan, users: [BillingCustomer] = [], asOf: Instant = Instant(seconds: 1_796_100_000), ledger: LedgerBook? = nil,
        failOnRestatement: Bool = false
    ) throws -> BillingPass {
        let byID = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return BillingPass(
            builder: InvoiceBuilder(plan: plan), calendar: try BillingCalendar(plan: plan), asOf: asOf, ledger: ledger,
            failOnRestatement: failOnRestatement, customer: { byID[$0] ?? BillingCustomer(id: $0) },
            knownIDs: byID.keys.sorted(), inScope: { _ in true })
    }

    /// Every invoice of `inputs` priced by a pass, collected.
    static func collect(_ plan: Plan, _ inputs: [PeriodInput], users: [BillingCustomer] = [], ledger: LedgerBook? = nil) throws -> CollectingSink {
        var sink = CollectingSink()
        var pass = try pass(plan, users: users, ledger: ledger)
        try pass.run(inputs, into: &sink)
        return sink
    }

    /// The billing files of `inputs` as `BillingStage` writes them, read back as text by relative name.
    static func files(
        _ plan: Plan, _ inputs: [PeriodInput], users: [BillingCustomer] = [], formats: Set<ReportFormat> = Set(ReportFormat.allCases),
        templates: TemplateSet? = nil, zone: String = "Europe/Berlin", asOf: Instant = Instant(seconds: 1_796_100_000),
        title: String = "Billing 2026-11", width: Int = 1
    ) throws -> [String: String] {
        let root = NSTemporaryDirectory() + "tally-billing-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = try ReportDirectory(target: try OutputTarget(root + "/out"))
        defer { directory.discard() }
        let renderer = BillingRenderer(templates: try templates ?? TemplateSet.builtIn(), zone: TimeZone(identifier: zone)!, zoneName: zone)
        var sink = try BillingFiles(
            directory: directory, formats: formats, renderer: renderer, currency: plan.currency, planName: "plan.yaml", asOf: asOf,
            bom: false, fileMode: 0o644, width: width)
        var pass = try pass(plan, users: users, asOf: asOf)
        try pass.run(inputs, into: &sink)
        let view = BillingView(
            sink.digest, title: title, planName: "plan.yaml", currency: plan.currency, asOf: asOf, format: renderer.format,
            jobCap: BillingRenderer.htmlJobCap, unmatched: [], unmatchedCount: 0)
        _ = try sink.finish(view: view, unmatched: [], unmatchedCount: 0)
        var files: [String: String] = [:]
        for (name, _) in sink.written {
            files[name] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory.stagingPath(name))), as: UTF8.self)
        }
        return files
    }
}

extension BillingBridge {
    /// This bridge with `billed` documents.
    func with(billed: Int64) -> BillingBridge {
        var copy = self
        copy.billed = billed
        return copy
    }
}
