import Foundation
import Logging

/// What the billing stage of a report did.
struct BillingOutcome {
    /// The billing line of the usage report.
    var summary: BillingSummaryView
    /// The files it wrote into the staging directory, with their sizes (pages only at debug level).
    var written: [(name: String, bytes: Int)]
    /// The page folders counted rather than listed.
    var countedFolders: [WrittenFiles.Folder]
    /// Invoices written.
    var invoices: Int64
    /// The ledger with this run's entries, not committed yet: the run commits it just before the report.
    var ledger: LedgerBook?
    /// What the operator should know (drafts, adjustment notes): logged once the report is in place.
    var warnings: [String]
    /// Invoice pages of the customers asked for (`linkCustomers`), for their customer pages.
    var invoiceLinks: [String: [(number: String, file: String)]] = [:]
}

/// Billing in a report: the billing periods the report overlaps (from the plan), their
/// invoices priced, finalized in the ledger when closed, and streamed into the staging directory.
enum BillingStage {
    /// The plan's billing periods overlapping the report period, each draft or final at `--as-of`.
    static func periods(plan: Plan, period: ReportPeriod) throws -> (BillingCalendar, [BillingPeriod]) {
        let calendar = try BillingCalendar(plan: plan)
        return (calendar, calendar.periods(overlapping: period.from, period.to, asOf: period.asOf))
    }

    /// Prices every period and writes the billing files into `directory`. `sourceNames` are the
    /// sources as errors name them (a database's address without its password).
    ///
    /// - Throws: `TallyError.usage` (64) for `--user` with a ledger and a period to finalize;
    ///   `RestatementRefused` (1) under `--fail-on-restatement`; `internalInconsistency` (1) when
    ///   the checks fail; ledger errors (65, 73). The ledger is rolled back on any of them.
    static func run(
        plan: Plan, calendar: BillingCalendar, periods: [BillingPeriod], tally: BillingUsageTally, users: UserDirectory,
        scope: ReportScope, request: ReportRequest, sourceNames: [String], templates: TemplateSet,
        directory: ReportDirectory, linkCustomers: Set<String> = [], cancellation: Cancellation = Cancellation(), logger: Logger
    ) throws -> BillingOutcome {
        let windows = tally.windows
        if request.strict, let window = windows.first(where: { $0.unbillable.jobs > 0 }), let first = window.unbillableJobs.first {
            throw TallyError.badData(
                file: sourceNames.joined(separator: ", "), location: "job \(first.id)",
                message: "\(window.unbillable.jobs) job(s) in a terminal status without completed_at cannot be billed; fatal under --strict")
        }
        let hasUsage = { (id: String) in windows.contains { $0.byUser[id] != nil } }
        let known = { (key: String) in users.user(matching: key) != nil || hasUsage(key) }
        var more: [CustomerTerms] = []
        var unmatched = plan.customers.map(\.key).filter { !known($0) }
        var unmatchedCount = unmatched.count
        if let file = plan.customersFile {
            let read = try CustomersFile.terms(file, plan: plan, matching: known)
            more = read.terms
            unmatched += read.examples
            unmatchedCount += read.unmatched
        }
        unmatched = Array(unmatched.prefix(CustomersFile.unmatchedListed))
        let ledger = try openLedger(request, periods: periods, plan: plan)
        let zoneName = plan.timeZone ?? "UTC"
        let renderer = BillingRenderer(templates: templates, zone: calendar.calendar.zone, zoneName: zoneName, paper: request.paper)
        let planName = (plan.source as NSString).lastPathComponent
        do {
            var sink = try BillingFiles(
                directory: directory, formats: request.formats, renderer: renderer, currency: plan.currency, planName: planName,
                asOf: request.asOf, bom: request.csvBOM, fileMode: mode_t(request.fileMode), width: request.parallelism,
                listPages: logger.logLevel <= .debug, cancellation: cancellation)
            sink.linkCustomers = linkCustomers
            var pass = BillingPass(
                builder: InvoiceBuilder(plan: plan, more: more), calendar: calendar, asOf: request.asOf, ledger: ledger,
                failOnRestatement: request.failOnRestatement,
                customer: { BillingCustomer(id: $0, email: users[$0]?.email, name: users[$0]?.fullName) },
                knownIDs: users.byID.keys.filter { scope.includes($0) }.sorted(), inScope: { scope.includes($0) })
            try pass.run(zip(periods, windows).map { PeriodInput(period: $0, window: $1) }, into: &sink)
            if ledger != nil { try cancellation.ledgerWritten() }
            let digest = sink.digest
            guard digest.invoicesTotal == digest.linesTotal, digest.bridgesOK else {
                let broken = digest.periods.filter { !($0.bridge?.isConsistent ?? true) }.map {
                    "\($0.period.label): bridge \($0.bridge?.bridged ?? 0) vs billed \($0.bridge?.billed ?? 0) documents"
                }
                throw TallyError.internalInconsistency(
                    "billing does not reconcile: invoices \(digest.invoicesTotal) vs lines \(digest.linesTotal)"
                        + (broken.isEmpty ? "" : "; " + broken.joined(separator: "; ")))
            }
            let view = BillingView(
                digest, title: "Billing \(scope.period.label)", planName: planName, currency: plan.currency, asOf: request.asOf,
                format: renderer.format, jobCap: BillingRenderer.htmlJobCap, unmatched: unmatched, unmatchedCount: unmatchedCount)
            let summary = try sink.finish(view: view, unmatched: unmatched, unmatchedCount: unmatchedCount)
            let drafts = view.periods.map(\.period).filter(\.isDraft).map {
                "\($0.label): draft invoices, \($0.draftNote.dropFirst("DRAFT: ".count))"
            }
            let counted = sink.listPages ? [] : sink.pages.sorted { $0.key < $1.key }.map {
                WrittenFiles.Folder(name: $0.key, files: $0.value.files, bytes: $0.value.bytes)
            }
            return BillingOutcome(
                summary: summary, written: sink.written, countedFolders: counted, invoices: digest.invoiceCount, ledger: ledger,
                warnings: pass.warnings + drafts, invoiceLinks: sink.invoiceLinks)
        } catch {
            ledger?.rollback()
            throw error
        }
    }

    /// The ledger, when one is given and a period is final; refuses to finalize for some customers only.
    static func openLedger(_ request: ReportRequest, periods: [BillingPeriod], plan: Plan) throws -> LedgerBook? {
        guard let path = request.ledgerPath, periods.contains(where: { $0.status == .final }) else { return nil }
        let ledger = try LedgerBook(path: path, plan: plan)
        if !request.users.isEmpty {
            for period in periods where period.status == .final {
                guard try ledger.isRecorded(period) else {
                    ledger.rollback()
                    throw TallyError.usage(
                        "\(period.label) is final and not in the ledger yet: finalize it for every customer (without --user) first")
                }
            }
        }
        return ledger
    }
}
