/// The view model of `billing.html`, `billing.md` and the invoice pages: a `BillingRun`
/// formatted for people, with thousands separators in counts, quantities and amounts,
/// the period in the report zone, tier flat fees, and the unbilled job lists capped.
///
/// `templates/README.md` documents every key ("billing.html, billing.md and the invoice pages").
struct BillingView: TemplateModel {
    /// `Billing <period label>`.
    let title: String
    /// ISO 4217 code.
    let currency: String
    /// The plan file's name.
    let planSource: String
    let period: BillingPeriodView
    let invoiceCount: String
    let hasInvoices: Bool
    /// Sorted by number.
    let invoices: [InvoiceView]
    /// One row per invoice, in the same order.
    let summary: [SummaryRowView]
    /// The sum of every invoice total.
    let grandTotal: String
    let reconciliation: ReconciliationView
    let unbilled: UnbilledView
    /// Plan `customers` keys that matched no user id or email.
    let unmatchedPlanCustomers: [ListValue]
    let hasUnmatchedPlanCustomers: Bool
    let unmatchedPlanCustomerCount: String
    /// HTML only: the Content-Security-Policy of the `<meta>` tag.
    var csp: String?
    /// HTML only: `usage.css` followed by `billing.css`.
    var style: String?
    /// `billing.html` only: the text of `usage.js`.
    var script: String?
    /// Invoice pages only: the invoice of the page.
    var invoice: InvoiceView?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "currency": currency
        case "planSource": planSource
        case "period": period
        case "invoiceCount": invoiceCount
        case "hasInvoices": hasInvoices
        case "invoices": invoices
        case "summary": summary
        case "grandTotal": grandTotal
        case "reconciliation": reconciliation
        case "unbilled": unbilled
        case "unmatchedPlanCustomers": unmatchedPlanCustomers
        case "hasUnmatchedPlanCustomers": hasUnmatchedPlanCustomers
        case "unmatchedPlanCustomerCount": unmatchedPlanCustomerCount
        case "csp": csp
        case "style": style
        case "script": script
        case "invoice": invoice
        default: nil
        }
    }
}

extension BillingView {
    /// The view of a run; the page keys (`csp`, `style`, `script`, `invoice`) are left empty.
    ///
    /// - Parameters:
    ///   - zoneName: the zone as the user named it (Linux calls UTC `GMT`).
    ///   - jobCap: in-flight and unbillable jobs listed at most (their totals are always shown).
    ///   - invoiceFiles: invoice number to its page's path, `invoices/<number>.html`.
    init(_ run: BillingRun, format: DisplayFormat, zoneName: String, jobCap: Int, invoiceFiles: [String: String]) {
        let c = run.currency
        let amount = { DisplayFormat.grouped(c.format($0)) }
        self.init(
            title: "Billing \(run.period.label)", currency: c.code, planSource: run.planSource,
            period: BillingPeriodView(run.period, format: format, zoneName: zoneName),
            invoiceCount: format.count(Int64(run.invoices.count)), hasInvoices: !run.invoices.isEmpty,
            invoices: run.invoices.map { InvoiceView($0, file: invoiceFiles[$0.number] ?? "") },
            summary: run.summary.map { SummaryRowView($0, currency: c, file: invoiceFiles[$0.invoiceNumber] ?? "") },
            grandTotal: amount(run.reconciliation.invoicesTotal),
            reconciliation: ReconciliationView(run.reconciliation, currency: c, format: format),
            unbilled: UnbilledView(run.unbilled, jobCap: jobCap, format: format),
            unmatchedPlanCustomers: run.unmatchedPlanCustomers.map(ListValue.init),
            hasUnmatchedPlanCustomers: !run.unmatchedPlanCustomers.isEmpty,
            unmatchedPlanCustomerCount: format.count(Int64(run.unmatchedPlanCustomers.count)))
    }
}

/// The billing period.
struct BillingPeriodView: TemplateModel {
    /// `2026-11`.
    let label: String
    /// The zone as the user named it.
    let zone: String
    /// `2026-11-01 00:00 +01:00` in the report zone.
    let from: String
    /// Excluded.
    let to: String
    /// The first and last days billed: `2026-11-01`, `2026-11-30`.
    let firstDay: String
    let lastDay: String
    /// ISO 8601 UTC.
    let startISO: String
    let endISO: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "zone": zone
        case "from": from
        case "to": to
        case "firstDay": firstDay
        case "lastDay": lastDay
        case "startISO": startISO
        case "endISO": endISO
        default: nil
        }
    }
}

extension BillingPeriodView {
    /// The view of the billing period in the report zone.
    init(_ p: BillingPeriod, format f: DisplayFormat, zoneName: String) {
        self.init(
            label: p.label, zone: zoneName, from: f.minute(p.start) + " " + f.offset(at: p.start),
            to: f.minute(p.end) + " " + f.offset(at: p.end), firstDay: f.date(p.start).description,
            lastDay: f.date(p.end.adding(microseconds: -1)).description, startISO: p.start.isoString, endISO: p.end.isoString)
    }
}
