/// What `billing.html`, `billing.md` and the end of `invoices.json` show of a run,
/// gathered invoice by invoice in memory that does not grow with the invoices:
/// per-period counts and totals, and the `listLimit` largest invoices.
struct BillingDigest {
    /// Invoices (and notes) listed in `billing.html` and `billing.md` at most, like the
    /// 500 customers of `usage.html`; every one is in the CSV files and has its page.
    static let listLimit = 500

    /// One billing period's part.
    struct PeriodPart {
        var period: BillingPeriod
        var invoices: Int64 = 0
        var total = ExactDecimal.zero
        var notes: Int64 = 0
        var notesTotal = ExactDecimal.zero
        var firstNumber: String?
        var lastNumber: String?
        /// Tax per rate: the rate, the taxable amount and the tax, in the order the rates were met.
        var taxes: [(rate: ExactDecimal, taxable: ExactDecimal, tax: ExactDecimal)] = []
        var bridge: BillingBridge?
        var unbilled: UnbilledUsage?

        mutating func add(_ invoice: Invoice, notes: [AdjustmentNote]) {
            invoices += 1
            total = total + invoice.total
            self.notes += Int64(notes.count)
            notesTotal = notes.reduce(notesTotal) { $0 + $1.amount }
            if invoice.status == .final, invoice.issuedAt != nil {
                firstNumber = firstNumber ?? invoice.number
                lastNumber = invoice.number
            }
            for line in invoice.lines where line.kind == .tax {
                let rate = line.unitPrice ?? .zero
                if let index = taxes.firstIndex(where: { $0.rate == rate }) {
                    taxes[index].taxable = taxes[index].taxable + line.quantity
                    taxes[index].tax = taxes[index].tax + line.amount
                } else {
                    taxes.append((rate, line.quantity, line.amount))
                }
            }
        }
    }

    /// The order listed invoices are kept in: the largest totals, ties to the earlier invoice.
    struct ListKey: Comparable, Sendable {
        var total: ExactDecimal
        var index: Int

        static func < (a: ListKey, b: ListKey) -> Bool {
            a.total != b.total ? a.total < b.total : a.index > b.index
        }
    }

    var periods: [PeriodPart] = []
    var invoiceCount: Int64 = 0
    var invoicesTotal = ExactDecimal.zero
    var linesTotal = ExactDecimal.zero
    var listed = BoundedTop<ListKey, InvoiceView>(limit: listLimit)
    var notes: [AdjustmentNoteView] = []
    var noteCount: Int64 = 0
    var notesTotal = ExactDecimal.zero

    /// Counts an invoice (and its notes) whose view is `view`.
    mutating func add(_ invoice: Invoice, notes: [AdjustmentNote], view: InvoiceView, noteViews: [AdjustmentNoteView]) {
        periods[periods.count - 1].add(invoice, notes: notes)
        let key = ListKey(total: invoice.total, index: Int(invoiceCount))
        if listed.accepts(key) { listed.add(view, key: key) }
        invoiceCount += 1
        invoicesTotal = invoicesTotal + invoice.total
        linesTotal = invoice.lines.reduce(linesTotal) { $0 + $1.amount }
        noteCount += Int64(notes.count)
        notesTotal = notes.reduce(notesTotal) { $0 + $1.amount }
        for view in noteViews where self.notes.count < Self.listLimit { self.notes.append(view) }
    }

    /// The listed invoices in the order they came (period, then number).
    var listedInOrder: [InvoiceView] {
        listed.newestFirst.sorted { $0.key.index < $1.key.index }.map(\.element)
    }

    /// Whether every period's bridge arrives at its billed documents.
    var bridgesOK: Bool { periods.allSatisfy { $0.bridge?.isConsistent ?? true } }
}
