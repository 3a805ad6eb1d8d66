/// The view model of `billing.html` and `billing.md`: the billing periods of a report
/// with their status, bridge and unbilled usage, the invoices (at most `BillingDigest.listLimit`
/// of them; every one is in the CSV files and has its page), the adjustment notes and the checks.
///
/// `templates/README.md` documents every key ("billing.html and billing.md").
struct BillingView: TemplateModel {
    /// `Billing <report period>`.
    let title: String
    /// ISO 4217 code.
    let currency: String
    /// The plan file's name, without its folder.
    let planName: String
    /// "Now": `--as-of`, in the plan's zone.
    let asOf: String
    /// The plan's zone, as named: every time on the page is in it.
    let zone: String
    /// The billing periods the report overlaps, in order.
    let periods: [PeriodSummaryView]
    /// Whether any period is still a draft.
    let hasDrafts: Bool
    let invoiceCount: String
    /// `1 invoice`, `12 invoices`.
    let invoiceCountText: String
    let hasInvoices: Bool
    /// The sum of every invoice total.
    let grandTotal: String
    /// The invoices listed: all of them, or the `listLimit` largest, in period and number order.
    let invoices: [InvoiceView]
    let listedCount: String
    /// Fewer are listed than there are.
    let capped: Bool
    /// Adjustment notes of the periods, in number order (at most `listLimit`).
    let notes: [AdjustmentNoteView]
    let noteCount: String
    /// `1 note`, `3 notes`.
    let noteCountText: String
    let listedNoteCount: String
    let hasNotes: Bool
    let notesCapped: Bool
    /// Their amounts together, signed.
    let notesTotal: String
    let reconciliation: ReconciliationView
    /// Plan customers (inline or in `customers_file`) that matched no user id or email (at most 100 listed).
    let unmatchedPlanCustomers: [ListValue]
    let hasUnmatchedPlanCustomers: Bool
    let unmatchedPlanCustomerCount: String
    /// HTML only: the Content-Security-Policy of the `<meta>` tag.
    var csp: String?
    /// HTML only: `usage.css` followed by `billing.css`.
    var style: String?
    /// HTML only: the text of `usage.js`.
    var script: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "currency": currency
        case "planName": planName
        case "asOf": asOf
        case "zone": zone
        case "periods": periods
        case "hasDrafts": hasDrafts
        case "invoiceCount": invoiceCount
        case "invoiceCountText": invoiceCountText
        case "hasInvoices": hasInvoices
        case "grandTotal": grandTotal
        case "invoices": invoices
        case "listedCount": listedCount
        case "capped": capped
        case "notes": notes
        case "noteCount": noteCount
        case "noteCountText": noteCountText
        case "listedNoteCount": listedNoteCount
        case "hasNotes": hasNotes
        case "notesCapped": notesCapped
        case "notesTotal": notesTotal
        case "reconciliation": reconciliation
        case "unmatchedPlanCustomers": unmatchedPlanCustomers
        case "hasUnmatchedPlanCustomers": hasUnmatchedPlanCustomers
        case "unmatchedPlanCustomerCount": unmatchedPlanCustomerCount
        case "csp": csp
        case "style": style
        case "script": script
        default: nil
        }
    }
}

/// One billing period of the report: status, invoices, notes, taxes, bridge and unbilled usage.
struct PeriodSummaryView: TemplateModel {
    let period: BillingPeriodView
    let invoiceCount: String
    let total: String
    /// `INV-000001 to INV-000012`, or empty when the period has no recorded numbers.
    let numbers: String
    let noteCount: String
    let notesTotal: String
    let hasNotes: Bool
    /// Tax per rate over the period's invoices.
    let taxes: [TaxRateView]
    let hasTaxes: Bool
    let bridge: BridgeView
    let unbilled: UnbilledView

    func child(named name: String) -> Any? {
        switch name {
        case "period": period
        case "invoiceCount": invoiceCount
        case "total": total
        case "numbers": numbers
        case "noteCount": noteCount
        case "notesTotal": notesTotal
        case "hasNotes": hasNotes
        case "taxes": taxes
        case "hasTaxes": hasTaxes
        case "bridge": bridge
        case "unbilled": unbilled
        default: nil
        }
    }
}

extension BillingView {
    /// The view of a finished run's digest; the page keys (`csp`, `style`, `script`) are left empty.
    ///
    /// - Parameters:
    ///   - title: `Billing <report period>`.
    ///   - jobCap: in-flight and unbillable jobs listed per period (their totals are always shown).
    ///   - unmatched: plan customers matching no user (at most 100) and how many in all.
    init(
        _ d: BillingDigest, title: String, planName: String, currency c: Currency, asOf: Instant, format: BillingFormat,
        jobCap: Int, unmatched: [String], unmatchedCount: Int
    ) {
        let f = format.display
        let amount = { DisplayFormat.grouped(c.format($0)) }
        let periods = d.periods.map { part in
            PeriodSummaryView(
                period: BillingPeriodView(part.period, format: format), invoiceCount: f.count(part.invoices),
                total: amount(part.total),
                numbers: part.firstNumber.map { first in part.lastNumber == first ? first : "\(first) to \(part.lastNumber ?? first)" } ?? "",
                noteCount: f.count(part.notes), notesTotal: amount(part.notesTotal), hasNotes: part.notes > 0,
                taxes: part.taxes.map { TaxRateView(rate: TaxRateView.percent($0.rate), taxable: amount($0.taxable), tax: amount($0.tax)) },
                hasTaxes: !part.taxes.isEmpty,
                bridge: BridgeView(part.bridge ?? BillingBridge.none, format: f),
                unbilled: UnbilledView(part.unbilled ?? UnbilledUsage(), label: part.period.label, jobCap: jobCap, format: f))
        }
        let listed = d.listedInOrder
        self.init(
            title: title, currency: c.code, planName: planName, asOf: f.minute(asOf) + " " + f.offset(at: asOf),
            zone: format.zoneName, periods: periods,
            hasDrafts: d.periods.contains { $0.period.status == .draft }, invoiceCount: f.count(d.invoiceCount),
            invoiceCountText: f.count(d.invoiceCount, "invoice"), hasInvoices: d.invoiceCount > 0, grandTotal: amount(d.invoicesTotal), invoices: listed,
            listedCount: f.count(Int64(listed.count)), capped: Int64(listed.count) < d.invoiceCount, notes: d.notes,
            noteCount: f.count(d.noteCount), noteCountText: f.count(d.noteCount, "note"),
            listedNoteCount: f.count(Int64(d.notes.count)), hasNotes: d.noteCount > 0, notesCapped: Int64(d.notes.count) < d.noteCount,
            notesTotal: amount(d.notesTotal),
            reconciliation: ReconciliationView(invoicesTotal: d.invoicesTotal, linesTotal: d.linesTotal, bridgesOK: d.bridgesOK, currency: c),
            unmatchedPlanCustomers: unmatched.map(ListValue.init), hasUnmatchedPlanCustomers: unmatchedCount > 0,
            unmatchedPlanCustomerCount: f.count(Int64(unmatchedCount)))
    }
}
