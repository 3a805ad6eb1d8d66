import Foundation

/// Prices the period's billing usage with a plan and renders the billing files.
enum BillingStage {
    /// Invoices for every customer with usage (and listed customers with a base fee).
    static func price(
        plan: Plan, period: ReportPeriod, tally: BillingUsageTally, users: UserDirectory, scope: ReportScope
    ) throws -> BillingRun {
        func customer(_ id: String) -> BillingCustomer {
            BillingCustomer(id: id, email: users[id]?.email, name: users[id]?.fullName)
        }
        let usage = tally.byUser.keys.sorted().map { id -> CustomerUsage in
            let u = tally.byUser[id]!
            return CustomerUsage(
                customer: customer(id),
                usage: BillingUsage(
                    documents: u.documents, failedDocuments: u.failedDocuments, jobs: u.jobs, tokens: u.tokens,
                    processingMicroseconds: u.processingMicros, bytes: u.bytes))
        }
        let known = users.byID.keys.sorted().filter { scope.includes($0) }.map(customer)
        func unbilled(_ jobs: [BillingUsageTally.UnbilledJob]) -> [UnbilledJob] {
            jobs.map { UnbilledJob(jobID: $0.id, userID: $0.userID, status: $0.status, documents: $0.processed) }
        }
        let unbilledUsage = UnbilledUsage(
            anonymousDocuments: tally.anonymous.documents, anonymousJobs: tally.anonymous.jobs,
            inFlight: unbilled(tally.inFlightJobs), unbillable: unbilled(tally.unbillableJobs),
            inFlightTotals: (tally.inFlightCount, tally.inFlightDocuments),
            unbillableTotals: (tally.unbillableCount, tally.unbillableDocuments))
        let label = period.label.replacingOccurrences(of: " – ", with: "_")
        return try BillingRun.make(
            plan: plan, period: BillingPeriod(start: period.from, end: period.to, label: label), usage: usage,
            knownCustomers: known, unbilled: unbilledUsage, processedDocuments: tally.processedDocumentsInPeriod)
    }

    /// The billing box of the usage report: invoice count and total.
    static func summary(_ run: BillingRun) -> BillingSummaryView {
        let total = run.invoices.reduce(ExactDecimal.zero) { $0 + $1.total }
        return BillingSummaryView(
            invoices: Int64(run.invoices.count),
            totals: [BillingSummaryView.CurrencyTotal(currency: run.currency.code, amount: run.currency.format(total))])
    }

    /// `billing.html` with `invoices/<number>.html`, `billing.md`, `invoices.csv`,
    /// `billing_summary.csv` and `invoices.json`, as the formats ask.
    ///
    /// - Parameters:
    ///   - zoneName: the zone as the user named it (shown in the pages); `zone.identifier` when nil.
    ///   - width: threads rendering the files; the result does not depend on it.
    static func files(
        _ run: BillingRun, formats: Set<ReportFormat>, templates: TemplateSet, zone: TimeZone, zoneName: String? = nil,
        bom: Bool, width: Int = 1
    ) throws -> [RenderedFile] {
        // The pages (themselves on `width` threads) beside the CSV and JSON files.
        let parts = try Parallel.map(2, width: width) { part -> [RenderedFile] in
            if part == 0 {
                return try BillingRenderer(templates: templates, zone: zone, zoneName: zoneName)
                    .render(run, formats: formats, width: width)
            }
            var files: [RenderedFile] = []
            if formats.contains(.csv) {
                files.append(RenderedFile(name: "invoices.csv", bytes: BillingCSVWriter.invoices(run, bom: bom)))
                files.append(RenderedFile(name: "billing_summary.csv", bytes: BillingCSVWriter.summary(run, bom: bom)))
            }
            if formats.contains(.json) {
                files.append(RenderedFile(name: "invoices.json", bytes: Array(BillingJSONWriter.invoicesJSON(run).utf8)))
            }
            return files
        }
        return parts[0] + parts[1]
    }
}
